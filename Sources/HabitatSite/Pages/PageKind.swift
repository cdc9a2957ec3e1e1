import HabitatContent
import HabitatCore
import HabitatTemplate

/// One kind of page (a fiche, a commune, an aid…): what it reads and what it writes.
///
/// A job (`PageJob`, the Sendable key of the build manifest) names its kind with
/// `PageJob.kind(in:)`; the kind declares the sources its outputs are made from and renders
/// them with its typed view. One kind per file under `Pages/Kinds/`.
protocol PageKind {
    /// The sources the outputs are made from, whole or front matter only: when none of them
    /// (nor the theme, nor `site.yaml`) changed, the previous outputs are kept.
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector]
    /// Renders the outputs: pages through the theme, data files as they are.
    func render(into out: inout PageOutput)
}

extension PageJob {
    /// The kind of page this job renders.
    func kind(in index: SiteIndex) -> any PageKind {
        switch self {
        case .home: return HomePage()
        case .notFound: return NotFoundPage()
        case .search: return SearchPage()
        case .aids: return AidsPage()
        case .news: return NewsPage()
        case .dataIndex: return DataIndexPage()
        case .discrepancies: return DiscrepanciesPage()
        case .simulatorHub: return SimulatorHubPage()
        case .aid(let id): return AidPage(id: id)
        case .page(let i): return FreePageKind(position: i)
        case .newsItem(let i): return NewsItemPage(position: i)
        case .alias(let from, let to): return AliasPage(from: from, to: to)
        case .indicators: return IndicatorsPage()
        case .plansIndex: return PlansIndexPage()
        case .plan(let id): return PlanPage(id: id)
        case .fiche(let plan, let i): return FichePage(plan: plan, index: i)
        case .indicator(let id): return IndicatorPage(id: id)
        case .documentsIndex: return DocumentsIndexPage()
        case .document(let id): return DocumentPage(id: id)
        case .communesIndex: return CommunesIndexPage()
        case .territory(let id): return TerritoryPage(id: id)
        case .commune(let code): return CommunePage(code: code)
        case .card(let code): return CardPage(code: code)
        }
    }
}
