import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/documents/<id>/`: a source document, line by line, each line and each cited range anchored.
struct DocumentPage: PageKind {
    let id: String

    // The page anchors every cited range: it reads every citation.
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] { [.meta("")] }

    func render(into out: inout PageOutput) {
        let d = out.renderer.index.documents[id]!
        let view = DocumentView(document: .init(document: d), lignesHTML: out.renderer.documentLinesHTML(d))
        out.page(d.url, "document", d.data.titre, [("Documents sources", "/documents/"), (d.data.titre, d.url)], view, kind: "document")
    }
}

/// A source document's page: what it is, and its text as HTML lines.
struct DocumentView: TemplateObject {
    /// `{{document.x}}`: title, file, issuer, date, description, length.
    struct Identity: TemplateObject {
        let document: SourceDocument
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(document.data.titre)
            case "fichier": .text(document.data.fichier)
            case "emetteur": .nonEmpty(document.data.emetteur)
            case "date": .nonEmpty(document.data.date)
            case "description": .nonEmpty(document.data.description)
            case "lignes": .text(French.plural(document.lines.count, "ligne"))
            default: nil
            }
        }
    }

    let document: Identity
    let lignesHTML: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "document": .object(document)
        case "lignes_html": .text(lignesHTML)
        default: nil
        }
    }
}

extension Renderer {
    /// The document's lines as `<li id="L12">` items, with an anchor at the start of every cited range.
    func documentLinesHTML(_ doc: SourceDocument) -> String {
        var ranges: [Int: [Passage]] = [:]
        for p in citedPassages(doc.data.fichier) where p.first <= doc.lines.count { ranges[p.first, default: []].append(p) }
        var html = ""
        html.reserveCapacity(doc.lines.reduce(0) { $0 + $1.utf8.count } + doc.lines.count * 90)
        for (i, line) in doc.lines.enumerated() {
            let n = i + 1
            html += "<li id=\"L\(n)\">"
            for p in (ranges[n] ?? []).sorted(by: { $0.last < $1.last }) { html += "<span class=\"ancre-plage\" id=\"\(p.anchor)\"></span>" }
            html += "<a class=\"numero-ligne\" href=\"#L\(n)\">\(n)</a><span class=\"texte-ligne\">\(HTML.escape(String(line)))</span></li>\n"
        }
        return html
    }
}
