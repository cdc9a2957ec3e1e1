import HabitatContent
import HabitatCore
import HabitatRules

/// A simulator compiled from its declaration: checked rules, ready for Swift and for the page script.
public struct CompiledSimulator: Sendable {
    /// A question with its checked condition.
    public struct Question: Sendable {
        public var id: String
        public var type: SimulatorFile.QuestionType
        public var label: String
        public var help: String?
        public var min: Double?
        public var max: Double?
        public var options: [SimulatorFile.Option]
        public var condition: Expr?
    }
    public var aidId: String
    public var questions: [Question]
    public var rules: [(id: String, expr: Expr)]
    public var eligible: Expr
    public var amount: Expr?
    public var category: Expr?
    public var reasons: [(Expr, String)]
    public var limits: [String]
    public var baremeIds: [String]
    public var personas: [SimulatorFile.Persona]
    public var profiles: [String]
    public var amountLabel: String
    public var projects: [String]
    public var nextSteps: [SimulatorFile.NextStep]
    /// Questions not asked in the form (derived from the commune later), and default answers.
    public var derived: Set<String>
    public var defaults: [String: RuleValue]
    /// The commune matters: a derived answer, a commune question, or a local aid (its territory).
    public var needsCommune = false

    /// What a commune gives the questions declared `derivee_de: commune`.
    public static let communeFacts = ["zone", "ile_de_france", "departement", "epci"]
    static let ileDeFrance: Set<String> = ["75", "77", "78", "91", "92", "93", "94", "95"]

    /// The answer `zone` takes from an ABC zone: A bis and A → zone_a, B1 → zone_b1, B2 → zone_b2, C → zone_c.
    public static func zoneAnswer(_ zone: String) -> String? {
        switch zone.lowercased().filter({ $0 != " " }) {
        case "a", "abis": return "zone_a"
        case "b1": return "zone_b1"
        case "b2": return "zone_b2"
        case "c": return "zone_c"
        default: return nil
        }
    }

    /// The derived answers a commune gives this simulator (those its questions accept).
    public func answers(from c: Commune) -> [String: RuleValue] {
        var facts: [String: String] = ["epci": c.epciId]
        if let z = c.zoneABC.flatMap(Self.zoneAnswer) { facts["zone"] = z }
        if let d = c.departement { facts["departement"] = d; facts["ile_de_france"] = Self.ileDeFrance.contains(d) ? "oui" : "non" }
        var out: [String: RuleValue] = [:]
        for q in questions where derived.contains(q.id) {
            if let text = facts[q.id], let v = SimulatorAnswers.parse(text, for: q) { out[q.id] = v }
        }
        return out
    }

    /// Runs the rules on answers; unanswered questions stay unknown.
    public func run(_ answers: [String: RuleValue], evaluator: Evaluator) -> SimulationResult {
        var env = answers
        for q in questions where env[q.id] == nil { env[q.id] = defaults[q.id] ?? .unknown }
        for r in rules { env[r.id] = evaluator.evaluate(r.expr, env) }
        return SimulationResult(
            eligible: evaluator.evaluate(eligible, env),
            amount: amount.map { evaluator.evaluate($0, env) } ?? .unknown,
            category: category.map { evaluator.evaluate($0, env) } ?? .unknown,
            reasons: reasons.filter { evaluator.evaluate($0.0, env) == .bool(true) }.map(\.1))
    }
}

/// What a simulator answers for one household.
public struct SimulationResult: Sendable, Hashable {
    public var eligible: RuleValue
    public var amount: RuleValue
    public var category: RuleValue
    public var reasons: [String]
}

extension Resolver {
    static let profiles = ["proprietaire-occupant", "proprietaire-bailleur", "locataire", "futur-acheteur"]
    static let projects = ["renover", "adapter", "acheter", "louer"]

