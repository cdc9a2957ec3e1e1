import HabitatContent
import HabitatCore

/// Every output the site will have, built once from the resolved index: the one list of pages.
///
/// The render jobs, `sitemap.xml`, the URLs links may point to and the alias checks all read it;
/// nothing else lists pages.
public struct SiteMap: Sendable {
    /// What an entry is to a visitor.
    public enum Role: Sendable, Equatable {
        /// A page listed in `sitemap.xml`.
        case page
        /// A commune's card, made to be embedded in another site (not a page of its own).
        case embed
        /// `404.html`, served for any unknown address.
        case notFound
        /// An old address that redirects to a page.
        case redirect
    }

    /// One output: its job, its URL, the files it writes and the source that owns it.
    public struct Entry: Sendable {
        public let job: PageJob
        public let url: String
        public let role: Role
        /// Paths under `Site/` the job writes.
        public let outputs: [String]
        /// The file (and, for an alias, the position) the output comes from; nil for generated pages.
        public let owner: SourceLocation?
    }

    /// An old address written in front matter (`alias:`), as written and as normalized (nil when unsafe).
    public struct FrontMatterAlias: Sendable {
        public let written: Positioned<String>
        public let url: String?
        public let file: String
        public let target: String
    }

    public let entries: [Entry]
    /// Aliases written in front matter, valid or not, in source order.
    public let frontMatterAliases: [FrontMatterAlias]
    /// URLs of the pages (not redirects, not 404.html) a link may point to.
    public let pageURLs: Set<String>
    /// URLs of every other file the build writes (data, feeds, media), for links.
    public let fileURLs: Set<String>

    /// The render jobs, in the order of the map.
    public var jobs: [PageJob] { entries.map(\.job) }
    /// URLs listed in `sitemap.xml`: every page, no card, redirect or 404.
    public var listedURLs: [String] { entries.filter { $0.role == .page }.map(\.url) }
    /// The redirects, old address first.
    public var redirects: [(from: String, to: String)] {
        entries.compactMap { if case .alias(let from, let to) = $0.job { return (from, to) } else { return nil } }
    }

    static let empty = SiteMap(entries: [], frontMatterAliases: [], assets: [])

    init(entries: [Entry], frontMatterAliases: [FrontMatterAlias], assets: [String]) {
        self.entries = entries
        self.frontMatterAliases = frontMatterAliases
        var pages = Set<String>(), files = Set<String>(assets.map { "/" + $0 })
        for e in entries where e.role != .redirect {
            if e.role != .notFound { pages.insert(e.url) }
            for o in e.outputs where !o.hasSuffix("index.html") { files.insert("/" + o) }
        }
        pageURLs = pages
        fileURLs = files
    }

    /// The site map of a resolved index, in a stable order.
    public init(_ index: SiteIndex) {
        var b = Builder()
        b.fixedPages(index)
        b.contentPages(index)
        b.generatedPages(index)
        b.aliases(index)
        self.init(entries: b.entries, frontMatterAliases: b.frontMatterAliases, assets: index.assets)
    }

    /// Collects the entries, one kind of page after another.
    private struct Builder {
        var entries: [Entry] = []
        var frontMatterAliases: [FrontMatterAlias] = []

        mutating func add(_ job: PageJob, _ url: String, _ role: Role = .page, extra: [String] = [], owner: String? = nil, file: String = "index.html") {
            entries.append(Entry(job: job, url: url, role: role, outputs: [String(url.dropFirst()) + file] + extra,
                                 owner: owner.map { SourceLocation(file: $0) }))
        }

