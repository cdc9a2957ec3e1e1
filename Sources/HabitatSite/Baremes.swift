import HabitatContent
import HabitatCore
import HabitatRules

/// A barème ready for rules and pages.
public struct Bareme: Sendable {
    public var id: String
    public var data: BaremeFile
    public var table: BaremeTable
    public var path: String
    /// The family of versions this one belongs to.
    public var family: String { data.famille ?? id }
}

extension Resolver {
    mutating func resolveBaremes(_ items: [(String, YAMLValue, String)]) {
        var keyPositions: [String: (String, YAMLValue)] = [:]
        for (id, value, path) in items {
            do {
                let data = try ContentDecoder(file: path).decode(BaremeFile.self, from: value)
                let columns = Set(data.colonnes.map(\.id))
                var rows: [[String: Double]] = []
                for (i, row) in data.lignes.enumerated() {
                    if let p = row["personnes"], p != Double(i + 1) {
                        error(path, 1, 1, "lignes[\(i)] : « personnes » devrait valoir \(i + 1) (les lignes vont 1, 2, 3… personnes)", code: "bareme.bad-row")
                    }
                    for c in columns where row[c] == nil {
                        error(path, 1, 1, "lignes[\(i)] : colonne « \(c) » absente", code: "bareme.missing-value")
                    }
                    for (c, v) in row.sorted(by: { $0.key < $1.key }) where !RuleNumber.isAllowed(v) {
                        error(path, 1, 1, "lignes[\(i)] : la valeur de « \(c) » dépasse la limite des règles (\(RuleNumber.limitText) en valeur absolue)", code: "bareme.number-out-of-range")
                    }
                    rows.append(row)
                }
                for (c, v) in (data.par_personne_supplementaire ?? [:]).sorted(by: { $0.key < $1.key }) where !RuleNumber.isAllowed(v) {
                    error(path, 1, 1, "par_personne_supplementaire : la valeur de « \(c) » dépasse la limite des règles (\(RuleNumber.limitText) en valeur absolue)", code: "bareme.number-out-of-range")
                }
                if let r = data.remplace_par, !items.contains(where: { $0.0 == r }) {
                    error(path, 1, 1, "remplace_par : barème inconnu « \(r) »" + String.didYouMean(r, among: items.map(\.0)), code: "ref.unknown-bareme")
                }
                if let v = data.valide_au, v < data.valide_du {
                    let (l, c) = Self.keyPosition(value, "valide_au")
                    error(path, l, c, "le barème « \(id) » finit (\(French.date(v))) avant de commencer (\(French.date(data.valide_du)))", code: "bareme.bad-validity")
                }
                index.baremes[id] = Bareme(id: id, data: data, table: BaremeTable(rows: rows, increment: data.par_personne_supplementaire), path: path)
                keyPositions[id] = (path, value)
            } catch {
                diagnostics.append(error)
            }
        }
        // Versions of one family, in time order: no overlap, no gap; the version in force at the build date.
        var families: [String: [Bareme]] = [:]
        for b in index.baremes.values { families[b.family, default: []].append(b) }
        for family in families.keys.sorted() {
            let versions = families[family]!.sorted { ($0.data.valide_du, $0.id) < ($1.data.valide_du, $1.id) }
            index.baremeFamilies[family] = versions.map(\.id)
            for (prev, next) in zip(versions, versions.dropFirst()) {
                let (path, value) = keyPositions[next.id]!
                let (l, c) = Self.keyPosition(value, "valide_du")
                if let end = prev.data.valide_au {
                    if end >= next.data.valide_du {
                        error(path, l, c, "le barème « \(next.id) » commence le \(French.date(next.data.valide_du)) alors que « \(prev.id) », de la même famille « \(family) », vaut jusqu'au \(French.date(end)) : les versions se chevauchent", code: "bareme.overlap")
                    } else if next.data.valide_du.unixDay - end.unixDay > 1 {
                        error(path, l, c, "le barème « \(next.id) » commence le \(French.date(next.data.valide_du)) mais « \(prev.id) », de la même famille « \(family) », finit le \(French.date(end)) : aucune version ne couvre les jours entre les deux", code: "bareme.gap")
                    }
                } else {
                    error(path, l, c, "le barème « \(next.id) » commence le \(French.date(next.data.valide_du)) alors que « \(prev.id) », de la même famille « \(family) », n'a pas de date de fin (valide_au) : les versions se chevauchent", code: "bareme.overlap")
                }
            }
            if let current = versions.last(where: { $0.data.valide_du <= buildDate && ($0.data.valide_au.map { buildDate <= $0 } ?? true) }) {
                index.baremeInForce[family] = current.id
            } else if let last = versions.last, let end = last.data.valide_au, end < buildDate {
                let (path, value) = keyPositions[last.id]!
                let (l, c) = Self.keyPosition(value, "valide_au")
                if last.data.suite_en_attente != nil {
                    // The next version is known to be due but not published here: keep the last one, say so.
                    index.baremeInForce[family] = last.id
                    index.baremePending.insert(family)
                    warning(path, l, c, "le barème « \(last.id) » était valable jusqu'au \(French.date(end)) ; la date de publication est le \(French.date(buildDate)) : sa suite est attendue (suite_en_attente), il reste donc utilisé et les pages le disent", code: "bareme.pending")
                } else if last.data.remplace_par == nil {
                    warning(path, l, c, "le barème « \(last.id) » était valable jusqu'au \(French.date(end)) ; la date de publication est le \(French.date(buildDate)) : aucune version de « \(family) » n'est en vigueur — ajoutez la version suivante, ou « suite_en_attente » si elle n'est pas encore publiée", code: "bareme.expired")
                }
            }
        }
    }

    /// The line and column of a top-level key (1:1 when absent).
    static func keyPosition(_ value: YAMLValue, _ key: String) -> (Int, Int) {
        if case .mapping(let entries, _, _) = value, let e = entries.first(where: { $0.key == key }) {
            return (e.value.position.line, e.value.position.column)
        }
        return (1, 1)
    }
}
