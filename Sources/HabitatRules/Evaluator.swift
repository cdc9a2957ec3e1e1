/// A rule value; `unknown` while a question it depends on is unanswered.
public enum RuleValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double), text(String), bool(Bool), list([RuleValue]), unknown

    public var description: String {
        switch self {
        case .number(let d): return d.rounded() == d ? String(Int64(d)) : String(d)
        case .text(let s): return s
        case .bool(let b): return b ? "vrai" : "faux"
        case .list(let xs): return "[" + xs.map(\.description).joined(separator: ", ") + "]"
        case .unknown: return "?"
        }
    }
}

/// A barème table: a value per column for 1…n persons, plus an increment per extra person.
public struct BaremeTable: Sendable, Hashable {
    public var rows: [[String: Double]]
    public var increment: [String: Double]?

    public init(rows: [[String: Double]], increment: [String: Double]?) {
        self.rows = rows
        self.increment = increment
    }

    /// The value for `persons`; beyond the last row, the last row plus the increment per extra
    /// person (or the last row itself when the barème has no increment, like "8 et plus").
    public func lookup(_ column: String, persons: Int) -> Double? {
        guard persons >= 1, let last = rows.last?[column] else { return nil }
        if persons <= rows.count { return rows[persons - 1][column] }
        guard let inc = increment?[column] else { return last }
        return last + Double(persons - rows.count) * inc
    }
}

/// Evaluates checked expressions with three-valued logic: unknown answers propagate, but
/// `faux et ?` is `faux` and `vrai ou ?` is `vrai`, so a result can be known early.
public struct Evaluator: Sendable {
    public var baremes: [String: BaremeTable]

    public init(baremes: [String: BaremeTable]) { self.baremes = baremes }

    public func evaluate(_ e: Expr, _ env: [String: RuleValue]) -> RuleValue {
        switch e {
        case .number(let v, _): return .number(v)
        case .text(let s, _): return .text(s)
        case .bool(let b, _): return .bool(b)
        case .variable(let n, _): return env[n] ?? .unknown
        case .list(let xs, _):
            let vs = xs.map { evaluate($0, env) }
            return vs.contains(.unknown) ? .unknown : .list(vs)
        case .percent(let x, _):
            if case .number(let v) = evaluate(x, env) { return .number(v / 100) }
            return .unknown
        case .unary(let op, let x, _):
            switch (op, evaluate(x, env)) {
            case ("non", .bool(let b)): return .bool(!b)
            case ("-", .number(let v)): return .number(-v)
            default: return .unknown
            }
        case .conditional(let c, let a, let b, _):
            switch evaluate(c, env) {
            case .bool(true): return evaluate(a, env)
            case .bool(false): return evaluate(b, env)
            default:
                let va = evaluate(a, env), vb = evaluate(b, env)
                return va == vb ? va : .unknown
            }
        case .binary(let op, let a, let b, _):
            let va = evaluate(a, env)
            if op == "et", va == .bool(false) { return .bool(false) }
            if op == "ou", va == .bool(true) { return .bool(true) }
            let vb = evaluate(b, env)
            switch (op, va, vb) {
            case ("et", _, .bool(false)): return .bool(false)
            case ("ou", _, .bool(true)): return .bool(true)
            case ("et", .bool(true), .bool(true)): return .bool(true)
            case ("ou", .bool(false), .bool(false)): return .bool(false)
            case (_, .unknown, _), (_, _, .unknown): return .unknown
            case ("+", .number(let x), .number(let y)): return .number(x + y)
            case ("-", .number(let x), .number(let y)): return .number(x - y)
            case ("*", .number(let x), .number(let y)): return .number(x * y)
            case ("/", .number(let x), .number(let y)): return y == 0 ? .unknown : .number(x / y)
            case ("<", .number(let x), .number(let y)): return .bool(x < y)
            case ("<=", .number(let x), .number(let y)): return .bool(x <= y)
            case (">", .number(let x), .number(let y)): return .bool(x > y)
            case (">=", .number(let x), .number(let y)): return .bool(x >= y)
            case ("=", let x, let y): return .bool(x == y)
            case ("!=", let x, let y): return .bool(x != y)
            case ("dans", let x, .list(let ys)): return .bool(ys.contains(x))
            default: return .unknown
            }
        case .call(let name, let args, _):
            let vs = args.map { evaluate($0, env) }
            if vs.contains(.unknown) { return .unknown }
            let nums = vs.compactMap { v -> Double? in if case .number(let d) = v { return d }; return nil }
            switch name {
            case "min": return nums.min().map(RuleValue.number) ?? .unknown
            case "max": return nums.max().map(RuleValue.number) ?? .unknown
            case "arrondi": return nums.first.map { .number($0.rounded()) } ?? .unknown
            case "bareme":
                guard case .text(let id) = vs[0], case .text(let column) = vs[1], case .number(let p) = vs[2],
                      let table = baremes[id], let v = table.lookup(column, persons: Int(p)) else { return .unknown }
                return .number(v)
            default: return .unknown
            }
        }
    }
}
