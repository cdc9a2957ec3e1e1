import HabitatContent
import HabitatCore
import HabitatTemplate

/// `{{chercheur.…}}`: the commune finder (home page and `/communes/`), and what it says when
/// nothing matches — what the portal covers, with its départements.
struct FinderView: TemplateObject {
    /// A département the portal covers: its page and its anchor in `/communes/`.
    struct Departement: TemplateObject {
        let nom: String, url: String, ancre: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "url": .text(url)
            case "ancre": .text(ancre)
            default: nil
            }
        }
    }

    /// On `/communes/` itself the finder does not link to the index.
    let surIndex: Bool
    let nombre: String, perimetre: String
    let departements: [Departement]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "sur_index": .bool(surIndex)
        case "nombre": .text(nombre)
        case "perimetre": .text(perimetre)
        case "departements": departements.templateValue
        default: nil
        }
    }
}

extension Renderer {
    /// The finder's view; `onIndex` on `/communes/`.
    func finderView(onIndex: Bool) -> FinderView {
        let deps = index.territoryOrder.compactMap { index.territories[$0] }.filter { t in
            t.file.type == .departement && index.communes(under: t.id).count > 0
        }
        let names = deps.map { "du \($0.name)" }
        let perimeter = names.count <= 1 ? (names.first ?? "") : names.dropLast().joined(separator: ", ") + " et " + names.last!
        return FinderView(surIndex: onIndex, nombre: French.plural(index.communes.count, "commune"), perimetre: perimeter,
                          departements: deps.map { .init(nom: $0.name, url: $0.url, ancre: "dep-" + ($0.file.code ?? $0.id).lowercased()) })
    }
}
