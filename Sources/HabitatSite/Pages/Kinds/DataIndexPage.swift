import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/donnees/`: the open data — every table and indicator as CSV and JSON, the communes file,
/// the Data Package; the same job writes those files, the sitemap and `robots.txt`.
struct DataIndexPage: PageKind {
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.meta("")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer, index = r.index
        out.page("/donnees/", "donnees", "Données ouvertes", [("Données", "/donnees/")], DataIndexView(r))
        for id in index.tableOrder {
            let t = index.tables[id]!
            out.raw("donnees/\(id).csv", r.tableCSV(t))
            out.raw("donnees/\(id).json", r.tableJSON(t))
        }
        for id in index.indicatorOrder {
            out.raw("donnees/indicateurs/\(id).csv", r.indicatorCSV(index.indicators[id]!))
            out.raw("donnees/indicateurs/\(id).json", r.indicatorJSON(index.indicators[id]!))
        }
        out.raw("donnees/communes.csv", r.communesCSV())
        out.raw("donnees/datapackage.json", r.dataPackage())
        out.raw("sitemap.xml", r.sitemap())
        out.raw("robots.txt", r.robots())
    }
}

/// The view of `/donnees/`.
struct DataIndexView: TemplateObject {
    /// A data table: its files, columns, printed totals and source.
    struct Table: TemplateObject {
        /// `{{#colonnes}}`: a column and its unit.
        struct Column: TemplateObject {
            let id: String, libelle: String, type: String, unite: String?
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "id": .text(id)
                case "libelle": .text(libelle)
                case "type": .text(type)
                case "unite": .nonEmpty(unite)
                default: nil
                }
            }
        }

        /// `{{#totaux}}`: a printed total beside the recomputed sum.
        struct Total: TemplateObject {
            let total: TableSchemaFile.Total
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "ligne": .text(total.ligne)
                case "colonne": .text(total.colonne)
                case "imprime": .text(total.imprime)
                case "recalcule": .text(total.recalcule)
                default: nil
                }
            }
        }

        let id: String, titre: String, description: String?, lignes: String
        let source: SourceView?
        let colonnes: [Column], totaux: [Total]

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "id": .text(id)
            case "titre": .text(titre)
            case "description": .nonEmpty(description)
            case "csv": .text("/donnees/\(id).csv")
            case "json": .text("/donnees/\(id).json")
            case "lignes": .text(lignes)
            case "source": source.templateValue
            case "colonnes": colonnes.templateValue
            case "totaux": totaux.templateValue
            default: nil
            }
        }
    }

    /// `{{#indicateurs}}`: an indicator's page and files.
    struct IndicatorFiles: TemplateObject {
        let id: String, titre: String, url: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": .text(url)
            case "csv": .text("/donnees/indicateurs/\(id).csv")
            case "json": .text("/donnees/indicateurs/\(id).json")
            default: nil
            }
        }
    }

    let tableaux: [Table], indicateurs: [IndicatorFiles]
    let communes: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "tableaux": tableaux.templateValue
        case "indicateurs": indicateurs.templateValue
        case "communes": .text(communes)
        case "licence": .object(TitledLink(titre: Renderer.licenceTitle, url: Renderer.licenceURL))
        case "datapackage": .text("/donnees/datapackage.json")
        case "communes_csv": .text("/donnees/communes.csv")
        default: nil
        }
    }

    init(_ r: Renderer) {
        let index = r.index
        tableaux = index.tableOrder.compactMap { index.tables[$0] }.map { t in
            Table(id: t.id, titre: t.schema.titre, description: t.schema.description, lignes: French.plural(t.rows.count, "ligne"),
                  source: r.sourceView(t.schema.source),
                  colonnes: t.schema.colonnes.map { .init(id: $0.id, libelle: $0.libelle, type: $0.type.rawValue, unite: r.unitOf($0)) },
                  totaux: (t.schema.totaux ?? []).map(Table.Total.init))
        }
        indicateurs = index.indicatorOrder.compactMap { index.indicators[$0] }.map { .init(id: $0.id, titre: $0.data.titre, url: $0.url) }
        communes = French.plural(index.communes.count, "commune")
    }
}
