import HabitatContent
import HabitatCore
import HabitatMarkdown

/// Free pages and news, and the URLs every source claims (duplicates, unsafe aliases).
extension Resolver {
    mutating func resolvePages(_ pages: [(String, PageFile, MarkdownDocument, String)], _ news: [(String, NewsFile, MarkdownDocument, String)]) {
        for (path, page, body, file) in pages {
            index.pages.append(FreePage(path: path, data: page, body: body, file: file))
        }
        for (slug, item, body, file) in news {
            if item.brouillon == true && !includeDrafts { continue }
            if let p = item.publication, p > buildDate, !includeDrafts { continue }
            if let e = item.expiration, e <= buildDate { continue }
            index.news.append(NewsItem(slug: slug, data: item, body: body, file: file))
        }
        index.news.sort { ($0.data.publication ?? $0.data.date, $0.slug) > ($1.data.publication ?? $1.data.date, $1.slug) }
    }

    /// Two sources claiming one URL, and aliases that are not clean paths.
    mutating func checkURLs() {
        var owners: [String: String] = [:]
        func claim(_ url: String, _ file: String, _ line: Int = 1, _ column: Int = 1) {
            if let other = owners[url], other != file {
                error(file, line, column, "deux pages à la même adresse \(url) (l'autre : \(other))", code: "url.duplicate")
            } else {
                owners[url] = file
            }
        }
        for page in index.pages { claim(page.url, page.file) }
        for id in index.planOrder {
            let plan = index.plans[id]!
            claim(plan.url, plan.path)
            // Two fiches with one number are already reported (ref.duplicate-id).
            for f in plan.fiches where owners[f.url] == nil { claim(f.url, f.path) }
        }
        for id in index.aidOrder { claim(index.aids[id]!.url, index.aids[id]!.path) }
        for n in index.news { claim(n.url, n.file) }
        for alias in index.siteMap.frontMatterAliases {
            guard let url = alias.url else {
                error(alias.file, alias.written.line, alias.written.column, "l'alias « \(alias.written.value) » doit être un chemin du site comme /ancienne-adresse/ (minuscules, chiffres, « - », sans « .. »)", code: "url.bad-alias")
                continue
            }
            claim(url, alias.file, alias.written.line, alias.written.column)
        }
    }

    /// `/a/b` → `/a/b/`; nil for anything unsafe or outside the site.
    static func normalizedAlias(_ alias: String) -> String? {
        guard alias.hasPrefix("/") else { return nil }
        let parts = alias.split(separator: "/")
        guard !parts.isEmpty else { return nil }
        for p in parts where p == ".." || p == "." || !Slug.isValid(String(p)) { return nil }
        return "/" + parts.joined(separator: "/") + "/"
    }
}
