import HabitatContent
import HabitatCore

extension Resolver {
    static let referenceHeader = ["code_insee", "nom", "departement", "nom_departement", "region", "nom_region",
                                  "epci_siren", "epci_nom", "epci_nature", "population_municipale", "zone_abc"]
    /// The zones of the zonage ABC; OpenFisca's file writes "Abis" for "A bis".
    static let zones: [String: String] = ["A bis": "A bis", "Abis": "A bis", "A": "A", "B1": "B1", "B2": "B2", "C": "C"]

    /// Whether the site has a reference: communes are then known by their INSEE code.
    var hasReference: Bool { index.reference != nil }

    /// Checks a CSV header against the expected columns; reports the first difference.
    mutating func checkHeader(_ csv: CSVFile, _ expected: [String], path: String) -> Bool {
        let header = csv.header.map(\.text)
        if header == expected { return true }
        let bad = zip(csv.header, expected).first { $0.0.text != $0.1 }
        error(path, bad?.0.line ?? 1, bad?.0.column ?? 1, "en-tête attendu : « \(expected.joined(separator: ";")) »", code: "table.bad-header")
        return false
    }

    /// An EPCI as the reference's rows describe it.
    struct ReferenceEPCI { var name: String; var nature: String; var line: Int; var codes: [String] = []; var deps: [String: Int] = [:] }

    /// What the rows of `referentiel/communes.csv` give: communes, EPCIs in order of appearance,
    /// and the départements that have no territory file (with the first position naming each).
    struct ReferenceRows {
        var communes: [Commune] = []
        var epcis: [String: ReferenceEPCI] = [:]
        var epciOrder: [String] = []
        var lineOfCode: [String: Int] = [:]
        var missingDeps: [String: (Int, Int)] = [:]
    }

    /// Reads `referentiel/communes.csv` (every commune with its code, EPCI, population, zone), then the
    /// renamings and mergers, the seeds' spellings and the old URLs. Creates a territory for every EPCI
    /// that has no file of its own.
    mutating func resolveReference(_ files: [String: (CSVFile, String)], sources: (ReferenceSourcesFile, String)?) {
        guard let (csv, path) = files["communes"] else {
            for (kind, (_, p)) in files.sorted(by: { $0.key < $1.key }) {
                error(p, 1, 1, "referentiel/\(kind).csv sans referentiel/communes.csv : le référentiel des communes manque", code: "ref.missing-reference")
            }
            if let (_, p) = sources {
                error(p, 1, 1, "referentiel/sources.yaml sans referentiel/communes.csv : le référentiel des communes manque", code: "ref.missing-reference")
            }
            if isBroken("referentiel/communes.csv") { index.reference = CommuneReference() }
            return
        }
        var ref = CommuneReference()
        ref.sources = sources?.0
        if sources == nil {
            error(path, 1, 1, "referentiel/sources.yaml manque : les pages des communes citent la source des codes, des populations et des zones ; créez-le avec « communes », « population », « population_annee » et « zones » (voir docs/referentiel-des-communes.md)", code: "ref.missing-sources")
        }
        index.reference = ref
        guard checkHeader(csv, Self.referenceHeader, path: path) else { broken.insert("referentiel/communes.csv"); return }

        let depTerritory = territoriesWithCodes(&ref)
        var rows = ReferenceRows()
        for row in csv.rows { readReferenceRow(row, path: path, depTerritory: depTerritory, into: &rows) }
        for (dep, pos) in rows.missingDeps.sorted(by: { $0.key < $1.key }) {
            error(path, pos.0, pos.1, "département \(dep) sans territoire : créez territoires/<id>.yaml avec « type: departement » et « code: \"\(dep)\" »", code: "ref.unknown-departement")
        }
        // Every EPCI file must name an EPCI of the reference.
        for (siren, id) in ref.epciBySiren.sorted(by: { $0.key < $1.key }) where rows.epcis[siren] == nil {
            let t = index.territories[id]!
            error(t.path, t.file.siren?.line ?? 1, t.file.siren?.column ?? 1, "SIREN \(siren) inconnu du référentiel (referentiel/communes.csv, colonne epci_siren)", code: "ref.unknown-epci")
            // Its communes and the tables of its plans would only repeat this error.
            broken.insert("communes/\(id).csv")
        }
        addEPCITerritories(rows, depTerritory: depTerritory, path: path, &ref)
        placeCommunes(rows.communes, &ref)
        index.reference = ref

        if let (moves, p) = files["mouvements"] { resolveMoves(moves, path: p) }
        if let (spellings, p) = files["graphies"] { resolveSpellings(spellings, path: p) }
        if let (old, p) = files["anciennes-adresses"] { resolveOldURLs(old, path: p) }
    }

