import HabitatContent
import HabitatCore

/// How an indicator's values read: the latest one, the territory each names, the periods they cover.
extension Renderer {
    /// The value a card shows: the most recent value at a territory's level (a commune's only when
    /// there is none), else the most recent target. Ties on the period keep the first in the file.
    func latestValue(_ ind: Indicator) -> IndicatorFile.Value? {
        let values = ind.data.valeurs
        let level = values.filter { index.territories[$0.territoire.value] != nil }
        func latest(_ xs: [IndicatorFile.Value]) -> IndicatorFile.Value? {
            xs.reduce(nil) { best, v in best.map { v.periode.value > $0.periode.value ? v : $0 } ?? v }
        }
        return latest(level.filter { $0.valeur != nil }) ?? latest(values.filter { $0.valeur != nil }) ?? latest(level) ?? latest(values)
    }

    /// A value's territory as pages name it: a territory's short name, a commune's, a sector's, else its id.
    func territoryName(_ id: String) -> String {
        index.territories[id]?.shortName ?? index.communes[id]?.displayName ?? index.sectors.first { $0.key.hasSuffix("/" + id) }?.value.name ?? id
    }

    /// "de 2015 à 2021", or "2021" alone: the periods the values cover.
    func periodRange(_ periods: [String]) -> String? {
        let sorted = Set(periods).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        return first == last ? first : "de \(first) à \(last)"
    }
}
