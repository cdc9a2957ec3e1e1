import HabitatContent
import HabitatCore

extension Renderer {
    func indicatorCard(_ ind: Indicator) -> [String: Any] {
        let latest = ind.data.valeurs.filter { index.territories[$0.territoire.value] != nil }.max { $0.periode.value < $1.periode.value }
        var progress: Any = absent
        if let l = latest, let v = l.valeur, let c = l.cible, c > 0 {
            let ratio = min(max(v / c, 0), 1)
            progress = ["pourcent": Int((ratio * 100).rounded()), "libelle": French.percent(v / c * 100, maxFractionDigits: 0)] as [String: Any]
        }
        return [
            "titre": ind.data.titre, "url": ind.url, "unite": ind.data.unite,
            "a_renseigner": ind.data.valeurs.isEmpty,
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

    func indicatorsValues() -> [String: Any] {
        let groups: [[String: Any]] = index.planOrder.compactMap { index.plans[$0] }.map { p in
            let inds = index.indicatorOrder.compactMap { index.indicators[$0] }.filter { $0.data.plans.contains { $0.plan.value == p.id } }
            return ["plan": planSummary(p), "indicateurs": list(inds.map(indicatorCard)),
                    "nombre": French.plural(inds.count, "indicateur"),
                    "a_renseigner": French.plural(inds.filter { $0.data.valeurs.isEmpty }.count, "indicateur à renseigner", "indicateurs à renseigner")]
        }
        return ["plans": list(groups)]
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
                "statut": optText(v.statut), "note": optText(v.note), "source": Format.source(v.source),
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
            "plans": list(plans),
            "source": Format.source(d.source),
            "csv": "/donnees/indicateurs/\(ind.id).csv",
            "json": "/donnees/indicateurs/\(ind.id).json",
        ]
    }

    func indicatorCSV(_ ind: Indicator) -> String {
        var out = "territoire;periode;valeur;cible;unite;masque;statut\n"
        func q(_ s: String) -> String { s.contains(";") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        for v in ind.data.valeurs {
            let value = v.masque == true ? "" : v.valeur.map { French.number($0, maxFractionDigits: 4).replacingOccurrences(of: "\u{202F}", with: "") } ?? ""
            let target = v.cible.map { French.number($0, maxFractionDigits: 4).replacingOccurrences(of: "\u{202F}", with: "") } ?? ""
            out += [v.territoire.value, v.periode.value, value, target, q(ind.data.unite), v.masque == true ? "oui" : "non", q(v.statut ?? "")].joined(separator: ";") + "\n"
        }
        return out
    }

    func indicatorJSON(_ ind: Indicator) -> String {
        JSONValue.object([
            ("id", .string(ind.id)), ("titre", .string(ind.data.titre)), ("unite", .string(ind.data.unite)),
            ("source", .string(ind.data.source.label)),
            ("valeurs", .array(ind.data.valeurs.map { v in
                .object([("territoire", .string(v.territoire.value)), ("periode", .string(v.periode.value)),
                         ("valeur", v.masque == true ? .null : (v.valeur.map(JSONValue.number) ?? .null)),
                         ("cible", v.cible.map(JSONValue.number) ?? .null), ("masque", .bool(v.masque ?? false))])
            })),
        ]).serialized() + "\n"
    }
}