    /// The départements and EPCIs the site already has files for: département code → territory,
    /// and each EPCI file's SIREN recorded in `ref`.
    mutating func territoriesWithCodes(_ ref: inout CommuneReference) -> [String: String] {
        var depTerritory: [String: String] = [:]
        for id in index.territoryOrder {
            guard let t = index.territories[id] else { continue }
            if t.file.type == .departement, let code = t.file.code { depTerritory[code] = id }
            guard let siren = t.file.siren else { continue }
            if t.file.type != .epci {
                error(t.path, siren.line, siren.column, "seule une intercommunalité (type: epci) a un SIREN", code: "ref.wrong-territory-type")
            } else if let other = ref.epciBySiren[siren.value] {
                error(t.path, siren.line, siren.column, "SIREN \(siren.value) déjà attribué au territoire « \(other) »", code: "ref.duplicate-epci")
            } else {
                ref.epciBySiren[siren.value] = id
            }
        }
        return depTerritory
    }

    /// One row of the reference: checks its code, name, département and EPCI, and adds the commune.
    mutating func readReferenceRow(_ row: [CSVFile.Cell], path: String, depTerritory: [String: String], into rows: inout ReferenceRows) {
        let code = row[0].text, name = row[1].text, dep = row[2].text
        if !CommuneReference.isWellFormed(code) {
            error(path, row[0].line, row[0].column, "code INSEE « \(code) » mal formé : 5 caractères, des chiffres (2A ou 2B puis 3 chiffres en Corse)", code: "ref.bad-code")
            return
        }
        if let first = rows.lineOfCode[code] {
            error(path, row[0].line, row[0].column, "code INSEE \(code) en double (déjà ligne \(first))", code: "ref.duplicate-code")
            return
        }
        rows.lineOfCode[code] = row[0].line
        if name.isEmpty {
            error(path, row[1].line, row[1].column, "la commune \(code) n'a pas de nom", code: "table.empty-cell")
            return
        }
        if dep != CommuneReference.departement(ofCode: code) {
            error(path, row[2].line, row[2].column, "le département « \(dep) » ne correspond pas au code INSEE \(code) (département \(CommuneReference.departement(ofCode: code)))", code: "ref.bad-departement")
            return
        }
        let epciId: String
        if row[6].text.isEmpty {
            guard let d = depTerritory[dep] else { if rows.missingDeps[dep] == nil { rows.missingDeps[dep] = (row[2].line, row[2].column) }; return }
            epciId = d  // islands that belong to no EPCI sit directly under their département
        } else {
            guard let siren = readEPCI(row, code: code, dep: dep, path: path, into: &rows) else { return }
            epciId = siren  // replaced by the territory id in `placeCommunes`
        }
        if depTerritory[dep] == nil, rows.missingDeps[dep] == nil { rows.missingDeps[dep] = (row[2].line, row[2].column) }
        rows.communes.append(referenceCommune(row, code: code, epciId: epciId, path: path))
    }

