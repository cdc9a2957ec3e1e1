import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/documents/`: the source documents the portal publishes line by line.
struct DocumentsIndexPage: PageKind {
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] { [.all("documents/")] }

    func render(into out: inout PageOutput) {
        let index = out.renderer.index
        let view = DocumentsIndexView(documents: index.documentOrder.compactMap { index.documents[$0] }.map(DocumentsIndexView.Item.init))
        out.page("/documents/", "documents", "Documents sources", [("Documents sources", "/documents/")], view)
    }
}

/// The list of source documents.
struct DocumentsIndexView: TemplateObject {
    /// A document: title, issuer, date and length.
    struct Item: TemplateObject {
        let document: SourceDocument
        init(_ document: SourceDocument) { self.document = document }
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(document.data.titre)
            case "url": .text(document.url)
            case "emetteur": .nonEmpty(document.data.emetteur)
            case "date": .nonEmpty(document.data.date)
            case "lignes": .text(French.plural(document.lines.count, "ligne"))
            default: nil
            }
        }
    }

    let documents: [Item]
    func value(named name: String) -> TemplateValue? { name == "documents" ? documents.templateValue : nil }
}
