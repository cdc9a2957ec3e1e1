import HabitatContent
import HabitatTemplate

/// An old address that redirects to a page's current one.
struct AliasPage: PageKind {
    let from: String, to: String

    /// `{{cible}}` and `{{cible_absolue}}`: where the page went.
    struct View: TemplateObject {
        let cible: String, cibleAbsolue: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "cible": .text(cible)
            case "cible_absolue": .text(cibleAbsolue)
            default: nil
            }
        }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.meta("")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        out.page(from, "alias", "Page déplacée", [], View(cible: to, cibleAbsolue: r.baseURL + to), kind: "alias")
        // A commune's data file cannot redirect: its old address keeps serving the current data.
        if from.hasPrefix("/communes/"), !from.hasSuffix("/vignette/"), let code = to.split(separator: "-").last.map({ String($0.dropLast()) }),
           let c = r.index.communes[code], c.url == to {
            out.raw(String(from.dropFirst()) + "donnees.json", r.communeJSON(c))
        }
    }
}
