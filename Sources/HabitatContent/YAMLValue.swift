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
            if !quoted, s.isEmpty || s == "~" || s == "null" { return "nothing" }
            return "text '\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
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
    /// - Parameter lineOffset: lines above the YAML in its file (the `---` of a front matter).
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLValue? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error, file: file, lineOffset: lineOffset)
        } catch {
            throw .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "cannot read YAML: \(error)", code: "yaml.syntax")
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
                    throw .error(SourceLocation(file: file, line: pos.line, column: pos.column), "a key must be a plain word", code: "yaml.bad-key")
                }
                let kp = YAMLValue.Position(line: (k.mark?.line ?? 1) + lineOffset, column: k.mark?.column ?? 1)
                if let first = seen[keyScalar.string] {
                    throw .error(SourceLocation(file: file, line: kp.line, column: kp.column),
                                 "key '\(keyScalar.string)' is written twice (first at line \(first.line))", code: "yaml.duplicate-key")
                }
                seen[keyScalar.string] = kp
                entries.append(.init(key: keyScalar.string, keyPosition: kp, value: try convert(v, file: file, lineOffset: lineOffset, counter: &counter)))
            }
            counter += 1
            return .mapping(entries, pos, id: counter)
        case .alias:
            throw .error(SourceLocation(file: file, line: pos.line, column: pos.column), "YAML aliases (*name) are not supported", code: "yaml.alias")
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            message += hint(for: problem)
            return .error(at(mark), message, code: "yaml.syntax")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at(context.mark), "duplicate keys: \(duplicates.joined(separator: ", "))", code: "yaml.duplicate-key")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "cannot read the file: \(problem)", code: "yaml.encoding")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(error)", code: "yaml.syntax")
        }
    }

    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return "; a value containing ': ' must be put in double quotes"
        }
        if problem.contains("found character that cannot start any token") {
            return "; a value starting with a special character (@, `, %) must be put in double quotes"
        }
        if problem.contains("could not find expected ':'") {
            return "; each line of a mapping needs 'key: value'"
        }
        return ""
    }
}
