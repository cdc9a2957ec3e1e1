/// A rule value; `unknown` while a question it depends on is unanswered.
public enum RuleValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double), text(String), bool(Bool), list([RuleValue]), unknown

    public var description: String {
        switch self {
        case .number(let d): return d.rounded() == d && abs(d) <= RuleNumber.limit ? String(Int64(d)) : String(d)
        case .text(let s): return s
        case .bool(let b): return b ? "vrai" : "faux"
        case .list(let xs): return "[" + xs.map(\.description).joined(separator: ", ") + "]"
        case .unknown: return "?"
        }
    }
}

/// The one numeric semantics of the rule language, shared by the Swift evaluator and
/// `simulateur.js` (its `nombre()` does exactly this):
/// - every number is an IEEE 754 double, and every operation is the double operation, which both
///   languages round the same way;
/// - a literal, an answer, a question bound or a barème value beyond ±`limit` is refused before
///   any evaluation, with an error at its position;
/// - a computed value that is not finite or beyond ±`limit` is *unknown*, never a wrong number;
/// - zero is always +0 (so −0 can never be told apart, not even when formatted);
/// - a count of persons (`bareme()`'s third value) that is not a whole number ≥ 1 gives unknown.
public enum RuleNumber {
    /// 10^15, one million billions: every whole number up to it is exact in a double.
    public static let limit: Double = 1e15

    /// Whether a number may enter a rule (literal, answer, bound, barème value).
    public static func isAllowed(_ d: Double) -> Bool { d.isFinite && abs(d) <= limit }

    /// A computed number, or unknown when it is out of range.
    public static func checked(_ d: Double) -> RuleValue {
        guard isAllowed(d) else { return .unknown }
        return .number(d == 0 ? 0 : d)
    }

    /// "1 000 000 000 000 000", for messages.
    public static let limitText = "1 000 000 000 000 000"
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
    public func lookup(_ column: String, persons: Double) -> Double? {
        guard persons >= 1, persons.rounded() == persons, RuleNumber.isAllowed(persons), let last = rows.last?[column] else { return nil }
        if persons <= Double(rows.count) { return rows[Int(persons) - 1][column] }
        guard let inc = increment?[column] else { return last }
        return last + (persons - Double(rows.count)) * inc
    }
}

extension RuleValue {
    /// Equality as `simulateur.js` sees it: texts are equal when their Unicode scalars are
    /// (JavaScript compares code units; Swift's `==` would also equate canonically equivalent
    /// texts such as a precomposed and a decomposed "é").
    public func same(as other: RuleValue) -> Bool {
        switch (self, other) {
        case (.text(let a), .text(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.same(as: $1) }
        default: return self == other
        }
    }
}

/// Evaluates checked expressions with three-valued logic: unknown answers propagate, but
/// `faux et ?` is `faux` and `vrai ou ?` is `vrai`, so a result can be known early.
public struct Evaluator: Sendable {
    public var baremes: [String: BaremeTable]

    public init(baremes: [String: BaremeTable]) { self.baremes = baremes }

    public func evaluate(_ e: Expr, _ env: [String: RuleValue]) -> RuleValue {
        switch e {
        case .number(let v, _): return RuleNumber.checked(v)
        case .text(let s, _): return .text(s)
        case .bool(let b, _): return .bool(b)
        case .variable(let n, _): return env[n] ?? .unknown
        case .list(let xs, _):
            let vs = xs.map { evaluate($0, env) }
            return vs.contains(.unknown) ? .unknown : .list(vs)
        case .percent(let x, _):
            if case .number(let v) = evaluate(x, env) { return RuleNumber.checked(v / 100) }
            return .unknown
        case .unary(let op, let x, _):
            switch (op, evaluate(x, env)) {
            case ("non", .bool(let b)): return .bool(!b)
            case ("-", .number(let v)): return RuleNumber.checked(-v)
            default: return .unknown
            }
        case .conditional(let c, let a, let b, _):
            switch evaluate(c, env) {
            case .bool(true): return evaluate(a, env)
            case .bool(false): return evaluate(b, env)
            default:
                let va = evaluate(a, env), vb = evaluate(b, env)
                return va.same(as: vb) ? va : .unknown
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
            case ("+", .number(let x), .number(let y)): return RuleNumber.checked(x + y)
            case ("-", .number(let x), .number(let y)): return RuleNumber.checked(x - y)
            case ("*", .number(let x), .number(let y)): return RuleNumber.checked(x * y)
            case ("/", .number(let x), .number(let y)): return y == 0 ? .unknown : RuleNumber.checked(x / y)
            case ("<", .number(let x), .number(let y)): return .bool(x < y)
            case ("<=", .number(let x), .number(let y)): return .bool(x <= y)
            case (">", .number(let x), .number(let y)): return .bool(x > y)
            case (">=", .number(let x), .number(let y)): return .bool(x >= y)
            case ("=", let x, let y): return .bool(x.same(as: y))
            case ("!=", let x, let y): return .bool(!x.same(as: y))
            case ("dans", let x, .list(let ys)): return .bool(ys.contains { x.same(as: $0) })
            default: return .unknown
            }
        case .call(let name, let args, _):
            let vs = args.map { evaluate($0, env) }
            if vs.contains(.unknown) { return .unknown }
            let nums = vs.compactMap { v -> Double? in if case .number(let d) = v { return d }; return nil }
            switch name {
            case "min": return nums.count == vs.count ? nums.min().map(RuleNumber.checked) ?? .unknown : .unknown
            case "max": return nums.count == vs.count ? nums.max().map(RuleNumber.checked) ?? .unknown : .unknown
            case "arrondi": return nums.count == 1 && vs.count == 1 ? RuleNumber.checked(nums[0].rounded()) : .unknown
            case "bareme":
                guard vs.count == 3, case .text(let id) = vs[0], case .text(let column) = vs[1], case .number(let p) = vs[2],
                      let table = baremes[id], let v = table.lookup(column, persons: p) else { return .unknown }
                return RuleNumber.checked(v)
            default: return .unknown
            }
        }
    }
}
