import HabitatContent
import HabitatCore
import HabitatMarkdown

/// Indicators: their plans, fiches, territories and periods checked.
extension Resolver {
    mutating func resolveIndicators(_ items: [(String, IndicatorFile, String)]) {
        for (id, ind, path) in items {
            for link in ind.plans {
                guard let plan = index.plans[link.plan.value] else {
                    if isBroken("plans/\(link.plan.value)/plan.md") { continue }
                    error(path, link.plan.line, link.plan.column, "plans[].plan : plan inconnu « \(link.plan.value) »" + String.didYouMean(link.plan.value, among: index.planOrder), code: "ref.unknown-plan")
                    continue
                }
                let numeros = plan.fiches.map(\.numero)
                for f in link.fiches where !numeros.contains(f.value) && !isBroken("plans/\(plan.id)/actions/\(Slug.make(f.value)).md") {
                    error(path, f.line, f.column, "plans[].fiches : aucune fiche « \(f.value) » dans \(plan.id)" + String.didYouMean(f.value, among: numeros), code: "ref.unknown-fiche")
                }
            }
            var seenValues: [String: Int] = [:]
            for (i, v) in ind.valeurs.enumerated() {
                let t = v.territoire.value
                let key = t + "|" + v.periode.value
                if let first = seenValues[key] {
                    error(path, v.periode.line, v.periode.column, "valeurs[\(i)] : une deuxième valeur pour \(t), \(v.periode.value) (la première est valeurs[\(first)] ; valeurs compte à partir de 0)", code: "indicator.duplicate-value")
                }
                seenValues[key] = seenValues[key] ?? i
                if index.territories[t] == nil && index.communes[t] == nil && !isBroken("territoires/\(t).yaml") && !isBroken("communes/") {
                    let sectorMatch = index.sectors.keys.contains { $0.hasSuffix("/" + t) }
                    if !sectorMatch {
                        error(path, v.territoire.line, v.territoire.column, "valeurs[\(i)].territoire : " + unknownTerritoryMessage(t), code: "ref.unknown-territory")
                    }
                }
                if !Self.isPeriod(v.periode.value) {
                    error(path, v.periode.line, v.periode.column, "valeurs[\(i)].periode : attendu « 2019 » ou « 2019-2021 », trouvé « \(v.periode.value) »", code: "indicator.bad-period")
                }
                if v.valeur == nil && v.cible == nil && v.masque != true && (v.statut ?? "").isEmpty {
                    error(path, v.territoire.line, v.territoire.column, "valeurs[\(i)] : il faut « valeur », « cible », « statut » ou « masque: true »", code: "indicator.empty-value")
                }
            }
            index.indicators[id] = Indicator(id: id, data: ind, path: path)
        }
        index.indicatorOrder = index.indicators.keys.sorted()
    }

    static func isPeriod(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        let years = parts.compactMap { p -> Int? in p.count == 4 ? Int(p) : nil }
        guard years.count == parts.count else { return false }
        return years.count == 1 || years[0] <= years[1]
    }

    /// An indicator's territory nobody has: a commune written by its name gets its INSEE code
    /// (the identity of a commune), anything else the nearest identifiers.
    func unknownTerritoryMessage(_ t: String) -> String {
        let codes = Array(Set((index.reference?.byName[t] ?? []) + (index.reference?.bySpelling[t] ?? []))).sorted()
        let communes = codes.compactMap { index.communes[$0] }
        guard !communes.isEmpty else {
            return "territoire ou commune inconnu « \(t) »" + String.didYouMean(t, among: index.territoryOrder + index.communeOrder)
        }
        let listed = communes.map { "\($0.code) (\($0.name), \($0.departementName ?? $0.departement ?? ""))" }.joined(separator: " ou ")
        return "« \(t) » est le nom d'une commune : une commune s'écrit par son code INSEE, ici " + listed
    }
}
