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
