import HabitatContent
import HabitatCore
import HabitatMarkdown

/// A territory of the hierarchy: région > département > EPCI, with its sectors.
public struct Territory: Sendable {
    public var id: String
    public var file: TerritoryFile
    public var path: String
    public var childIds: [String] = []
    /// Communes directly in this EPCI (codes).
    public var communeCodes: [String] = []
    public var url: String { "/territoires/\(id)/" }
    public var name: String { file.nom }
    public var shortName: String { file.sigle ?? file.nom }
}

/// A sector an EPCI defines, with the communes in it.
public struct Sector: Sendable {
    public var id: String
    public var name: String
    public var kind: String?
    public var territoryId: String
    public var communeCodes: [String] = []
}

/// A commune with where it sits in the hierarchy. Its identity is `code`: the INSEE code when the
/// site has a reference (`referentiel/communes.csv`), the name's slug on a small site without one.
public struct Commune: Sendable {
    public var code: String
    /// The official name (the reference's), or the name as written on a site without reference.
    public var name: String
    /// The last segment of the URL: `bethune-62119` (or `bethune` without reference).
    public var slug: String
    public var departement: String?
    public var departementName: String?
    public var epciId: String
    public var population: Int?
    public var zoneABC: String?
    public var sectorId: String?
    public var structuration: String?
    public var profil: String?
    public var source: String
    public var path: String
    public var line: Int
    /// How a seed writes the name when it differs from the official one (`Noeux-les-Mines`).
    public var seedName: String?
    /// Former names (renamings and mergers, from the mouvements file), newest first.
    public var formerNames: [String] = []
    /// Another commune of the site has the same name: show the département with it.
    public var homonym = false
    /// The name folded for sorting (`ecurie` sorts among the E, not after Z).
    public var sortKey: String
    public var url: String { "/communes/\(slug)/" }
    /// The name as shown wherever it appears: `Saint-Aubin (Nord)` for homonyms.
    public var displayName: String { homonym ? "\(name) (\(departementName ?? departement ?? code))" : name }

    public init(code: String, name: String, slug: String, epciId: String, source: String, path: String, line: Int) {
        self.code = code
        self.name = name
        self.slug = slug
        self.epciId = epciId
        self.source = source
        self.path = path
        self.line = line
        self.sortKey = Slug.make(name)
    }
}

/// A fiche-action within its plan.
public struct Fiche: Sendable {
    public var planId: String
    public var fileStem: String
    public var data: FicheFile
    public var body: MarkdownDocument
    public var path: String
    /// Communes the scope covers, when it can be evaluated (nil for free-text scopes).
    public var scopeCommunes: [String]? { didSet { scopeSet = scopeCommunes.map(Set.init) } }
    /// The same communes as a set, for fast "does this fiche apply here?".
    public private(set) var scopeSet: Set<String>?
    /// Fiches of the same plan that cite this one.
    public var citedBy: [String] = []
    public var numero: String { data.numero }
    public var slug: String { Slug.make(data.numero) }
    public var url: String { "/plans/\(planId)/actions/\(slug)/" }
}

/// A plan with its fiches in document order.
public struct Plan: Sendable {
    public var id: String
    public var data: PlanFile
    public var body: MarkdownDocument
    public var path: String
    public var fiches: [Fiche] = []
    /// INSEE codes of the communes the plan covers (its territory's, or its own `perimetre`).
    public var perimeter: [String] = []
    public var url: String { "/plans/\(id)/" }
}

/// One cell of a data table: the text as printed and its number when it has one.
public struct TableCell: Sendable, Hashable {
    public var text: String
    public var number: Double?
}

/// A row of a data table, with the commune it concerns when the table is keyed by commune.
public struct TableRow: Sendable {
    public var cells: [TableCell]
    public var communeCode: String?
    public var level: String?
    public var line: Int
}

/// A CSV data table with its schema.
public struct DataTable: Sendable {
    public var id: String
    public var schema: TableSchemaFile
    public var rows: [TableRow]
    public var schemaPath: String
    public var csvPath: String
    public func columnIndex(_ id: String) -> Int? { schema.colonnes.firstIndex { $0.id == id } }
}

/// An aid guide, with its compiled simulator when it has one.
public struct Aid: Sendable {
    public var id: String
    public var data: AidFile
    public var body: MarkdownDocument
    public var path: String
    public var scopeCommunes: [String]?
    public var url: String { "/aides/\(id)/" }
}

/// An indicator and its values.
public struct Indicator: Sendable {
    public var id: String
    public var data: IndicatorFile
    public var path: String
    public var url: String { "/indicateurs/\(id)/" }
}

/// A free page.
public struct FreePage: Sendable {
    public var path: String
    public var data: PageFile
    public var body: MarkdownDocument
    public var file: String
    public var url: String { "/\(path)/" }
}

/// A news item.
public struct NewsItem: Sendable {
    public var slug: String
    public var data: NewsFile
    public var body: MarkdownDocument
    public var file: String
    public var url: String { "/actualites/\(slug)/" }
}

/// A source document published line by line at `/documents/<id>/`; citations link to its lines.
public struct SourceDocument: Sendable {
    public var id: String
    public var data: DocumentFile
    public var lines: [Substring]
    public var path: String
    public var url: String { "/documents/\(id)/" }
}
