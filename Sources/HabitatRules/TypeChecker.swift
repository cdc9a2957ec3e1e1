/// The types of rule values.
public enum RuleType: String, Sendable, Hashable, CustomStringConvertible {
    case number = "nombre"
    case text = "texte"
    case bool = "booléen"
    case numberList = "liste de nombres"
    case textList = "liste de textes"

    public var description: String { rawValue }
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
                throw RuleError("unknown name '\(name)'" + Self.hint(name, known), at: at)
            }
            return t
        case .list(let items, let at):
            guard let first = items.first else { throw RuleError("an empty list [] has no use in a rule", at: at) }
            let t = try check(first)
            for item in items.dropFirst() where try check(item) != t {
                throw RuleError("a list mixes \(t) and \(try check(item))", at: item.offset)
            }
            switch t {
            case .number: return .numberList
            case .text: return .textList
            default: throw RuleError("a list can hold numbers or texts, not \(t)", at: at)
            }
        case .unary(let op, let x, let at):
            let t = try check(x)
            if op == "non" { try expect(t, .bool, "'non'", at: at); return .bool }
            try expect(t, .number, "'-'", at: at)
            return .number
        case .percent(let x, let at):
            try expect(try check(x), .number, "'%'", at: at)
            return .number
        case .binary(let op, let a, let b, let at):
            let ta = try check(a), tb = try check(b)
            switch op {
            case "+", "-", "*", "/":
                try expect(ta, .number, "'\(op)'", at: a.offset)
                try expect(tb, .number, "'\(op)'", at: b.offset)
                return .number
            case "<", "<=", ">", ">=":
                try expect(ta, .number, "'\(op)'", at: a.offset)
                try expect(tb, .number, "'\(op)'", at: b.offset)
                return .bool
            case "=", "!=":
                guard ta == tb else { throw RuleError("'\(op)' compares \(ta) with \(tb)", at: at) }
                return .bool
            case "et", "ou":
                try expect(ta, .bool, "'\(op)'", at: a.offset)
                try expect(tb, .bool, "'\(op)'", at: b.offset)
                return .bool
            case "dans":
                let ok = (ta == .text && tb == .textList) || (ta == .number && tb == .numberList)
                guard ok else { throw RuleError("'dans' needs a value and a list of the same kind, found \(ta) and \(tb)", at: at) }
                return .bool
            default:
                throw RuleError("unknown operator '\(op)'", at: at)
            }
        case .conditional(let c, let a, let b, let at):
            try expect(try check(c), .bool, "the condition of 'si'", at: c.offset)
            let ta = try check(a), tb = try check(b)
            guard ta == tb else { throw RuleError("'alors' gives \(ta) but 'sinon' gives \(tb)", at: at) }
            return ta
        case .call(let name, let args, let at):
            switch name {
            case "min", "max":
                guard args.count >= 2 else { throw RuleError("\(name)() needs at least two values", at: at) }
                for a in args { try expect(try check(a), .number, "\(name)()", at: a.offset) }
                return .number
            case "arrondi":
                guard args.count == 1 else { throw RuleError("arrondi() takes one value", at: at) }
                try expect(try check(args[0]), .number, "arrondi()", at: args[0].offset)
                return .number
            case "bareme":
                guard args.count == 3 else { throw RuleError("bareme() takes three values: bareme('id', 'colonne', personnes)", at: at) }
                guard case .text(let id, let idAt) = args[0] else { throw RuleError("the barème id must be written as text: bareme('anah-2025', …)", at: args[0].offset) }
                guard case .text(let column, let colAt) = args[1] else { throw RuleError("the column must be written as text: bareme(…, 'tres_modeste', …)", at: args[1].offset) }
                guard let shape = baremes[id] else { throw RuleError("unknown barème '\(id)'" + Self.hint(id, baremes.keys.sorted()), at: idAt) }
                guard shape.columns.contains(column) else { throw RuleError("barème '\(id)' has no column '\(column)'" + Self.hint(column, shape.columns.sorted()), at: colAt) }
                try expect(try check(args[2]), .number, "bareme()", at: args[2].offset)
                return .number
            default:
                throw RuleError("unknown function '\(name)' (known: min, max, arrondi, bareme)", at: at)
            }
        }
    }

    private func expect(_ got: RuleType, _ wanted: RuleType, _ what: String, at: Int) throws(RuleError) {
        guard got == wanted else { throw RuleError("\(what) needs a \(wanted), found a \(got)", at: at) }
    }

    static func hint(_ name: String, _ known: [String]) -> String {
        var best: (String, Int)?
        for k in known {
            let d = distance(name, k)
            if d <= max(2, name.count / 3), d < name.count, best == nil || d < best!.1 { best = (k, d) }
        }
        return best.map { " (did you mean '\($0.0)'?)" } ?? ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var prev = Array(0...b.count), cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count { cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)) }
            prev = cur
        }
        return prev[b.count]
    }
}
