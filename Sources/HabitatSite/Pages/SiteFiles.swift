import HabitatContent
import HabitatCore

extension Renderer {
    /// `/sitemap.xml`: every listed page, dated with the build.
    func sitemap() -> String {
        let urls = index.siteMap.listedURLs
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for u in urls { out += "  <url><loc>\(HTML.escape(baseURL + u))</loc><lastmod>\(buildDate)</lastmod></url>\n" }
        return out + "</urlset>\n"
    }

    /// `/robots.txt`: everything allowed, and where the sitemap is.
    func robots() -> String {
        "User-agent: *\nAllow: /\nSitemap: \(baseURL)/sitemap.xml\n"
    }
}