    mutating func resolveSimulators(_ items: [String: (YAMLValue, String)]) {
        let refs = index.baremeRefs()
        let evaluator = Evaluator(baremes: refs.mapValues(\.table))
        var shapes = refs.mapValues { BaremeShape(columns: Set($0.data.colonnes.map(\.id))) }
        // A family without a version in force is reported once, at the simulator's reference: its
        // rules are still type-checked against its last version, so they raise no second error.
        for (family, ids) in index.baremeFamilies where shapes[family] == nil {
            if let last = ids.last.flatMap({ index.baremes[$0] }) { shapes[family] = BaremeShape(columns: Set(last.data.colonnes.map(\.id))) }
        }
        var askedBefore: [String: (type: SimulatorFile.QuestionType, aid: String, line: Int)] = [:]
        for id in items.keys.sorted() {
            let (value, path) = items[id]!
            guard index.aids[id] != nil else {
                error(path, 1, 1, "règles d'une aide inconnue « \(id) » : créez aides/\(id).md", code: "ref.unknown-aid")
                continue
            }
            let file: SimulatorFile
            do { file = try ContentDecoder(file: path).decode(SimulatorFile.self, from: value) } catch { diagnostics.append(error); continue }
            if file.personas.isEmpty {
                error(path, 1, 1, "un simulateur a besoin d'au moins un exemple (persona, avec son résultat attendu et sa source) : les exemples sont vérifiés à chaque publication", code: "persona.missing")
            }
            if let compiled = compile(id, file, path: path, shapes: shapes) {
                for p in compiled.personas { checkPersona(p, compiled, evaluator: evaluator, path: path) }
                index.simulators[id] = compiled
                checkSharedQuestions(file, aidId: id, path: path, &askedBefore)
            }
        }
    }

    /// A question asked by two simulators is asked once in the questionnaire (/simulateur/):
    /// both must mean the same kind of answer.
    private mutating func checkSharedQuestions(_ file: SimulatorFile, aidId: String, path: String,
                                               _ askedBefore: inout [String: (type: SimulatorFile.QuestionType, aid: String, line: Int)]) {
        for q in file.questions where q.derivee_de == nil {
            guard let first = askedBefore[q.id.value] else {
                askedBefore[q.id.value] = (q.type, aidId, q.id.line)
                continue
            }
            if first.type != q.type {
                error(path, q.id.line, q.id.column, "la question « \(q.id.value) » est aussi posée par le simulateur « \(first.aid) » (ligne \(first.line)) avec un autre type (\(first.type.rawValue), ici \(q.type.rawValue)) : le questionnaire la pose une seule fois pour les deux ; donnez-lui un autre identifiant ou le même type", code: "rules.shared-question")
            }
        }
    }

    /// What compiling one simulator has gathered so far: the names its rules may use, the rules
    /// that failed (their later uses are not reported again) and whether everything was valid.
    struct SimulatorCompilation {
        let path: String
        let shapes: [String: BaremeShape]
        var names: [String: RuleType] = [:]
        var failedRules: Set<String> = []
        var ok = true
    }

    private mutating func compile(_ aidId: String, _ file: SimulatorFile, path: String, shapes: [String: BaremeShape]) -> CompiledSimulator? {
        var st = SimulatorCompilation(path: path, shapes: shapes)
        checkSimulatorBaremes(aidId, file, &st)
        var questions = compileQuestions(aidId, file, &st)
        checkProfilesAndProjects(file, &st)
        let (derived, defaults) = compileDerivedQuestions(file, &questions, &st)
        var rules: [(String, Expr)] = []
        for r in file.regles ?? [] {
            guard let e = parseRule(r.valeur, expecting: nil, what: "une règle", &st) else { st.failedRules.insert(r.id.value); continue }
            if st.names[r.id.value] != nil { error(path, r.id.line, r.id.column, "« \(r.id.value) » est défini deux fois", code: "rules.duplicate"); st.ok = false }
            st.names[r.id.value] = (try? TypeChecker(names: st.names, baremes: shapes).check(e)) ?? .number
            rules.append((r.id.value, e))
        }
        let eligible = parseRule(file.resultats.eligible, expecting: .bool, what: "'eligible'", &st)
        let amount = file.resultats.montant.flatMap { parseRule($0, expecting: .number, what: "'montant'", &st) }
        let category = file.resultats.categorie.flatMap { parseRule($0, expecting: .text, what: "'categorie'", &st) }
        var reasons: [(Expr, String)] = []
        for r in file.resultats.pourquoi ?? [] { if let e = parseRule(r.si, expecting: .bool, what: "'si'", &st) { reasons.append((e, r.texte)) } }
        guard st.ok, let eligible else { return nil }
        var compiled = CompiledSimulator(aidId: aidId, questions: questions, rules: rules, eligible: eligible, amount: amount, category: category,
                                 reasons: reasons, limits: file.resultats.limites ?? [], baremeIds: (file.baremes ?? []).map(\.value),
                                 personas: file.personas, profiles: (file.profils ?? []).map(\.value), amountLabel: file.resultats.montant_libelle ?? "Montant estimé", projects: (file.projets ?? []).map(\.value),
                                 nextSteps: file.suite ?? [], derived: derived, defaults: defaults)
        compiled.needsCommune = !derived.isEmpty || questions.contains { $0.type == .commune } || index.aids[aidId]?.data.territoire.value != "france"
        return compiled
    }

