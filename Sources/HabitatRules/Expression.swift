/// The simulator rule language: a small, safe expression language parsed, type-checked and
/// evaluated by Habitat itself (never `eval`). French keywords, as staff write them:
///
///     si revenu <= bareme('anah-2025', 'tres_modeste', personnes) alors 'très modeste' sinon 'modeste'
///     min(travaux, 50000) * 20 %
///     proprietaire et non (commune dans ['lens', 'lievin'])
public indirect enum Expr: Sendable, Hashable {
    case number(Double, at: Int)
    case text(String, at: Int)
    case bool(Bool, at: Int)
    case variable(String, at: Int)
    case list([Expr], at: Int)
    case call(String, [Expr], at: Int)
    case unary(String, Expr, at: Int)
    case binary(String, Expr, Expr, at: Int)
    case percent(Expr, at: Int)
    case conditional(Expr, Expr, Expr, at: Int)

    /// The character offset (0-based) where this expression starts in its source text.
    public var offset: Int {
        switch self {
        case .number(_, let o), .text(_, let o), .bool(_, let o), .variable(_, let o), .list(_, let o),
             .call(_, _, let o), .unary(_, _, let o), .binary(_, _, _, let o), .percent(_, let o), .conditional(_, _, _, let o):
            return o
        }
    }

    /// Every variable the expression reads.
    public var variables: Set<String> {
        switch self {
        case .number, .text, .bool: return []
        case .variable(let n, _): return [n]
        case .list(let xs, _), .call(_, let xs, _): return xs.reduce(into: Set()) { $0.formUnion($1.variables) }
        case .unary(_, let e, _), .percent(let e, _): return e.variables
        case .binary(_, let a, let b, _): return a.variables.union(b.variables)
        case .conditional(let c, let a, let b, _): return c.variables.union(a.variables).union(b.variables)
        }
    }
}

/// An error in a rule, at a character offset of its text.
public struct RuleError: Error, Sendable, Hashable {
    /// What went wrong, as a value: each kind has its own stable diagnostic code.
    public enum Kind: Sendable, Hashable {
        /// The text is not a rule (a missing word, an unexpected character).
        case syntax
        /// A name no question, variable or rule defines; carried so later uses of a failed rule are not reported again.
        case unknownName(String)
        /// Values of the wrong sort for an operator or function.
        case type
        /// A function called with the wrong number of values, or a barème argument not written as a text.
        case arguments
        case unknownFunction
        case unknownBareme
        case unknownColumn
        case numberOutOfRange
    }

    public var kind: Kind
    public var offset: Int
    public var message: String
    public init(_ kind: Kind, _ message: String, at offset: Int) { self.kind = kind; self.message = message; self.offset = offset }

    /// The diagnostic code, stable across wordings.
    public var code: String {
        switch kind {
        case .syntax: return "rules.syntax"
        case .unknownName: return "rules.unknown-name"
        case .type: return "rules.type"
        case .arguments: return "rules.arguments"
        case .unknownFunction: return "rules.unknown-function"
        case .unknownBareme: return "rules.unknown-bareme"
        case .unknownColumn: return "rules.unknown-column"
        case .numberOutOfRange: return "rules.number-out-of-range"
        }
    }
}

/// Turns rule text into an `Expr`.
public struct RuleParser {
    enum Token: Equatable {
        case number(Double), text(String), word(String), symbol(String), end
    }

    private var tokens: [(Token, Int)] = []
    private var position = 0

    public static func parse(_ source: String) throws(RuleError) -> Expr {
        var parser = RuleParser()
        parser.tokens = try tokenize(source)
        let expr = try parser.expression()
        guard case .end = parser.current.0 else {
            throw RuleError(.syntax, "\(describe(parser.current.0)) inattendu après une expression complète", at: parser.current.1)
        }
        return expr
    }

    static let keywords: Set<String> = ["si", "alors", "sinon", "et", "ou", "non", "vrai", "faux", "dans"]

