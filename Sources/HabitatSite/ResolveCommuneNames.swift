import HabitatContent
import HabitatCore

/// Renamings and mergers, the seeds' spellings, old addresses, and a commune named in content
/// resolved to its INSEE code.
extension Resolver {
    /// Renamings and mergers: the old name of a commune finds its successor, and its old page
    /// (`/communes/<old-name>-<old-code>/`) redirects there.
    mutating func resolveMoves(_ csv: CSVFile, path: String) {
        guard checkHeader(csv, ["mod", "date_effet", "type_avant", "code_avant", "nom_avant", "type_apres", "code_apres", "nom_apres"], path: path) else { return }
        var urls = Set(index.communes.values.map(\.url))
        for row in csv.rows {
            for i in [3, 6] where !CommuneReference.isWellFormed(row[i].text) {
                error(path, row[i].line, row[i].column, "code INSEE « \(row[i].text) » mal formé", code: "ref.bad-code")
            }
            // Only moves that end in a commune of today (not the communes déléguées they leave behind).
            guard row[5].text == "COM", let successor = index.communes[row[6].text] else { continue }
            let oldName = row[4].text, oldCode = row[3].text
            guard !oldName.isEmpty, oldName != successor.name else { continue }
            if !index.communes[successor.code]!.formerNames.contains(oldName) { index.communes[successor.code]!.formerNames.append(oldName) }
            if !(index.reference!.bySpelling[oldName] ?? []).contains(successor.code) { index.reference!.bySpelling[oldName, default: []].append(successor.code) }
            let old = "/communes/\(Slug.make(oldName))-\(oldCode.lowercased())/"
            if !urls.contains(old) {
                urls.insert(old)
                index.reference!.oldURLs.append((old, successor.code))
                index.reference!.oldURLs.append((old + "vignette/", successor.code))
            }
        }
    }

    /// Spellings of the seeds that differ from the official name, each tied to its code.
    mutating func resolveSpellings(_ csv: CSVFile, path: String) {
        guard checkHeader(csv, ["graphie", "code_insee", "source"], path: path) else { return }
        for row in csv.rows {
            let code = row[1].text
            guard let c = index.communes[code] else {
                error(path, row[1].line, row[1].column, "code INSEE « \(code) » inconnu du référentiel" + communeCandidates(row[0].text), code: "ref.unknown-commune")
                continue
            }
            if Slug.make(row[0].text) != Slug.make(c.name), !c.formerNames.contains(where: { Slug.make($0) == Slug.make(row[0].text) }) {
                warning(path, row[0].line, row[0].column, "la graphie « \(row[0].text) » ne ressemble pas au nom officiel de \(code), \(c.name) : vérifiez le code", code: "ref.spelling-mismatch")
            }
            index.reference!.bySpelling[row[0].text, default: []].append(code)
        }
    }

    /// URLs published before communes were known by their code, each with the commune it now leads to.
    mutating func resolveOldURLs(_ csv: CSVFile, path: String) {
        guard checkHeader(csv, ["adresse", "code_insee"], path: path) else { return }
        var seen = Set(index.reference!.oldURLs.map(\.url))
        let live = Set(index.communes.values.map(\.url))
        for row in csv.rows {
            guard index.communes[row[1].text] != nil else {
                error(path, row[1].line, row[1].column, "code INSEE « \(row[1].text) » inconnu du référentiel", code: "ref.unknown-commune")
                continue
            }
            guard let url = Resolver.normalizedAlias(row[0].text), url.hasPrefix("/communes/") else {
                error(path, row[0].line, row[0].column, "adresse « \(row[0].text) » : un chemin du site sous /communes/ attendu", code: "url.bad-alias")
                continue
            }
            if seen.contains(url) || live.contains(url) || live.contains(String(url.dropLast("vignette/".count))) && url.hasSuffix("/vignette/") {
                error(path, row[0].line, row[0].column, "adresse \(url) déjà utilisée (par une autre ligne, un ancien nom ou une page de commune)", code: "url.duplicate")
                continue
            }
            seen.insert(url)
            index.reference!.oldURLs.append((url, row[1].text))
        }
    }

    /// `; candidates : Nœux-les-Mines (62617, Pas-de-Calais)` for a name: official names with the same
    /// slug, then former names and spellings.
    func communeCandidates(_ name: String) -> String {
        guard let ref = index.reference else { return "" }
        var codes = ref.bySlug[Slug.make(name)] ?? []
        for (spelling, cs) in ref.bySpelling where Slug.make(spelling) == Slug.make(name) { codes += cs }
        let list = Array(Set(codes)).sorted().compactMap { index.communes[$0] }.map { "\($0.name) (\($0.code), \($0.departementName ?? $0.departement ?? ""))" }
        return list.isEmpty ? "" : " ; candidates : " + list.joined(separator: ", ")
    }

