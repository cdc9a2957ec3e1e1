import HabitatContent
import HabitatCore

extension Renderer {
    func communeCrumbs(_ c: Commune) -> [(String, String)] {
        territoryCrumbs(c.epciId) + [(c.displayName, c.url)]
    }

    func territoryValues(_ t: Territory) -> [String: Any] {
        let parent = t.file.parent.flatMap { index.territories[$0.value] }
        let children = t.childIds.compactMap { index.territories[$0] }
        let plans = index.planOrder.compactMap { index.plans[$0] }.filter { $0.data.territoire.value == t.id }
        let sectors = index.sectors.values.filter { $0.territoryId == t.id }.sorted { $0.name < $1.name }
        let inSector = Set(sectors.flatMap(\.communeCodes))
        let loose = t.communeCodes.filter { !inSector.contains($0) }
        func links(_ slugs: [String]) -> [[String: Any]] {
            slugs.compactMap { index.communes[$0] }.sorted { ($0.sortKey, $0.code) < ($1.sortKey, $1.code) }.map { ["nom": $0.displayName, "url": $0.url] }
        }
        let indicators = indicatorsAt(territory: t.id)
        return [
            "territoire": ["nom": t.name, "sigle": optText(t.file.sigle), "type": territoryKindLabel(t.file.type),
                           "code": optText(t.file.code), "description": optText(t.file.description)] as [String: Any],
            "parent": opt(parent.map { ["nom": $0.name, "url": $0.url] as [String: Any] }),
            "enfants": list(children.map { ["nom": $0.name, "url": $0.url, "type": territoryKindLabel($0.file.type)] as [String: Any] }),
            "plans": list(plans.map(planSummary)),
            "secteurs": list(sectors.map { s in
                ["nom": s.name, "type": optText(s.kind), "communes": list(links(s.communeCodes)),
                 "nombre": French.plural(s.communeCodes.count, "commune")] as [String: Any]
            }),
            "communes": list(links(loose)),
            "nombre_communes": French.plural(index.communes(under: t.id).count, "commune"),
            "indicateurs": list(indicators),
            "ecarts": linkingSources(Format.discrepancies(t.file.ecarts), in: t.file.source),
            "source": source(t.file.source),
        ]
    }

    func territoryKindLabel(_ k: TerritoryFile.Kind) -> String {
        switch k {
        case .region: return "Région"
        case .departement: return "Département"
        case .epci: return "Intercommunalité"
        }
    }

    /// Indicator values recorded for a territory or commune id.
    func indicatorsAt(territory id: String) -> [[String: Any]] {
        var out: [[String: Any]] = []
        for ref in index.valuesByTerritory[id] ?? [] {
            let ind = index.indicators[ref.indicator]!
            let v = ind.data.valeurs[ref.value]
            do {
                out.append([
                    "titre": ind.data.titre, "url": ind.url, "periode": v.periode.value,
                    "valeur": opt(v.valeur.map { Format.number($0, unit: ind.data.unite) }),
                    "cible": opt(v.cible.map { Format.number($0, unit: ind.data.unite) }),
                    "masque": v.masque ?? false,
                ])
            }
        }
        return out
    }

    /// The plans that cover a commune: those whose perimeter includes it.
    func plansCovering(_ c: Commune) -> [Plan] {
        let ids = Set(index.plansByCommune[c.code] ?? [])
        return index.planOrder.filter { ids.contains($0) }.compactMap { index.plans[$0] }
    }

    /// Whether a plan has ended by the build date (its last year is past).
    func planEnded(_ p: Plan) -> Bool { (p.data.fin ?? Int.max) < buildDate.year }

    /// "plan achevé en 2020" or "plan en cours (2019-2025)".
    func planStatus(_ p: Plan) -> String {
        if planEnded(p), let fin = p.data.fin { return "plan achevé en \(fin)" }
        return p.data.periode.map { "plan en cours (\($0))" } ?? "plan en cours"
    }

