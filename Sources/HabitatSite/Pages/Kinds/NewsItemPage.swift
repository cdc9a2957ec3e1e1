import HabitatContent
import HabitatCore
import HabitatTemplate

/// One news item's page.
struct NewsItemPage: PageKind {
    /// The item's position in `SiteIndex.news`.
    let position: Int

    /// `{{#actualite}}`: the item with its text.
    struct View: TemplateObject {
        let actualite: NewsSummaryView
        func value(named name: String) -> TemplateValue? { name == "actualite" ? .object(actualite) : nil }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("actualites/\(index.news[position].slug).md")]
    }

    func render(into out: inout PageOutput) {
        let n = out.renderer.index.news[position]
        var item = NewsSummaryView(n)
        item.corps = n.body.html
        out.page(n.url, "actualite", n.data.titre, [("Actualités", "/actualites/"), (n.data.titre, n.url)], View(actualite: item), kind: "actualite")
    }
}
