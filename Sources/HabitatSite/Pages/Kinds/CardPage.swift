import HabitatContent
import HabitatCore
import HabitatTemplate

/// The embeddable card (`/communes/<slug>/vignette/`): what a commune shows on its own site —
/// name, INSEE code, population with its year, the plans that apply, the number of aids in
/// force, a link. A card is rendered for every commune, so it stays light.
struct CardPage: PageKind {
    let code: String

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("territoires/"), .all("communes/"), .all("referentiel/"), .all("tables/")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let c = r.index.communes[code]!
        out.page(c.url + "vignette/", "vignette", c.displayName, [], r.cardView(c), kind: "vignette")
    }
}

/// The card's view: the commune's identity, its plans named short, its aids counted.
struct CardView: TemplateObject {
    /// A plan on the card: `PLH 2019-2025 (CABBALR)`, its full title in `title`.
    struct PlanItem: TemplateObject {
        let id: String, libelle: String, titre: String, acheve: Bool, statut: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "id": .text(id)
            case "libelle": .text(libelle)
            case "titre": .text(titre)
            case "acheve": .bool(acheve)
            case "statut": .text(statut)
            default: nil
            }
        }
    }

    let identity: CommuneIdentityView
    let plansVignette: [PlanItem]
    let nombreAides: String
    let populationVignette: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "plans_vignette": plansVignette.templateValue
        case "nombre_aides": .text(nombreAides)
        case "population_vignette": populationVignette.templateValue
        default: identity.value(named: name)
        }
    }
}

extension Renderer {
    func cardView(_ c: Commune) -> CardView {
        let aids = index.aids(forCommune: c.code).filter { $0.data.statut == .enVigueur }
        return CardView(
            identity: communeIdentity(c, keyFigures: []),
            plansVignette: plansCovering(c).map { .init(id: $0.id, libelle: planShortLabel($0), titre: $0.data.titre, acheve: planEnded($0), statut: planStatus($0)) },
            nombreAides: French.plural(aids.count, "aide en vigueur", "aides en vigueur"),
            populationVignette: c.population.map { French.integer($0) + " hab. (\(index.reference?.populationYear ?? 0))" })
    }

    /// `PLH 2019-2025` — a plan named short enough for the card; its full title goes in `title`.
    func planShortLabel(_ p: Plan) -> String {
        let kind: String
        switch p.data.type {
        case .plh: kind = "PLH"
        case .pdh: kind = "PDH"
        case .bilan: kind = "Bilan du PLH"
        }
        let period = p.data.periode.map { " " + $0.replacingOccurrences(of: " – ", with: "-").replacingOccurrences(of: " - ", with: "-") } ?? ""
        let owner = index.territories[p.data.territoire.value]?.shortName
        return kind + period + (owner.map { " (\($0))" } ?? "")
    }
}
