/// A position in a source file: 1-based line and column, columns counted in characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        if line <= 0 { return file }
        if column <= 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How serious a diagnostic is: errors fail the build, warnings don't.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }

    /// The word staff read: `erreur`, `avertissement`.
    public var label: String { self == .error ? "erreur" : "avertissement" }
}

/// A message about user input, with its position and a stable code (`front-matter.unknown-key`).
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var code: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, code: String) {
        self.location = location
        self.severity = severity
        self.message = message
        self.code = code
    }

    public static func error(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, code: code)
    }

    public static func warning(_ location: SourceLocation, _ message: String, code: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message, code: code)
    }

    /// `path:line:col: erreur : message [code]`, the form compilers use, in French with its typography.
    public var description: String {
        "\(location): \(severity.label)\u{00A0}: \(text) [\(code)]"
    }

    /// The message with French typography (no-break spaces before `: ; ! ?` and inside « »);
    /// what is inside « » is left as written, so a quoted key or value can be copied back.
    public var text: String { French.diagnosticTypography(message) }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.code, a.message) < (b.location, b.severity, b.code, b.message)
    }
}

/// An ordered collection of diagnostics that caps what it keeps. An error is never lost: when
/// the cap is reached, a new error takes the place of a kept warning, and everything left out is
/// counted by severity so that the report can say how many were omitted.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []
    /// Errors received but not kept (only when more errors than `cap` arrive).
    public private(set) var droppedErrors = 0
    /// Warnings received but not kept (the cap was reached, or an error took their place).
    public private(set) var droppedWarnings = 0
    public let cap: Int
    private var keptErrors = 0

    public init(cap: Int = 200) { self.cap = max(1, cap) }

    /// Every diagnostic left out, whatever its severity.
    public var droppedCount: Int { droppedErrors + droppedWarnings }
    public var hasErrors: Bool { errorCount > 0 }
    /// Every error received, kept or not.
    public var errorCount: Int { keptErrors + droppedErrors }
    /// Every warning received, kept or not.
    public var warningCount: Int { items.count - keptErrors + droppedWarnings }

    public mutating func append(_ diagnostic: Diagnostic) {
        if items.count < cap {
            items.append(diagnostic)
            if diagnostic.severity == .error { keptErrors += 1 }
        } else if diagnostic.severity == .error {
            // Evict the most recent warning so that the error is kept.
            if let i = items.lastIndex(where: { $0.severity == .warning }) {
                items.remove(at: i)
                droppedWarnings += 1
                items.append(diagnostic)
                keptErrors += 1
            } else {
                droppedErrors += 1
            }
        } else {
            droppedWarnings += 1
        }
    }

    public mutating func append<S: Sequence>(contentsOf diagnostics: S) where S.Element == Diagnostic {
        for d in diagnostics { append(d) }
    }

    /// Diagnostics sorted by position, duplicates removed: the order they are printed in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.sorted().filter { seen.insert($0).inserted }
    }
}

/// The known names closest to a misspelt one, for "did you mean" hints.
public func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
    var best: (String, Int)?
    for candidate in candidates {
        let distance = editDistance(name.lowercased(), candidate.lowercased())
        let limit = max(2, min(name.count, candidate.count) / 3)
        if distance <= limit, distance < name.count, best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
            best = (candidate, distance)
        }
    }
    return best?.0
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension String {
    /// ` (vouliez-vous dire « x » ?)` or nothing.
    public static func didYouMean(_ name: String, among candidates: some Sequence<String>) -> String {
        guard let s = suggestion(for: name, among: candidates) else { return "" }
        return " (vouliez-vous dire « \(s) » ?)"
    }
}
