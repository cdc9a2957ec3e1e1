import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/plans/<plan>/actions/<numero>/`: one fiche-action with every field.
struct FichePage: PageKind {
    let plan: String
    let index: Int

    func dependencies(_ siteIndex: SiteIndex) -> [Dependencies.Selector] {
        let own = siteIndex.plans[plan].map { "plans/\(plan)/actions/\($0.fiches[index].fileStem).md" } ?? "plans/\(plan)/"
        return PlanPageSources.territory + [.meta("documents/"), .all(own), .meta("plans/\(plan)/"), .all("tables/"), .meta("aides/"), .all("indicateurs/")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let p = r.index.plans[plan]!
        let f = p.fiches[index]
        let heading = "\(r.levelWord(p, \.action, "Action")) \(f.numero)"
        out.page(f.url, "fiche", "\(heading) — \(f.data.titre)", r.planCrumbs(p) + [(heading, f.url)], r.ficheView(f, plan: p),
                 kind: "fiche", territory: r.index.territories[p.data.territoire.value]?.shortName)
    }
}
