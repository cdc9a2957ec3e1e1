import HabitatCore
/// The types of rule values.
public enum RuleType: String, Sendable, Hashable, CustomStringConvertible {
    case number = "nombre"
    case text = "texte"
    case bool = "booléen"
    case numberList = "liste de nombres"
    case textList = "liste de textes"

    public var description: String { rawValue }

    /// With its article, for messages: `un nombre`, `une liste de textes`.
    public var withArticle: String {
        switch self {
        case .number, .text: return "un " + rawValue
        case .bool: return "un booléen (vrai ou faux)"
        case .numberList, .textList: return "une " + rawValue
        }
    }
}

/// A barème a rule can read: its columns and the number of persons it covers.
public struct BaremeShape: Sendable, Hashable {
    public var columns: Set<String>
    public init(columns: Set<String>) { self.columns = columns }
}

/// Checks an expression against the names in scope and the barèmes; returns its type.
public struct TypeChecker: Sendable {
    public var names: [String: RuleType]
    public var baremes: [String: BaremeShape]

    public init(names: [String: RuleType], baremes: [String: BaremeShape]) {
        self.names = names
        self.baremes = baremes
    }

    public func check(_ e: Expr) throws(RuleError) -> RuleType {
        switch e {
        case .number: return .number
        case .text: return .text
        case .bool: return .bool
        case .variable(let name, let at):
            guard let t = names[name] else {
                var known = Array(names.keys).sorted()
                known.removeAll { $0.hasPrefix("_") }
                throw RuleError(.unknownName(name), "nom inconnu « \(name) »" + String.didYouMean(name, among: known), at: at)
            }
            return t
        case .list(let items, let at):
            guard let first = items.first else { throw RuleError(.type, "une liste vide [] ne sert à rien dans une règle", at: at) }
            let t = try check(first)
            for item in items.dropFirst() where try check(item) != t {
                throw RuleError(.type, "une liste mélange \(t.withArticle) et \(try check(item).withArticle)", at: item.offset)
            }
            switch t {
            case .number: return .numberList
            case .text: return .textList
            default: throw RuleError(.type, "une liste contient des nombres ou des textes, pas \(t.withArticle)", at: at)
            }
        case .unary(let op, let x, let at):
            let t = try check(x)
            if op == "non" { try expect(t, .bool, "« non »", at: at); return .bool }
            try expect(t, .number, "« - »", at: at)
            return .number
        case .percent(let x, let at):
            try expect(try check(x), .number, "« % »", at: at)
            return .number
        case .binary(let op, let a, let b, let at):
            return try checkBinary(op, a, b, at: at)
        case .conditional(let c, let a, let b, let at):
            try expect(try check(c), .bool, "la condition de « si »", at: c.offset)
            let ta = try check(a), tb = try check(b)
            guard ta == tb else { throw RuleError(.type, "« alors » donne \(ta.withArticle) mais « sinon » donne \(tb.withArticle)", at: at) }
            return ta
        case .call(let name, let args, let at):
            return try checkCall(name, args, at: at)
        }
    }

    /// An operator between two values: numbers, comparisons, logic, membership.
    private func checkBinary(_ op: String, _ a: Expr, _ b: Expr, at: Int) throws(RuleError) -> RuleType {
        let ta = try check(a), tb = try check(b)
        switch op {
        case "+", "-", "*", "/":
            try expect(ta, .number, "« \(op) »", at: a.offset)
            try expect(tb, .number, "« \(op) »", at: b.offset)
            return .number
        case "<", "<=", ">", ">=":
            try expect(ta, .number, "« \(op) »", at: a.offset)
            try expect(tb, .number, "« \(op) »", at: b.offset)
            return .bool
        case "=", "!=":
            guard ta == tb else { throw RuleError(.type, "« \(op) » compare \(ta.withArticle) à \(tb.withArticle)", at: at) }
            return .bool
        case "et", "ou":
            try expect(ta, .bool, "« \(op) »", at: a.offset)
            try expect(tb, .bool, "« \(op) »", at: b.offset)
            return .bool
        case "dans":
            let ok = (ta == .text && tb == .textList) || (ta == .number && tb == .numberList)
            guard ok else { throw RuleError(.type, "« dans » demande une valeur et une liste de même sorte, trouvé \(ta.withArticle) et \(tb.withArticle)", at: at) }
            return .bool
        default:
            throw RuleError(.syntax, "opérateur inconnu « \(op) »", at: at)
        }
    }

    /// A function call: min, max, arrondi, bareme.
    private func checkCall(_ name: String, _ args: [Expr], at: Int) throws(RuleError) -> RuleType {
        switch name {
        case "min", "max":
            guard args.count >= 2 else { throw RuleError(.arguments, "\(name)() demande au moins deux valeurs", at: at) }
            for a in args { try expect(try check(a), .number, "\(name)()", at: a.offset) }
            return .number
        case "arrondi":
            guard args.count == 1 else { throw RuleError(.arguments, "arrondi() prend une seule valeur", at: at) }
            try expect(try check(args[0]), .number, "arrondi()", at: args[0].offset)
            return .number
        case "bareme":
            guard args.count == 3 else { throw RuleError(.arguments, "bareme() prend trois valeurs : bareme('id', 'colonne', personnes)", at: at) }
            guard case .text(let id, let idAt) = args[0] else { throw RuleError(.arguments, "l'identifiant du barème s'écrit comme un texte : bareme('anah-2025', …)", at: args[0].offset) }
            guard case .text(let column, let colAt) = args[1] else { throw RuleError(.arguments, "la colonne s'écrit comme un texte : bareme(…, 'tres_modeste', …)", at: args[1].offset) }
            guard let shape = baremes[id] else { throw RuleError(.unknownBareme, "barème inconnu « \(id) »" + String.didYouMean(id, among: baremes.keys.sorted()), at: idAt) }
            guard shape.columns.contains(column) else { throw RuleError(.unknownColumn, "le barème « \(id) » n'a pas de colonne « \(column) »" + String.didYouMean(column, among: shape.columns.sorted()), at: colAt) }
            try expect(try check(args[2]), .number, "bareme()", at: args[2].offset)
            return .number
        default:
            throw RuleError(.unknownFunction, "fonction inconnue « \(name) » (fonctions connues : min, max, arrondi, bareme)", at: at)
        }
    }

    private func expect(_ got: RuleType, _ wanted: RuleType, _ what: String, at: Int) throws(RuleError) {
        guard got == wanted else { throw RuleError(.type, "\(what) demande \(wanted.withArticle), trouvé \(got.withArticle)", at: at) }
    }
}
