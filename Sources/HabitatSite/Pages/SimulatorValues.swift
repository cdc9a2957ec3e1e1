import HabitatContent
import HabitatCore
import HabitatRules

extension Renderer {
    /// The rules of simulators as the page script reads them.
    func simulatorJSON(_ sims: [CompiledSimulator]) -> String {
        JSONValue.array(sims.map { sim in
            let aid = index.aids[sim.aidId]!
            var baremes: [(String, JSONValue)] = []
            for id in sim.baremeIds {
                guard let b = index.baremes[id] else { continue }
                baremes.append((id, .object([
                    ("lignes", .array(b.table.rows.map { row in .object(row.keys.sorted().map { ($0, .number(row[$0]!)) }) })),
                    ("increment", b.table.increment.map { inc in .object(inc.keys.sorted().map { ($0, .number(inc[$0]!)) }) } ?? .null),
                ])))
            }
            return .object([
                ("aide", .string(sim.aidId)), ("titre", .string(aid.data.titre)), ("url", .string(aid.url)),
                ("questions", .array(sim.questions.map { q in
                    .object([("id", .string(q.id)), ("type", .string(q.type.rawValue)), ("libelle", .string(q.label)),
                             ("min", q.min.map(JSONValue.number) ?? .null), ("max", q.max.map(JSONValue.number) ?? .null),
                             ("si", q.condition?.json ?? .null)])
                })),
                ("regles", .array(sim.rules.map { .object([("id", .string($0.id)), ("valeur", $0.expr.json)]) })),
                ("eligible", sim.eligible.json),
                ("montant", sim.amount?.json ?? .null),
                ("categorie", sim.category?.json ?? .null),
                ("pourquoi", .array(sim.reasons.map { .object([("si", $0.0.json), ("texte", .string($0.1))]) })),
                ("baremes", .object(baremes)),
            ])
        }).serialized()
    }

    /// The form fields of a set of simulators (questions shared by id appear once; choices merged).
    func simulatorForm(_ sims: [CompiledSimulator], formId: String) -> [String: Any] {
        var order: [String] = []
        var merged: [String: CompiledSimulator.Question] = [:]
        for sim in sims {
            for q in sim.questions {
                if var existing = merged[q.id] {
                    for o in q.options where !existing.options.contains(where: { $0.valeur == o.valeur }) { existing.options.append(o) }
                    merged[q.id] = existing
                } else {
                    merged[q.id] = q
                    order.append(q.id)
                }
            }
        }
        let fields: [[String: Any]] = order.map { id in
            let q = merged[id]!
            let fieldId = "\(formId)-\(id)"
            return [
                "id": q.id, "champ": fieldId, "libelle": q.label, "aide": optText(q.help),
                "aide_id": fieldId + "-aide", "erreur_id": fieldId + "-erreur",
                "oui_non": q.type == .ouiNon, "choix": q.type == .choix, "commune": q.type == .commune,
                "nombre": q.type == .entier || q.type == .euros, "euros": q.type == .euros,
                "min": opt(q.min.map { RuleValue.number($0).description }), "max": opt(q.max.map { RuleValue.number($0).description }),
                "options": q.options.enumerated().map { (i, o) in ["valeur": o.valeur, "libelle": o.libelle, "option_id": "\(fieldId)-\(i)"] as [String: Any] },
                "conditionnelle": q.condition != nil,
            ]
        }
        return ["form_id": formId, "questions": fields, "regles_id": formId + "-regles", "resultat_id": formId + "-resultat",
                "regles_json": simulatorJSON(sims)]
    }

    /// The barèmes a simulator uses, as plain tables for readers without JavaScript.
    func baremeTables(_ ids: [String]) -> [[String: Any]] {
        ids.compactMap { index.baremes[$0] }.map { b in
            let cols = b.data.colonnes
            var rows: [[String: Any]] = b.table.rows.enumerated().map { (i, row) in
                ["personnes": String(i + 1), "valeurs": cols.map { ["v": row[$0.id].map { French.euros($0) } ?? "—"] as [String: Any] }]
            }
            if let inc = b.table.increment {
                rows.append(["personnes": "par personne en plus", "valeurs": cols.map { ["v": inc[$0.id].map { "+ " + French.euros($0) } ?? "—"] as [String: Any] }])
            } else {
                rows[rows.count - 1]["personnes"] = "\(rows.count) et plus"
            }
            let validity = b.data.valide_au.map { "du \(French.date(b.data.valide_du)) au \(French.date($0))" } ?? "depuis le \(French.date(b.data.valide_du))"
            let expired = b.data.valide_au.map { $0 < buildDate } ?? false
            return [
                "titre": b.data.titre, "colonnes": cols.map { ["libelle": $0.libelle] as [String: Any] }, "lignes": rows,
                "validite": validity, "perime": expired, "reference": optText(b.data.reference), "note": optText(b.data.note),
                "source": Format.source(b.data.source),
            ]
        }
    }

    func simulatorValues(_ sim: CompiledSimulator) -> [String: Any] {
        var v = simulatorForm([sim], formId: "sim-" + sim.aidId)
        v["baremes"] = list(baremeTables(sim.baremeIds))
        v["limites"] = textList(sim.limits)
        v["personas"] = list(sim.personas.map { ["nom": $0.nom.value, "source": $0.source] as [String: Any] })
        return v
    }

    func simulatorHubValues() -> [String: Any] {
        let sims = index.aidOrder.compactMap { index.simulators[$0] }.filter { index.aids[$0.aidId]?.data.statut != .terminee }
        var v = simulatorForm(sims, formId: "hub")
        v["aides"] = list(sims.map { s in ["titre": index.aids[s.aidId]!.data.titre, "url": index.aids[s.aidId]!.url] as [String: Any] })
        return v
    }
}
