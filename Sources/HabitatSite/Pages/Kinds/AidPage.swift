import HabitatContent
import HabitatCore
import HabitatTemplate

/// An aid's page: who, how much, conditions, the simulator, the plan and fiches it comes from.
struct AidPage: PageKind {
    let id: String

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        let territory: [Dependencies.Selector] = [.all("territoires/"), .all("communes/"), .all("referentiel/")]
        let plans: [Dependencies.Selector] = (index.aids[id]?.data.plan.map { [$0.value] } ?? []).map { .meta("plans/\($0)/") }
        return territory + [.meta("documents/"), .all("aides/\(id)."), .all("baremes/"), .all("tables/")] + plans
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let a = r.index.aids[id]!
        let territory = a.data.territoire.value == "france" ? "France entière" : r.index.territories[a.data.territoire.value]?.shortName
        out.page(a.url, "aide", a.data.titre, [("Aides", "/aides/"), (a.data.titre, a.url)], r.aidView(a), kind: "aide", territory: territory)
    }
}

extension Renderer {
    /// The view of an aid's page.
    func aidView(_ a: Aid) -> AidView {
        let d = a.data
        let plan = d.plan.flatMap { index.plans[$0.value] }
        let fiches = plan.map { p in (d.fiches ?? []).compactMap { n in p.fiches.first { $0.numero == n.value } }.map { ficheLinkView($0, p) } } ?? []
        let communes = (d.perimetre != nil ? (a.scopeCommunes ?? []) : []).compactMap { index.communes[$0] }.map { NamedLink(nom: $0.displayName, url: $0.url) }
        let territory = d.territoire.value == "france" ? NamedLink(nom: "France entière", url: nil)
            : index.territories[d.territoire.value].map { NamedLink(nom: $0.name, url: $0.url) }
        return AidView(
            aid: a, territoire: territory, plan: plan.map(planSummaryView), fiches: fiches,
            montants: budgetRows(d.montants, citing: d.source),
            perimetre: scopeView(d.perimetre, communes: communes, territory: d.territoire.value),
            source: sourceView(d.source), ecarts: discrepancyRows(d.ecarts, citing: d.source),
            simulateur: index.simulators[a.id].map(simulatorView),
            remplaceePar: (d.remplacee_par ?? []).compactMap { index.aids[$0.value] }.map { TitledLink(titre: $0.data.titre, url: $0.url) })
    }
}

/// The view of an aid's page.
struct AidView: TemplateObject {
    /// `{{aide.…}}`: the aid's identity card.
    struct Identity: TemplateObject {
        let data: AidFile
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(data.titre)
            case "resume": .text(data.resume)
            case "montant": .text(data.montant)
            case "financeur": .text(data.financeur)
            case "statut": .text(data.statut.label)
            case "en_vigueur": .bool(data.statut == .enVigueur)
            case "terminee": .bool(data.statut == .terminee)
            case "periode": .nonEmpty(data.periode)
            case "publics": .text(data.publics.map(\.label).joined(separator: ", "))
            default: nil
            }
        }
    }

    let aid: Aid
    let territoire: NamedLink?
    let plan: PlanSummaryView?
    let fiches: [FicheLinkView]
    let montants: [BudgetRowView]
    let perimetre: ScopeView?
    let source: SourceView?
    let ecarts: [DiscrepancyView]
    let simulateur: SimulatorView?
    let remplaceePar: [TitledLink]

    func value(named name: String) -> TemplateValue? {
        let d = aid.data
        switch name {
        case "aide": return .object(Identity(data: d))
        case "territoire": return territoire.templateValue
        case "plan": return plan.templateValue
        case "fiches": return fiches.templateValue
        case "montants": return montants.templateValue
        case "conditions": return .texts(d.conditions)
        case "inconnues": return .texts(d.inconnues)
        case "demarches": return .texts(d.demarches)
        case "cumul": return .texts(d.cumul)
        case "perimetre": return perimetre.templateValue
        case "corps": return .text(aid.body.html)
        case "source": return source.templateValue
        case "ecarts": return ecarts.templateValue
        case "simulateur": return simulateur.templateValue
        case "remplacee_par": return remplaceePar.templateValue
        case "lien_officiel": return .nonEmpty(d.lien_officiel)
        default: return nil
        }
    }
}
