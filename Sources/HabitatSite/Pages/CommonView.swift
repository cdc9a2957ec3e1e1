import HabitatCore
import HabitatTemplate

/// The values every page has: site, navigation, breadcrumb, assets, dates, search filters.
struct CommonView: TemplateObject {
    struct Site: TemplateObject {
        let titre: String, sousTitre: String?, editeur: String?, description: String?, url: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "sous_titre": .nonEmpty(sousTitre)
            case "editeur": .nonEmpty(editeur)
            case "description": .nonEmpty(description)
            case "url": .text(url)
            default: nil
            }
        }
    }

    /// A link of the main menu, `actif` on the section the page belongs to.
    struct MenuItem: TemplateObject {
        let titre: String, url: String, actif: Bool
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": .text(url)
            case "actif": .bool(actif)
            default: nil
            }
        }
    }

    /// A breadcrumb step; `dernier` is the page itself.
    struct Crumb: TemplateObject {
        let titre: String, url: String, dernier: Bool
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": .text(url)
            case "dernier": .bool(dernier)
            default: nil
            }
        }
    }

    /// `{{assets.style_css}}` → the hashed URL of `style.css`.
    struct Assets: TemplateObject {
        let urls: [String: String]
        func value(named name: String) -> TemplateValue? { urls[name].map(TemplateValue.text) }
    }

    /// Pagefind filters: `type:Commune`, `territoire:CABBALR`.
    struct SearchFilters: TemplateObject {
        let type: String, territoire: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "type": .text(type)
            case "territoire": territoire.templateValue
            default: nil
            }
        }
    }

    let site: Site
    let titre: String, titreBrut: String, url: String, urlAbsolue: String, typePage: String
    let menu: [MenuItem], fil: [Crumb]
    let assets: Assets
    let jour: CalendarDay
    let documentsPublies: Bool
    let rechercheFiltres: SearchFilters?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": .object(site)
        case "titre": .text(titre)
        case "titre_brut": .text(titreBrut)
        case "url": .text(url)
        case "url_absolue": .text(urlAbsolue)
        case "type_page": .text(typePage)
        case "menu": menu.templateValue
        case "fil": fil.templateValue
        case "assets": .object(assets)
        case "date_maj": .text(French.date(jour))
        case "date_maj_iso": .text(jour.description)
        case "jour": .day(jour)
        // Only the search page runs WebAssembly (Pagefind); every page forbids inline script.
        case "csp_wasm": .bool(false)
        case "annee": .text(String(jour.year))
        case "documents_publies": .bool(documentsPublies)
        case "recherche_filtres": rechercheFiltres.templateValue
        default: nil
        }
    }
}
