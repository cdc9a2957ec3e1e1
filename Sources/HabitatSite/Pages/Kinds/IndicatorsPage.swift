import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/indicateurs/`: the dashboard of every plan's indicators.
struct IndicatorsPage: PageKind {
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        PlanPageSources.territory + [.all("indicateurs/")] + PlanPageSources.plans(index.planOrder)
    }

    func render(into out: inout PageOutput) {
        out.page("/indicateurs/", "indicateurs", "Tableau de bord des indicateurs", [("Indicateurs", "/indicateurs/")],
                 out.renderer.indicatorsView(), kind: "indicateur")
    }
}

/// The dashboard: per plan, the indicators that have values (cards), then those still without a
/// value in a compact list; filters by plan and territory.
struct IndicatorsView: TemplateObject {
    /// A plan's indicators, cards or list items.
    struct Group<Item: TemplateObject>: TemplateObject {
        let plan: PlanSummaryView
        let territoire: String
        let indicateurs: [Item]
        let nombre: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "plan": .object(plan)
            case "plan_id": .text(plan.id)
            case "territoire": .text(territoire)
            case "indicateurs": indicateurs.templateValue
            case "nombre": .text(nombre)
            default: nil
            }
        }
    }

    /// An indicator without a value: its title and, when the document gives one, its target.
    struct Pending: TemplateObject {
        let titre: String, url: String, objectif: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": .text(url)
            case "objectif": .nonEmpty(objectif)
            default: nil
            }
        }
    }

    /// A choice of the plan filter.
    struct PlanFilter: TemplateObject {
        let id: String, titre: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "id": .text(id)
            case "titre": .text(titre)
            default: nil
            }
        }
    }

    /// A choice of the territory filter.
    struct TerritoryFilter: TemplateObject {
        let nom: String
        func value(named name: String) -> TemplateValue? { name == "nom" ? .text(nom) : nil }
    }

    var chiffres: [Group<IndicatorCardView>] = [], aRenseigner: [Group<Pending>] = []
    var countWith = 0, countWithout = 0
    var filtrePlans: [PlanFilter] = [], filtreTerritoires: [TerritoryFilter] = []

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "chiffres": chiffres.templateValue
        case "a_renseigner": aRenseigner.templateValue
        case "nombre_chiffres": .text(French.plural(countWith, "indicateur chiffré", "indicateurs chiffrés"))
        case "nombre_a_renseigner": .text(French.plural(countWithout, "indicateur"))
        case "filtre_plans": filtrePlans.templateValue
        case "filtre_territoires": filtreTerritoires.templateValue
        default: nil
        }
    }
}

extension Renderer {
    /// The dashboard's view: the plans in their order, the indicators in theirs.
    func indicatorsView() -> IndicatorsView {
        var view = IndicatorsView()
        let plans = index.planOrder.compactMap { index.plans[$0] }
        for p in plans {
            let inds = index.indicatorOrder.compactMap { index.indicators[$0] }.filter { $0.data.plans.contains { $0.plan.value == p.id } }
            let valued = inds.filter { $0.data.valeurs.contains { $0.valeur != nil } }
            let rest = inds.filter { i in !valued.contains { $0.id == i.id } }
            let summary = planSummaryView(p)
            let territory = index.territories[p.data.territoire.value]?.shortName ?? ""
            if !valued.isEmpty {
                view.chiffres.append(.init(plan: summary, territoire: territory, indicateurs: valued.map(indicatorCardView),
                                           nombre: French.plural(valued.count, "indicateur chiffré", "indicateurs chiffrés")))
            }
            if !rest.isEmpty {
                view.aRenseigner.append(.init(plan: summary, territoire: territory, indicateurs: rest.map(pendingIndicator),
                                              nombre: French.plural(rest.count, "indicateur")))
            }
            view.countWith += valued.count
            view.countWithout += rest.count
        }
        view.filtrePlans = plans.map { .init(id: $0.id, titre: $0.data.titre) }
        view.filtreTerritoires = Chart.orderedUnique(plans.compactMap { index.territories[$0.data.territoire.value]?.shortName }).map { .init(nom: $0) }
        return view
    }

    /// An indicator without a value, with its latest target: "objectif 120 logements (2025)".
    func pendingIndicator(_ ind: Indicator) -> IndicatorsView.Pending {
        let target = latestValue(ind).flatMap { v in v.cible.map { "objectif " + Format.number($0, unit: ind.data.unite) + " (" + v.periode.value + ")" } }
        return .init(titre: ind.data.titre, url: ind.url, objectif: target)
    }
}
