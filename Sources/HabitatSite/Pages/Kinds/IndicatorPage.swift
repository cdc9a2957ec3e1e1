import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/indicateurs/<id>/`: one indicator, its charts, its values and the fiches it follows.
struct IndicatorPage: PageKind {
    let id: String

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        PlanPageSources.territory + [.meta("documents/"), .all("indicateurs/\(id).json")]
            + PlanPageSources.plans(index.indicators[id]?.data.plans.map(\.plan.value) ?? [])
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let ind = r.index.indicators[id]!
        let territory = ind.data.plans.first.flatMap { r.index.plans[$0.plan.value] }.flatMap { r.index.territories[$0.data.territoire.value]?.shortName }
        out.page(ind.url, "indicateur", ind.data.titre, [("Indicateurs", "/indicateurs/"), (ind.data.titre, ind.url)], r.indicatorView(ind),
                 kind: "indicateur", territory: territory)
    }
}

/// An indicator's page.
struct IndicatorView: TemplateObject {
    /// `{{indicateur.x}}`: what the indicator measures.
    struct Definition: TemplateObject {
        let data: IndicatorFile
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(data.titre)
            case "description": .nonEmpty(data.description)
            case "unite": .text(data.unite)
            case "frequence": .nonEmpty(data.frequence)
            case "niveau": .text(data.niveau.rawValue)
            default: nil
            }
        }
    }

    /// A row of the table of values.
    struct Row: TemplateObject {
        let territoire: String, territoireURL: String?
        let periode: String, valeur: String, cible: String
        let statut: String?, note: String?
        let source: SourceView?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "territoire": .text(territoire)
            case "territoire_url": territoireURL.templateValue
            case "periode": .text(periode)
            case "valeur": .text(valeur)
            case "cible": .text(cible)
            case "statut": .nonEmpty(statut)
            case "note": .nonEmpty(note)
            case "source": source.templateValue
            default: nil
            }
        }
    }

    /// A plan the indicator follows, and which of its fiches.
    struct PlanFollowed: TemplateObject {
        let plan: PlanSummaryView
        let fiches: [FicheLinkView]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "plan": .object(plan)
            case "fiches": fiches.templateValue
            default: nil
            }
        }
    }

    let id: String
    let data: IndicatorFile
    let valeurs: [Row]
    let graphiques: [ChartView]
    let plans: [PlanFollowed]
    let source: SourceView?
    /// The periods the values cover: the data's own dates, never the build date.
    let periodes: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "indicateur": .object(Definition(data: data))
        case "valeurs": valeurs.templateValue
        case "a_renseigner": .bool(data.valeurs.isEmpty)
        case "graphiques": graphiques.templateValue
        case "periodes": .nonEmpty(periodes)
        case "plans": plans.templateValue
        case "source": source.templateValue
        case "csv": .text("/donnees/indicateurs/\(id).csv")
        case "json": .text("/donnees/indicateurs/\(id).json")
        default: nil
        }
    }
}

extension Renderer {
    /// The view of an indicator's page.
    func indicatorView(_ ind: Indicator) -> IndicatorView {
        let d = ind.data
        let rows = d.valeurs.map { v in
            IndicatorView.Row(
                territoire: territoryName(v.territoire.value),
                territoireURL: index.territories[v.territoire.value]?.url ?? index.communes[v.territoire.value]?.url,
                periode: v.periode.value,
                valeur: v.masque == true ? "secret statistique" : (v.valeur.map { Format.number($0, unit: d.unite) } ?? "—"),
                cible: v.cible.map { Format.number($0, unit: d.unite) } ?? "—",
                statut: v.statut, note: v.note, source: sourceView(v.source))
        }
        let plans = d.plans.compactMap { link -> IndicatorView.PlanFollowed? in
            guard let p = index.plans[link.plan.value] else { return nil }
            return .init(plan: planSummaryView(p), fiches: link.fiches.compactMap { n in p.fiches.first { $0.numero == n.value } }.map { ficheLinkView($0, p) })
        }
        return IndicatorView(id: ind.id, data: d, valeurs: rows, graphiques: d.valeurs.isEmpty ? [] : Chart.charts(ind, name: territoryName),
                             plans: plans, source: sourceView(d.source), periodes: periodRange(d.valeurs.map(\.periode.value)))
    }
}
