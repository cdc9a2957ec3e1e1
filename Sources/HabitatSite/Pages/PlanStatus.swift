import HabitatContent
import HabitatCore

/// Which plans cover a commune and whether they are over, as commune pages, cards and data say it.
extension Renderer {
    /// The plans that cover a commune: those whose perimeter includes it, in plan order. Read from
    /// `plansByCommune` (built in plan order) rather than by filtering every plan: a national site
    /// has a plan per EPCI and renders this for every commune.
    func plansCovering(_ c: Commune) -> [Plan] {
        var seen = Set<String>()
        return (index.plansByCommune[c.code] ?? []).filter { seen.insert($0).inserted }.compactMap { index.plans[$0] }
    }

    /// Whether a plan has ended by the build date (its last year is past).
    func planEnded(_ p: Plan) -> Bool { (p.data.fin ?? Int.max) < buildDate.year }

    /// "plan achevé en 2020" or "plan en cours (2019-2025)".
    func planStatus(_ p: Plan) -> String {
        if planEnded(p), let fin = p.data.fin { return "plan achevé en \(fin)" }
        return p.data.periode.map { "plan en cours (\($0))" } ?? "plan en cours"
    }
}
