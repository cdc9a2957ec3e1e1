import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/ecarts/`: every discrepancy recorded in the source documents, grouped by the page that cites them.
struct DiscrepanciesPage: PageKind {
    /// The discrepancies of one territory, plan, fiche, table or aid.
    struct Group: TemplateObject {
        let titre: String, url: String?
        let ecarts: [DiscrepancyView]
        let source: SourceView?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": url.templateValue
            case "ecarts": ecarts.templateValue
            case "source": source.templateValue
            default: nil
            }
        }
    }

    struct View: TemplateObject {
        let groupes: [Group]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "groupes": groupes.templateValue
            case "nombre": .text(French.plural(groupes.reduce(0) { $0 + $1.ecarts.count }, "écart relevé", "écarts relevés"))
            default: nil
            }
        }
    }

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.meta("")]
    }

    func render(into out: inout PageOutput) {
        out.page("/ecarts/", "ecarts", "Écarts relevés dans les documents sources", [("Écarts relevés", "/ecarts/")],
                 View(groupes: out.renderer.discrepancyGroups()))
    }
}

extension Renderer {
    /// The groups of `/ecarts/`: territories, plans and their fiches, tables, aids, in site order.
    func discrepancyGroups() -> [DiscrepanciesPage.Group] {
        var groups: [DiscrepanciesPage.Group] = []
        func add(_ title: String, _ url: String?, _ items: [Discrepancy]?, _ source: SourceRef?) {
            guard let items, !items.isEmpty else { return }
            groups.append(.init(titre: title, url: url, ecarts: discrepancyRows(items, citing: source), source: sourceView(source)))
        }
        for id in index.territoryOrder { let t = index.territories[id]!; add(t.name, t.url, t.file.ecarts, t.file.source) }
        for id in index.planOrder {
            let p = index.plans[id]!
            add(p.data.titre, p.url, p.data.ecarts, p.data.source)
            for f in p.fiches { add("\(p.data.titre) — \(levelWord(p, \.action, "Action")) \(f.numero) : \(f.data.titre)", f.url, f.data.ecarts, f.data.source) }
        }
        for id in index.tableOrder { let t = index.tables[id]!; add("Tableau : " + t.schema.titre, "/donnees/#table-\(id)", t.schema.ecarts, t.schema.source) }
        for id in index.aidOrder { let a = index.aids[id]!; add("Aide : " + a.data.titre, a.url, a.data.ecarts, a.data.source) }
        return groups
    }
}
