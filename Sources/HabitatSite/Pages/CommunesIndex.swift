import HabitatContent
import HabitatCore

extension Renderer {
    /// Communes by département, in the order of their codes.
    func communesByDepartement() -> [(code: String, name: String, communes: [Commune])] {
        var groups: [String: [Commune]] = [:]
        for code in index.communeOrder {
            guard let c = index.communes[code] else { continue }
            groups[c.departement ?? "", default: []].append(c)
        }
        return groups.keys.sorted().map { dep in
            let list = groups[dep]!.sorted { ($0.sortKey, $0.code) < ($1.sortKey, $1.code) }
            return (dep, list.first?.departementName ?? "Communes", list)
        }
    }

    /// What the commune finder says when nothing matches: what the portal covers, with its départements.
    func finderValues() -> [String: Any] {
        let deps = index.territoryOrder.compactMap { index.territories[$0] }.filter { t in
            t.file.type == .departement && index.communes(under: t.id).count > 0
        }
        let names = deps.map { "du \($0.name)" }
        let perimeter = names.count <= 1 ? (names.first ?? "") : names.dropLast().joined(separator: ", ") + " et " + names.last!
        return [
            "sur_index": false,
            "nombre": French.plural(index.communes.count, "commune"),
            "perimetre": perimeter.replacingOccurrences(of: "du Pas-de-Calais", with: "du Pas-de-Calais"),
            "departements": list(deps.map { ["nom": $0.name, "url": $0.url, "ancre": "dep-" + ($0.file.code ?? $0.id).lowercased()] as [String: Any] }),
        ]
    }

    /// `/communes/`: every commune, by département then by letter, reachable without JavaScript.
    func communesIndexValues() -> [String: Any] {
        let deps = communesByDepartement()
        let depPages: [String: String] = Dictionary(index.territoryOrder.compactMap { id in
            index.territories[id].flatMap { t in t.file.type == .departement ? t.file.code.map { ($0, t.url) } : nil }
        }, uniquingKeysWith: { a, _ in a })
        return [
            "nombre_communes": French.plural(index.communes.count, "commune"),
            "chercheur": finderValues().merging(["sur_index": true]) { _, new in new },
            "departements": list(deps.map { dep -> [String: Any] in
                var letters: [(String, [Commune])] = []
                for c in dep.communes {
                    let letter = String(c.sortKey.prefix(1)).uppercased()
                    if letters.last?.0 == letter { letters[letters.count - 1].1.append(c) } else { letters.append((letter, [c])) }
                }
                let anchor = "dep-" + dep.code.lowercased()
                return [
                    "code": dep.code, "nom": dep.name, "ancre": anchor, "url": opt(depPages[dep.code]),
                    "nombre": French.plural(dep.communes.count, "commune"),
                    "lettres": list(letters.map { l in
                        ["lettre": l.0, "ancre": "\(anchor)-\(l.0.lowercased())",
                         "communes": l.1.map { ["nom": $0.displayName, "url": $0.url, "code": $0.code] as [String: Any] }] as [String: Any]
                    }),
                ]
            }),
        ]
    }

    /// `/communes/index.json`: what the finder and other sites need of every commune, by code.
    func communesIndexJSON() -> String {
        var rows: [JSONValue] = []
        rows.reserveCapacity(index.communeOrder.count)
        for code in index.communeOrder {
            guard let c = index.communes[code] else { continue }
            let epci = index.territories[c.epciId]
            var fields: [(String, JSONValue)] = [
                ("code", .string(c.code)), ("nom", .string(c.name)), ("nom_affiche", .string(c.displayName)),
                ("departement", c.departement.map(JSONValue.string) ?? .null),
                ("nom_departement", c.departementName.map(JSONValue.string) ?? .null),
                ("epci", epci?.file.type == .epci ? .string(c.epciId) : .null),
                ("epci_nom", epci?.file.type == .epci ? .string(epci!.name) : .null),
                ("zone_abc", c.zoneABC.map(JSONValue.string) ?? .null),
                ("population", c.population.map { .number(Double($0)) } ?? .null),
                ("url", .string(c.url)),
                ("plans", .array((index.plansByCommune[code] ?? []).map(JSONValue.string))),
                ("aides", .array(index.aids(forCommune: code).map { .string($0.id) })),
            ]
            var other = c.formerNames
            if let seed = c.seedName { other.append(seed) }
            fields.append(("autres_noms", .array(other.map(JSONValue.string))))
            rows.append(.object(fields))
        }
        return JSONValue.object([
            ("schema", .string("https://habitat/schemas/communes-v1: une entrée par commune, triée par code INSEE")),
            ("source", .string(CommuneReference.cogSource + " ; " + CommuneReference.populationSource + " ; " + CommuneReference.zoneSource)),
            ("communes", .array(rows)),
        ]).serialized() + "\n"
    }
}
