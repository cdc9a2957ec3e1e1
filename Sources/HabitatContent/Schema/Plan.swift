/// `plans/<id>/plan.md` front matter: a PLH, its bilan, or a PDH.
public struct PlanFile: Decodable, Sendable {
    public enum Kind: String, ContentEnum { case plh, bilan, pdh }

    /// The words a document uses for its levels ("Orientation", "Axe", "Fiche action").
    public struct Levels: Decodable, Sendable, Hashable {
        public var orientation: String?
        public var objectif: String?
        public var action: String?
    }

    /// A level-2 grouping (CUA's "objectifs opérationnels").
    public struct Objective: Decodable, Sendable, Hashable {
        public var numero: String
        public var titre: String
    }

    /// An orientation (or axe) and the objectives under it.
    public struct Orientation: Decodable, Sendable, Hashable {
        public var numero: String
        public var titre: String
        public var titre_variantes: [String]?
        public var resume: String?
        public var enjeux: [String]?
        public var objectifs: [Objective]?
        public var source: SourceRef?
    }

    /// A register of intervention (the PDH's Sensibiliser / Co élaborer / Agir).
    public struct Register: Decodable, Sendable, Hashable {
        public var id: String
        public var titre: String
    }

    public var titre: String
    public var type: Kind
    public var territoire: Positioned<String>
    /// The communes the plan covers when its document gives a perimeter other than today's
    /// territory (the CUA's PLH 2014-2020 covered the communauté of that time).
    public var perimetre: Scope?
    public var periode: String?
    public var debut: Int?
    public var fin: Int?
    public var statut: String?
    public var date_document: String?
    public var auteurs: [String]?
    public var plan_evalue: String?
    public var niveaux: Levels?
    public var orientations: [Orientation]
    public var registres: [Register]?
    public var enjeux: [String]?
    public var chiffres_cles: [KeyFigure]?
    public var ecarts: [Discrepancy]?
    public var alias: [Positioned<String>]?
    public var source: SourceRef
}
