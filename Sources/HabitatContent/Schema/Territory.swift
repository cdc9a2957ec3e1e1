/// `territoires/<id>.yaml`: a région, a département or an EPCI.
public struct TerritoryFile: Decodable, Sendable {
    public enum Kind: String, ContentEnum { case region, departement, epci }

    /// A sector an EPCI or a plan defines (CABBALR's "secteurs PLH").
    public struct Sector: Decodable, Sendable, Hashable {
        public var id: Positioned<String>
        public var nom: String
        public var type: String?
        public var source: SourceRef?
    }

    public var nom: String
    public var sigle: String?
    /// SIREN of an EPCI: ties the territory to the intercommunality of the reference.
    public var siren: Positioned<String>?
    public var type: Kind
    public var parent: Positioned<String>?
    public var code: String?
    public var description: String?
    public var secteurs: [Sector]?
    public var source: SourceRef?
    public var ecarts: [Discrepancy]?

    public init(nom: String, sigle: String? = nil, siren: Positioned<String>? = nil, type: Kind, parent: Positioned<String>?, code: String? = nil,
                description: String? = nil) {
        self.nom = nom
        self.sigle = sigle
        self.siren = siren
        self.type = type
        self.parent = parent
        self.code = code
        self.description = description
    }
}

/// `referentiel/sources.yaml`: where the figures of `referentiel/communes.csv` come from, in the
/// words every commune page, card and open-data file cite. Updated with the file each January.
public struct ReferenceSourcesFile: Decodable, Sendable {
    /// The codes, names and intercommunalities: "INSEE, Code officiel géographique au 1er janvier 2026 ; …".
    public var communes: String
    /// The population column: "population municipale, INSEE, populations légales 2023 …".
    public var population: String
    /// The year of the population figures, printed beside them on the card ("25 224 hab. (2023)").
    public var population_annee: Int
    /// The zone column: the arrêté of the zonage ABC in force.
    public var zones: String
}
