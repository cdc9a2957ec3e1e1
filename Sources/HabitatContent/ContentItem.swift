import HabitatCore
import HabitatMarkdown

/// What one source file holds once parsed.
public enum ContentItem: Sendable {
    case site(SiteFile)
    case accessibilityAudit(AccessibilityAuditFile)
    case territory(id: String, TerritoryFile)
    case communes(epci: String, CSVFile)
    /// A file of `referentiel/`: `communes`, `mouvements`, `graphies` or `anciennes-adresses`.
    case reference(kind: String, CSVFile)
    /// `referentiel/sources.yaml`: the sources the reference's figures are cited with.
    case referenceSources(ReferenceSourcesFile)
    case plan(id: String, PlanFile, body: MarkdownDocument)
    case fiche(plan: String, file: String, FicheFile, body: MarkdownDocument)
    case tableSchema(id: String, TableSchemaFile)
    case tableData(id: String, CSVFile)
    case aid(id: String, AidFile, body: MarkdownDocument)
    case aidRules(id: String, YAMLValue)
    case bareme(id: String, YAMLValue)
    case indicator(id: String, IndicatorFile)
    case page(path: String, PageFile, body: MarkdownDocument)
    case news(slug: String, NewsFile, body: MarkdownDocument)
    case document(id: String, DocumentFile)
    case documentText(id: String, text: String)
    case asset(path: String)

    /// Marked `brouillon: true`: not published unless the build includes drafts.
    public var isDraft: Bool {
        switch self {
        case .fiche(_, _, let f, _): return f.brouillon == true
        case .aid(_, let a, _): return a.brouillon == true
        case .indicator(_, let i): return i.brouillon == true
        case .page(_, let p, _): return p.brouillon == true
        case .news(_, let n, _): return n.brouillon == true
        default: return false
        }
    }
}

/// One parsed file: its path (as printed in diagnostics), what it holds, and its problems.
public struct ParsedFile: Sendable {
    public var path: String
    public var relativePath: String
    public var item: ContentItem?
    public var diagnostics: [Diagnostic]
    public var contentHash: UInt64
    /// Hash of what other pages read of this file: the front matter of a Markdown file,
    /// the whole file otherwise. Editing only a fiche's body leaves it unchanged.
    public var metaHash: UInt64

    public init(path: String, relativePath: String, item: ContentItem?, diagnostics: [Diagnostic], contentHash: UInt64, metaHash: UInt64? = nil) {
        self.metaHash = metaHash ?? contentHash
        self.path = path
        self.relativePath = relativePath
        self.item = item
        self.diagnostics = diagnostics
        self.contentHash = contentHash
    }
}

/// FNV-1a, 64 bits: a fast, stable hash for change detection and asset names (not for security).
public enum StableHash {
    public static func fnv1a<C: Collection>(_ bytes: C, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where C.Element == UInt8 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    public static func hex(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