    /// The EPCI columns of a row (SIREN, name, nature), checked against the EPCI's earlier rows.
    mutating func readEPCI(_ row: [CSVFile.Cell], code: String, dep: String, path: String, into rows: inout ReferenceRows) -> String? {
        let siren = row[6].text
        guard siren.utf8.count == 9, siren.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            error(path, row[6].line, row[6].column, "SIREN d'intercommunalité « \(siren) » mal formé : 9 chiffres", code: "ref.bad-epci")
            return nil
        }
        if var e = rows.epcis[siren] {
            if e.name != row[7].text {
                error(path, row[7].line, row[7].column, "l'intercommunalité \(siren) s'appelle « \(e.name) » ligne \(e.line), « \(row[7].text) » ici", code: "ref.inconsistent-epci")
            }
            e.codes.append(code)
            e.deps[dep, default: 0] += 1
            rows.epcis[siren] = e
        } else {
            if row[7].text.isEmpty {
                error(path, row[7].line, row[7].column, "l'intercommunalité \(siren) n'a pas de nom", code: "table.empty-cell")
            }
            rows.epcis[siren] = ReferenceEPCI(name: row[7].text, nature: row[8].text, line: row[0].line, codes: [code], deps: [dep: 1])
            rows.epciOrder.append(siren)
        }
        return siren
    }

    /// A commune from its reference row: name, slug, département, population and zone.
    mutating func referenceCommune(_ row: [CSVFile.Cell], code: String, epciId: String, path: String) -> Commune {
        let nameSlug = Slug.make(row[1].text)
        var c = Commune(code: code, name: row[1].text, slug: nameSlug + "-" + code.lowercased(), epciId: epciId, source: "", path: path, line: row[0].line)
        c.sortKey = nameSlug
        c.departement = row[2].text
        c.departementName = row[3].text
        let pop = row[9].text
        if !pop.isEmpty {
            if let p = Int(pop), p >= 0 { c.population = p } else {
                error(path, row[9].line, row[9].column, "population « \(pop) » : un nombre entier attendu", code: "table.invalid-number")
            }
        }
        let zone = row[10].text
        if !zone.isEmpty {
            if let z = Self.zones[zone] { c.zoneABC = z } else {
                error(path, row[10].line, row[10].column, "zone ABC « \(zone) » inconnue : A bis, A, B1, B2 ou C", code: "ref.bad-zone")
            }
        }
        return c
    }

    /// A territory for every EPCI of the reference without a file, under its main département.
    mutating func addEPCITerritories(_ rows: ReferenceRows, depTerritory: [String: String], path: String, _ ref: inout CommuneReference) {
        var used = Set(index.territoryOrder)
        for siren in rows.epciOrder {
            let e = rows.epcis[siren]!
            if ref.epciBySiren[siren] != nil { continue }
            let dep = e.deps.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first!.key
            guard let parent = depTerritory[dep] else { continue }
            var id = Slug.make(e.name)
            if id.isEmpty || used.contains(id) { id = (id.isEmpty ? "epci" : id) + "-" + siren }
            used.insert(id)
            let file = TerritoryFile(nom: e.name, siren: Positioned(siren), type: .epci, parent: Positioned(parent), code: nil,
                                     description: "Intercommunalité (\(Self.natureLabel(e.nature))) de \(French.plural(e.codes.count, "commune")), selon la composition des EPCI publiée par la DGCL.")
            index.territories[id] = Territory(id: id, file: file, path: path)
            index.territories[parent]?.childIds.append(id)
            index.territoryOrder.append(id)
            ref.epciBySiren[siren] = id
        }
    }

    /// Puts every commune in its EPCI and the name and slug look-ups; marks homonyms
    /// (a name shared by two communes of the site); orders territories.
    mutating func placeCommunes(_ communes: [Commune], _ ref: inout CommuneReference) {
        var seenNames: [String: Int] = [:]
        for c in communes { seenNames[c.name, default: 0] += 1 }
        for var c in communes {
            if !c.epciId.isEmpty, let id = ref.epciBySiren[c.epciId] { c.epciId = id }
            guard index.territories[c.epciId] != nil else { continue }
            c.homonym = seenNames[c.name, default: 0] > 1
            index.communes[c.code] = c
            index.communesByDepartement[c.departement ?? "", default: []].append(c.code)
            index.territories[c.epciId]?.communeCodes.append(c.code)
            ref.byName[c.name, default: []].append(c.code)
            ref.bySlug[c.sortKey, default: []].append(c.code)
        }
        index.communeOrder = index.communes.keys.sorted()
        let rank: [TerritoryFile.Kind: Int] = [.region: 0, .departement: 1, .epci: 2]
        index.territoryOrder.sort { (rank[index.territories[$0]!.file.type]!, $0) < (rank[index.territories[$1]!.file.type]!, $1) }
        for id in index.territoryOrder { index.territories[id]?.childIds.sort() }
    }

    static func natureLabel(_ nature: String) -> String {
        switch nature {
        case "CA": return "communauté d'agglomération"
        case "CC": return "communauté de communes"
        case "CU": return "communauté urbaine"
        case "METRO", "MET69": return "métropole"
        default: return nature
        }
    }
}
