/// `aides/<id>.md` front matter: the guide of one aid.
public struct AidFile: Decodable, Sendable {
    public enum Audience: String, ContentEnum {
        case proprietaireOccupant = "proprietaire-occupant"
        case proprietaireBailleur = "proprietaire-bailleur"
        case primoAccedant = "primo-accedant"
        case locataire
        case bailleurSocial = "bailleur-social"
        case commune
        case jeune
        case senior
        case tous

        public var label: String {
            switch self {
            case .proprietaireOccupant: return "Propriétaires occupants"
            case .proprietaireBailleur: return "Propriétaires bailleurs"
            case .primoAccedant: return "Primo-accédants"
            case .locataire: return "Locataires"
            case .bailleurSocial: return "Bailleurs sociaux"
            case .commune: return "Communes"
            case .jeune: return "Jeunes"
            case .senior: return "Personnes âgées"
            case .tous: return "Tous les ménages"
            }
        }
    }

    public enum Status: String, ContentEnum {
        case enVigueur = "en-vigueur", terminee, aConfirmer = "a-confirmer"

        public var label: String {
            switch self {
            case .enVigueur: return "En vigueur"
            case .terminee: return "Terminée (conservée pour mémoire)"
            case .aConfirmer: return "À confirmer"
            }
        }
    }

    public var titre: String
    public var resume: String
    public var publics: [Audience]
    public var territoire: Positioned<String>
    public var perimetre: Scope?
    public var financeur: String
    public var plan: Positioned<String>?
    public var fiches: [Positioned<String>]?
    public var statut: Status
    /// For an ended aid: what replaced it (aid ids of this portal).
    public var remplacee_par: [Positioned<String>]?
    /// The official page to go further.
    public var lien_officiel: String?
    public var periode: String?
    public var montant: String
    public var montants: [BudgetLine]?
    public var conditions: [String]
    public var inconnues: [String]?
    public var demarches: [String]
    public var cumul: [String]?
    public var source: SourceRef
    public var ecarts: [Discrepancy]?
    public var alias: [Positioned<String>]?
    public var brouillon: Bool?
}

/// `indicateurs/<id>.json`: one indicator's definition and values.
public struct IndicatorFile: Decodable, Sendable {
    public enum Level: String, ContentEnum { case region, departement, epci, commune, secteur }
    public enum Display: String, ContentEnum { case barres, ligne, progression }

    /// The plan (and fiches) an indicator follows.
    public struct PlanLink: Decodable, Sendable, Hashable {
        public var plan: Positioned<String>
        public var fiches: [Positioned<String>]
    }

    /// One value: a territory, a period, a value and/or a target.
    public struct Value: Decodable, Sendable, Hashable {
        public var territoire: Positioned<String>
        public var periode: Positioned<String>
        public var valeur: Double?
        public var cible: Double?
        public var statut: String?
        public var source: SourceRef?
        public var masque: Bool?
        public var note: String?
    }

    public var titre: String
    public var description: String?
    public var unite: String
    public var plans: [PlanLink]
    public var source: SourceRef
    public var frequence: String?
    public var niveau: Level
    public var affichage: Display?
    public var valeurs: [Value]
    public var brouillon: Bool?
}
