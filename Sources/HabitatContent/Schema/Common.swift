import HabitatCore

/// Where a thing comes from in a seed document: file and lines.
public struct SourceRef: Decodable, Sendable, Hashable {
    public var fichier: String
    public var lignes: String?

    public init(fichier: String, lignes: String? = nil) { self.fichier = fichier; self.lignes = lignes }

    /// `000_fcc6e955cb7005fb.txt, lignes 219-347`.
    public var label: String {
        guard let lignes, !lignes.isEmpty else { return fichier }
        return lignes.contains("-") || lignes.contains(",") ? "\(fichier), lignes \(lignes)" : "\(fichier), ligne \(lignes)"
    }
}

/// A contradiction inside a source document, recorded next to the figure it concerns.
public struct Discrepancy: Decodable, Sendable, Hashable {
    /// One of the conflicting values, as printed, with where it is printed.
    public struct Value: Decodable, Sendable, Hashable {
        public var valeur: String
        public var source: String?
    }
    public var sujet: String
    public var valeurs: [Value]
    public var note: String?
}

/// A figure quoted from a document, with its line.
public struct KeyFigure: Decodable, Sendable, Hashable {
    public var libelle: String
    public var valeur: String
    public var source: String?
}

/// Which communes a fiche or an aid applies to.
public struct Scope: Decodable, Sendable, Hashable {
    public enum Kind: String, ContentEnum {
        case tout, liste, secteurs, critere, texte
    }
    /// A commune is in scope when its row in `table` has `valeur` in `colonne`.
    public struct Criterion: Decodable, Sendable, Hashable {
        public var table: Positioned<String>
        public var colonne: Positioned<String>
        public var valeur: String
    }
    public var type: Kind
    public var communes: [Positioned<String>]?
    public var secteurs: [Positioned<String>]?
    public var critere: Criterion?
    /// Several criteria: a commune is in scope when it meets any of them.
    public var criteres: [Criterion]?
    public var texte: String?
}

/// Units an amount can be expressed in.
public enum AmountUnit: String, ContentEnum {
    case total
    case parAn = "par-an"
    case parLogement = "par-logement"
    case parPlace = "par-place"
    case parDossier = "par-dossier"
    case parMenage = "par-menage"
    case parCommune = "par-commune"
    case parOperation = "par-operation"
    case autre

    /// How the unit reads after an amount: "par logement".
    public var label: String {
        switch self {
        case .total: return "au total"
        case .parAn: return "par an"
        case .parLogement: return "par logement"
        case .parPlace: return "par place"
        case .parDossier: return "par dossier"
        case .parMenage: return "par ménage"
        case .parCommune: return "par commune"
        case .parOperation: return "par opération"
        case .autre: return ""
        }
    }
}

/// One amount a document gives: fixed, a range or a rate, with its cap and payer.
public struct BudgetLine: Decodable, Sendable, Hashable {
    public enum TaxBasis: String, ContentEnum { case HT, TTC }
    public var libelle: String
    public var montant: Double?
    public var min: Double?
    public var max: Double?
    public var taux: Double?
    public var unite: AmountUnit
    public var plafond: Double?
    public var plafond_unite: AmountUnit?
    public var financeur: String?
    public var base: TaxBasis?
    public var validite: String?
    public var texte: String
    public var source: String?
}

/// A dated step of a calendar.
public struct CalendarStep: Decodable, Sendable, Hashable {
    public var quand: String
    public var quoi: String
}
