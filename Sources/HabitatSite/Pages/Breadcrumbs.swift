import HabitatContent
import HabitatCore

extension Renderer {
    /// The territories above `id` (region, département…) and `id` itself, as breadcrumb steps.
    func territoryCrumbs(_ id: String) -> [(String, String)] {
        (index.ancestors(of: id).reversed() + [id]).compactMap { tid in index.territories[tid].map { ($0.shortName, $0.url) } }
    }

    /// A plan's breadcrumb: its territory's, then the plan.
    func planCrumbs(_ p: Plan) -> [(String, String)] {
        territoryCrumbs(p.data.territoire.value) + [(p.data.titre, p.url)]
    }
}
