import HabitatContent
import HabitatCore
import HabitatTemplate

/// A free page of `Content/pages/` (about, legal notice, accessibility statement); the kind of
/// the model's `FreePage`.
struct FreePageKind: PageKind {
    /// The page's position in `SiteIndex.pages`.
    let position: Int

    struct View: TemplateObject {
        let corps: String, description: String?
        /// Only on the accessibility statement.
        let conformite: ConformanceView?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "corps": .text(corps)
            case "description": .nonEmpty(description)
            case "conformite": conformite.templateValue
            default: nil
            }
        }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        let own: [Dependencies.Selector] = [.all("pages/\(index.pages[position].path).md")]
        return index.pages[position].path == Renderer.accessibilityPage ? own + [.all("audit-accessibilite.json")] : own
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let p = r.index.pages[position]
        let conformance = p.path == Renderer.accessibilityPage ? r.conformanceView() : nil
        out.page(p.url, "page", p.data.titre, [(p.data.titre, p.url)], View(corps: p.body.html, description: p.data.description, conformite: conformance))
    }
}
