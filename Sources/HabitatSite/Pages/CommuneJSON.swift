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
    func communeJSON(_ c: Commune) -> [UInt8] {
        communeJSON(c, plans: plansCovering(c), aids: index.aids(forCommune: c.code))
    }

    /// `donnees.json` with the plans and aids the commune page has already looked up, written
    /// straight into bytes (one per commune: a `JSONValue` tree first cost a tenth of the page).
    func communeJSON(_ c: Commune, plans: [Plan], aids: [Aid]) -> [UInt8] {
        var w = JSONWriter(capacity: 16_384)
        w.object { w in
            w.field("description", "Ce que le portail publie sur la commune : commune (référentiel), hierarchie, plans, tableaux (une entrée par ligne de tableau, nombres en nombres), fiches (dont le périmètre inclut la commune), aides, indicateurs. Colonnes et unités des tableaux : " + baseURL + "/donnees/datapackage.json")
            w.key("licence"); w.value(Self.licenceJSON)
            w.key("commune"); writeCommuneIdentity(c, into: &w)
            w.key("hierarchie"); w.array { w in for t in index.territoryChain(ofCommune: c.code) { w.string(t) } }
            w.key("plans")
            w.array { w in
                for p in plans {
                    w.object { w in
                        w.field("id", p.id); w.field("titre", p.data.titre); w.field("url", baseURL + p.url)
                        w.field("periode", p.data.periode); w.field("acheve", bool: planEnded(p)); w.field("statut", planStatus(p))
                    }
                }
            }
            w.key("tableaux"); writeCommuneTables(c, into: &w)
            w.key("fiches"); writeCommuneFiches(c, plans: plans, into: &w)
            w.key("aides")
            w.array { w in
                for a in aids {
                    w.object { w in
                        w.field("id", a.id); w.field("titre", a.data.titre); w.field("statut", a.data.statut.rawValue); w.field("url", baseURL + a.url)
                    }
                }
            }
            w.key("indicateurs"); writeCommuneIndicators(c, into: &w)
            w.field("date", buildDate.description)
        }
        w.endLine()
        return w.bytes
    }

    /// The `commune` object of `donnees.json`: the reference's identity and where the row comes from.
    func writeCommuneIdentity(_ c: Commune, into w: inout JSONWriter) {
        w.object { w in
            w.field("code", c.code); w.field("nom", c.name); w.field("slug", c.slug); w.field("url", baseURL + c.url)
            w.field("departement", c.departement)
            w.field("nom_departement", c.departementName)
            w.field("population", number: c.population.map(Double.init))
            w.field("population_source", index.reference?.populationSource)
            w.field("zone_abc", c.zoneABC)
            w.field("zone_abc_source", index.reference?.zoneSource)
            w.field("graphie_document", c.seedName)
            w.key("anciens_noms"); w.array { w in for n in c.formerNames { w.string(n) } }
            w.field("epci", c.epciId); w.field("secteur", c.sectorId)
            w.field("structuration", c.structuration)
            w.field("source", communeSourceDescription(c))
        }
    }

    /// One entry per table row about the commune, cells by column id, numbers as numbers.
    func writeCommuneTables(_ c: Commune, into w: inout JSONWriter) {
        w.array { w in
            for (t, row) in index.rows(forCommune: c.code) {
                w.object { w in
                    w.field("table", t.id); w.field("titre", t.schema.titre)
                    w.field("source", sourceDescription(t.schema.source))
                    w.field("csv", baseURL + "/donnees/\(t.id).csv"); w.field("ligne_csv", number: Double(row.line))
                    w.key("cellules")
                    w.object { w in
                        for (col, cell) in zip(t.schema.colonnes, row.cells) {
                            w.key(col.id)
                            w.object { w in
                                w.field("libelle", col.libelle); w.field("texte", cell.text)
                                w.field("valeur", number: cell.number); w.field("unite", col.unite)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The action sheets of the commune's plans whose scope includes it.
    func writeCommuneFiches(_ c: Commune, plans: [Plan], into w: inout JSONWriter) {
        w.array { w in
            for p in plans {
                for f in p.fiches where f.scopeSet?.contains(c.code) ?? false {
                    w.object { w in
                        w.field("plan", p.id); w.field("numero", f.numero); w.field("titre", f.data.titre)
                        w.field("url", baseURL + f.url); w.field("perimetre", f.data.perimetre?.type.rawValue ?? "")
                    }
                }
            }
        }
    }

    /// The indicator values recorded for the commune, numbers as numbers.
    func writeCommuneIndicators(_ c: Commune, into w: inout JSONWriter) {
        w.array { w in
            for ref in index.valuesByTerritory[c.code] ?? [] {
                guard let ind = index.indicators[ref.indicator] else { continue }
                let v = ind.data.valeurs[ref.value]
                w.object { w in
                    w.field("titre", ind.data.titre); w.field("url", baseURL + ind.url); w.field("periode", v.periode.value)
                    w.field("valeur", number: v.valeur); w.field("cible", number: v.cible)
                    w.field("unite", ind.data.unite); w.field("masque", bool: v.masque ?? false)
                }
            }
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