    static func tokenize(_ source: String) throws(RuleError) -> [(Token, Int)] {
        let chars = Array(source)
        var out: [(Token, Int)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isNumber, c.isASCII {
                var s = ""
                while i < chars.count, (chars[i].isASCII && chars[i].isNumber) || chars[i] == "_" || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                    if chars[i] != "_" { s.append(chars[i]) }
                    i += 1
                }
                guard let v = Double(s) else { throw RuleError(.syntax, "« \(s) » n'est pas un nombre", at: start) }
                guard RuleNumber.isAllowed(v) else {
                    throw RuleError(.numberOutOfRange, "le nombre \(s) dépasse la limite des règles (\(RuleNumber.limitText) en valeur absolue)", at: start)
                }
                out.append((.number(v), start))
            } else if c.isLetter || c == "_" {
                var s = ""
                while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" { s.append(chars[i]); i += 1 }
                out.append((.word(s), start))
            } else if c == "'" || c == "\"" {
                i += 1
                var s = ""
                while i < chars.count, chars[i] != c { s.append(chars[i]); i += 1 }
                guard i < chars.count else { throw RuleError(.syntax, "un texte commencé par \(c) n'est jamais fermé", at: start) }
                i += 1
                out.append((.text(s), start))
            } else {
                let two = i + 1 < chars.count ? String([c, chars[i + 1]]) : ""
                if ["<=", ">=", "!="].contains(two) {
                    out.append((.symbol(two), start)); i += 2
                } else if "+-*/()<>=,%[]".contains(c) {
                    out.append((.symbol(String(c)), start)); i += 1
                } else {
                    throw RuleError(.syntax, "caractère inattendu « \(c) »", at: start)
                }
            }
        }
        out.append((.end, chars.count))
        return out
    }

    static func describe(_ t: Token) -> String {
        switch t {
        case .number(let v): return "le nombre \(v)"
        case .text(let s): return "le texte « \(s) »"
        case .word(let w): return "« \(w) »"
        case .symbol(let s): return "« \(s) »"
        case .end: return "la fin de la règle"
        }
    }

    private var current: (Token, Int) { tokens[position] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private mutating func accept(word: String) -> Bool {
        if case .word(word) = current.0 { advance(); return true }
        return false
    }

    private mutating func accept(symbol: String) -> Bool {
        if case .symbol(symbol) = current.0 { advance(); return true }
        return false
    }

    private mutating func expect(symbol: String) throws(RuleError) {
        guard accept(symbol: symbol) else { throw RuleError(.syntax, "attendu « \(symbol) », trouvé \(Self.describe(current.0))", at: current.1) }
    }

    private mutating func expression() throws(RuleError) -> Expr {
        let at = current.1
        if accept(word: "si") {
            let condition = try expression()
            guard accept(word: "alors") else { throw RuleError(.syntax, "attendu « alors » après la condition de « si », trouvé \(Self.describe(current.0))", at: current.1) }
            let then = try expression()
            guard accept(word: "sinon") else { throw RuleError(.syntax, "attendu « sinon » (chaque « si … alors … » a besoin d'un « sinon »), trouvé \(Self.describe(current.0))", at: current.1) }
            let otherwise = try expression()
            return .conditional(condition, then, otherwise, at: at)
        }
        return try or()
    }

    private mutating func or() throws(RuleError) -> Expr {
        var left = try and()
        while case .word("ou") = current.0 {
            let at = current.1; advance()
            left = .binary("ou", left, try and(), at: at)
        }
        return left
    }

    private mutating func and() throws(RuleError) -> Expr {
        var left = try not()
        while case .word("et") = current.0 {
            let at = current.1; advance()
            left = .binary("et", left, try not(), at: at)
        }
        return left
    }

    private mutating func not() throws(RuleError) -> Expr {
        let at = current.1
        if accept(word: "non") { return .unary("non", try not(), at: at) }
        return try comparison()
    }

    private mutating func comparison() throws(RuleError) -> Expr {
        let left = try additive()
        let at = current.1
        for op in ["<=", ">=", "!=", "<", ">", "="] where accept(symbol: op) {
            return .binary(op, left, try additive(), at: at)
        }
        if accept(word: "dans") { return .binary("dans", left, try additive(), at: at) }
        return left
    }

    private mutating func additive() throws(RuleError) -> Expr {
        var left = try multiplicative()
        while true {
            let at = current.1
            if accept(symbol: "+") { left = .binary("+", left, try multiplicative(), at: at) }
            else if accept(symbol: "-") { left = .binary("-", left, try multiplicative(), at: at) }
            else { return left }
        }
    }

    private mutating func multiplicative() throws(RuleError) -> Expr {
        var left = try unary()
        while true {
            let at = current.1
            if accept(symbol: "*") { left = .binary("*", left, try unary(), at: at) }
            else if accept(symbol: "/") { left = .binary("/", left, try unary(), at: at) }
            else { return left }
        }
    }

    private mutating func unary() throws(RuleError) -> Expr {
        let at = current.1
        if accept(symbol: "-") { return .unary("-", try unary(), at: at) }
        var e = try primary()
        while case .symbol("%") = current.0 { let p = current.1; advance(); e = .percent(e, at: p) }
        return e
    }

    private mutating func primary() throws(RuleError) -> Expr {
        let (token, at) = current
        switch token {
        case .number(let v): advance(); return .number(v, at: at)
        case .text(let s): advance(); return .text(s, at: at)
        case .word("vrai"): advance(); return .bool(true, at: at)
        case .word("faux"): advance(); return .bool(false, at: at)
        case .word(let w) where Self.keywords.contains(w):
            throw RuleError(.syntax, "« \(w) » ne peut pas commencer une valeur ici", at: at)
        case .word(let w):
            advance()
            if accept(symbol: "(") {
                var args: [Expr] = []
                if !accept(symbol: ")") {
                    repeat { args.append(try expression()) } while accept(symbol: ",")
                    try expect(symbol: ")")
                }
                return .call(w, args, at: at)
            }
            return .variable(w, at: at)
        case .symbol("("):
            advance()
            let e = try expression()
            try expect(symbol: ")")
            return e
        case .symbol("["):
            advance()
            var items: [Expr] = []
            if !accept(symbol: "]") {
                repeat { items.append(try expression()) } while accept(symbol: ",")
                try expect(symbol: "]")
            }
            return .list(items, at: at)
        default:
            throw RuleError(.syntax, "attendu une valeur, trouvé \(Self.describe(token))", at: at)
        }
    }
}
