import HabitatContent
import HabitatCore
import HabitatTemplate

/// A territory's page (région, département, EPCI): its plans, the territories under it, its
/// communes by sector, its indicators.
struct TerritoryPage: PageKind {
    let id: String

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        let plans = index.plansByTerritory[id] ?? []
        return [.all("territoires/"), .all("communes/"), .all("referentiel/"), .meta("documents/"), .all("indicateurs/")]
            + plans.map { .meta("plans/\($0)/") }
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let t = r.index.territories[id]!
        out.page(t.url, "territoire", t.name, r.territoryCrumbs(id), r.territoryView(t), kind: "territoire", territory: t.shortName)
    }
}

/// The territory page's view.
struct TerritoryView: TemplateObject {
    /// `{{territoire.type}}`, `{{territoire.code}}`…: the territory itself.
    struct Header: TemplateObject {
        let nom: String, sigle: String?, type: String, code: String?, description: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "sigle": .nonEmpty(sigle)
            case "type": .text(type)
            case "code": .nonEmpty(code)
            case "description": .nonEmpty(description)
            default: nil
            }
        }
    }

    /// A sector of an EPCI with its communes.
    struct SectorItem: TemplateObject {
        let nom: String, type: String?, communes: [NamedLink], nombre: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "type": .nonEmpty(type)
            case "communes": communes.templateValue
            case "nombre": .text(nombre)
            default: nil
            }
        }
    }

    let territoire: Header
    let parent: NamedLink?
    let enfants: [TerritoryLink]
    let plans: [PlanSummaryView]
    let secteurs: [SectorItem]
    let communes: [NamedLink]
    let nombreCommunes: String
    let indicateurs: [IndicatorValueRow]
    let ecarts: [DiscrepancyView]
    let source: SourceView?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "territoire": .object(territoire)
        case "parent": parent.templateValue
        case "enfants": enfants.templateValue
        case "plans": plans.templateValue
        case "secteurs": secteurs.templateValue
        case "communes": communes.templateValue
        case "nombre_communes": .text(nombreCommunes)
        case "indicateurs": indicateurs.templateValue
        case "ecarts": ecarts.templateValue
        case "source": source.templateValue
        default: nil
        }
    }
}

extension Renderer {
    func territoryView(_ t: Territory) -> TerritoryView {
        let sectors = index.sectors.values.filter { $0.territoryId == t.id }.sorted { $0.name < $1.name }
        let inSector = Set(sectors.flatMap(\.communeCodes))
        func links(_ codes: [String]) -> [NamedLink] {
            codes.compactMap { index.communes[$0] }.sorted { ($0.sortKey, $0.code) < ($1.sortKey, $1.code) }.map { NamedLink(nom: $0.displayName, url: $0.url) }
        }
        let f = t.file
        return TerritoryView(
            territoire: .init(nom: t.name, sigle: f.sigle, type: territoryKindLabel(f.type), code: f.code, description: f.description),
            parent: f.parent.flatMap { index.territories[$0.value] }.map { NamedLink(nom: $0.name, url: $0.url) },
            enfants: t.childIds.compactMap { index.territories[$0] }.map(territoryLink),
            plans: (index.plansByTerritory[t.id] ?? []).compactMap { index.plans[$0] }.map(planSummaryView),
            secteurs: sectors.map { .init(nom: $0.name, type: $0.kind, communes: links($0.communeCodes), nombre: French.plural($0.communeCodes.count, "commune")) },
            communes: links(t.communeCodes.filter { !inSector.contains($0) }),
            nombreCommunes: French.plural(index.communes(under: t.id).count, "commune"),
            indicateurs: indicatorRows(at: t.id),
            ecarts: discrepancyRows(f.ecarts, citing: f.source),
            source: sourceView(f.source))
    }
}
