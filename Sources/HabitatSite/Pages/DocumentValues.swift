import HabitatContent
import HabitatCore

/// Source documents as pages, and citations ("lignes 219-347", "L2037") as links to their lines.
extension Renderer {
    /// One cited passage: a line or a range of lines.
    struct Passage: Hashable {
        var first: Int
        var last: Int
        /// `L219` or `L219-L347`: the anchor on the document page.
        var anchor: String { first == last ? "L\(first)" : "L\(first)-L\(last)" }
    }

    /// "110, 211, 2081-2124" → passages; pieces that are not line numbers are kept as text (nil).
    static func passages(_ lignes: String) -> [(text: String, passage: Passage?)] {
        lignes.split(separator: ",").map { piece in
            var t = piece.drop { $0 == " " }
            while t.last == " " { t.removeLast() }
            var body = t
            if body.hasPrefix("lignes ") { body = body.dropFirst(7) } else if body.hasPrefix("L") { body = body.dropFirst() }
            let parts = body.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.filter { $0 != " " && $0 != "L" } }
            if parts.count == 1, let a = Int(parts[0]), a > 0 { return (String(t), Passage(first: a, last: a)) }
            if parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a > 0, b >= a { return (String(t), Passage(first: a, last: b)) }
            return (String(t), nil)
        }
    }

    /// The first line a free-text reference names: "L107 (sommaire)" → 107.
    static func firstLine(_ ref: String) -> Int? {
        var chars = ref[...]
        while let l = chars.firstIndex(of: "L") {
            let digits = chars[chars.index(after: l)...].prefix { $0.isASCII && $0.isNumber }
            if let n = Int(digits), n > 0 { return n }
            chars = chars[chars.index(after: l)...]
        }
        return nil
    }

    /// TRANSITION: `sourceView` for the views not yet typed.
    func source(_ s: SourceRef?) -> Any { sourceView(s).map { $0 as Any } ?? absent }

    /// The link for a free-text reference ("L2037") into the document the page cites.
    func lineURL(_ ref: String?, in s: SourceRef?) -> Any {
        guard let ref, let s, let id = index.documentByFile[s.fichier], let doc = index.documents[id],
              let n = Self.firstLine(ref), n <= doc.lines.count else { return absent }
        return doc.url + "#L\(n)"
    }

    /// Budget rows, figures and discrepancies with a `source_url` beside each free-text `source`.
    func linkingSources(_ value: Any, in s: SourceRef?) -> Any {
        if let dict = value as? [String: Any] {
            var out = dict.mapValues { linkingSources($0, in: s) }
            if let ref = dict["source"] as? String { out["source_url"] = lineURL(ref, in: s) }
            return out
        }
        if let array = value as? [[String: Any]] { return array.map { linkingSources($0, in: s) } }
        if let array = value as? [Any] { return array.map { linkingSources($0, in: s) } }
        return value
    }

    /// Every passage cited from a document, so that each range has its own anchor on the page.
    func citedPassages(_ fichier: String) -> Set<Passage> {
        var refs: [SourceRef] = []
        for id in index.planOrder {
            guard let p = index.plans[id] else { continue }
            refs.append(p.data.source)
            refs += p.fiches.map(\.data.source)
        }
        refs += index.aidOrder.compactMap { index.aids[$0]?.data.source }
        refs += index.tableOrder.compactMap { index.tables[$0]?.schema.source }
        refs += index.territoryOrder.compactMap { index.territories[$0]?.file.source }
        for id in index.indicatorOrder {
            guard let ind = index.indicators[id] else { continue }
            refs.append(ind.data.source)
            refs += ind.data.valeurs.compactMap(\.source)
        }
        var out = Set<Passage>()
        for r in refs where r.fichier == fichier {
            for p in Self.passages(r.lignes ?? "") { if let p = p.passage, p.first != p.last { out.insert(p) } }
        }
        return out
    }

    func documentValues(_ doc: SourceDocument) -> [String: Any] {
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
        return [
            "document": ["titre": doc.data.titre, "fichier": doc.data.fichier, "emetteur": optText(doc.data.emetteur),
                         "date": optText(doc.data.date), "description": optText(doc.data.description),
                         "lignes": French.plural(doc.lines.count, "ligne")] as [String: Any],
            "lignes_html": html,
        ]
    }

    func documentsIndexValues() -> [String: Any] {
        ["documents": list(index.documentOrder.compactMap { index.documents[$0] }.map { d in
            ["titre": d.data.titre, "url": d.url, "emetteur": optText(d.data.emetteur), "date": optText(d.data.date),
             "lignes": French.plural(d.lines.count, "ligne")] as [String: Any]
        })]
    }
}
