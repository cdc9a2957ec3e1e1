import HabitatCore

/// `aides/<id>.regles.yaml`: a simulator declared in data — questions, rules, results, personas.
public struct SimulatorFile: Decodable, Sendable {
    public enum QuestionType: String, ContentEnum {
        case ouiNon = "oui-non", choix, entier, euros, commune
    }

    /// One answer offered by a `choix` question.
    public struct Option: Decodable, Sendable, Hashable {
        public var valeur: String
        public var libelle: String
        public init(valeur: String, libelle: String) { self.valeur = valeur; self.libelle = libelle }
    }

    /// A question asked to the resident.
    public struct Question: Decodable, Sendable {
        public var id: Positioned<String>
        public var type: QuestionType
        public var libelle: String
        public var aide: String?
        public var min: Double?
        public var max: Double?
        public var options: [Option]?
        /// Asked only when this rule is true.
        public var si: Positioned<String>?
        /// Not asked: derived from another answer (today only `commune`, which gives the
        /// zone, the département and the intercommunality). Given in the page URL until then.
        public var derivee_de: String?
        /// The answer used while a derived question is not given (e.g. `non` for
        /// "Île-de-France ?" on a portal whose communes are all outside it).
        public var defaut: String?
    }

    /// A named intermediate value.
    public struct Rule: Decodable, Sendable {
        public var id: Positioned<String>
        public var valeur: Positioned<String>
        public var libelle: String?
    }

    /// A sentence shown when its condition holds, to explain the result.
    public struct Reason: Decodable, Sendable {
        public var si: Positioned<String>
        public var texte: String
    }

    /// What the simulator answers.
    public struct Results: Decodable, Sendable {
        public var eligible: Positioned<String>
        public var montant: Positioned<String>?
        /// How the amount reads ("Montant estimé" by default, "Montant maximal du prêt"…).
        public var montant_libelle: String?
        public var categorie: Positioned<String>?
        public var pourquoi: [Reason]?
        public var limites: [String]?
    }

    /// A service to contact, with its public link.
    public struct NextStep: Decodable, Sendable {
        public var texte: String
        public var lien: String?
        public var adresse: String?
    }

    /// A worked example with the result a source justifies.
    public struct Persona: Decodable, Sendable {
        public struct Expected: Decodable, Sendable {
            public var eligible: Bool
            public var montant: Double?
            public var categorie: String?
        }
        public var nom: Positioned<String>
        public var source: String
        public var reponses: YAMLValue
        public var attendu: Expected
    }

    /// Barèmes used: a family (the version in force at the build date) or one version's id (pinned).
    public var baremes: [Positioned<String>]?
    /// Who the simulator is for, and which project: the "Quelles aides pour moi ?" questionnaire
    /// runs it only for these answers.
    public var profils: [Positioned<String>]?
    public var projets: [Positioned<String>]?
    /// The next step after a result: the service to contact.
    public var suite: [NextStep]?
    public var questions: [Question]
    public var regles: [Rule]?
    public var resultats: Results
    public var personas: [Persona]
}

/// `baremes/<id>.yaml`: a dated parameter table (income ceilings by household size…).
public struct BaremeFile: Decodable, Sendable {
    /// A column of the barème.
    public struct Column: Decodable, Sendable, Hashable {
        public var id: String
        public var libelle: String
    }
    public var titre: String
    /// The family this version belongs to (several versions over time); defaults to the file's id.
    public var famille: String?
    public var source: SourceRef
    public var reference: String?
    /// Where the figures are only known second-hand: said on every page that shows them.
    public var seconde_main: String?
    /// When the next version is due but its figures are not known yet: said on the page, and
    /// running past this version's validity is a warning, not an error.
    public var suite_en_attente: String?
    public var valide_du: CalendarDay
    public var valide_au: CalendarDay?
    /// The barème that supersedes this one (no expiry warning then).
    public var remplace_par: String?
    public var unite: String?
    public var colonnes: [Column]
    public var lignes: [[String: Double]]
    public var par_personne_supplementaire: [String: Double]?
    public var note: String?
}