    /// One aid on a commune page: amount (as the aid states it), funder, status and simulator link.
    func communeAid(_ a: Aid, _ c: Commune) -> [String: Any] {
        ["titre": a.data.titre, "url": a.url, "resume": a.data.resume, "statut": a.data.statut.label,
         "montant": optText(a.data.montant), "financeur": a.data.financeur,
         "en_vigueur": a.data.statut == .enVigueur,
         "lien_simulateur": opt(index.simulators[a.id] != nil ? a.url + "?commune=" + c.code + "#simulateur" : nil)]
    }

    /// Whom a resident of the commune asks: France Rénov' (national), the ADIL of the département, and
    /// the intercommunality's housing service where its territory file names one.
    func communeContacts(_ c: Commune) -> [String: Any] {
        // The ANIL's public directory gives each ADIL's address and offices (not copied here: no seed
        // gives them, and an address typed from memory could be wrong).
        let name = c.departement == "59" ? "L'ADIL du Nord" : c.departement == "62" ? "L'ADIL du Pas-de-Calais" : "L'ADIL de votre département"
        return ["adil": name, "adil_url": "https://www.anil.org/lanil-et-les-adil/votre-adil/"]
    }

    /// What the reference says of a commune: code, population with its year and source, zone ABC with
    /// its arrêté, département.
    func communeReferenceValues(_ c: Commune) -> [String: Any] {
        let dep = index.territoryOrder.lazy.compactMap { index.territories[$0] }.first { $0.file.type == .departement && $0.file.code == c.departement }
        return [
            "code": c.code,
            "nom_officiel": c.name,
            "nom_affiche": c.displayName,
            "graphie_document": optText(c.seedName),
            "anciens_noms": optText(c.formerNames.isEmpty ? nil : c.formerNames.joined(separator: ", ")),
            "population": opt(c.population.map { French.integer($0) + " habitants" }),
            "population_source": CommuneReference.populationSource,
            "zone_abc": optText(c.zoneABC),
            "zone_source": CommuneReference.zoneSource,
            "departement": opt(c.departement.map { code in
                ["code": code, "nom": c.departementName ?? code, "url": opt(dep?.url)] as [String: Any]
            }),
        ]
    }

    func communeValues(_ c: Commune) -> [String: Any] {
        let tables = communeTables(c)
        let plans = plansCovering(c)
        let planBlocks: [[String: Any]] = plans.map { p -> [String: Any] in
            let applicable = p.fiches.filter { $0.scopeSet?.contains(c.code) ?? false }
            let textual = p.fiches.filter { $0.scopeCommunes == nil && $0.data.perimetre != nil }
            let specific = applicable.filter { $0.data.perimetre?.type != .tout }
            let general = applicable.filter { $0.data.perimetre?.type == .tout }
            return [
                "plan": planSummary(p),
                "specifiques": list(specific.map { ficheLink($0, p) }),
                "generales": list(general.map { ficheLink($0, p) }),
                "textuelles": list(textual.map { f in var l = ficheLink(f, p); l["perimetre"] = optText(f.data.perimetre?.texte); return l }),
                "nombre": French.plural(applicable.count, "fiche"),
                "statut": planStatus(p),
                "acheve": planEnded(p),
            ]
        }
        let aids = index.aids(forCommune: c.code)
        let embed = "<iframe src=\"\(baseURL)\(c.url)vignette/\" title=\"Habitat : \(HTML.escape(c.displayName))\" width=\"320\" height=\"260\" loading=\"lazy\" style=\"border:0\"></iframe>"
        var values = communeIdentity(c, tables: tables)
        values.merge([
            "tableaux": list(tables),
            "plans": list(planBlocks),
            // What a resident can act on comes first: aids in force (or awaiting confirmation) here, with
            // their amount and simulator; ended aids only in a collapsed list further down.
            "aides": list(aids.filter { $0.data.statut != .terminee }.map { communeAid($0, c) }),
            "aides_terminees": list(aids.filter { $0.data.statut == .terminee }.map { communeAid($0, c) }),
            "a_aides_terminees": aids.contains { $0.data.statut == .terminee },
            "contacts": communeContacts(c),
            "indicateurs": list(indicatorsAt(territory: c.code)),
            "hierarchie": list((index.territoryChain(ofCommune: c.code)).compactMap { index.territories[$0] }.map {
                ["nom": $0.name, "url": $0.url, "type": territoryKindLabel($0.file.type)] as [String: Any]
            }),
            "code_integration": embed,
            "sans_plan_local": !plans.contains { !planEnded($0) && index.territories[$0.data.territoire.value]?.file.type == .epci },
            "plans_en_cours": plans.contains { !planEnded($0) },
            "adil": "l'ADIL \(c.departement == "59" ? "du Nord" : c.departement == "62" ? "du Pas-de-Calais" : "de votre département")",
            "donnees_json": c.url + "donnees.json",
        ]) { a, _ in a }
        return values
    }