        mutating func fixedPages(_ index: SiteIndex) {
            add(.home, "/")
            add(.notFound, "/", .notFound, file: "404.html")
            add(.search, "/recherche/")
            add(.aids, "/aides/")
            add(.news, "/actualites/", extra: ["actualites/atom.xml"])
            var data: [String] = []
            for id in index.tableOrder { data += ["donnees/\(id).csv", "donnees/\(id).json"] }
            for id in index.indicatorOrder { data += ["donnees/indicateurs/\(id).csv", "donnees/indicateurs/\(id).json"] }
            add(.dataIndex, "/donnees/", extra: data + ["donnees/communes.csv", "donnees/datapackage.json", "sitemap.xml", "robots.txt"])
            add(.discrepancies, "/ecarts/")
            add(.indicators, "/indicateurs/")
            add(.plansIndex, "/plans/")
            add(.simulatorHub, "/simulateur/")
        }

        mutating func contentPages(_ index: SiteIndex) {
            for id in index.territoryOrder { add(.territory(id), index.territories[id]!.url, owner: index.territories[id]!.path) }
            for id in index.planOrder {
                let plan = index.plans[id]!
                add(.plan(id), plan.url, owner: plan.path)
                for (i, f) in plan.fiches.enumerated() { add(.fiche(plan: id, index: i), f.url, owner: f.path) }
            }
        }

        mutating func generatedPages(_ index: SiteIndex) {
            if !index.communeOrder.isEmpty { add(.communesIndex, "/communes/", extra: ["communes/index.json"]) }
            for code in index.communeOrder {
                let c = index.communes[code]!
                add(.commune(code), c.url, extra: ["communes/\(c.slug)/donnees.json"], owner: c.path)
                add(.card(code), c.url + "vignette/", .embed, owner: c.path)
            }
            for id in index.aidOrder { add(.aid(id), index.aids[id]!.url, owner: index.aids[id]!.path) }
            for id in index.indicatorOrder { add(.indicator(id), index.indicators[id]!.url, owner: index.indicators[id]!.path) }
            for (i, p) in index.pages.enumerated() { add(.page(i), p.url, owner: p.file) }
            for (i, n) in index.news.enumerated() { add(.newsItem(i), n.url, owner: n.file) }
            if !index.documentOrder.isEmpty { add(.documentsIndex, "/documents/") }
            for id in index.documentOrder { add(.document(id), index.documents[id]!.url, owner: index.documents[id]!.path) }
        }

        /// Old URLs listed in front matter, then commune pages published under an older address
        /// (names before codes, renamed and merged communes).
        mutating func aliases(_ index: SiteIndex) {
            func collect(_ aliases: [Positioned<String>]?, _ file: String, _ target: String) {
                for a in aliases ?? [] { frontMatterAliases.append(FrontMatterAlias(written: a, url: Resolver.normalizedAlias(a.value), file: file, target: target)) }
            }
            for p in index.pages { collect(p.data.alias, p.file, p.url) }
            for id in index.planOrder {
                let plan = index.plans[id]!
                collect(plan.data.alias, plan.path, plan.url)
                for f in plan.fiches { collect(f.data.alias, f.path, f.url) }
            }
            for id in index.aidOrder { collect(index.aids[id]!.data.alias, index.aids[id]!.path, index.aids[id]!.url) }
            for n in index.news { collect(n.data.alias, n.file, n.url) }
            for a in frontMatterAliases {
                guard let url = a.url else { continue }
                entries.append(Entry(job: .alias(from: url, to: a.target), url: url, role: .redirect, outputs: [String(url.dropFirst()) + "index.html"],
                                     owner: SourceLocation(file: a.file, line: a.written.line, column: a.written.column)))
            }
            for old in index.reference?.oldURLs ?? [] {
                guard let c = index.communes[old.code] else { continue }
                let card = old.url.hasSuffix("/vignette/")
                // A commune's data file cannot redirect: its old address keeps serving the current data.
                let data = card ? [] : [String(old.url.dropFirst()) + "donnees.json"]
                entries.append(Entry(job: .alias(from: old.url, to: card ? c.url + "vignette/" : c.url), url: old.url, role: .redirect,
                                     outputs: [String(old.url.dropFirst()) + "index.html"] + data, owner: nil))
            }
        }
    }
}
