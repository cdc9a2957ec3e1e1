import HabitatCore

extension Expr {
    /// The expression as JSON for the page's generic evaluator script (`simulateur.js`).
    public var json: JSONValue {
        switch self {
        case .number(let v, _): return .object([("n", .number(v))])
        case .text(let s, _): return .object([("s", .string(s))])
        case .bool(let b, _): return .object([("bool", .bool(b))])
        case .variable(let name, _): return .object([("v", .string(name))])
        case .list(let xs, _): return .object([("l", .array(xs.map(\.json)))])
        case .call(let f, let args, _): return .object([("f", .string(f)), ("a", .array(args.map(\.json)))])
        case .unary(let op, let x, _): return .object([("u", .string(op)), ("x", x.json)])
        case .binary(let op, let a, let b, _): return .object([("o", .string(op)), ("a", a.json), ("b", b.json)])
        case .percent(let x, _): return .object([("p", x.json)])
        case .conditional(let c, let a, let b, _): return .object([("si", c.json), ("alors", a.json), ("sinon", b.json)])
        }
    }
}
