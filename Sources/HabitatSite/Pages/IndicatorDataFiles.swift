import HabitatContent
import HabitatCore

/// An indicator's values as open data: CSV and JSON under `/donnees/indicateurs/`.
extension Renderer {
    func indicatorCSV(_ ind: Indicator) -> String {
        var out = "territoire;periode;valeur;cible;unite;masque;statut\n"
        func q(_ s: String) -> String { s.contains(";") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        for v in ind.data.valeurs {
            let value = v.masque == true ? "" : v.valeur.map(Self.machineNumber) ?? ""
            let target = v.cible.map(Self.machineNumber) ?? ""
            out += [v.territoire.value, v.periode.value, value, target, q(ind.data.unite), v.masque == true ? "oui" : "non", q(v.statut ?? "")].joined(separator: ";") + "\n"
        }
        return out
    }

    func indicatorJSON(_ ind: Indicator) -> String {
        JSONValue.object([
            ("id", .string(ind.id)), ("titre", .string(ind.data.titre)), ("unite", .string(ind.data.unite)),
            ("source", .string(sourceDescription(ind.data.source))),
            ("licence", Self.licenceJSON), ("schema", .string(baseURL + "/donnees/datapackage.json")),
            ("valeurs", .array(ind.data.valeurs.map { v in
                .object([("territoire", .string(v.territoire.value)), ("periode", .string(v.periode.value)),
                         ("valeur", v.masque == true ? .null : (v.valeur.map(JSONValue.number) ?? .null)),
                         ("cible", v.cible.map(JSONValue.number) ?? .null), ("masque", .bool(v.masque ?? false))])
            })),
        ]).serialized() + "\n"
    }
}

