import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/actualites/`: every news item, newest first, and its Atom feed.
struct NewsPage: PageKind {
    /// `{{#actualites}}`: the items.
    struct View: TemplateObject {
        let actualites: [NewsSummaryView]
        func value(named name: String) -> TemplateValue? { name == "actualites" ? actualites.templateValue : nil }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("actualites/")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        out.page("/actualites/", "actualites", "Actualités", [("Actualités", "/actualites/")], View(actualites: r.index.news.map(NewsSummaryView.init)))
        out.raw("actualites/atom.xml", r.atomFeed())
    }
}