    /// Resolves a commune written in a content file: an INSEE code, an official name, a spelling of
    /// `graphies.csv` or a former name. `within` is the perimeter that decides between homonyms; a
    /// commune outside it is an error when `strict`.
    mutating func resolveCommuneName(_ name: Positioned<String>, file: String, within: Set<String>?, strict: Bool, perimeterLabel: String = "") -> String? {
        guard let ref = index.reference else { return nil }
        let text = name.value.trimmingCharacters(in: .whitespaces)
        if CommuneReference.isWellFormed(text) {
            if index.communes[text] != nil {
                if strict, let within, !within.contains(text) {
                    error(file, name.line, name.column, "la commune \(text) (\(index.communes[text]!.name)) est hors du périmètre \(perimeterLabel)", code: "ref.outside-perimeter")
                    return nil
                }
                return text
            }
            if isBroken("referentiel/communes.csv") { return nil }
            error(file, name.line, name.column, "code INSEE « \(text) » inconnu du référentiel", code: "ref.unknown-commune")
            return nil
        }
        let all = Array(Set((ref.byName[text] ?? []) + (ref.bySpelling[text] ?? []))).sorted()
        func describe(_ codes: [String]) -> String {
            codes.compactMap { index.communes[$0] }.map { "\($0.name) (\($0.code), \($0.departementName ?? $0.departement ?? ""))" }.joined(separator: ", ")
        }
        if all.isEmpty {
            if isBroken("referentiel/communes.csv") { return nil }
            let hint = communeCandidates(text)
            var close = ""
            if hint.isEmpty {
                // Names near it, among the perimeter's communes when there is one (a national reference is large).
                let pool = within.map { w in w.compactMap { index.communes[$0]?.name } } ?? Array(ref.byName.keys)
                close = suggestion(for: text, among: pool).map { " ; vouliez-vous dire « \($0) » ?" } ?? ""
            }
            error(file, name.line, name.column, "commune inconnue « \(text) »" + hint
                  + (hint.isEmpty ? " (ni nom officiel, ni graphie de referentiel/graphies.csv, ni ancien nom)" + close : " ; si c'est la graphie du document, ajoutez-la à referentiel/graphies.csv ou écrivez le code INSEE"),
                  code: "ref.unknown-commune")
            return nil
        }
        let inside = within.map { w in all.filter { w.contains($0) } } ?? all
        if inside.count == 1 { return inside[0] }
        if inside.isEmpty {
            if strict {
                error(file, name.line, name.column, "« \(text) » : \(describe(all)), hors du périmètre \(perimeterLabel)", code: "ref.outside-perimeter")
                return nil
            }
            if all.count == 1 { return all[0] }
        }
        error(file, name.line, name.column, "« \(text) » désigne plusieurs communes : \(describe(inside.isEmpty ? all : inside)) ; écrivez le code INSEE", code: "ref.ambiguous-commune")
        return nil
    }

    /// Seed annotations of the communes of an EPCI (`communes/<epci>.csv`), each row tied to its code.
    mutating func resolveCommuneAnnotations(_ epci: String, _ csv: CSVFile, _ path: String) {
        let expected = ["commune", "code_insee", "secteur", "structuration", "profil", "source"]
        guard checkHeader(csv, expected, path: path) else { broken.insert("communes/\(epci).csv"); return }
        guard let territory = index.territories[epci] else { return }
        var seen: [String: Int] = [:]
        for row in csv.rows {
            let name = row[0].text, code = row[1].text
            guard CommuneReference.isWellFormed(code) else {
                error(path, row[1].line, row[1].column, "code INSEE « \(code) » mal formé : 5 caractères" + communeCandidates(name), code: "ref.bad-code")
                continue
            }
            guard let c = index.communes[code] else {
                if isBroken("referentiel/communes.csv") { continue }
                error(path, row[1].line, row[1].column, "code INSEE « \(code) » inconnu du référentiel" + communeCandidates(name), code: "ref.unknown-commune")
                continue
            }
            if let first = seen[code] {
                error(path, row[1].line, row[1].column, "commune \(code) (\(c.name)) listée deux fois (déjà ligne \(first))", code: "ref.duplicate-commune")
                continue
            }
            seen[code] = row[0].line
            let spellings = index.reference?.bySpelling.filter { $0.value.contains(code) }.map(\.key) ?? []
            if name != c.name, Slug.make(name) != Slug.make(c.name), !c.formerNames.contains(name), !spellings.contains(name) {
                error(path, row[0].line, row[0].column, "« \(name) » n'est pas le nom de la commune \(code) (\(c.name))" + communeCandidates(name), code: "ref.code-name-mismatch")
                continue
            }
            if c.epciId != epci {
                error(path, row[1].line, row[1].column, "la commune \(code) (\(c.name)) appartient à \(index.territories[c.epciId]?.shortName ?? c.epciId), pas à \(territory.shortName)", code: "ref.outside-epci")
                continue
            }
            var updated = c
            if name != c.name { updated.seedName = name }
            let sectorName = row[2].text
            if !sectorName.isEmpty {
                if let match = index.sectors.values.first(where: { $0.territoryId == epci && ($0.name == sectorName || $0.id == sectorName) }) {
                    updated.sectorId = match.id
                    index.sectors["\(epci)/\(match.id)"]?.communeCodes.append(code)
                } else {
                    let names = index.sectors.values.filter { $0.territoryId == epci }.map(\.name).sorted()
                    error(path, row[2].line, row[2].column, "secteur inconnu « \(sectorName) » de \(epci)" + String.didYouMean(sectorName, among: names), code: "ref.unknown-sector")
                }
            }
            updated.structuration = row[3].text.isEmpty ? nil : row[3].text
            updated.profil = row[4].text.isEmpty ? nil : row[4].text
            updated.source = row[5].text
            updated.path = path
            updated.line = row[0].line
            index.communes[code] = updated
        }
    }
}
