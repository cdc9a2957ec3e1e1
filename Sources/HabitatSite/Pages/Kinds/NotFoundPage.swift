import HabitatContent
import HabitatTemplate

/// `/404.html`: the page a server shows for an unknown address.
struct NotFoundPage: PageKind {
    /// The page has no values of its own.
    struct View: TemplateObject {
        func value(named name: String) -> TemplateValue? { nil }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("territoires/"), .all("referentiel/")]
    }

    func render(into out: inout PageOutput) {
        out.page("/", "404", "Page introuvable", [], View(), file: "404.html")
    }
}
