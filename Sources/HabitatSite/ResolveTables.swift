import HabitatContent
import HabitatCore

extension Resolver {
    mutating func resolveTables(_ schemas: [String: (TableSchemaFile, String)], _ data: [String: (CSVFile, String)]) {
        for id in Set(schemas.keys).union(data.keys).sorted() {
            guard let (schema, schemaPath) = schemas[id] else {
                if isBroken("tables/\(id).yaml") { broken.insert("tables/\(id).csv"); continue }
                broken.insert("tables/\(id).csv")
                error(data[id]!.1, 1, 1, "le tableau « \(id).csv » n'a pas de schéma ; créez tables/\(id).yaml (voir « habitat schema table »)", code: "table.missing-schema")
                continue
            }
            guard let (csv, csvPath) = data[id] else {
                if isBroken("tables/\(id).csv") { continue }
                broken.insert("tables/\(id).csv")
                error(schemaPath, 1, 1, "le schéma « \(id).yaml » n'a pas de fichier de données tables/\(id).csv", code: "table.missing-data")
                continue
            }
            let columns = schema.colonnes
            let header = csv.header
            var headerOK = true
            for (i, column) in columns.enumerated() {
                guard i < header.count else {
                    error(csvPath, 1, 1, "la colonne « \(column.id) » du schéma manque dans l'en-tête du CSV", code: "table.bad-header")
                    headerOK = false
                    break
                }
                if header[i].text != column.id {
                    error(csvPath, header[i].line, header[i].column,
                          "la cellule d'en-tête « \(header[i].text) » devrait être « \(column.id) » (colonne \(i + 1) du schéma)", code: "table.bad-header")
                    headerOK = false
                }
            }
            if header.count > columns.count {
                let extra = header[columns.count]
                error(csvPath, extra.line, extra.column, "la colonne « \(extra.text) » n'est pas dans le schéma \(id).yaml", code: "table.bad-header")
                headerOK = false
            }
            guard headerOK else { broken.insert("tables/\(id).csv"); continue }
            let keyIndex = schema.cle.flatMap { key in columns.firstIndex { $0.id == key } }
            if let key = schema.cle, keyIndex == nil {
                error(schemaPath, 1, 1, "« cle: \(key) » n'est pas une colonne de ce tableau", code: "table.bad-key")
            }
            let levelIndex = schema.niveau.flatMap { key in columns.firstIndex { $0.id == key } }
            if let key = schema.niveau, levelIndex == nil {
                error(schemaPath, 1, 1, "« niveau: \(key) » n'est pas une colonne de ce tableau", code: "table.bad-key")
            }
            // A table of a plan speaks of the plan's communes: that settles homonyms, and a row for a
            // commune outside the plan's perimeter is an error.
            let planId = schema.plan?.value
            let perimeter = hasReference ? planId.flatMap { planPerimeters[$0] }.map(Set.init) : nil
            var rows: [TableRow] = []
            for csvRow in csv.rows {
                var cells: [TableCell] = []
                for (i, column) in columns.enumerated() {
                    let cell = csvRow[i]
                    cells.append(TableCell(text: cell.text, number: typedNumber(cell, column: column, file: csvPath)))
                }
                let level = levelIndex.map { csvRow[$0].text }
                var commune: String?
                if let k = keyIndex, level == nil || level == "commune" {
                    let name = csvRow[k]
                    let written = Positioned(name.text, line: name.line, column: name.column)
                    if hasReference {
                        commune = resolveCommuneName(written, file: csvPath, within: perimeter, strict: !(perimeter?.isEmpty ?? true),
                                                     perimeterLabel: "du plan \(planId ?? "")")
                    } else {
                        commune = communeCode(written, file: csvPath)
                    }
                }
                rows.append(TableRow(cells: cells, communeCode: commune, level: level, line: csvRow[0].line))
            }
            index.tables[id] = DataTable(id: id, schema: schema, rows: rows, schemaPath: schemaPath, csvPath: csvPath)
            index.tableOrder.append(id)
        }
    }

    /// Checks a cell against its column type; returns its number when it has one.
    mutating func typedNumber(_ cell: CSVFile.Cell, column: TableSchemaFile.Column, file: String) -> Double? {
        let text = cell.text
        if text.isEmpty { return nil }
        let freeText = column.texte_libre ?? false
        func bad(_ expected: String) -> Double? {
            if !freeText {
                error(file, cell.line, cell.column, "« \(text) » n'est pas \(expected) dans la colonne « \(column.id) »", code: "table.invalid-number")
            }
            return nil
        }
        switch column.type {
        case .texte:
            return nil
        case .entier:
            guard let v = FrenchNumber.parse(text) else { return bad("un nombre entier") }
            if v.rounded() != v { return bad("un nombre entier") }
            return v
        case .decimal, .euros:
            var t = text
            if column.type == .euros, t.hasSuffix("€") { t.removeLast(); while t.last == " " || t.last == "\u{00A0}" || t.last == "\u{202F}" { t.removeLast() } }
            guard let v = FrenchNumber.parse(t) else { return bad("un nombre") }
            return v
        case .pourcentage:
            guard let v = FrenchNumber.parsePercent(text) ?? FrenchNumber.parse(text) else { return bad("un pourcentage (comme 3,4 %)") }
            return v
        case .ouiNon:
            let l = text.lowercased()
            if l == "oui" { return 1 }
            if l == "non" { return 0 }
            _ = bad("« oui » ou « non » (ou vide)")
            return nil
        }
    }
}
