import HabitatContent
import HabitatCore
import HabitatMarkdown

/// Checks across the whole site, run once everything is resolved: links and anchors written
/// in Markdown, images without a text alternative, heading order, generated URLs claimed by
/// an alias, and rules that silently match nothing.
extension Resolver {
    mutating func checkSite() {
        let map = index.siteMap
        let urls = (pages: map.pageURLs, files: map.fileURLs)
        var anchors: [String: Set<String>] = [:]
        var documents: [(file: String, url: String, doc: MarkdownDocument)] = []
        for id in index.planOrder {
            let p = index.plans[id]!
            documents.append((p.path, p.url, p.body))
            for f in p.fiches { documents.append((f.path, f.url, f.body)) }
        }
        for id in index.aidOrder { documents.append((index.aids[id]!.path, index.aids[id]!.url, index.aids[id]!.body)) }
        for p in index.pages { documents.append((p.file, p.url, p.body)) }
        for n in index.news { documents.append((n.file, n.url, n.body)) }
        for d in documents { anchors[d.url] = Set(d.doc.headings.map(\.anchor)) }

        for d in documents {
            checkHeadings(d.doc, file: d.file)
            for link in d.doc.links {
                if link.isImage && !link.hasText {
                    error(d.file, link.line, link.column, "image sans texte de remplacement : écrivez ![ce que montre l'image](\(link.destination))", code: "content.image-alt")
                }
                checkLink(link, file: d.file, pageURL: d.url, urls: urls, anchors: anchors)
            }
        }
        // Aliases onto another content page are reported by checkURLs; here, onto generated pages.
        var contentPages = Set(index.pages.map(\.url) + index.news.map(\.url) + index.aidOrder.map { "/aides/\($0)/" })
        for id in index.planOrder { contentPages.insert("/plans/\(id)/"); contentPages.formUnion(index.plans[id]!.fiches.map(\.url)) }
        for alias in map.entries where alias.role == .redirect && urls.pages.contains(alias.url) && !contentPages.contains(alias.url) {
            guard case .alias(_, let target) = alias.job else { continue }
            let at = alias.owner ?? SourceLocation(file: "Content", line: 1, column: 1)
            error(at.file, at.line, at.column, "l'alias \(alias.url) remplacerait la page que le portail produit à cette adresse (il mène à \(target))", code: "url.duplicate")
        }
    }

    mutating func checkLink(_ link: MarkdownDocument.Link, file: String, pageURL: String, urls: (pages: Set<String>, files: Set<String>), anchors: [String: Set<String>]) {
        let dest = link.destination
        if dest.isEmpty || dest.contains("://") || dest.hasPrefix("mailto:") || dest.hasPrefix("tel:") || dest.hasPrefix("//") { return }
        var path = dest, fragment: String?
        if let hash = path.firstIndex(of: "#") { fragment = String(path[path.index(after: hash)...]); path = String(path[..<hash]) }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        if path.isEmpty {
            if let fragment, !(anchors[pageURL]?.contains(fragment) ?? true) {
                error(file, link.line, link.column, "aucun titre n'a l'ancre #\(fragment) sur cette page" + String.didYouMean(fragment, among: (anchors[pageURL] ?? []).sorted()), code: "link.broken-anchor")
            }
            return
        }
        guard path.hasPrefix("/") else {
            warning(file, link.line, link.column, "le lien « \(dest) » est relatif : écrivez le chemin complet depuis la racine du site, comme /aides/", code: "link.relative")
            return
        }
        let asPage = path.hasSuffix("/") ? path : path + "/"
        if urls.pages.contains(asPage) {
            if let fragment, let known = anchors[asPage], !known.contains(fragment) {
                error(file, link.line, link.column, "la page \(asPage) n'a aucun titre avec l'ancre #\(fragment)" + String.didYouMean(fragment, among: known.sorted()), code: "link.broken-anchor")
            }
            return
        }
        if urls.files.contains(path) { return }
        error(file, link.line, link.column, "lien cassé : aucune page à l'adresse \(path)" + String.didYouMean(asPage, among: urls.pages.sorted()), code: "link.broken")
    }

    mutating func checkHeadings(_ doc: MarkdownDocument, file: String) {
        var previous = 1
        for h in doc.headings {
            if h.level == 1 {
                warning(file, h.line, h.column, "un titre de niveau 1 (« # \(h.text) ») dans le texte : le titre de la page est le seul ; utilisez « ## »", code: "content.heading-order")
            } else if h.level > previous + 1 {
                warning(file, h.line, h.column, "titre de niveau \(h.level) après un niveau \(previous) : ne sautez pas de niveau (utilisez « \(String(repeating: "#", count: previous + 1)) »)", code: "content.heading-order")
            }
            previous = h.level
        }
    }
}
