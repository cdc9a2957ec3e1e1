import HabitatCore
import Yams

/// A parsed YAML (or JSON) value that remembers where each part was written.
public indirect enum YAMLValue: Sendable {
    case scalar(String, quoted: Bool, Position)
    case mapping([Entry], Position, id: Int)
    case sequence([YAMLValue], Position)

    /// A line and column in the file (1-based, characters).
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) { self.line = line; self.column = column }
    }

    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable {
        public var key: String
        public var keyPosition: Position
        public var value: YAMLValue
    }

    public var position: Position {
        switch self {
        case .scalar(_, _, let p), .mapping(_, let p, _), .sequence(_, let p): return p
        }
    }

    /// What a staff member would call this kind of value, for messages.
    public var kindName: String {
        switch self {
        case .scalar(let s, let quoted, _):
            if !quoted, s.isEmpty || s == "~" || s == "null" { return "rien" }
            return "le texte « \(s.count > 40 ? String(s.prefix(40)) + "…" : s) »"
        case .mapping: return "un ensemble de lignes « clé: valeur »"
        case .sequence: return "une liste"
        }
    }

    public var isNull: Bool {
        if case .scalar(let s, let quoted, _) = self, !quoted, s.isEmpty || s == "~" || s == "null" { return true }
        return false
    }

    public subscript(key: String) -> YAMLValue? {
        if case .mapping(let entries, _, _) = self { return entries.first { $0.key == key }?.value }
        return nil
    }
}

/// Parses YAML text into a `YAMLValue`, reporting syntax errors at their position.
public enum YAMLParser {
    /// `compose` only builds nodes; Yams' `Constructor.default` would build three tables of
    /// Swift conversions at every call for nothing. Never mutated, so shared by every thread.
    nonisolated(unsafe) private static let noConstruction = Constructor([:], [:], [:])

