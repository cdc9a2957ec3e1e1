import HabitatContent
import HabitatCore

/// The commune data files: each commune's `donnees.json` and `/communes/index.json`.
extension Renderer {
    /// Where the commune's row comes from, readable: the reference for its identity, then the
    /// plan documents' lines that list it. The communes CSV writes them `L229, L622` (the EPCI's
    /// plan document) or `002 L89, L154; 001 L110` (the document whose file starts with `002_`).
    func communeSourceDescription(_ c: Commune) -> String {
        var parts: [String] = index.reference.map { [$0.cogSource] } ?? []
        let plan = (index.plansByTerritory[c.epciId] ?? []).lazy.compactMap { index.plans[$0] }.first { $0.data.type == .plh }
        for group in c.source.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !group.isEmpty {
            var text = Substring(group)
            var file = plan?.data.source.fichier
            if let space = text.firstIndex(of: " "), text[..<space].allSatisfy(\.isNumber) {
                let prefix = String(text[..<space]) + "_"
                file = index.documentOrder.lazy.compactMap { index.documents[$0]?.data.fichier }.first { $0.hasPrefix(prefix) }
                text = text[space...].dropFirst()
            }
            let lines = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.map { $0.hasPrefix("L") ? String($0.dropFirst()) : $0 }
            if let file, !lines.isEmpty, lines.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isNumber || $0 == "-" } }) {
                parts.append(sourceDescription(SourceRef(fichier: file, lignes: lines.joined(separator: ", "))))
            } else {
                parts.append(group)
            }
        }
        return parts.joined(separator: " ; ")
    }

    /// `/communes/<slug>/donnees.json`: what the portal publishes on a commune, numbers as numbers.
    func communeJSON(_ c: Commune) -> String {
        communeJSON(c, plans: plansCovering(c), aids: index.aids(forCommune: c.code))
    }

    /// `donnees.json` with the plans and aids the commune page has already looked up.
    func communeJSON(_ c: Commune, plans: [Plan], aids: [Aid]) -> String {
        let fiches: [JSONValue] = plans.flatMap { p in
            p.fiches.filter { $0.scopeSet?.contains(c.code) ?? false }.map { f in
                JSONValue.object([("plan", .string(p.id)), ("numero", .string(f.numero)), ("titre", .string(f.data.titre)),
                                  ("url", .string(baseURL + f.url)), ("perimetre", .string(f.data.perimetre?.type.rawValue ?? ""))])
            }
        }
        let aidEntries: [JSONValue] = aids.map { .object([("id", .string($0.id)), ("titre", .string($0.data.titre)), ("statut", .string($0.data.statut.rawValue)), ("url", .string(baseURL + $0.url))]) }
        let doc = JSONValue.object([
            ("description", .string("Ce que le portail publie sur la commune : commune (référentiel), hierarchie, plans, tableaux (une entrée par ligne de tableau, nombres en nombres), fiches (dont le périmètre inclut la commune), aides, indicateurs. Colonnes et unités des tableaux : " + baseURL + "/donnees/datapackage.json")),
            ("licence", Self.licenceJSON),
            ("commune", communeIdentityJSON(c)),
            ("hierarchie", .array(index.territoryChain(ofCommune: c.code).map(JSONValue.string))),
            ("plans", .array(plans.map { p in
                .object([("id", .string(p.id)), ("titre", .string(p.data.titre)), ("url", .string(baseURL + p.url)),
                         ("periode", p.data.periode.map(JSONValue.string) ?? .null), ("acheve", .bool(planEnded(p))), ("statut", .string(planStatus(p)))])
            })),
            ("tableaux", .array(communeTablesJSON(c))),
            ("fiches", .array(fiches)),
            ("aides", .array(aidEntries)),
            ("indicateurs", .array(communeIndicatorsJSON(c))),
            ("date", .string(buildDate.description)),
        ])
        return doc.serialized() + "\n"
    }

    /// The `commune` object of `donnees.json`: the reference's identity and where the row comes from.
    func communeIdentityJSON(_ c: Commune) -> JSONValue {
        let populationSource: JSONValue = index.reference.map { .string($0.populationSource) } ?? .null
        let zoneSource: JSONValue = index.reference.map { .string($0.zoneSource) } ?? .null
        return .object([("code", .string(c.code)), ("nom", .string(c.name)), ("slug", .string(c.slug)), ("url", .string(baseURL + c.url)),
                 ("departement", c.departement.map(JSONValue.string) ?? .null),
                 ("nom_departement", c.departementName.map(JSONValue.string) ?? .null),
                 ("population", c.population.map { JSONValue.number(Double($0)) } ?? .null),
                 ("population_source", populationSource),
                 ("zone_abc", c.zoneABC.map(JSONValue.string) ?? .null),
                 ("zone_abc_source", zoneSource),
                 ("graphie_document", c.seedName.map(JSONValue.string) ?? .null),
                 ("anciens_noms", .array(c.formerNames.map(JSONValue.string))),
                 ("epci", .string(c.epciId)), ("secteur", c.sectorId.map(JSONValue.string) ?? .null),
                 ("structuration", c.structuration.map(JSONValue.string) ?? .null),
                 ("source", .string(communeSourceDescription(c)))])
    }

    /// One entry per table row about the commune, cells by column id, numbers as numbers.
    func communeTablesJSON(_ c: Commune) -> [JSONValue] {
        var tables: [JSONValue] = []
        for (t, row) in index.rows(forCommune: c.code) {
            var cells: [(String, JSONValue)] = []
            for (col, cell) in zip(t.schema.colonnes, row.cells) {
                cells.append((col.id, .object([
                    ("libelle", .string(col.libelle)),
                    ("texte", .string(cell.text)),
                    ("valeur", cell.number.map(JSONValue.number) ?? .null),
                    ("unite", col.unite.map(JSONValue.string) ?? .null),
                ])))
            }
            tables.append(.object([("table", .string(t.id)), ("titre", .string(t.schema.titre)),
                                   ("source", .string(sourceDescription(t.schema.source))),
                                   ("csv", .string(baseURL + "/donnees/\(t.id).csv")), ("ligne_csv", .number(Double(row.line))),
                                   ("cellules", .object(cells))]))
        }
        return tables
    }

    /// The indicator values recorded for the commune, numbers as numbers.
    func communeIndicatorsJSON(_ c: Commune) -> [JSONValue] {
        let refs: [(indicator: String, value: Int)] = index.valuesByTerritory[c.code] ?? []
        return refs.compactMap { ref -> JSONValue? in
            guard let ind = index.indicators[ref.indicator] else { return nil }
            let v = ind.data.valeurs[ref.value]
            let pairs: [(String, JSONValue)] = [
                ("titre", .string(ind.data.titre)), ("url", .string(baseURL + ind.url)), ("periode", .string(v.periode.value)),
                ("valeur", v.valeur.map(JSONValue.number) ?? .null), ("cible", v.cible.map(JSONValue.number) ?? .null),
                ("unite", .string(ind.data.unite)), ("masque", .bool(v.masque ?? false)),
            ]
            return .object(pairs)
        }
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
            ("source", .string(referenceSourceLine)),
            ("communes", .array(rows)),
        ]).serialized() + "\n"
    }
}
