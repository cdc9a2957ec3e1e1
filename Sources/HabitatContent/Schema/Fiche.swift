/// `plans/<plan>/actions/<numero>.md` front matter: one fiche-action with every field.
public struct FicheFile: Decodable, Sendable {
    /// What a bilan says of an action.
    public struct Review: Decodable, Sendable, Hashable {
        public enum Status: String, ContentEnum {
            case realisee, enCours = "en-cours", partielle, nonEngagee = "non-engagee", abandonnee

            public var label: String {
                switch self {
                case .realisee: return "Réalisée"
                case .enCours: return "En cours"
                case .partielle: return "Partiellement réalisée"
                case .nonEngagee: return "Non engagée"
                case .abandonnee: return "Abandonnée"
                }
            }
        }
        public var statut: Status
        public var resultats: [String]?
        public var perspectives: [String]?
    }

    public var numero: String
    public var titre: String
    public var titre_variantes: [String]?
    public var orientation: Positioned<String>?
    public var objectif: Positioned<String>?
    public var parent: Positioned<String>?
    public var registres: [Positioned<String>]?
    public var nature: String?
    public var objectifs: [String]?
    public var modalites: [String]?
    public var perimetre: Scope?
    public var publics: [String]?
    public var pilotes: [String]?
    public var partenaires: [String]?
    public var calendrier: [CalendarStep]?
    public var moyens_humains: [String]?
    public var budget: [BudgetLine]?
    public var indicateurs: [String]?
    public var liens: [Positioned<String>]?
    public var aides: [Positioned<String>]?
    public var bilan: Review?
    public var chiffres: [KeyFigure]?
    public var ecarts: [Discrepancy]?
    public var alias: [Positioned<String>]?
    public var source: SourceRef
    public var brouillon: Bool?
}
