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
                guard let b = index.bareme(id) else { continue }
                baremes.append((id, .object([
                    ("lignes", .array(b.table.rows.map { row in .object(row.keys.sorted().map { ($0, .number(row[$0]!)) }) })),
                    ("increment", b.table.increment.map { inc in .object(inc.keys.sorted().map { ($0, .number(inc[$0]!)) }) } ?? .null),
                ])))
            }
            func ruleJSON(_ v: RuleValue?) -> JSONValue {
                switch v {
                case .bool(let b)?: return .bool(b)
                case .number(let n)?: return .number(n)
                case .text(let t)?: return .string(t)
                default: return .null
                }
            }
            let place: [(String, JSONValue)] = [("commune", .bool(sim.needsCommune)), ("territoire", .string(aid.data.territoire.value))]
            return .object(place + [
                ("aide", .string(sim.aidId)), ("titre", .string(aid.data.titre)), ("url", .string(aid.url)),
                ("terminee", .bool(aid.data.statut == .terminee)),
                ("montant_libelle", .string(sim.amountLabel)),
                ("bareme", .array(baremeNotes(sim).map { JSONValue.string($0) })),
                ("profils", .array(sim.profiles.map { JSONValue.string($0) })),
                ("projets", .array(sim.projects.map { JSONValue.string($0) })),
                ("suite", .array(sim.nextSteps.map { n in .object([("texte", .string(n.texte)), ("lien", n.lien.map(JSONValue.string) ?? .null), ("adresse", n.adresse.map(JSONValue.string) ?? .null)]) })),
                ("questions", .array(sim.questions.map { q in
                    .object([("id", .string(q.id)), ("type", .string(q.type.rawValue)), ("libelle", .string(q.label)),
                             ("min", q.min.map(JSONValue.number) ?? .null), ("max", q.max.map(JSONValue.number) ?? .null),
                             ("si", q.condition?.json ?? .null),
                             ("derivee", .bool(sim.derived.contains(q.id))), ("defaut", ruleJSON(sim.defaults[q.id])),
                             ("options", .array(q.options.map { o in .object([("valeur", .string(o.valeur)), ("libelle", .string(o.libelle))]) }))])
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
}
