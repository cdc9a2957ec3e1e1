import HabitatContent
import HabitatCore
import HabitatTemplate

/// `{{> bareme}}`: a barème as a plain table, for readers without JavaScript.
struct BaremeTableView: TemplateObject {
    /// A row: the household size (or a parameter's name) and one cell per column.
    struct Row: TemplateObject {
        /// `{{v}}`: a cell.
        struct Cell: TemplateObject {
            let v: String
            func value(named name: String) -> TemplateValue? { name == "v" ? .text(v) : nil }
        }

        var personnes: String
        let valeurs: [Cell]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "personnes": .text(personnes)
            case "valeurs": valeurs.templateValue
            default: nil
            }
        }
    }

    /// `{{#colonnes}}{{libelle}}`: a column heading.
    struct Heading: TemplateObject {
        let libelle: String
        func value(named name: String) -> TemplateValue? { name == "libelle" ? .text(libelle) : nil }
    }

    let titre: String, colonnes: [Heading], lignes: [Row], entete: String
    let validite: String, perime: Bool
    let reference: String?, note: String?, secondeMain: String?, enAttente: String?
    let source: SourceView

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "colonnes": colonnes.templateValue
        case "lignes": lignes.templateValue
        case "entete": .text(entete)
        case "validite": .text(validite)
        case "perime": .bool(perime)
        case "reference": .nonEmpty(reference)
        case "note": .nonEmpty(note)
        case "seconde_main": .nonEmpty(secondeMain)
        case "en_attente": .nonEmpty(enAttente)
        case "source": .object(source)
        default: nil
        }
    }
}

extension Renderer {
    /// The barèmes as plain tables: rows per household size (the last one "et plus", or an
    /// increment per extra person), or one row per parameter.
    func baremeTables(_ baremes: [Bareme]) -> [BaremeTableView] {
        baremes.map { b in
            let cols = b.data.colonnes
            typealias Row = BaremeTableView.Row
            var rows: [Row] = b.table.rows.enumerated().map { (i, row) in
                Row(personnes: String(i + 1), valeurs: cols.map { .init(v: row[$0.id].map { French.euros($0) } ?? "—") })
            }
            let parameters = b.table.rows.count == 1 && b.table.rows[0]["personnes"] == nil
            if parameters {
                rows = cols.map { c in Row(personnes: c.libelle, valeurs: [.init(v: b.table.rows[0][c.id].map { Self.parameter($0, c.id) } ?? "—")]) }
            } else if let inc = b.table.increment {
                rows.append(Row(personnes: "par personne en plus", valeurs: cols.map { .init(v: inc[$0.id].map { "+ " + French.euros($0) } ?? "—") }))
            } else {
                rows[rows.count - 1].personnes = "\(rows.count) et plus"
            }
            let validity = b.data.valide_au.map { "du \(French.date(b.data.valide_du)) au \(French.date($0))" } ?? "depuis le \(French.date(b.data.valide_du))"
            let expired = b.data.valide_au.map { $0 < buildDate } ?? false
            let pending = index.baremePending.contains(b.family) && index.baremeInForce[b.family] == b.id
            return BaremeTableView(
                titre: b.data.titre, colonnes: parameters ? [.init(libelle: "Valeur")] : cols.map { .init(libelle: $0.libelle) }, lignes: rows,
                entete: parameters ? "Paramètre" : "Personnes dans le foyer", validite: validity, perime: expired && !pending,
                reference: b.data.reference, note: b.data.note, secondeMain: b.data.seconde_main,
                enAttente: pending ? b.data.suite_en_attente : nil, source: SourceView(b.data.source))
        }
    }

    /// A parameter value: a rate (column `taux_…`, written 0.8) as a percentage, else euros.
    static func parameter(_ v: Double, _ column: String) -> String {
        if column.hasPrefix("taux") { return French.number(v * 100) + "\u{a0}%" }
        return French.euros(v)
    }
}
