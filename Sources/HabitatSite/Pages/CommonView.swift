import HabitatContent
import HabitatCore
import HabitatTemplate

/// The values every page has: site, navigation, breadcrumb, assets, dates, search filters.
///
/// What is the same on every page (`SiteCommon`) is built once per build; a page adds only
/// its title, address, breadcrumb and search filters.
struct CommonView: TemplateObject {
    /// A class, so that `{{site.titre}}` shares it instead of copying five strings into each look-up.
    final class Site: TemplateObject, Sendable {
        let titre: String, sousTitre: String?, editeur: String?, description: String?, url: String
        init(titre: String, sousTitre: String?, editeur: String?, description: String?, url: String) {
            self.titre = titre; self.sousTitre = sousTitre; self.editeur = editeur; self.description = description; self.url = url
        }
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
    struct Assets: TemplateObject, Sendable {
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

    let shared: SiteCommon
    let titre: String, titreBrut: String, url: String, urlAbsolue: String, typePage: String
    let fil: [Crumb]
    let rechercheFiltres: SearchFilters?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "site": .object(shared.site)
        case "titre": .text(titre)
        case "titre_brut": .text(titreBrut)
        case "url": .text(url)
        case "url_absolue": .text(urlAbsolue)
        case "type_page": .text(typePage)
        case "menu": menu.templateValue
        case "fil": fil.templateValue
        case "assets": .object(shared.assets)
        case "date_maj": .text(shared.dateMaj)
        case "date_maj_iso": .text(shared.dateMajISO)
        case "jour": .day(shared.jour)
        // Only the search page runs WebAssembly (Pagefind); every page forbids inline script.
        case "csp_wasm": .bool(false)
        case "annee": .text(shared.annee)
        case "documents_publies": .bool(shared.documentsPublies)
        case "recherche_filtres": rechercheFiltres.templateValue
        default: nil
        }
    }

    /// The main menu, `actif` on the section this page belongs to.
    var menu: [MenuItem] {
        shared.menu.map { .init(titre: $0.titre, url: $0.url, actif: url.hasPrefix($0.url) && $0.url != "/") }
    }
}

/// The part of `CommonView` that is the same on every page of a build: made once by the
/// `Renderer`, shared by every page's view.
final class SiteCommon: Sendable {
    let site: CommonView.Site
    /// The menu's links; each page marks the one it belongs to (`CommonView.menu`).
    let menu: [SiteFile.MenuItem]
    let assets: CommonView.Assets
    let jour: CalendarDay
    /// `jour` as the templates print it, written once for the site.
    let dateMaj: String, dateMajISO: String, annee: String
    let documentsPublies: Bool

    init(site: CommonView.Site, menu: [SiteFile.MenuItem], assets: CommonView.Assets, jour: CalendarDay, documentsPublies: Bool) {
        self.site = site
        self.menu = menu
        self.assets = assets
        self.jour = jour
        dateMaj = French.date(jour)
        dateMajISO = jour.description
        annee = String(jour.year)
        self.documentsPublies = documentsPublies
    }
}
