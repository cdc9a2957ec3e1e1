import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/aides/`: every aid, grouped by status, with filters by audience, territory and commune.
struct AidsPage: PageKind {
    /// A filter choice: `{{code}}`, `{{libelle}}`.
    struct Choice: TemplateObject {
        let code: String, libelle: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "code": .text(code)
            case "libelle": .text(libelle)
            default: nil
            }
        }
    }

    /// The aids of one status.
    struct Group: TemplateObject {
        let id: String, code: String, titre: String, description: String
        let aides: [AidCardView]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "id": .text(id)
            case "code": .text(code)
            case "titre": .text(titre)
            case "description": .text(description)
            case "nombre": aides.count.templateValue
            case "aides": aides.templateValue
            default: nil
            }
        }
    }

    struct View: TemplateObject {
        let groupes: [Group], publics: [Choice], territoires: [Choice]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "groupes": groupes.templateValue
            case "publics": publics.templateValue
            case "territoires": territoires.templateValue
            default: nil
            }
        }
    }

    /// "Vous êtes": the four situations of the questionnaire.
    static let audiences: [Choice] = [
        .init(code: AidFile.Audience.proprietaireOccupant.rawValue, libelle: "Propriétaire occupant"),
        .init(code: AidFile.Audience.proprietaireBailleur.rawValue, libelle: "Propriétaire bailleur"),
        .init(code: AidFile.Audience.locataire.rawValue, libelle: "Locataire"),
        .init(code: AidFile.Audience.primoAccedant.rawValue, libelle: "Futur acheteur d'une première résidence"),
    ]

    /// The groups, in this order: id, title and introduction of each status.
    static let statuses: [(AidFile.Status, String, String, String)] = [
        (.enVigueur, "aides-en-vigueur", "En vigueur", "Les aides que l'on peut demander aujourd'hui."),
        (.aConfirmer, "aides-a-confirmer", "À confirmer", "Des aides dont le document ne permet pas de dire si elles sont encore ouvertes : renseignez-vous auprès du financeur."),
        (.terminee, "aides-terminees", "Terminées", "Conservées pour mémoire : on ne peut plus en bénéficier."),
    ]

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.meta("aides/"), .all("territoires/")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer, index = r.index
        let all = index.aidOrder.compactMap { index.aids[$0] }
        let groups: [Group] = Self.statuses.compactMap { (status, id, title, text) in
            let aids = all.filter { $0.data.statut == status }
            guard !aids.isEmpty else { return nil }
            return Group(id: id, code: status.rawValue, titre: title, description: text, aides: aids.map { AidCardView(aid: $0, renderer: r) })
        }
        let territories = ["france"] + index.territoryOrder.filter { t in index.aids.values.contains { $0.data.territoire.value == t } }
        let view = View(groupes: groups, publics: Self.audiences,
                        territoires: territories.map { Choice(code: $0, libelle: $0 == "france" ? "France entière" : (index.territories[$0]?.shortName ?? $0)) })
        out.page("/aides/", "aides", "Les aides au logement", [("Aides", "/aides/")], view)
    }
}

/// An aid as the list of aids shows it, with the data the filters read.
struct AidCardView: TemplateObject {
    /// `{{#simulateur}}`: the aid's page, whose simulator the card links to.
    struct SimulatorLink: TemplateObject {
        let url: String
        func value(named name: String) -> TemplateValue? { name == "url" ? .text(url) : nil }
    }

    let aid: Aid
    /// The territory's short name ("France entière" for a national aid).
    let territoire: String
    let simulateur: SimulatorLink?

    init(aid: Aid, renderer r: Renderer) {
        self.aid = aid
        let t = aid.data.territoire.value
        territoire = t == "france" ? "France entière" : (r.index.territories[t]?.shortName ?? "")
        simulateur = r.index.simulators[aid.id] != nil && aid.data.statut != .terminee ? .init(url: aid.url) : nil
    }

    func value(named name: String) -> TemplateValue? {
        let d = aid.data
        switch name {
        case "id": return .text(aid.id)
        case "titre": return .text(d.titre)
        case "url": return .text(aid.url)
        case "resume": return .text(d.resume)
        case "montant": return .text(d.montant)
        case "statut": return .text(d.statut == .terminee ? "Terminée" : d.statut.label)
        case "statut_code": return .text(d.statut.rawValue)
        case "en_vigueur": return .bool(d.statut == .enVigueur)
        case "terminee": return .bool(d.statut == .terminee)
        case "publics": return .text(d.publics.map(\.label).joined(separator: ", "))
        case "publics_codes": return .text(d.publics.map(\.rawValue).joined(separator: " "))
        case "territoire": return .text(territoire)
        case "territoire_code": return .text(d.territoire.value)
        case "simulateur": return simulateur.templateValue
        case "financeur": return .text(d.financeur)
        default: return nil
        }
    }
}
