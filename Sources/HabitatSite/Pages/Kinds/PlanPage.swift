import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/plans/<id>/`: a plan, its orientations and their fiches.
struct PlanPage: PageKind {
    let id: String

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        PlanPageSources.territory + [.meta("documents/"), .all("plans/\(id)/plan.md"), .meta("plans/\(id)/"), .all("tables/"), .meta("aides/"), .all("indicateurs/")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let p = r.index.plans[id]!
        out.page(p.url, "plan", p.data.titre, r.planCrumbs(p), r.planView(p), kind: "plan", territory: r.index.territories[p.data.territoire.value]?.shortName)
    }
}
