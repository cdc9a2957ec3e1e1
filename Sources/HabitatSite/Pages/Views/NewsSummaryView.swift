import HabitatContent
import HabitatCore
import HabitatTemplate

/// A news item as lists show it (home page, `/actualites/`); on its own page, with its text.
struct NewsSummaryView: TemplateObject {
    let titre: String, url: String, date: String, dateISO: String, resume: String?
    /// The item's HTML text: only on the item's own page.
    var corps: String? = nil

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "url": .text(url)
        case "date": .text(date)
        case "date_iso": .text(dateISO)
        case "resume": .nonEmpty(resume)
        case "corps": corps.map(TemplateValue.text)
        default: nil
        }
    }

    init(_ n: NewsItem) {
        let day = n.data.publication ?? n.data.date
        titre = n.data.titre
        url = n.url
        date = French.date(day)
        dateISO = day.description
        resume = n.data.resume
    }
}
