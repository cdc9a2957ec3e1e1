import HabitatContent
import HabitatCore

extension Renderer {
    /// `/actualites/atom.xml`: every news item with its full text.
    func atomFeed() -> String {
        let updated = (index.news.first.map { $0.data.publication ?? $0.data.date } ?? buildDate).description
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n"
        out += "  <title>\(HTML.escape(index.site.titre)) — Actualités</title>\n"
        out += "  <id>\(HTML.escape(baseURL))/actualites/</id>\n"
        out += "  <link rel=\"self\" href=\"\(HTML.escape(baseURL))/actualites/atom.xml\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(baseURL))/actualites/\"/>\n"
        out += "  <updated>\(updated)T00:00:00Z</updated>\n"
        out += "  <author><name>\(HTML.escape(index.site.editeur ?? index.site.titre))</name></author>\n"
        for n in index.news {
            let date = (n.data.publication ?? n.data.date).description
            out += "  <entry>\n    <title>\(HTML.escape(n.data.titre))</title>\n"
            out += "    <id>\(HTML.escape(baseURL + n.url))</id>\n    <link href=\"\(HTML.escape(baseURL + n.url))\"/>\n"
            out += "    <updated>\(date)T00:00:00Z</updated>\n"
            if let r = n.data.resume { out += "    <summary>\(HTML.escape(r))</summary>\n" }
            out += "    <content type=\"html\">\(HTML.escape(n.body.html))</content>\n  </entry>\n"
        }
        return out + "</feed>\n"
    }
}
