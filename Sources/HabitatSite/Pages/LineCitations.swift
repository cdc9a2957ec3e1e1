import HabitatContent
import HabitatCore

/// Citations ("lignes 219-347", "L2037") read as line numbers of the source documents.
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
}
