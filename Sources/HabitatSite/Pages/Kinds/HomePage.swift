import HabitatContent
import HabitatCore
import HabitatTemplate

/// The home page: aids in force, plans, the commune finder, key indicators, latest news.
struct HomePage: PageKind {
    struct View: TemplateObject {
        let chercheur: FinderView
        let aides: [TitledLink]
        let actualites: [NewsSummaryView]
        let indicateurs: [IndicatorCardView]
        let plans: [PlanSummaryView]
        let nombreCommunes: String

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "chercheur": .object(chercheur)
            case "aides": aides.templateValue
            case "actualites": actualites.templateValue
            case "indicateurs": indicateurs.templateValue
            case "plans": plans.templateValue
            case "nombre_communes": .text(nombreCommunes)
            default: nil
            }
        }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        let territory: [Dependencies.Selector] = [.all("territoires/"), .all("communes/"), .all("referentiel/")]
        return territory + [.meta("aides/"), .all("indicateurs/"), .meta("actualites/")] + index.planOrder.map { .meta("plans/\($0)/plan.md") }
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer, index = r.index
        let aids = index.aidOrder.compactMap { index.aids[$0] }.filter { $0.data.statut == .enVigueur }
        let view = View(
            chercheur: r.finderView(onIndex: false),
            aides: aids.prefix(6).map { TitledLink(titre: $0.data.titre, url: $0.url, resume: $0.data.resume) },
            actualites: index.news.prefix(3).map(NewsSummaryView.init),
            indicateurs: r.keyIndicators().map(r.indicatorCardView),
            plans: index.planOrder.compactMap { index.plans[$0] }.map(r.planSummaryView),
            nombreCommunes: French.plural(index.communes.count, "commune"))
        out.page("/", "accueil", index.site.titre, [], view, kind: "accueil")
    }
}

extension Renderer {
    /// The home page's key indicators: six with a value, those with a target first, at most
    /// two per plan unless fewer plans have values.
    func keyIndicators() -> [Indicator] {
        let valued = index.indicatorOrder.compactMap { index.indicators[$0] }.filter { latestValue($0)?.valeur != nil }
        let ranked = valued.filter { latestValue($0)?.cible != nil } + valued.filter { latestValue($0)?.cible == nil }
        var keyIndicators: [Indicator] = [], seenPlans: [String: Int] = [:]
        for ind in ranked where keyIndicators.count < 6 {
            let plan = ind.data.plans.first?.plan.value ?? ""
            if seenPlans[plan, default: 0] < 2 { keyIndicators.append(ind); seenPlans[plan, default: 0] += 1 }
        }
        for ind in ranked where keyIndicators.count < 6 && !keyIndicators.contains(where: { $0.id == ind.id }) { keyIndicators.append(ind) }
        return keyIndicators
    }
}
