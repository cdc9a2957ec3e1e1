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

    /// The form fields of a set of simulators (questions shared by id appear once; choices merged).
    func simulatorForm(_ sims: [CompiledSimulator], formId: String) -> [String: Any] {
        var order: [String] = []
        var merged: [String: CompiledSimulator.Question] = [:]
        for sim in sims {
            for q in sim.questions where !sim.derived.contains(q.id) {
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
        // One commune finder (on /communes/index.json) when an answer comes from the commune and no
        // question already asks it (a local simulator's own list of its communes).
        let finder = sims.contains { $0.needsCommune } && !merged.values.contains { $0.type == .commune }
        return ["form_id": formId, "questions": fields, "hub": absent,
                "chercheur_commune": finder ? ["champ": formId + "-commune", "aide_id": formId + "-commune-aide", "erreur_id": formId + "-commune-erreur",
                                               "liste_id": formId + "-commune-choix", "etat_id": formId + "-commune-etat"] as [String: Any] : absent, "regles_id": formId + "-regles", "resultat_id": formId + "-resultat",
                "regles_json": simulatorJSON(sims)]
    }

    /// "Barème en vigueur au 6 décembre 2026 : … (source)", one sentence per barème a simulator uses,
    /// with what is known only second-hand or still pending.
    func baremeNotes(_ sim: CompiledSimulator) -> [String] {
        var current: [String] = [], pinned: [String] = [], notes: [String] = []
        var secondHand = false
        for ref in sim.baremeIds {
            guard let b = index.bareme(ref) else { continue }
            let isPinned = index.baremes[ref] != nil && index.baremeInForce[b.family] != b.id && (index.baremeFamilies[b.family]?.count ?? 0) > 1
            let text = b.data.titre + " (" + (b.data.reference ?? b.data.source.label) + ")"
            if isPinned { pinned.append(text) } else { current.append(text) }
            if b.data.seconde_main != nil { secondHand = true }
            if index.baremePending.contains(b.family), let next = b.data.suite_en_attente, !notes.contains(next) { notes.append(next) }
        }
        var out: [String] = []
        if !current.isEmpty { out.append("Barème en vigueur au \(French.date(buildDate)) : " + current.joined(separator: " ; ") + ".") }
        if !pinned.isEmpty { out.append("Barème choisi : " + pinned.joined(separator: " ; ") + ".") }
        if secondHand { out.append("Certains de ces chiffres ne sont connus que de seconde main : vérifiez-les auprès de France Rénov' ou du financeur (détails sous les barèmes, sur la page de l'aide).") }
        return out + notes
    }

    /// The barèmes a simulator uses (the versions in force), and the earlier versions of their families.
    func baremeVersions(_ ids: [String]) -> (current: [Bareme], earlier: [Bareme]) {
        let current = ids.compactMap { index.bareme($0) }
        let shown = Set(current.map(\.id))
        var earlier: [Bareme] = []
        for b in current {
            for id in (index.baremeFamilies[b.family] ?? []).reversed() where !shown.contains(id) && !earlier.contains(where: { $0.id == id }) {
                if let old = index.baremes[id], old.data.valide_du < b.data.valide_du { earlier.append(old) }
            }
        }
        return (current, earlier)
    }

    /// The barèmes a simulator uses, as plain tables for readers without JavaScript.
    func baremeTables(_ ids: [String]) -> [[String: Any]] {
        baremeTables(ids.compactMap { index.bareme($0) })
    }

    func baremeTables(_ baremes: [Bareme]) -> [[String: Any]] {
        baremes.map { b in
            let cols = b.data.colonnes
            var rows: [[String: Any]] = b.table.rows.enumerated().map { (i, row) in
                ["personnes": String(i + 1), "valeurs": cols.map { ["v": row[$0.id].map { French.euros($0) } ?? "—"] as [String: Any] }]
            }
            let parameters = b.table.rows.count == 1 && b.table.rows[0]["personnes"] == nil
            if parameters {
                rows = cols.map { c in ["personnes": c.libelle, "valeurs": [["v": b.table.rows[0][c.id].map { Self.parameter($0, c.id) } ?? "—"] as [String: Any]]] as [String: Any] }
            } else if let inc = b.table.increment {
                rows.append(["personnes": "par personne en plus", "valeurs": cols.map { ["v": inc[$0.id].map { "+ " + French.euros($0) } ?? "—"] as [String: Any] }])
            } else {
                rows[rows.count - 1]["personnes"] = "\(rows.count) et plus"
            }
            let validity = b.data.valide_au.map { "du \(French.date(b.data.valide_du)) au \(French.date($0))" } ?? "depuis le \(French.date(b.data.valide_du))"
            let expired = b.data.valide_au.map { $0 < buildDate } ?? false
            let pending = index.baremePending.contains(b.family) && index.baremeInForce[b.family] == b.id
            return [
                "titre": b.data.titre, "colonnes": parameters ? [["libelle": "Valeur"] as [String: Any]] : cols.map { ["libelle": $0.libelle] as [String: Any] }, "lignes": rows,
                "entete": parameters ? "Paramètre" : "Personnes dans le foyer",
                "validite": validity, "perime": expired && !pending, "reference": optText(b.data.reference), "note": optText(b.data.note),
                "seconde_main": optText(b.data.seconde_main), "en_attente": optText(pending ? b.data.suite_en_attente : nil),
                "source": Format.source(b.data.source),
            ]
        }
    }

    func simulatorValues(_ sim: CompiledSimulator) -> [String: Any] {
        var v = simulatorForm([sim], formId: "sim-" + sim.aidId)
        let versions = baremeVersions(sim.baremeIds)
        v["baremes"] = list(baremeTables(versions.current))
        v["baremes_anterieurs"] = list(baremeTables(versions.earlier))
        v["bareme_notes"] = textList(baremeNotes(sim))
        v["terminee"] = index.aids[sim.aidId]?.data.statut == .terminee
        v["limites"] = textList(sim.limits)
        v["personas"] = list(sim.personas.map { ["nom": $0.nom.value, "source": $0.source] as [String: Any] })
        return v
    }

    func simulatorHubValues() -> [String: Any] {
        let sims = index.aidOrder.compactMap { index.simulators[$0] }.filter { index.aids[$0.aidId]?.data.statut == .enVigueur && !$0.profiles.isEmpty }
        var v = simulatorForm(sims, formId: "hub")
        let profiles = [("proprietaire-occupant", "Propriétaire du logement que vous occupez"), ("proprietaire-bailleur", "Propriétaire d'un logement que vous louez"),
                        ("locataire", "Locataire"), ("futur-acheteur", "Futur acheteur de votre première résidence principale")]
        let projects = [("renover", "Rénover (chauffage, isolation, énergie)"), ("adapter", "Adapter le logement à l'âge ou au handicap"),
                        ("acheter", "Acheter un logement"), ("louer", "Louer un logement")]
        v["hub"] = ["profils": profiles.map { ["valeur": $0.0, "libelle": $0.1] as [String: Any] },
                    "projets": projects.map { ["valeur": $0.0, "libelle": $0.1] as [String: Any] }] as [String: Any]
        v["aides"] = list(sims.map { s in ["titre": index.aids[s.aidId]!.data.titre, "url": index.aids[s.aidId]!.url] as [String: Any] })
        return v
    }
}

extension Renderer {
    /// A parameter value: a rate (column `taux_…`, written 0.8) as a percentage, else euros.
    static func parameter(_ v: Double, _ column: String) -> String {
        if column.hasPrefix("taux") { return French.number(v * 100) + "\u{a0}%" }
        return French.euros(v)
    }
}
