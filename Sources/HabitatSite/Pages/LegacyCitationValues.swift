import HabitatContent
import HabitatCore

/// TRANSITION: the untyped citation, scope and link pieces that the views not yet typed still
/// call (aid, territory, commune, discrepancies). Goes with `LegacyView` once they are typed;
/// typed views use `sourceView`, `budgetRows`, `figureRows`, `discrepancyRows`, `scopeView`,
/// `ficheLinkView` and `planSummaryView`.
extension Renderer {
    /// TRANSITION: the typed links under their old names.
    func ficheLink(_ f: Fiche, _ plan: Plan) -> FicheLinkView { ficheLinkView(f, plan) }
    func planSummary(_ p: Plan) -> PlanSummaryView { planSummaryView(p) }

    /// TRANSITION: `scopeView` for communes given as dictionaries (`nom`, `url`).
    func scopeValues(_ scope: Scope?, communes: [[String: Any]], territory: String) -> Any {
        let links = communes.map { NamedLink(nom: $0["nom"] as? String ?? "", url: $0["url"] as? String) }
        return scopeView(scope, communes: links, territory: territory).map { $0 as Any } ?? absent
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
}
