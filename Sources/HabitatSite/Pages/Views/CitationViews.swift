import HabitatContent
import HabitatCore
import HabitatTemplate

/// `{{#source}}`: where a page's content comes from — the label as written, and when the
/// document is published on the portal, its title and one link per cited passage.
struct SourceView: TemplateObject {
    struct Document: TemplateObject {
        let titre: String, url: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": .text(url)
            default: nil
            }
        }
    }

    /// One piece of `lignes`: "219-347" linked to its range, or text that names no line.
    struct Passage: TemplateObject {
        let texte: String, url: String?, dernier: Bool
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "texte": .text(texte)
            case "url": url.templateValue
            case "dernier": .bool(dernier)
            default: nil
            }
        }
    }

    let fichier: String, lignes: String?, libelle: String
    let document: Document?
    let passages: [Passage]
    /// "ligne" or "lignes" before the passages; nil when the document is not published.
    let motLignes: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "fichier": .text(fichier)
        case "lignes": .nonEmpty(lignes)
        case "libelle": .text(libelle)
        case "document": document.templateValue
        case "passages": passages.templateValue
        case "mot_lignes": motLignes.templateValue
        default: nil
        }
    }

    /// A citation without links (a barème's source, or a document the portal does not publish).
    init(_ s: SourceRef) {
        self.init(fichier: s.fichier, lignes: s.lignes, libelle: s.label, document: nil, passages: [], motLignes: nil)
    }

    init(fichier: String, lignes: String?, libelle: String, document: Document?, passages: [Passage], motLignes: String?) {
        self.fichier = fichier
        self.lignes = lignes
        self.libelle = libelle
        self.document = document
        self.passages = passages
        self.motLignes = motLignes
    }
}

/// A budget or amount line as a table row; `source_url` links its free-text source ("L2037").
struct BudgetRowView: TemplateObject {
    let line: BudgetLine
    let sourceURL: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "libelle": .text(line.libelle)
        case "montant": .text(Format.amount(line))
        case "montant_valeur": line.montant.map(TemplateValue.number) ?? .absent
        case "plafond_valeur": line.plafond.map(TemplateValue.number) ?? .absent
        case "plafond": .nonEmpty(Format.cap(line))
        case "financeur": .nonEmpty(line.financeur)
        case "validite": .nonEmpty(line.validite)
        case "texte": .text(line.texte)
        case "source": .nonEmpty(line.source)
        case "source_url": sourceURL.templateValue
        default: nil
        }
    }
}

/// A key figure quoted from the document.
struct FigureView: TemplateObject {
    let figure: KeyFigure
    let sourceURL: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "libelle": .text(figure.libelle)
        case "valeur": .text(figure.valeur)
        case "source": .nonEmpty(figure.source)
        case "source_url": sourceURL.templateValue
        default: nil
        }
    }
}

/// A discrepancy recorded in a source document: the subject and the values it gives, each cited.
struct DiscrepancyView: TemplateObject {
    struct Value: TemplateObject {
        let valeur: String, source: String?, sourceURL: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "valeur": .text(valeur)
            case "source": .nonEmpty(source)
            case "source_url": sourceURL.templateValue
            default: nil
            }
        }
    }

    let sujet: String, valeurs: [Value], note: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "sujet": .text(sujet)
        case "valeurs": valeurs.templateValue
        case "note": .nonEmpty(note)
        default: nil
        }
    }
}

extension Renderer {
    /// `{{#source}}` for a citation: linked to the document's passages when it is published.
    func sourceView(_ s: SourceRef?) -> SourceView? {
        guard let s else { return nil }
        guard let id = index.documentByFile[s.fichier], let doc = index.documents[id] else { return SourceView(s) }
        let pieces = s.lignes.map(Self.passages) ?? []
        let single = pieces.count == 1 && pieces[0].passage?.first == pieces[0].passage?.last
        return SourceView(
            fichier: s.fichier, lignes: s.lignes, libelle: s.label, document: .init(titre: doc.data.titre, url: doc.url),
            passages: pieces.enumerated().map { (i, p) in
                .init(texte: p.text, url: p.passage.map { doc.url + "#" + $0.anchor }, dernier: i == pieces.count - 1)
            },
            motLignes: pieces.isEmpty ? "" : (single ? "ligne" : "lignes"))
    }

    /// The link for a free-text reference ("L2037") into the document a page cites.
    func lineLink(_ ref: String?, in s: SourceRef?) -> String? {
        guard let ref, !ref.isEmpty, let s, let id = index.documentByFile[s.fichier], let doc = index.documents[id],
              let n = Self.firstLine(ref), n <= doc.lines.count else { return nil }
        return doc.url + "#L\(n)"
    }

    /// Budget lines of a page citing `s`.
    func budgetRows(_ lines: [BudgetLine]?, citing s: SourceRef?) -> [BudgetRowView] {
        (lines ?? []).map { BudgetRowView(line: $0, sourceURL: lineLink($0.source, in: s)) }
    }

    /// Key figures of a page citing `s`.
    func figureRows(_ items: [KeyFigure]?, citing s: SourceRef?) -> [FigureView] {
        (items ?? []).map { FigureView(figure: $0, sourceURL: lineLink($0.source, in: s)) }
    }

    /// Discrepancies of a page citing `s`.
    func discrepancyRows(_ items: [Discrepancy]?, citing s: SourceRef?) -> [DiscrepancyView] {
        (items ?? []).map { d in
            DiscrepancyView(sujet: d.sujet, valeurs: d.valeurs.map { .init(valeur: $0.valeur, source: $0.source, sourceURL: lineLink($0.source, in: s)) }, note: d.note)
        }
    }
}
