import HabitatContent
import HabitatCore

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

    func indicatorCard(_ ind: Indicator) -> [String: Any] {
        let latest = latestValue(ind)
        var progress: Any = absent
        if let l = latest, let v = l.valeur, let c = l.cible, c > 0 {
            let ratio = min(max(v / c, 0), 1)
            progress = ["pourcent": Int((ratio * 100).rounded()), "libelle": French.percent(v / c * 100, maxFractionDigits: 0)] as [String: Any]
        }
        return [
            "titre": ind.data.titre, "url": ind.url, "unite": ind.data.unite,
            "a_renseigner": ind.data.valeurs.isEmpty,
            "a_valeur": latest?.valeur != nil,
            "plan_territoire": opt(ind.data.plans.first.flatMap { index.plans[$0.plan.value] }.flatMap { index.territories[$0.data.territoire.value]?.shortName }),
            "derniere": opt(latest.map { v in
                ["periode": v.periode.value, "territoire": territoryName(v.territoire.value),
                 "valeur": opt(v.valeur.map { Format.number($0, unit: ind.data.unite) }),
                 "cible": opt(v.cible.map { Format.number($0, unit: ind.data.unite) })] as [String: Any]
            }),
            "progression": progress,
        ]
    }

    func territoryName(_ id: String) -> String {
        index.territories[id]?.shortName ?? index.communes[id]?.displayName ?? index.sectors.first { $0.key.hasSuffix("/" + id) }?.value.name ?? id
    }

    /// The dashboard: per plan, the indicators that have values (cards, latest value and its
    /// period), then those still without a value in a compact list; filters by plan and territory.
    func indicatorsValues() -> [String: Any] {
        var withValues: [[String: Any]] = [], without: [[String: Any]] = []
        var countWith = 0, countWithout = 0
        for p in index.planOrder.compactMap({ index.plans[$0] }) {
            let inds = index.indicatorOrder.compactMap { index.indicators[$0] }.filter { $0.data.plans.contains { $0.plan.value == p.id } }
            let valued = inds.filter { $0.data.valeurs.contains { $0.valeur != nil } }
            let rest = inds.filter { i in !valued.contains { $0.id == i.id } }
            let territory = index.territories[p.data.territoire.value]?.shortName ?? ""
            let group: [String: Any] = ["plan": planSummary(p), "plan_id": p.id, "territoire": territory]
            if !valued.isEmpty {
                withValues.append(group.merging(["indicateurs": valued.map(indicatorCard), "nombre": French.plural(valued.count, "indicateur chiffré", "indicateurs chiffrés")]) { $1 })
            }
            if !rest.isEmpty {
                without.append(group.merging(["indicateurs": rest.map { ind -> [String: Any] in
                    let target = latestValue(ind).flatMap { v in v.cible.map { "objectif " + Format.number($0, unit: ind.data.unite) + " (" + v.periode.value + ")" } }
                    return ["titre": ind.data.titre, "url": ind.url, "objectif": optText(target)]
                }, "nombre": French.plural(rest.count, "indicateur")]) { $1 })
            }
            countWith += valued.count
            countWithout += rest.count
        }
        let territories = orderedUnique(index.planOrder.compactMap { index.plans[$0].flatMap { index.territories[$0.data.territoire.value]?.shortName } })
        return [
            "chiffres": list(withValues), "a_renseigner": list(without),
            "nombre_chiffres": French.plural(countWith, "indicateur chiffré", "indicateurs chiffrés"),
            "nombre_a_renseigner": French.plural(countWithout, "indicateur"),
            "filtre_plans": list(index.planOrder.compactMap { index.plans[$0] }.map { ["id": $0.id, "titre": $0.data.titre] as [String: Any] }),
            "filtre_territoires": list(territories.map { ["nom": $0] as [String: Any] }),
        ]
    }

    func orderedUnique(_ xs: [String]) -> [String] { Chart.orderedUnique(xs) }

    /// "de 2015 à 2021", "2021" or "2019-2021": the periods the values cover.
    func periodRange(_ periods: [String]) -> String? {
        let sorted = Set(periods).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        return first == last ? first : "de \(first) à \(last)"
    }

    func indicatorValues(_ ind: Indicator) -> [String: Any] {
        let d = ind.data
        let rows: [[String: Any]] = d.valeurs.map { v in
            [
                "territoire": territoryName(v.territoire.value),
                "territoire_url": opt(index.territories[v.territoire.value]?.url ?? index.communes[v.territoire.value]?.url),
                "periode": v.periode.value,
                "valeur": v.masque == true ? "secret statistique" : (v.valeur.map { Format.number($0, unit: d.unite) } ?? "—"),
                "cible": v.cible.map { Format.number($0, unit: d.unite) } ?? "—",
                "statut": optText(v.statut), "note": optText(v.note), "source": source(v.source),
            ]
        }
        let plans: [[String: Any]] = d.plans.compactMap { link in
            guard let p = index.plans[link.plan.value] else { return nil }
            return ["plan": planSummary(p), "fiches": list(link.fiches.compactMap { n in p.fiches.first { $0.numero == n.value } }.map { ficheLink($0, p) })]
        }
        return [
            "indicateur": ["titre": d.titre, "description": optText(d.description), "unite": d.unite,
                           "frequence": optText(d.frequence), "niveau": d.niveau.rawValue] as [String: Any],
            "valeurs": list(rows),
            "a_renseigner": d.valeurs.isEmpty,
            "graphiques": list(d.valeurs.isEmpty ? [] : Chart.charts(ind, name: territoryName)),
            // The data's own dates, never the build date.
            "periodes": optText(periodRange(d.valeurs.map(\.periode.value))),
            "plans": list(plans),
            "source": source(d.source),
            "csv": "/donnees/indicateurs/\(ind.id).csv",
            "json": "/donnees/indicateurs/\(ind.id).json",
        ]
    }

    func indicatorCSV(_ ind: Indicator) -> String {
        var out = "territoire;periode;valeur;cible;unite;masque;statut\n"
        func q(_ s: String) -> String { s.contains(";") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        for v in ind.data.valeurs {
            let value = v.masque == true ? "" : v.valeur.map(Self.machineNumber) ?? ""
            let target = v.cible.map(Self.machineNumber) ?? ""
            out += [v.territoire.value, v.periode.value, value, target, q(ind.data.unite), v.masque == true ? "oui" : "non", q(v.statut ?? "")].joined(separator: ";") + "\n"
        }
        return out
    }

    func indicatorJSON(_ ind: Indicator) -> String {
        JSONValue.object([
            ("id", .string(ind.id)), ("titre", .string(ind.data.titre)), ("unite", .string(ind.data.unite)),
            ("source", .string(sourceDescription(ind.data.source))),
            ("licence", Self.licenceJSON), ("schema", .string(baseURL + "/donnees/datapackage.json")),
            ("valeurs", .array(ind.data.valeurs.map { v in
                .object([("territoire", .string(v.territoire.value)), ("periode", .string(v.periode.value)),
                         ("valeur", v.masque == true ? .null : (v.valeur.map(JSONValue.number) ?? .null)),
                         ("cible", v.cible.map(JSONValue.number) ?? .null), ("masque", .bool(v.masque ?? false))])
            })),
        ]).serialized() + "\n"
    }
}

