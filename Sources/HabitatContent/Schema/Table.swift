/// `tables/<id>.yaml`: the schema of a CSV data table.
public struct TableSchemaFile: Decodable, Sendable {
    public enum ColumnType: String, ContentEnum {
        case texte, entier, decimal, pourcentage, ouiNon = "oui-non", euros
    }

    /// One column: its id (the CSV header), printed label, type and unit.
    public struct Column: Decodable, Sendable, Hashable {
        public var id: String
        public var libelle: String
        public var type: ColumnType
        public var unite: String?
        public var texte_libre: Bool?
    }

    /// A printed total set beside the sum recomputed from its rows.
    public struct Total: Decodable, Sendable, Hashable {
        public var ligne: String
        public var colonne: String
        public var imprime: String
        public var recalcule: String
    }

    public var titre: String
    public var description: String?
    public var plan: Positioned<String>?
    public var fiche: Positioned<String>?
    public var cle: String?
    public var niveau: String?
    public var colonnes: [Column]
    public var totaux: [Total]?
    public var ecarts: [Discrepancy]?
    public var source: SourceRef
}