    /// Parses and type-checks one rule; errors at the rule's position, each failed rule reported once.
    private mutating func parseRule(_ text: Positioned<String>, expecting: RuleType?, what: String, _ st: inout SimulatorCompilation) -> Expr? {
        do {
            let e = try RuleParser.parse(text.value)
            let t = try TypeChecker(names: st.names, baremes: st.shapes).check(e)
            if let expecting, t != expecting {
                error(st.path, text.line, text.column, "\(what) doit être \(expecting.withArticle), cette règle donne \(t.withArticle)", code: "rules.type")
                st.ok = false
                return nil
            }
            return e
        } catch {
            // A rule that failed is already reported: its later uses are not.
            var unknown: String?
            if case .unknownName(let name) = error.kind { unknown = name }
            if unknown.map(st.failedRules.contains) != true {
                var message = error.message
                if unknown == "oui" || unknown == "non" { message += " ; dans les règles, oui et non s'écrivent vrai et faux" }
                self.error(st.path, text.line, text.column + error.offset, message, code: error.code)
            }
            st.ok = false
            return nil
        }
    }

    /// Every barème a simulator names exists, and one of its versions is in force (unless the aid has ended).
    private mutating func checkSimulatorBaremes(_ aidId: String, _ file: SimulatorFile, _ st: inout SimulatorCompilation) {
        for b in file.baremes ?? [] {
            if index.baremes[b.value] == nil, index.baremeFamilies[b.value] == nil {
                error(st.path, b.line, b.column, "barème inconnu « \(b.value) »" + String.didYouMean(b.value, among: Array(Set(index.baremes.keys).union(index.baremeFamilies.keys)).sorted()), code: "ref.unknown-bareme")
                st.ok = false
            } else if index.baremes[b.value] == nil, index.baremeInForce[b.value] == nil, index.aids[aidId]?.data.statut != .terminee {
                let versions = (index.baremeFamilies[b.value] ?? []).compactMap { index.baremes[$0] }
                let known = versions.map { "\($0.id) (\($0.data.valide_du) – \($0.data.valide_au.map(\.description) ?? "…"))" }.joined(separator: ", ")
                error(st.path, b.line, b.column, "aucune version du barème « \(b.value) » n'est en vigueur à la date de publication, le \(French.date(buildDate)) (versions : \(known)) : ajoutez la version en vigueur, ou désignez-en une par son identifiant", code: "bareme.none-in-force")
                st.ok = false
            }
        }
    }

