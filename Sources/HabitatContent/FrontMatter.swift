import HabitatCore

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable {
    public var yaml: String
    /// Lines above the YAML text (the opening `---`).
    public var yamlLineOffset: Int
    public var body: String
    /// Lines above the body.
    public var bodyLineOffset: Int

    /// Splits `---\n yaml \n---\n body`. A file without front matter is an error: every
    /// content file needs at least a title.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatterSplit {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) {
            throw .error(SourceLocation(file: file, line: 1, column: 1), "the file is empty; it needs a front matter between two '---' lines", code: "front-matter.missing")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            throw .error(SourceLocation(file: file, line: 1, column: 1),
                         "the file must start with a front matter: a line '---', the YAML keys, then another '---'", code: "front-matter.missing")
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpaces == "---" }) else {
            throw .error(SourceLocation(file: file, line: 1, column: 1),
                         "the front matter is never closed: add a line '---' after the last key", code: "front-matter.unclosed")
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: end + 1)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
