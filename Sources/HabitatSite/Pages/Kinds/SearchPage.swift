import HabitatContent
import HabitatTemplate

/// `/recherche/`: the search form (Pagefind), with a territory filter.
struct SearchPage: PageKind {
    struct View: TemplateObject {
        /// The territory filter's choices: each territory's short name, then "France entière".
        let territoiresRecherche: [String]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "territoires_recherche": territoiresRecherche.templateValue
            // The only page that runs WebAssembly (Pagefind).
            case "csp_wasm": .bool(true)
            default: nil
            }
        }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("territoires/"), .all("referentiel/")]
    }

    func render(into out: inout PageOutput) {
        let index = out.renderer.index
        let names = index.territoryOrder.compactMap { index.territories[$0]?.shortName } + ["France entière"]
        out.page("/recherche/", "recherche", "Rechercher", [("Rechercher", "/recherche/")], View(territoiresRecherche: names))
    }
}
