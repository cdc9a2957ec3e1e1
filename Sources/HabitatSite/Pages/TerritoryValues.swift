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
                "textuelles": list(textual.map { f in var l = ficheLink(f, p); l.perimetre = .nonEmpty(f.data.perimetre?.texte); return l }),
                "nombre": French.plural(applicable.count, "fiche"),
                "statut": planStatus(p),
                "acheve": planEnded(p),
            ]
        }
        let aids = index.aids(forCommune: c.code)
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
            "codes_integration": list(Self.cardSizes.map { ["format": $0.label, "largeur": $0.width, "hauteur": $0.height, "code": embedSnippet(c, $0)] as [String: Any] }),
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

    /// The sizes the embed card is offered at: each snippet declares one, and the card fits it with
    /// no inner scrollbar (checked in Chromium by Tests/browser/test_embed_card.py).
    static let cardSizes: [(label: String, width: Int, height: Int)] = [("standard", 320, 260), ("grand", 480, 360)]

    /// The iframe a commune pastes: always the configured site address.
    func embedSnippet(_ c: Commune, _ size: (label: String, width: Int, height: Int)) -> String {
        "<iframe src=\"\(HTML.escape(baseURL + c.url))vignette/\" title=\"Habitat : \(HTML.escape(c.displayName))\" width=\"\(size.width)\" height=\"\(size.height)\" loading=\"lazy\" style=\"border:0\"></iframe>"
    }

    /// `PLH 2019-2025` — a plan named short enough for the card; its full title goes in `title`.
    func planShortLabel(_ p: Plan) -> String {
        let kind: String
        switch p.data.type {
        case .plh: kind = "PLH"
        case .pdh: kind = "PDH"
        case .bilan: kind = "Bilan du PLH"
        }
        let period = p.data.periode.map { " " + $0.replacingOccurrences(of: " – ", with: "-").replacingOccurrences(of: " - ", with: "-") } ?? ""
        let owner = index.territories[p.data.territoire.value]?.shortName
        return kind + period + (owner.map { " (\($0))" } ?? "")
    }

    /// The card: what a commune shows on its own site — name, INSEE code, population with its
    /// year, the plans that apply, the number of aids in force, a link (a card is rendered for
    /// every commune, so it stays light).
    func communeCardValues(_ c: Commune) -> [String: Any] {
        var values = communeIdentity(c, tables: [])
        let plans = plansCovering(c)
        values["plans_vignette"] = list(plans.map { ["id": $0.id, "libelle": planShortLabel($0), "titre": $0.data.titre, "acheve": planEnded($0), "statut": planStatus($0)] as [String: Any] })
        let aids = index.aids(forCommune: c.code).filter { $0.data.statut == .enVigueur }
        values["nombre_aides"] = French.plural(aids.count, "aide en vigueur", "aides en vigueur")
        values["population_vignette"] = opt(c.population.map { French.integer($0) + " hab. (\(CommuneReference.populationYear))" })
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

    /// Where the commune's row comes from, readable: the reference for its identity, then the
    /// plan documents' lines that list it. The communes CSV writes them `L229, L622` (the EPCI's
    /// plan document) or `002 L89, L154; 001 L110` (the document whose file starts with `002_`).
    func communeSourceDescription(_ c: Commune) -> String {
        var parts: [String] = index.reference != nil ? [CommuneReference.cogSource] : []
        let plan = index.planOrder.compactMap { index.plans[$0] }.first { $0.data.territoire.value == c.epciId && $0.data.type == .plh }
        for group in c.source.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !group.isEmpty {
            var text = Substring(group)
            var file = plan?.data.source.fichier
            if let space = text.firstIndex(of: " "), text[..<space].allSatisfy(\.isNumber) {
                let prefix = String(text[..<space]) + "_"
                file = index.documentOrder.compactMap { index.documents[$0]?.data.fichier }.first { $0.hasPrefix(prefix) }
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
                                   ("source", .string(sourceDescription(t.schema.source))),
                                   ("csv", .string(baseURL + "/donnees/\(t.id).csv")), ("ligne_csv", .number(Double(row.line))),
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
        let refs: [(indicator: String, value: Int)] = index.valuesByTerritory[c.code] ?? []
        let indicators: [JSONValue] = refs.compactMap { ref -> JSONValue? in
            guard let ind = index.indicators[ref.indicator] else { return nil }
            let v = ind.data.valeurs[ref.value]
            let pairs: [(String, JSONValue)] = [
                ("titre", .string(ind.data.titre)), ("url", .string(baseURL + ind.url)), ("periode", .string(v.periode.value)),
                ("valeur", v.valeur.map(JSONValue.number) ?? .null), ("cible", v.cible.map(JSONValue.number) ?? .null),
                ("unite", .string(ind.data.unite)), ("masque", .bool(v.masque ?? false)),
            ]
            return .object(pairs)
        }
        let doc = JSONValue.object([
            ("description", .string("Ce que le portail publie sur la commune : commune (référentiel), hierarchie, plans, tableaux (une entrée par ligne de tableau, nombres en nombres), fiches (dont le périmètre inclut la commune), aides, indicateurs. Colonnes et unités des tableaux : " + baseURL + "/donnees/datapackage.json")),
            ("licence", Self.licenceJSON),
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
                                 ("source", .string(communeSourceDescription(c)))])),
            ("hierarchie", .array(index.territoryChain(ofCommune: c.code).map(JSONValue.string))),
            ("plans", .array(plansCovering(c).map { p in
                .object([("id", .string(p.id)), ("titre", .string(p.data.titre)), ("url", .string(baseURL + p.url)),
                         ("periode", p.data.periode.map(JSONValue.string) ?? .null), ("acheve", .bool(planEnded(p))), ("statut", .string(planStatus(p)))])
            })),
            ("tableaux", .array(tables)),
            ("fiches", .array(fiches)),
            ("aides", .array(aids)),
            ("indicateurs", .array(indicators)),
            ("date", .string(buildDate.description)),
        ])
        return doc.serialized() + "\n"
    }
}