    /// What the commune page and its embeddable card share: names, EPCI, sector, key figures
    /// (the first four cells of the commune's first table).
    func communeIdentity(_ c: Commune, tables: [[String: Any]]) -> [String: Any] {
        let epci = index.territories[c.epciId]
        let sector = c.sectorId.flatMap { index.sectors["\(c.epciId)/\($0)"] }
        let keyFigures = tables.prefix(1).flatMap { t in ((t["cellules"] as? [[String: Any]]) ?? []).prefix(4) }
        return [
            "reference": index.reference != nil ? communeReferenceValues(c) : absent,
            "commune": ["nom": c.displayName, "slug": c.slug, "code": c.code, "url": c.url, "structuration": optText(c.structuration), "profil": optText(c.profil),
                        "source": c.source] as [String: Any],
            "epci": opt(epci.map { ["nom": $0.name, "sigle": $0.shortName, "url": $0.url] as [String: Any] }),
            "secteur": opt(sector.map { ["nom": $0.name, "type": optText($0.kind)] as [String: Any] }),
            "chiffres_vignette": list(Array(keyFigures)),
        ]
    }

    /// The card: identity and key figures only (a card is rendered for every commune).
    func communeCardValues(_ c: Commune) -> [String: Any] {
        var values = communeIdentity(c, tables: communeTables(c, limit: 1))
        values["plans_vignette"] = list(plansCovering(c).map { ["titre": $0.data.titre + " — " + (index.territories[$0.data.territoire.value]?.shortName ?? ""), "acheve": planEnded($0), "statut": planStatus($0)] as [String: Any] })
        let aids = index.aids(forCommune: c.code).filter { $0.data.statut == .enVigueur }
        values["a_aides_vignette"] = !aids.isEmpty
        values["nombre_aides"] = French.plural(aids.count, "aide en vigueur", "aides en vigueur")
        return values
    }

    /// Every row of every table about the commune, as the page shows it.
    func communeTables(_ c: Commune, limit: Int = .max) -> [[String: Any]] {
        var tables: [[String: Any]] = []
        for (t, row) in index.rows(forCommune: c.code).prefix(limit) {
            let cells: [[String: Any]] = zip(t.schema.colonnes, row.cells).compactMap { col, cell in
                if col.id == t.schema.cle || col.id == t.schema.niveau { return nil }
                return ["libelle": col.libelle, "valeur": cell.text.isEmpty ? "—" : cell.text, "unite": optText(col.unite), "vide": cell.text.isEmpty]
            }
            let plan = t.schema.plan.flatMap { index.plans[$0.value] }
            let phrase = "Ce tableau\(plan.map { " du « \($0.data.titre) »" } ?? "") reprend la ligne de \(c.displayName) "
                + "telle que le document l'imprime : \(t.schema.titre.prefix(1).lowercased() + t.schema.titre.dropFirst()). Ce sont des chiffres du plan, "
                + "pas des aides : ils disent ce qui a été constaté ou prévu pour la commune."
            tables.append(["titre": t.schema.titre, "id": t.id, "cellules": cells, "source": source(t.schema.source), "phrase": phrase,
                           "csv": "/donnees/\(t.id).csv", "ligne": row.line,
                           "fiche": opt(t.schema.fiche.flatMap { f in t.schema.plan.flatMap { index.plans[$0.value] }.flatMap { p in p.fiches.first { $0.numero == f.value }.map { ficheLink($0, p) } } })])
        }
        return tables
    }

