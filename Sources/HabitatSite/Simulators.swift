import HabitatContent
import HabitatCore
import HabitatRules

/// A barème ready for rules and pages.
public struct Bareme: Sendable {
    public var id: String
    public var data: BaremeFile
    public var table: BaremeTable
    public var path: String
}

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

    /// Runs the rules on answers; unanswered questions stay unknown.
    public func run(_ answers: [String: RuleValue], evaluator: Evaluator) -> SimulationResult {
        var env = answers
        for q in questions where env[q.id] == nil { env[q.id] = .unknown }
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
    mutating func resolveBaremes(_ items: [(String, YAMLValue, String)]) {
        for (id, value, path) in items {
            do {
                let data = try ContentDecoder(file: path).decode(BaremeFile.self, from: value)
                let columns = Set(data.colonnes.map(\.id))
                var rows: [[String: Double]] = []
                for (i, row) in data.lignes.enumerated() {
                    if let p = row["personnes"], Int(p) != i + 1 {
                        error(path, 1, 1, "lignes[\(i)]: 'personnes' should be \(i + 1) (rows go 1, 2, 3… persons)", code: "bareme.bad-row")
                    }
                    for c in columns where row[c] == nil {
                        error(path, 1, 1, "lignes[\(i)]: missing column '\(c)'", code: "bareme.missing-value")
                    }
                    rows.append(row)
                }
                if let r = data.remplace_par, !items.contains(where: { $0.0 == r }) {
                    error(path, 1, 1, "remplace_par: unknown barème '\(r)'" + String.didYouMean(r, among: items.map(\.0)), code: "ref.unknown-bareme")
                }
                if let v = data.valide_au, v < buildDate, data.remplace_par == nil {
                    warning(path, 1, 1, "barème '\(id)' was valid until \(v); the build date is \(buildDate): update it or mark its successor", code: "bareme.expired")
                }
                index.baremes[id] = Bareme(id: id, data: data, table: BaremeTable(rows: rows, increment: data.par_personne_supplementaire), path: path)
            } catch {
                diagnostics.append(error)
            }
        }
    }

    mutating func resolveSimulators(_ items: [String: (YAMLValue, String)]) {
        let evaluator = Evaluator(baremes: index.baremes.mapValues(\.table))
        let shapes = index.baremes.mapValues { BaremeShape(columns: Set($0.data.colonnes.map(\.id))) }
        for id in items.keys.sorted() {
            let (value, path) = items[id]!
            guard index.aids[id] != nil else {
                error(path, 1, 1, "rules for an unknown aid '\(id)': create aides/\(id).md", code: "ref.unknown-aid")
                continue
            }
            let file: SimulatorFile
            do { file = try ContentDecoder(file: path).decode(SimulatorFile.self, from: value) } catch { diagnostics.append(error); continue }
            if file.personas.isEmpty {
                error(path, 1, 1, "a simulator needs at least one persona (a worked example with its expected result and source): they are checked at every build", code: "persona.missing")
            }
            if let compiled = compile(id, file, path: path, shapes: shapes) {
                for p in compiled.personas { checkPersona(p, compiled, evaluator: evaluator, path: path) }
                index.simulators[id] = compiled
            }
        }
    }

    private mutating func compile(_ aidId: String, _ file: SimulatorFile, path: String, shapes: [String: BaremeShape]) -> CompiledSimulator? {
        var names: [String: RuleType] = [:]
        var failedRules: Set<String> = []
        var ok = true
        func parse(_ text: Positioned<String>, expecting: RuleType?, what: String) -> Expr? {
            do {
                let e = try RuleParser.parse(text.value)
                let t = try TypeChecker(names: names, baremes: shapes).check(e)
                if let expecting, t != expecting {
                    error(path, text.line, text.column, "\(what) must be a \(expecting), this rule gives a \(t)", code: "rules.type")
                    ok = false
                    return nil
                }
                return e
            } catch {
                // A rule that failed is already reported: its later uses are not.
                let cascade = failedRules.contains { error.message.hasPrefix("unknown name '\($0)'") }
                if !cascade {
                    var message = error.message
                    if message.hasPrefix("unknown name 'oui'") || message.hasPrefix("unknown name 'non'") { message += "; yes/no answers are written vrai or faux in rules" }
                    self.error(path, text.line, text.column + error.offset, message, code: "rules.invalid")
                }
                ok = false
                return nil
            }
        }
        for b in file.baremes ?? [] where index.baremes[b.value] == nil {
            error(path, b.line, b.column, "unknown barème '\(b.value)'" + String.didYouMean(b.value, among: index.baremes.keys.sorted()), code: "ref.unknown-bareme")
            ok = false
        }
        var questions: [CompiledSimulator.Question] = []
        for q in file.questions {
            let qid = q.id.value
            guard qid.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }), !qid.isEmpty else {
                error(path, q.id.line, q.id.column, "question id '\(qid)' must use lowercase letters, digits and '_'", code: "rules.bad-id")
                ok = false
                continue
            }
            if names[qid] != nil { error(path, q.id.line, q.id.column, "'\(qid)' is defined twice", code: "rules.duplicate"); ok = false }
            if q.type == .choix, (q.options ?? []).isEmpty {
                error(path, q.id.line, q.id.column, "a 'choix' question needs 'options'", code: "rules.missing-options"); ok = false
            }
            var options = q.options ?? []
            if q.type == .commune {
                let territory = index.aids[aidId]!.data.territoire.value
                options = index.communes(under: territory).compactMap { index.communes[$0] }.sorted { ($0.sortKey, $0.code) < ($1.sortKey, $1.code) }.map { .init(valeur: $0.code, libelle: $0.displayName) }
            }
            questions.append(.init(id: qid, type: q.type, label: q.libelle, help: q.aide, min: q.min, max: q.max, options: options, condition: nil))
            switch q.type {
            case .ouiNon: names[qid] = .bool
            case .choix, .commune: names[qid] = .text
            case .entier, .euros: names[qid] = .number
            }
        }
        for (i, q) in file.questions.enumerated() where i < questions.count {
            if let si = q.si { questions[i].condition = parse(si, expecting: .bool, what: "'si'") }
        }
        var rules: [(String, Expr)] = []
        for r in file.regles ?? [] {
            guard let e = parse(r.valeur, expecting: nil, what: "a rule") else { failedRules.insert(r.id.value); continue }
            if names[r.id.value] != nil { error(path, r.id.line, r.id.column, "'\(r.id.value)' is defined twice", code: "rules.duplicate"); ok = false }
            names[r.id.value] = (try? TypeChecker(names: names, baremes: shapes).check(e)) ?? .number
            rules.append((r.id.value, e))
        }
        let eligible = parse(file.resultats.eligible, expecting: .bool, what: "'eligible'")
        let amount = file.resultats.montant.flatMap { parse($0, expecting: .number, what: "'montant'") }
        let category = file.resultats.categorie.flatMap { parse($0, expecting: .text, what: "'categorie'") }
        var reasons: [(Expr, String)] = []
        for r in file.resultats.pourquoi ?? [] { if let e = parse(r.si, expecting: .bool, what: "'si'") { reasons.append((e, r.texte)) } }
        guard ok, let eligible else { return nil }
        return CompiledSimulator(aidId: aidId, questions: questions, rules: rules, eligible: eligible, amount: amount, category: category,
                                 reasons: reasons, limits: file.resultats.limites ?? [], baremeIds: (file.baremes ?? []).map(\.value),
                                 personas: file.personas)
    }

    /// Runs a persona; a mismatch with its expected result is a build error at the persona.
    private mutating func checkPersona(_ p: SimulatorFile.Persona, _ sim: CompiledSimulator, evaluator: Evaluator, path: String) {
        guard case .mapping(let entries, _, _) = p.reponses else {
            error(path, p.nom.line, p.nom.column, "persona '\(p.nom.value)': 'reponses' must be a mapping of question: answer", code: "persona.invalid")
            return
        }
        var answers: [String: RuleValue] = [:]
        for e in entries {
            guard let q = sim.questions.first(where: { $0.id == e.key }) else {
                error(path, e.keyPosition.line, e.keyPosition.column, "persona '\(p.nom.value)': no question '\(e.key)'" + String.didYouMean(e.key, among: sim.questions.map(\.id)), code: "persona.unknown-question")
                continue
            }
            guard case .scalar(let text, _, _) = e.value, let v = SimulatorAnswers.parse(text, for: q) else {
                let given: String
                if case .scalar(let t, _, _) = e.value { given = "'\(t)'" } else { given = e.value.kindName }
                var expected = ""
                switch q.type {
                case .choix, .commune: expected = " (expected one of: " + q.options.prefix(8).map(\.valeur).joined(separator: ", ") + (q.options.count > 8 ? ", …" : "") + ")"
                case .ouiNon: expected = " (expected oui or non)"
                case .entier, .euros: expected = " (expected a number" + (q.min.map { " ≥ \(RuleValue.number($0))" } ?? "") + (q.max.map { " ≤ \(RuleValue.number($0))" } ?? "") + ")"
                }
                error(path, e.value.position.line, e.value.position.column, "persona '\(p.nom.value)': \(given) is not a valid answer to '\(e.key)'\(expected)", code: "persona.bad-answer")
                continue
            }
            answers[q.id] = v
        }
        let r = sim.run(answers, evaluator: evaluator)
        var problems: [String] = []
        if r.eligible != .bool(p.attendu.eligible) { problems.append("eligible: expected \(p.attendu.eligible ? "vrai" : "faux"), got \(r.eligible)") }
        if let m = p.attendu.montant {
            if case .number(let got) = r.amount, abs(got - m) < 0.005 {} else { problems.append("montant: expected \(RuleValue.number(m)), got \(r.amount)") }
        }
        if let c = p.attendu.categorie, r.category != .text(c) { problems.append("categorie: expected '\(c)', got '\(r.category)'") }
        if !problems.isEmpty {
            let unanswered = sim.questions.filter { answers[$0.id] == nil }.map(\.id)
            let hint = r.eligible == .unknown && !unanswered.isEmpty ? " (unanswered: " + unanswered.joined(separator: ", ") + ")" : ""
            error(path, p.nom.line, p.nom.column, "persona '\(p.nom.value)' fails: " + problems.joined(separator: "; ") + hint, code: "persona.failed")
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
            guard let v = FrenchNumber.parse(text) else { return nil }
            if q.type == .entier, v.rounded() != v { return nil }
            if let lo = q.min, v < lo { return nil }
            if let hi = q.max, v > hi { return nil }
            return .number(v)
        case .choix, .commune:
            return q.options.contains { $0.valeur == text } ? .text(text) : nil
        }
    }
}
