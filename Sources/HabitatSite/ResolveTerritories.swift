import HabitatContent
import HabitatCore

extension Resolver {
    mutating func resolveTerritories(_ items: [(String, TerritoryFile, String)]) {
        for (id, file, path) in items {
            index.territories[id] = Territory(id: id, file: file, path: path)
        }
        let ids = items.map(\.0)
        for (id, file, path) in items {
            if let parent = file.parent {
                if index.territories[parent.value] == nil {
                    if isBroken("territoires/\(parent.value).yaml") { continue }
                    error(path, parent.line, parent.column, "territoire parent inconnu « \(parent.value) »" + String.didYouMean(parent.value, among: ids), code: "ref.unknown-territory")
                } else {
                    index.territories[parent.value]?.childIds.append(id)
                }
            } else if file.type != .region {
                error(path, 1, 1, "il faut un territoire « parent » à ce territoire (\(file.type.rawValue))", code: "front-matter.missing-key")
            }
            for sector in file.secteurs ?? [] {
                let sid = sector.id.value
                if !Slug.isValid(sid) {
                    error(path, sector.id.line, sector.id.column, "l'identifiant de secteur « \(sid) » ne doit contenir que des minuscules sans accent, des chiffres et des « - » ; écrivez « \(Slug.make(sid)) »", code: "ref.bad-slug")
                }
                let key = "\(id)/\(sid)"
                if index.sectors[key] != nil {
                    error(path, sector.id.line, sector.id.column, "le secteur « \(sid) » est défini deux fois", code: "ref.duplicate-id")
                    continue
                }
                index.sectors[key] = Sector(id: sid, name: sector.nom, kind: sector.type, territoryId: id)
            }
        }
        // Hierarchy loops would make walks up the tree endless.
        for id in ids {
            var seen: Set<String> = [id]
            var current = index.territories[id]?.file.parent?.value
            while let c = current {
                if seen.contains(c) {
                    let t = index.territories[id]!
                    error(t.path, t.file.parent?.line ?? 1, t.file.parent?.column ?? 1, "le territoire « \(id) » est son propre ancêtre (boucle de parents)", code: "ref.parent-loop")
                    if let p = index.territories[id]?.file.parent?.value { index.territories[p]?.childIds.removeAll { $0 == id } }
                    index.territories[id]?.file.parent = nil
                    break
                }
                seen.insert(c)
                current = index.territories[c]?.file.parent?.value
            }
        }
        let rank: [TerritoryFile.Kind: Int] = [.region: 0, .departement: 1, .epci: 2]
        index.territoryOrder = ids.sorted { (rank[index.territories[$0]!.file.type]!, $0) < (rank[index.territories[$1]!.file.type]!, $1) }
        for id in index.territoryOrder { index.territories[id]?.childIds.sort() }
    }

    mutating func resolveCommunes(_ files: [(String, CSVFile, String)]) {
        if hasReference {
            for (epci, csv, path) in files {
                guard let territory = index.territories[epci] else {
                    if isBroken("territoires/\(epci).yaml") { broken.insert("communes/\(epci).csv"); continue }
                    error(path, 1, 1, "aucun territoire « \(epci) » pour ce fichier de communes : créez territoires/\(epci).yaml", code: "ref.unknown-territory")
                    continue
                }
                if territory.file.type != .epci || territory.file.siren == nil {
                    error(path, 1, 1, "les communes d'un fichier communes/ appartiennent à une intercommunalité : ajoutez « siren » à territoires/\(epci).yaml", code: "ref.wrong-territory-type")
                    continue
                }
                if isBroken("communes/\(epci).csv") { continue }
                resolveCommuneAnnotations(epci, csv, path)
            }
            for key in index.sectors.keys { index.sectors[key]?.communeCodes.sort() }
            return
        }
        let expected = ["commune", "secteur", "structuration", "profil", "source"]
        for (epci, csv, path) in files {
            guard let territory = index.territories[epci] else {
                if isBroken("territoires/\(epci).yaml") { broken.insert("communes/\(epci).csv"); continue }
                error(path, 1, 1, "aucun territoire « \(epci) » pour ce fichier de communes ; créez territoires/\(epci).yaml", code: "ref.unknown-territory")
                continue
            }
            if territory.file.type != .epci {
                error(path, 1, 1, "les communes appartiennent à un EPCI ; « \(epci) » est de type \(territory.file.type.rawValue)", code: "ref.wrong-territory-type")
            }
            let header = csv.header.map(\.text)
            guard header == expected else {
                let bad = zip(csv.header, expected).first { $0.0.text != $0.1 }
                error(path, bad?.0.line ?? 1, bad?.0.column ?? 1, "l'en-tête doit être « \(expected.joined(separator: ";")) »", code: "table.bad-header")
                broken.insert("communes/\(epci).csv")
                continue
            }
            for row in csv.rows {
                let name = row[0].text
                let slug = Slug.make(name)
                guard !slug.isEmpty else {
                    error(path, row[0].line, row[0].column, "une commune a besoin d'un nom", code: "table.empty-cell")
                    continue
                }
                if let existing = index.communes[slug] {
                    error(path, row[0].line, row[0].column, "la commune « \(name) » est listée deux fois (aussi en \(existing.path):\(existing.line))", code: "ref.duplicate-commune")
                    continue
                }
                var sectorId: String?
                let sectorName = row[1].text
                if !sectorName.isEmpty {
                    let match = index.sectors.values.first { $0.territoryId == epci && ($0.name == sectorName || $0.id == sectorName) }
                    if let match {
                        sectorId = match.id
                        index.sectors["\(epci)/\(match.id)"]?.communeCodes.append(slug)
                    } else {
                        let names = index.sectors.values.filter { $0.territoryId == epci }.map(\.name).sorted()
                        error(path, row[1].line, row[1].column, "secteur inconnu « \(sectorName) » de \(epci)" + String.didYouMean(sectorName, among: names), code: "ref.unknown-sector")
                    }
                }
                var commune = Commune(code: slug, name: name, slug: slug, epciId: epci, source: row[4].text, path: path, line: row[0].line)
                commune.sectorId = sectorId
                commune.structuration = row[2].text.isEmpty ? nil : row[2].text
                commune.profil = row[3].text.isEmpty ? nil : row[3].text
                index.communes[slug] = commune
                index.territories[epci]?.communeCodes.append(slug)
            }
        }
        index.communeOrder = index.communes.keys.sorted()
        for id in index.territoryOrder { index.territories[id]?.communeCodes.sort() }
        for key in index.sectors.keys { index.sectors[key]?.communeCodes.sort() }
    }
}