    func communeJSON(_ c: Commune) -> String {
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
                                   ("source", .string(t.schema.source.label + ", ligne \(row.line) du CSV")),
                                   ("cellules", .object(cells))]))
        }
        let fiches: [JSONValue] = plansCovering(c).flatMap { p in
            p.fiches.filter { $0.scopeSet?.contains(c.code) ?? false }.map { f in
                JSONValue.object([("plan", .string(p.id)), ("numero", .string(f.numero)), ("titre", .string(f.data.titre)),
                                  ("url", .string(baseURL + f.url)), ("perimetre", .string(f.data.perimetre?.type.rawValue ?? ""))])
            }
        }
        let aids: [JSONValue] = index.aids(forCommune: c.code)
            .map { .object([("id", .string($0.id)), ("titre", .string($0.data.titre)), ("statut", .string($0.data.statut.rawValue)), ("url", .string(baseURL + $0.url))]) }
        let doc = JSONValue.object([
            ("schema", .string("https://habitat/schemas/commune-v1: commune, hierarchie, tableaux (une entrée par ligne de tableau), fiches (dont le périmètre inclut la commune), aides, indicateurs")),
            ("commune", .object([("code", .string(c.code)), ("nom", .string(c.name)), ("slug", .string(c.slug)), ("url", .string(baseURL + c.url)),
                                 ("departement", c.departement.map(JSONValue.string) ?? .null),
                                 ("nom_departement", c.departementName.map(JSONValue.string) ?? .null),
                                 ("population", c.population.map { JSONValue.number(Double($0)) } ?? .null),
                                 ("population_source", index.reference != nil ? .string(CommuneReference.populationSource) : .null),
                                 ("zone_abc", c.zoneABC.map(JSONValue.string) ?? .null),
                                 ("zone_abc_source", index.reference != nil ? .string(CommuneReference.zoneSource) : .null),
                                 ("graphie_document", c.seedName.map(JSONValue.string) ?? .null),
                                 ("anciens_noms", .array(c.formerNames.map(JSONValue.string))),
                                 ("epci", .string(c.epciId)), ("secteur", c.sectorId.map(JSONValue.string) ?? .null),
                                 ("structuration", c.structuration.map(JSONValue.string) ?? .null),
                                 ("source", .string(c.source))])),
            ("hierarchie", .array(index.territoryChain(ofCommune: c.code).map(JSONValue.string))),
            ("plans", .array(plansCovering(c).map { p in
                .object([("id", .string(p.id)), ("titre", .string(p.data.titre)), ("url", .string(baseURL + p.url)),
                         ("periode", p.data.periode.map(JSONValue.string) ?? .null), ("acheve", .bool(planEnded(p))), ("statut", .string(planStatus(p)))])
            })),
            ("tableaux", .array(tables)),
            ("fiches", .array(fiches)),
            ("aides", .array(aids)),
            ("indicateurs", .array(indicatorsAt(territory: c.code).map { v in
                .object([("titre", .string(v["titre"] as? String ?? "")), ("periode", .string(v["periode"] as? String ?? "")),
                         ("valeur", .string(v["valeur"] as? String ?? "")), ("cible", .string(v["cible"] as? String ?? ""))])
            })),
            ("date", .string(buildDate.description)),
        ])
        return doc.serialized() + "\n"
    }
}
