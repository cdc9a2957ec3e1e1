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
        var referenceSources: (ReferenceSourcesFile, String)?
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
        var documents: [(String, DocumentFile, String)] = []
        var documentTexts: [String: (String, String)] = [:]
    }

    public static func resolve(_ files: [ParsedFile], buildDate: CalendarDay, includeDrafts: Bool, contentDisplay: String) -> (SiteIndex?, [Diagnostic]) {
        var gathered = Gathered()
        var site: SiteFile?
        var audit: AccessibilityAuditFile?
        // Drafts (`brouillon: true`) are left out unless the build includes them; references to
        // them are then skipped like references to a broken file (and a draft aid's simulator with it).
        var drafts = Set<String>()
        for f in files {
            if let item = f.item, item.isDraft, !includeDrafts {
                if case .news = item {} else { drafts.insert(f.relativePath); continue }
            }
            switch f.item {
            case .site(let s)?: site = s
            case .accessibilityAudit(let a)?: audit = a
            case .territory(let id, let t)?: gathered.territories.append((id, t, f.path))
            case .communes(let epci, let csv)?: gathered.communeFiles.append((epci, csv, f.path))
            case .reference(let kind, let csv)?: gathered.reference[kind] = (csv, f.path)
            case .referenceSources(let s)?: gathered.referenceSources = (s, f.path)
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
            case .document(let id, let d)?: gathered.documents.append((id, d, f.path))
            case .documentText(let id, let text)?: gathered.documentTexts[id] = (text, f.path)
            case .asset(let path)?: gathered.assets.append(path)
            case nil: break
            }
        }
        let broken = Set(files.filter { $0.item == nil && $0.diagnostics.contains { $0.severity == .error } }.map(\.relativePath))
        guard let site else {
            if broken.contains("site.yaml") { return (nil, []) }
            return (nil, [.error(SourceLocation(file: contentDisplay + "site.yaml"), "site.yaml absent : chaque site en a besoin, avec au moins « titre » et « url »", code: "site.missing-config")])
        }
        for d in drafts where d.hasPrefix("aides/") && d.hasSuffix(".md") {
            gathered.aidRules[String(d.dropFirst(6).dropLast(3))] = nil
        }
        var resolver = Resolver(index: SiteIndex(site: site), buildDate: buildDate, includeDrafts: includeDrafts)
        resolver.broken = broken.union(drafts)
        resolver.resolveTerritories(gathered.territories)
        if !gathered.reference.isEmpty || gathered.referenceSources != nil || broken.contains("referentiel/communes.csv") {
            resolver.resolveReference(gathered.reference, sources: gathered.referenceSources)
        }
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
        resolver.resolveDocuments(gathered.documents, gathered.documentTexts)
        resolver.index.siteMap = SiteMap(resolver.index)
        resolver.checkURLs()
        resolver.checkSite()
        resolver.index.accessibilityAudit = audit
        resolver.index.buildLookups()
        return (resolver.index, resolver.diagnostics)
    }

    /// Pairs each document's metadata with its text; a file name may be cited by one document only.
    mutating func resolveDocuments(_ docs: [(String, DocumentFile, String)], _ texts: [String: (String, String)]) {
        for (id, d, path) in docs {
            guard let (text, _) = texts[id] else {
                if !isBroken("documents/\(id).txt") {
                    error(path, 1, 1, "aucun texte pour le document « \(id) » : placez-le à côté de ce fichier, sous le nom documents/\(id).txt", code: "document.missing-text")
                }
                continue
            }
            if let other = index.documentByFile[d.fichier] {
                error(path, 1, 1, "les documents « \(other) » et « \(id) » disent tous deux être « \(d.fichier) »", code: "document.duplicate-file")
                continue
            }
            var lines = Self.lines(text)
            if lines.last?.isEmpty == true { lines.removeLast() }
            index.documents[id] = SourceDocument(id: id, data: d, lines: lines, path: path)
            index.documentByFile[d.fichier] = id
        }
        for (id, (_, path)) in texts.sorted(by: { $0.key < $1.key }) where !docs.contains(where: { $0.0 == id }) && !isBroken("documents/\(id).yaml") {
            error(path, 1, 1, "aucune description pour le texte du document « \(id) » : ajoutez documents/\(id).yaml avec au moins « titre » et « fichier »", code: "document.missing-metadata")
        }
        index.documentOrder = index.documents.keys.sorted()
        checkCitedLines()
    }

    /// A document's lines, split on its bytes (the documents are the largest sources: splitting
    /// them by `Character` was a tenth of a one-fiche build). A text with a carriage return keeps
    /// the `Character` split, where "\r\n" is one character and so no line break.
    static func lines(_ text: String) -> [Substring] {
        if text.utf8.contains(13) { return text.split(separator: "\n", omittingEmptySubsequences: false) }
        return text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A citation of a published document must name lines the document has: its link would
    /// otherwise lead nowhere.
    mutating func checkCitedLines() {
        var refs: [(SourceRef, String)] = []
        for id in index.planOrder {
            guard let p = index.plans[id] else { continue }
            refs.append((p.data.source, p.path))
            refs += p.fiches.map { ($0.data.source, $0.path) }
        }
        refs += index.aidOrder.compactMap { index.aids[$0] }.map { ($0.data.source, $0.path) }
        refs += index.tableOrder.compactMap { index.tables[$0] }.map { ($0.schema.source, $0.schemaPath) }
        refs += index.territoryOrder.compactMap { index.territories[$0] }.compactMap { t in t.file.source.map { ($0, t.path) } }
        for ind in index.indicatorOrder.compactMap({ index.indicators[$0] }) {
            refs.append((ind.data.source, ind.path))
            refs += ind.data.valeurs.compactMap { v in v.source.map { ($0, ind.path) } }
        }
        for (ref, path) in refs {
            guard let id = index.documentByFile[ref.fichier], let count = index.documents[id]?.lines.count else { continue }
            for piece in Renderer.passages(ref.lignes ?? "") {
                guard let p = piece.passage, p.last > count else { continue }
                warning(path, 1, 1, "source : la ligne \(p.last) est au-delà de la fin de \(ref.fichier) (\(count) lignes)", code: "source.line-out-of-range")
            }
        }
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
        error(file, name.line, name.column, "commune inconnue « \(name.value) »" + String.didYouMean(name.value, among: names), code: "ref.unknown-commune")
        return nil
    }
}
