import HabitatContent
import HabitatCore

/// A data table as open data: `/donnees/<id>.csv` and `/donnees/<id>.json`.
extension Renderer {
    /// Numbers as numbers (`3.4`, not `3,4%`; units are in the Table Schema), yes/no as `oui`/`non`,
    /// text as printed.
    func tableCSV(_ t: DataTable) -> String {
        let q = Self.csvField
        let keyed = keyedByCommune(t)
        var out = ((keyed ? ["code_insee"] : []) + t.schema.colonnes.map { q($0.id) }).joined(separator: ";") + "\n"
        let numeric = t.schema.colonnes.map(isNumeric)
        for r in t.rows {
            if keyed { out += (r.communeCode ?? "") + ";" }
            out += r.cells.enumerated().map { i, cell in
                if i < numeric.count, numeric[i] { return cell.number.map(Self.machineNumber) ?? "" }
                if i < t.schema.colonnes.count, t.schema.colonnes[i].type == .ouiNon { return cell.text.lowercased() }
                return q(cell.text)
            }.joined(separator: ";") + "\n"
        }
        return out
    }

    func tableJSON(_ t: DataTable) -> String {
        JSONValue.object([
            ("id", .string(t.id)), ("titre", .string(t.schema.titre)), ("source", .string(sourceDescription(t.schema.source))),
            ("licence", Self.licenceJSON), ("schema", .string(baseURL + "/donnees/datapackage.json")),
            ("colonnes", .array((keyedByCommune(t) ? [.object([("id", .string("code_insee")), ("libelle", .string("Code INSEE de la commune")), ("type", .string("texte")), ("unite", .null)])] : []) + t.schema.colonnes.map { .object([("id", .string($0.id)), ("libelle", .string($0.libelle)), ("type", .string($0.type.rawValue)), ("unite", unitOf($0).map(JSONValue.string) ?? .null)]) })),
            ("lignes", .array(t.rows.map { r in
                let code: [(String, JSONValue)] = keyedByCommune(t) ? [("code_insee", r.communeCode.map(JSONValue.string) ?? .null)] : []
                return .object(code + zip(t.schema.colonnes, r.cells).map { ($0.id, $1.number.map(JSONValue.number) ?? ($1.text.isEmpty ? .null : .string($1.text))) })
            })),
        ]).serialized() + "\n"
    }
}
