import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/communes/`: every commune, by département then by letter, reachable without JavaScript;
/// and `/communes/index.json`, what the finder searches.
struct CommunesIndexPage: PageKind {
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("territoires/"), .all("communes/"), .all("referentiel/"), .meta("aides/")] + index.planOrder.map { .meta("plans/\($0)/") }
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        out.page("/communes/", "communes", "Toutes les communes", [("Communes", "/communes/")], r.communesIndexView())
        out.raw("communes/index.json", r.communesIndexJSON())
    }
}

/// The view of `/communes/`.
struct CommunesIndexView: TemplateObject {
    /// A département's section: its communes by initial letter.
    struct Departement: TemplateObject {
        let code: String, nom: String, ancre: String, url: String?, nombre: String
        let lettres: [Letter]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "code": .text(code)
            case "nom": .text(nom)
            case "ancre": .text(ancre)
            case "url": url.templateValue
            case "nombre": .text(nombre)
            case "lettres": lettres.templateValue
            default: nil
            }
        }
    }

    /// The communes of a département under one letter.
    struct Letter: TemplateObject {
        let lettre: String, ancre: String, communes: [CommuneItem]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "lettre": .text(lettre)
            case "ancre": .text(ancre)
            case "communes": communes.templateValue
            default: nil
            }
        }
    }

    /// A commune in the index: name, page, INSEE code.
    struct CommuneItem: TemplateObject {
        let nom: String, url: String, code: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "url": .text(url)
            case "code": .text(code)
            default: nil
            }
        }
    }

    let nombreCommunes: String
    let chercheur: FinderView
    let departements: [Departement]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "nombre_communes": .text(nombreCommunes)
        case "chercheur": .object(chercheur)
        case "departements": departements.templateValue
        default: nil
        }
    }
}

extension Renderer {
    func communesIndexView() -> CommunesIndexView {
        let depPages: [String: String] = Dictionary(index.territoryOrder.compactMap { id in
            index.territories[id].flatMap { t in t.file.type == .departement ? t.file.code.map { ($0, t.url) } : nil }
        }, uniquingKeysWith: { a, _ in a })
        return CommunesIndexView(
            nombreCommunes: French.plural(index.communes.count, "commune"),
            chercheur: finderView(onIndex: true),
            departements: communesByDepartement().map { dep in
                let anchor = "dep-" + dep.code.lowercased()
                return .init(code: dep.code, nom: dep.name, ancre: anchor, url: depPages[dep.code],
                             nombre: French.plural(dep.communes.count, "commune"), lettres: letters(dep.communes, anchor: anchor))
            })
    }

    /// A département's communes (sorted) grouped by their initial letter.
    func letters(_ communes: [Commune], anchor: String) -> [CommunesIndexView.Letter] {
        var groups: [(String, [Commune])] = []
        for c in communes {
            let letter = String(c.sortKey.prefix(1)).uppercased()
            if groups.last?.0 == letter { groups[groups.count - 1].1.append(c) } else { groups.append((letter, [c])) }
        }
        return groups.map { l in
            .init(lettre: l.0, ancre: "\(anchor)-\(l.0.lowercased())", communes: l.1.map { .init(nom: $0.displayName, url: $0.url, code: $0.code) })
        }
    }

    /// Communes by département, in the order of their codes.
    func communesByDepartement() -> [(code: String, name: String, communes: [Commune])] {
        var groups: [String: [Commune]] = [:]
        for code in index.communeOrder {
            guard let c = index.communes[code] else { continue }
            groups[c.departement ?? "", default: []].append(c)
        }
        return groups.keys.sorted().map { dep in
            let list = groups[dep]!.sorted { ($0.sortKey, $0.code) < ($1.sortKey, $1.code) }
            return (dep, list.first?.departementName ?? "Communes", list)
        }
    }
}
