import HabitatContent
import HabitatCore
import HabitatMarkdown

/// Stage 3: turns parsed files into a `SiteIndex`, checking every reference between them.
public struct Resolver {
    var diagnostics: [Diagnostic] = []
    /// Files that exist but could not be read (their error is already reported): references to
    /// what they define are not reported again, so one mistake gives one error.
    var broken: Set<String> = []
    var index: SiteIndex
    /// Communes each plan covers (codes), known before tables and fiches are resolved.
    var planPerimeters: [String: [String]] = [:]
    let buildDate: CalendarDay
    let includeDrafts: Bool

    /// Items gathered by kind before resolution.
    struct Gathered {
        var territories: [(String, TerritoryFile, String)] = []
        var communeFiles: [(String, CSVFile, String)] = []
        var reference: [String: (CSVFile, String)] = [:]
        var plans: [(String, PlanFile, MarkdownDocument, String)] = []
        var fiches: [(String, String, FicheFile, MarkdownDocument, String)] = []
        var tableSchemas: [String: (TableSchemaFile, String)] = [:]
        var tableData: [String: (CSVFile, String)] = [:]
        var aids: [(String, AidFile, MarkdownDocument, String)] = []
        var aidRules: [String: (YAMLValue, String)] = [:]
        var baremes: [(String, YAMLValue, String)] = []
        var indicators: [(String, IndicatorFile, String)] = []
        var pages: [(String, PageFile, MarkdownDocument, String)] = []
        var news: [(String, NewsFile, MarkdownDocument, String)] = []
        var assets: [String] = []
    }

    public static func resolve(_ files: [ParsedFile], buildDate: CalendarDay, includeDrafts: Bool, contentDisplay: String) -> (SiteIndex?, [Diagnostic]) {
        var gathered = Gathered()
        var site: SiteFile?
        var audit: AccessibilityAuditFile?
        for f in files {
            switch f.item {
            case .site(let s)?: site = s
            case .accessibilityAudit(let a)?: audit = a
            case .territory(let id, let t)?: gathered.territories.append((id, t, f.path))
            case .communes(let epci, let csv)?: gathered.communeFiles.append((epci, csv, f.path))
            case .reference(let kind, let csv)?: gathered.reference[kind] = (csv, f.path)
            case .plan(let id, let p, let body)?: gathered.plans.append((id, p, body, f.path))
            case .fiche(let plan, let stem, let fiche, let body)?: gathered.fiches.append((plan, stem, fiche, body, f.path))
            case .tableSchema(let id, let s)?: gathered.tableSchemas[id] = (s, f.path)
            case .tableData(let id, let csv)?: gathered.tableData[id] = (csv, f.path)
            case .aid(let id, let a, let body)?: gathered.aids.append((id, a, body, f.path))
            case .aidRules(let id, let v)?: gathered.aidRules[id] = (v, f.path)
            case .bareme(let id, let v)?: gathered.baremes.append((id, v, f.path))
            case .indicator(let id, let i)?: gathered.indicators.append((id, i, f.path))
            case .page(let path, let p, let body)?: gathered.pages.append((path, p, body, f.path))
            case .news(let slug, let n, let body)?: gathered.news.append((slug, n, body, f.path))
            case .asset(let path)?: gathered.assets.append(path)
            case nil: break
            }
        }
        let broken = Set(files.filter { $0.item == nil && $0.diagnostics.contains { $0.severity == .error } }.map(\.relativePath))
        guard let site else {
            if broken.contains("site.yaml") { return (nil, []) }
            return (nil, [.error(SourceLocation(file: contentDisplay + "site.yaml"), "missing site.yaml: every site needs one with at least 'titre' and 'url'", code: "site.missing-config")])
        }
        var resolver = Resolver(index: SiteIndex(site: site), buildDate: buildDate, includeDrafts: includeDrafts)
        resolver.broken = broken
        resolver.resolveTerritories(gathered.territories)
        if !gathered.reference.isEmpty || broken.contains("referentiel/communes.csv") { resolver.resolveReference(gathered.reference) }
        resolver.resolveCommunes(gathered.communeFiles)
        resolver.resolvePlanPerimeters(gathered.plans)
        resolver.resolveTables(gathered.tableSchemas, gathered.tableData)
        resolver.resolvePlans(gathered.plans, gathered.fiches)
        resolver.resolveAids(gathered.aids)
        resolver.resolveBaremes(gathered.baremes)
        resolver.resolveSimulators(gathered.aidRules)
        resolver.resolveIndicators(gathered.indicators)
        resolver.resolvePages(gathered.pages, gathered.news)
        resolver.index.assets = gathered.assets
        resolver.checkURLs()
        resolver.checkSite()
        resolver.index.accessibilityAudit = audit
        resolver.index.buildLookups()
        return (resolver.index, resolver.diagnostics)
    }

    mutating func error(_ file: String, _ line: Int, _ column: Int, _ message: String, code: String) {
        diagnostics.append(.error(SourceLocation(file: file, line: line, column: column), message, code: code))
    }

    mutating func warning(_ file: String, _ line: Int, _ column: Int, _ message: String, code: String) {
        diagnostics.append(.warning(SourceLocation(file: file, line: line, column: column), message, code: code))
    }

    /// Whether a file exists but is broken (prefix match for folders such as `communes/`).
    func isBroken(_ rel: String) -> Bool {
        rel.hasSuffix("/") ? broken.contains { $0.hasPrefix(rel) } : broken.contains(rel)
    }

    /// Resolves a commune (its code or name; its name's slug on a site without reference) to its code,
    /// reporting unknown and ambiguous ones. `within` decides between homonyms.
    mutating func communeCode(_ name: Positioned<String>, file: String, within: Set<String>? = nil) -> String? {
        if hasReference { return resolveCommuneName(name, file: file, within: within, strict: false) }
        let slug = Slug.make(name.value)
        if index.communes[slug] != nil { return slug }
        if isBroken("communes/") { return nil }
        let names = index.communeOrder.compactMap { index.communes[$0]?.name }
        error(file, name.line, name.column, "unknown commune '\(name.value)'" + String.didYouMean(name.value, among: names), code: "ref.unknown-commune")
        return nil
    }
}
