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
        case .communesIndex: return CommunesIndexPage()
        case .territory(let id): return TerritoryPage(id: id)
        case .commune(let code): return CommunePage(code: code)
        case .card(let code): return CardPage(code: code)
        default: return LegacyKind(job: self)
        }
    }
}

/// TRANSITION: a job whose kind has not moved to its own type yet.
struct LegacyKind: PageKind {
    let job: PageJob
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] { Dependencies.selectors(job, index) }
    func render(into out: inout PageOutput) { out.renderer.renderLegacy(job, into: &out) }
}