    /// The questions, checked (identifiers, options, bounds), with the names they give the rules.
    private mutating func compileQuestions(_ aidId: String, _ file: SimulatorFile, _ st: inout SimulatorCompilation) -> [CompiledSimulator.Question] {
        var questions: [CompiledSimulator.Question] = []
        for q in file.questions {
            let qid = q.id.value
            guard qid.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }), !qid.isEmpty else {
                error(st.path, q.id.line, q.id.column, "l'identifiant de question « \(qid) » ne doit contenir que des minuscules, des chiffres et « _ »", code: "rules.bad-id")
                st.ok = false
                continue
            }
            if st.names[qid] != nil { error(st.path, q.id.line, q.id.column, "« \(qid) » est défini deux fois", code: "rules.duplicate"); st.ok = false }
            if q.type == .choix, (q.options ?? []).isEmpty {
                error(st.path, q.id.line, q.id.column, "une question « choix » a besoin d'« options »", code: "rules.missing-options"); st.ok = false
            }
            checkBounds(q, &st)
            var options = q.options ?? []
            if q.type == .commune {
                let territory = index.aids[aidId]!.data.territoire.value
                options = index.communes(under: territory).compactMap { index.communes[$0] }.sorted { ($0.sortKey, $0.code) < ($1.sortKey, $1.code) }.map { .init(valeur: $0.code, libelle: $0.displayName) }
            }
            questions.append(.init(id: qid, type: q.type, label: q.libelle, help: q.aide, min: q.min, max: q.max, options: options, condition: nil))
            switch q.type {
            case .ouiNon: st.names[qid] = .bool
            case .choix, .commune: st.names[qid] = .text
            case .entier, .euros: st.names[qid] = .number
            }
        }
        return questions
    }

    /// A question's `min` and `max`: within the rules' limit, and in order.
    private mutating func checkBounds(_ q: SimulatorFile.Question, _ st: inout SimulatorCompilation) {
        let qid = q.id.value
        for (name, bound) in [("min", q.min), ("max", q.max)] {
            if let bound, !RuleNumber.isAllowed(bound) {
                error(st.path, q.id.line, q.id.column, "question « \(qid) » : « \(name) » dépasse la limite des règles (\(RuleNumber.limitText) en valeur absolue)", code: "rules.number-out-of-range")
                st.ok = false
            }
        }
        if let lo = q.min, let hi = q.max, lo > hi {
            error(st.path, q.id.line, q.id.column, "question « \(qid) » : « min » (\(RuleValue.number(lo))) est plus grand que « max » (\(RuleValue.number(hi)))", code: "rules.bad-bounds")
            st.ok = false
        }
    }

    /// `profils` and `projets` name known situations of the questionnaire.
    private mutating func checkProfilesAndProjects(_ file: SimulatorFile, _ st: inout SimulatorCompilation) {
        for p in file.profils ?? [] where !Self.profiles.contains(p.value) {
            error(st.path, p.line, p.column, "profils : « \(p.value) » est inconnu (connus : \(Self.profiles.joined(separator: ", ")))", code: "rules.bad-profile"); st.ok = false
        }
        for p in file.projets ?? [] where !Self.projects.contains(p.value) {
            error(st.path, p.line, p.column, "projets : « \(p.value) » est inconnu (connus : \(Self.projects.joined(separator: ", ")))", code: "rules.bad-project"); st.ok = false
        }
    }

    /// Questions answered from the commune (`derivee_de: commune`), their defaults, and every question's `si`.
    private mutating func compileDerivedQuestions(_ file: SimulatorFile, _ questions: inout [CompiledSimulator.Question],
                                                  _ st: inout SimulatorCompilation) -> (Set<String>, [String: RuleValue]) {
        var derived: Set<String> = []
        var defaults: [String: RuleValue] = [:]
        for (i, q) in file.questions.enumerated() where i < questions.count {
            if let d = q.derivee_de {
                if d != "commune" {
                    error(st.path, q.id.line, q.id.column, "derivee_de : « \(d) » est inconnu (connu : commune)", code: "rules.bad-derived"); st.ok = false
                } else if !CompiledSimulator.communeFacts.contains(q.id.value) {
                    error(st.path, q.id.line, q.id.column, "« \(q.id.value) » ne peut pas être déduite de la commune : la commune donne \(CompiledSimulator.communeFacts.joined(separator: ", ")) (zone : zone_a, zone_b1, zone_b2 ou zone_c)", code: "rules.bad-derived"); st.ok = false
                }
                derived.insert(q.id.value)
            }
            if let d = q.defaut {
                if q.derivee_de == nil {
                    error(st.path, q.id.line, q.id.column, "« defaut » ne sert qu'à une question déduite (derivee_de)", code: "rules.bad-default"); st.ok = false
                } else if let v = SimulatorAnswers.parse(d, for: questions[i]) {
                    defaults[q.id.value] = v
                } else {
                    error(st.path, q.id.line, q.id.column, "defaut : « \(d) » n'est pas une réponse valable à « \(q.id.value) »", code: "rules.bad-default"); st.ok = false
                }
            }
            if let si = q.si { questions[i].condition = parseRule(si, expecting: .bool, what: "'si'", &st) }
        }
        return (derived, defaults)
    }

    /// Runs a persona; a mismatch with its expected result is a build error at the persona.
    private mutating func checkPersona(_ p: SimulatorFile.Persona, _ sim: CompiledSimulator, evaluator: Evaluator, path: String) {
        guard case .mapping(let entries, _, _) = p.reponses else {
            error(path, p.nom.line, p.nom.column, "exemple « \(p.nom.value) » : « reponses » doit être un ensemble de lignes « question: réponse »", code: "persona.invalid")
            return
        }
        var answers: [String: RuleValue] = [:]
        // A persona with an answer already reported is not run: its result would only repeat it.
        var rejected = false
        var commune: Commune?
        for e in entries {
            // `commune: "62119"` gives the answers derived from the commune (zone, Île-de-France…).
            if e.key == "commune", !sim.questions.contains(where: { $0.id == "commune" }) {
                if case .scalar(let text, _, _) = e.value, let c = index.communes[text] {
                    commune = c
                } else {
                    var given = e.value.kindName
                    if case .scalar(let t, _, _) = e.value { given = "« \(t) »" }
                    error(path, e.value.position.line, e.value.position.column,
                          "exemple « \(p.nom.value) » : commune \(given) inconnue : donnez son code INSEE (5 caractères, par exemple 62119 pour Béthune)",
                          code: "persona.unknown-commune")
                    rejected = true
                }
                continue
            }
            guard let q = sim.questions.first(where: { $0.id == e.key }) else {
                error(path, e.keyPosition.line, e.keyPosition.column, "exemple « \(p.nom.value) » : aucune question « \(e.key) »" + String.didYouMean(e.key, among: sim.questions.map(\.id)), code: "persona.unknown-question")
                continue
            }
            if case .scalar(let text, _, _) = e.value, q.type == .entier || q.type == .euros,
               let v = FrenchNumber.parse(text), !RuleNumber.isAllowed(v) {
                error(path, e.value.position.line, e.value.position.column,
                      "exemple « \(p.nom.value) » : la réponse « \(text) » à « \(e.key) » dépasse la limite des règles (\(RuleNumber.limitText) en valeur absolue)",
                      code: "persona.number-out-of-range")
                rejected = true
                continue
            }
            guard case .scalar(let text, _, _) = e.value, let v = SimulatorAnswers.parse(text, for: q) else {
                let given: String
                if case .scalar(let t, _, _) = e.value { given = "« \(t) »" } else { given = e.value.kindName }
                var expected = ""
                switch q.type {
                case .choix, .commune: expected = " (attendu l'une de : " + q.options.prefix(8).map(\.valeur).joined(separator: ", ") + (q.options.count > 8 ? ", …" : "") + ")"
                case .ouiNon: expected = " (attendu oui ou non)"
                case .entier, .euros: expected = " (attendu un nombre" + (q.min.map { " ≥ \(RuleValue.number($0))" } ?? "") + (q.max.map { " ≤ \(RuleValue.number($0))" } ?? "") + ")"
                }
                error(path, e.value.position.line, e.value.position.column, "exemple « \(p.nom.value) » : \(given) n'est pas une réponse valable à « \(e.key) »\(expected)", code: "persona.bad-answer")
                rejected = true
                continue
            }
            answers[q.id] = v
            if q.type == .commune, case .text(let code) = v { commune = index.communes[code] }
        }
        if let commune {
            for (k, v) in sim.answers(from: commune).sorted(by: { $0.key < $1.key }) {
                if let given = answers[k], given != v {
                    let pos = entries.first { $0.key == k }.map { ($0.value.position.line, $0.value.position.column) } ?? (p.nom.line, p.nom.column)
                    error(path, pos.0, pos.1, "exemple « \(p.nom.value) » : « \(k) » vaut \(given) mais la commune \(commune.displayName) (\(commune.code)) donne \(v)", code: "persona.commune-mismatch")
                    rejected = true
                }
                answers[k] = v
            }
        }
        if rejected { return }
        let r = sim.run(answers, evaluator: evaluator)
        var problems: [String] = []
        if r.eligible != .bool(p.attendu.eligible) { problems.append("eligible : attendu \(p.attendu.eligible ? "vrai" : "faux"), obtenu \(r.eligible)") }
        if let m = p.attendu.montant {
            if case .number(let got) = r.amount, m.isFinite, abs(got - m) < 0.005 {} else { problems.append("montant : attendu \(RuleValue.number(m)), obtenu \(r.amount)") }
        }
        if let c = p.attendu.categorie, r.category != .text(c) { problems.append("categorie : attendu « \(c) », obtenu « \(r.category) »") }
        if !problems.isEmpty {
            let unanswered = sim.questions.filter { answers[$0.id] == nil }.map(\.id)
            let hint = r.eligible == .unknown && !unanswered.isEmpty ? " (sans réponse : " + unanswered.joined(separator: ", ") + ")" : ""
            error(path, p.nom.line, p.nom.column, "l'exemple « \(p.nom.value) » échoue : " + problems.joined(separator: " ; ") + hint, code: "persona.failed")
        }
    }
}

/// Reading answers typed by a resident (or a persona).
public enum SimulatorAnswers {
    public static func parse(_ text: String, for q: CompiledSimulator.Question) -> RuleValue? {
        switch q.type {
        case .ouiNon:
            switch text.lowercased() {
            case "oui", "true", "vrai": return .bool(true)
            case "non", "false", "faux": return .bool(false)
            default: return nil
            }
        case .entier, .euros:
            // The same checks, in the same order, as `lireReponse` in simulateur.js.
            guard let v = FrenchNumber.parse(text), RuleNumber.isAllowed(v) else { return nil }
            if q.type == .entier, v.rounded() != v { return nil }
            if let lo = q.min, v < lo { return nil }
            if let hi = q.max, v > hi { return nil }
            return RuleNumber.checked(v)
        case .choix, .commune:
            return q.options.contains { $0.valeur == text } ? .text(text) : nil
        }
    }
}
