import HabitatContent
import HabitatCore

/// One output to produce: a Sendable description; rendering turns it into bytes.
public enum PageJob: Sendable, Hashable {
    case home, notFound, search, aids, news, dataIndex, discrepancies, indicators, plansIndex, simulatorHub, communesIndex
    case territory(String), plan(String), fiche(plan: String, index: Int), commune(String), card(String)
    case aid(String), indicator(String), page(Int), newsItem(Int)
    case documentsIndex, document(String)
    case alias(from: String, to: String)

    /// The job's name in the build manifest: the text Swift prints for the case
    /// (`fiche(plan: "x", index: 3)`), written out because reflection cost 10 % of a preview rebuild.
    public var key: String {
        func q(_ s: String) -> String { s.debugDescription }
        switch self {
        case .home: return "home"
        case .notFound: return "notFound"
        case .search: return "search"
        case .aids: return "aids"
        case .news: return "news"
        case .dataIndex: return "dataIndex"
        case .discrepancies: return "discrepancies"
        case .indicators: return "indicators"
        case .plansIndex: return "plansIndex"
        case .simulatorHub: return "simulatorHub"
        case .communesIndex: return "communesIndex"
        case .territory(let id): return "territory(\(q(id)))"
        case .plan(let id): return "plan(\(q(id)))"
        case .fiche(let plan, let index): return "fiche(plan: \(q(plan)), index: \(index))"
        case .commune(let code): return "commune(\(q(code)))"
        case .card(let code): return "card(\(q(code)))"
        case .aid(let id): return "aid(\(q(id)))"
        case .indicator(let id): return "indicator(\(q(id)))"
        case .page(let i): return "page(\(i))"
        case .newsItem(let i): return "newsItem(\(i))"
        case .documentsIndex: return "documentsIndex"
        case .document(let id): return "document(\(q(id)))"
        case .alias(let from, let to): return "alias(from: \(q(from)), to: \(q(to)))"
        }
    }

    /// Every page of the site, in a stable order.
    public static func all(_ index: SiteIndex) -> [PageJob] {
        var jobs: [PageJob] = [.home, .notFound, .search, .aids, .news, .dataIndex, .discrepancies, .indicators, .plansIndex, .simulatorHub]
        jobs += index.territoryOrder.map { .territory($0) }
        for id in index.planOrder {
            jobs.append(.plan(id))
            jobs += index.plans[id]!.fiches.indices.map { .fiche(plan: id, index: $0) }
        }
        if !index.communeOrder.isEmpty { jobs.append(.communesIndex) }
        jobs += index.communeOrder.flatMap { [PageJob.commune($0), .card($0)] }
        jobs += index.aidOrder.map { .aid($0) }
        jobs += index.indicatorOrder.map { .indicator($0) }
        jobs += index.pages.indices.map { .page($0) }
        jobs += index.news.indices.map { .newsItem($0) }
        if !index.documentOrder.isEmpty { jobs.append(.documentsIndex) }
        jobs += index.documentOrder.map { .document($0) }
        jobs += aliases(index).map { .alias(from: $0.0, to: $0.1) }
        return jobs
    }

    /// Old URLs listed in front matter, each pointing to the page that now lives elsewhere.
    static func aliases(_ index: SiteIndex) -> [(String, String)] {
        var out: [(String, String)] = []
        func add(_ aliases: [Positioned<String>]?, _ target: String) {
            for a in aliases ?? [] { if let url = Resolver.normalizedAlias(a.value) { out.append((url, target)) } }
        }
        for p in index.pages { add(p.data.alias, p.url) }
        for id in index.planOrder {
            let plan = index.plans[id]!
            add(plan.data.alias, plan.url)
            for f in plan.fiches { add(f.data.alias, f.url) }
        }
        for id in index.aidOrder { add(index.aids[id]!.data.alias, index.aids[id]!.url) }
        for n in index.news { add(n.data.alias, n.url) }
        // Commune pages published under an older address (names before codes, renamed and merged communes).
        for old in index.reference?.oldURLs ?? [] {
            guard let c = index.communes[old.code] else { continue }
            out.append((old.url, old.url.hasSuffix("/vignette/") ? c.url + "vignette/" : c.url))
        }
        return out
    }
}

/// A rendered output file: its path under `Site/` and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}
