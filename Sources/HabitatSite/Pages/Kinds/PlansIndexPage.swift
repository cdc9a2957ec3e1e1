import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/plans/`: every plan, as lists of plans show it.
struct PlansIndexPage: PageKind {
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        PlanPageSources.territory + [.all("indicateurs/")] + PlanPageSources.plans(index.planOrder)
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let view = PlansIndexView(plans: r.index.planOrder.compactMap { r.index.plans[$0] }.map(r.planSummaryView))
        out.page("/plans/", "plans", "Les plans", [("Plans", "/plans/")], view)
    }
}

/// The list of plans.
struct PlansIndexView: TemplateObject {
    let plans: [PlanSummaryView]
    func value(named name: String) -> TemplateValue? { name == "plans" ? plans.templateValue : nil }
}
