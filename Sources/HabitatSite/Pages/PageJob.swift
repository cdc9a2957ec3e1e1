import HabitatContent
import HabitatCore

/// One output to produce: a Sendable description; rendering turns it into bytes.
public enum PageJob: Sendable, Hashable {
    case home, notFound, search, aids, news, dataIndex, discrepancies, indicators, plansIndex, simulatorHub, communesIndex
    case territory(String), plan(String), fiche(plan: String, index: Int), commune(String), card(String)
    case aid(String), indicator(String), page(Int), newsItem(Int)
    case documentsIndex, document(String)
    case alias(from: String, to: String)

    /// The name of the job's kind (`fiche`, `commune`…), for the render time per kind of page.
    public var kindName: String {
        switch self {
        case .home: return "accueil"
        case .notFound: return "404"
        case .search: return "recherche"
        case .aids: return "aides"
        case .news: return "actualites"
        case .dataIndex: return "donnees"
        case .discrepancies: return "ecarts"
        case .indicators: return "indicateurs"
        case .plansIndex: return "plans"
        case .simulatorHub: return "simulateur"
        case .communesIndex: return "communes"
        case .territory: return "territoire"
        case .plan: return "plan"
        case .fiche: return "fiche"
        case .commune: return "commune"
        case .card: return "vignette"
        case .aid: return "aide"
        case .indicator: return "indicateur"
        case .page: return "page"
        case .newsItem: return "actualite"
        case .documentsIndex: return "documents"
        case .document: return "document"
        case .alias: return "redirection"
        }
    }

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
}

/// A rendered output file: its path under `Site/` and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}
