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
    public var type: Kind
    public var parent: Positioned<String>?
    public var code: String?
    public var description: String?
    public var secteurs: [Sector]?
    public var source: SourceRef?
    public var ecarts: [Discrepancy]?
}