    /// - Parameter lineOffset: lines above the YAML in its file (the `---` of a front matter).
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLValue? {
        // Aliases are refused before Yams expands them (an "alias bomb" grows exponentially).
        if let (line, column) = firstAlias(in: text) {
            throw .error(SourceLocation(file: file, line: line + lineOffset, column: column), "les alias YAML (*nom) ne sont pas acceptés", code: "yaml.alias")
        }
        let node: Node?
        do {
            // Explicit encoding: Yams' default reads the process environment on every call.
            // The basic resolver: Habitat reads scalars as text and types them itself, so the
            // default resolver's regular expressions (int, float, timestamp…) are wasted work.
            node = try Yams.compose(yaml: text, .basic, noConstruction, .utf8)
        } catch let error as YamlError {
            throw diagnostic(for: error, text: text, file: file, lineOffset: lineOffset)
        } catch {
            throw .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "YAML illisible : \(error)", code: "yaml.syntax")
        }
        guard let node else { return nil }
        var counter = 0
        return try convert(node, file: file, lineOffset: lineOffset, counter: &counter)
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int, counter: inout Int) throws(Diagnostic) -> YAMLValue {
        let pos = YAMLValue.Position(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return .scalar(scalar.string, quoted: scalar.style != .plain, pos)
        case .sequence(let seq):
            var items: [YAMLValue] = []
            for n in seq { items.append(try convert(n, file: file, lineOffset: lineOffset, counter: &counter)) }
            return .sequence(items, pos)
        case .mapping(let map):
            var entries: [YAMLValue.Entry] = []
            var seen: [String: YAMLValue.Position] = [:]
            for (k, v) in map {
                guard case .scalar(let keyScalar) = k else {
                    throw .error(SourceLocation(file: file, line: pos.line, column: pos.column), "une clé doit être un simple mot", code: "yaml.bad-key")
                }
                let kp = YAMLValue.Position(line: (k.mark?.line ?? 1) + lineOffset, column: k.mark?.column ?? 1)
                if let first = seen[keyScalar.string] {
                    throw .error(SourceLocation(file: file, line: kp.line, column: kp.column),
                                 "la clé « \(keyScalar.string) » est écrite deux fois (la première à la ligne \(first.line))", code: "yaml.duplicate-key")
                }
                seen[keyScalar.string] = kp
                entries.append(.init(key: keyScalar.string, keyPosition: kp, value: try convert(v, file: file, lineOffset: lineOffset, counter: &counter)))
            }
            counter += 1
            return .mapping(entries, pos, id: counter)
        case .alias:
            throw .error(SourceLocation(file: file, line: pos.line, column: pos.column), "les alias YAML (*nom) ne sont pas acceptés", code: "yaml.alias")
        }
    }

    private static func diagnostic(for error: YamlError, text: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            // A quote left open swallows the following lines; libyaml notices much later.
            if let (line, column) = unclosedQuote(lines, before: mark.line) {
                return .error(SourceLocation(file: file, line: line + lineOffset, column: column),
                              "YAML invalide : le guillemet ouvert ici n'est pas fermé sur sa ligne ; ajoutez le « \" » fermant", code: "yaml.syntax")
            }
            if mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].hasPrefix("\t") || (mark.line >= 2 && lines[mark.line - 2].hasPrefix("\t") && problem.contains("tab")) {
                return .error(SourceLocation(file: file, line: mark.line + lineOffset, column: 1), "YAML invalide : une tabulation sert d'indentation ; indentez avec des espaces", code: "yaml.syntax")
            }
            if let tabLine = lines.firstIndex(where: { $0.hasPrefix("\t") }), tabLine + 1 <= mark.line {
                return .error(SourceLocation(file: file, line: tabLine + 1 + lineOffset, column: 1), "YAML invalide : une tabulation sert d'indentation ; indentez avec des espaces", code: "yaml.syntax")
            }
            var message = "YAML invalide : \(french(problem))"
            if let context { message += " (\(french(context.text)) à la ligne \(context.mark.line + lineOffset))" }
            message += hint(for: problem)
            return .error(at(mark), message, code: "yaml.syntax")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Point at the second occurrence of the key, like the engine's own check.
            if let key = duplicates.first {
                var first: Int?
                for (i, l) in lines.enumerated() {
                    let trimmed = l.drop { $0 == " " }
                    guard trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"" + key + "\":") else { continue }
                    if let f = first {
                        return .error(SourceLocation(file: file, line: i + 1 + lineOffset, column: l.count - trimmed.count + 1),
                                      "la clé « \(key) » est écrite deux fois (la première à la ligne \(f + lineOffset))", code: "yaml.duplicate-key")
                    }
                    first = i + 1
                }
            }
            return .error(at(context.mark), "clés écrites deux fois : \(duplicates.joined(separator: ", "))", code: "yaml.duplicate-key")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "fichier illisible : \(problem)", code: "yaml.encoding")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "YAML invalide : \(error)", code: "yaml.syntax")
        }
    }

    /// The first `*alias` at the start of a node, outside quotes and comments (1-based line,
    /// column). `prix *estimé*` inside a plain value is not an alias.
    static func firstAlias(in text: String) -> (Int, Int)? {
        if !text.utf8.contains(UInt8(ascii: "*")) { return nil }   // most files: no star at all
        var line = 1
        for l in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let chars = Array(l)
            var quote: Character?
            var nodeStart = true
            var flowDepth = 0
            var i = 0
            while i < chars.count {
                let ch = chars[i]
                if let q = quote {
                    if ch == q { quote = nil }
                } else if ch == "#", i == 0 || chars[i - 1] == " " {
                    break
                } else if ch == " " || ch == "\t" {
                    // spaces keep the current state
                } else if nodeStart, ch == "\"" || ch == "'" {
                    quote = ch
                    nodeStart = false
                } else if nodeStart, ch == "&", i + 1 < chars.count, chars[i + 1] != " " {
                    // An anchor alone is harmless; skip its name and keep looking for the alias.
                    while i + 1 < chars.count, chars[i + 1] != " " { i += 1 }
                } else if nodeStart, ch == "*", i + 1 < chars.count,
                          chars[i + 1].isLetter || chars[i + 1].isNumber || chars[i + 1] == "_" || chars[i + 1] == "-" {
                    return (line, i + 1)
                } else if ch == "-", nodeStart, i + 1 == chars.count || chars[i + 1] == " " {
                    nodeStart = true
                } else if ch == ":", i + 1 == chars.count || chars[i + 1] == " " {
                    nodeStart = true
                } else if (ch == "[" || ch == "{") && (nodeStart || flowDepth > 0) {
                    flowDepth += 1
                    nodeStart = true
                } else if (ch == "]" || ch == "}") && flowDepth > 0 {
                    flowDepth -= 1
                } else if ch == ",", flowDepth > 0 {
                    nodeStart = true
                } else {
                    nodeStart = false
                }
                i += 1
            }
            line += 1
        }
        return nil
    }

    /// A line before `limit` whose value opens a double quote it never closes.
    static func unclosedQuote(_ lines: [Substring], before limit: Int) -> (Int, Int)? {
        for (i, l) in lines.prefix(max(0, limit)).enumerated() {
            guard let colon = l.firstRange(of: ": \"") else { continue }
            let value = l[colon.upperBound...]
            var escaped = false, closed = false
            for ch in value {
                if escaped { escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ch == "\"" { closed = true; break }
            }
            if !closed { return (i + 1, l[..<colon.upperBound].count) }
        }
        return nil
    }

    /// libyaml's messages in French, for the common ones; others are kept as libyaml wrote them.
    private static func french(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed in this context", "un « : » n'est pas permis à cet endroit"),
            ("found character that cannot start any token", "caractère qui ne peut pas commencer une valeur"),
            ("could not find expected ':'", "« : » attendu"),
            ("did not find expected '-' indicator", "« - » attendu"),
            ("did not find expected key", "clé attendue"),
            ("did not find expected ',' or '}'", "« , » ou « } » attendu"),
            ("did not find expected ',' or ']'", "« , » ou « ] » attendu"),
            ("did not find expected node content", "valeur attendue"),
            ("found unexpected end of stream", "fin du fichier inattendue"),
            ("found unknown escape character", "séquence d'échappement inconnue"),
            ("found a tab character that violates indentation", "une tabulation casse l'indentation"),
            ("found undefined tag handle", "étiquette YAML inconnue"),
            ("while scanning a simple key", "en lisant une clé"),
            ("while scanning a quoted scalar", "en lisant un texte entre guillemets"),
            ("while parsing a block mapping", "en lisant un ensemble de clés"),
            ("while parsing a block collection", "en lisant une liste"),
            ("while parsing a flow mapping", "en lisant un ensemble {…}"),
            ("while parsing a flow sequence", "en lisant une liste […]"),
            ("while scanning a block scalar", "en lisant un texte sur plusieurs lignes"),
            ("while scanning an anchor", "en lisant une ancre"),
            ("while scanning an alias", "en lisant un alias"),
            ("while scanning a tag", "en lisant une étiquette"),
            ("while parsing a node", "en lisant une valeur"),
        ]
        for (english, french) in known where problem.hasPrefix(english) { return french + problem.dropFirst(english.count) }
        return problem
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return " ; une valeur qui contient « : » doit être mise entre guillemets droits \"…\""
        }
        if problem.contains("found character that cannot start any token") {
            return " ; une valeur qui commence par un caractère spécial (@, `, %) doit être mise entre guillemets droits \"…\""
        }
        if problem.contains("could not find expected ':'") {
            return " ; chaque ligne doit avoir la forme « clé: valeur »"
        }
        if problem.contains("did not find expected '-' indicator") || problem.contains("did not find expected key") {
            return " ; vérifiez l'indentation de cette ligne : elle doit être alignée sur la clé au-dessus"
        }
        return ""
    }
}
