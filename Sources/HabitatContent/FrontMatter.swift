import HabitatCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable {
    public var yaml: String
    /// Lines above the YAML text (the opening `---`).
    public var yamlLineOffset: Int
    public var body: String
    /// Lines above the body.
    public var bodyLineOffset: Int

    /// Splits `---\n yaml \n---\n body`. A file without front matter is an error: every
    /// content file needs at least a title. Works on UTF-8 bytes: `---` lines are ASCII, so
    /// slicing at line boundaries never cuts a character.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> FrontMatterSplit {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if hasCarriageReturn(text) { text = normalizingCRLF(text) }
        if text.allSatisfy(\.isWhitespace) {
            throw .error(SourceLocation(file: file, line: 1, column: 1), "le fichier est vide ; il lui faut un en-tête YAML entre deux lignes « --- »", code: "front-matter.missing")
        }
        let bytes = Array(text.utf8)
        // Line starts, until the closing `---` line is found.
        let firstEnd = bytes.firstIndex(of: newline) ?? bytes.count
        guard isFence(bytes[0..<firstEnd]) else {
            throw .error(SourceLocation(file: file, line: 1, column: 1),
                         "le fichier doit commencer par un en-tête YAML : une ligne « --- », les clés, puis une autre ligne « --- »", code: "front-matter.missing")
        }
        var lineStart = firstEnd + 1
        var lineIndex = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            if isFence(bytes[lineStart..<lineEnd]) {
                let yamlEnd = max(firstEnd + 1, lineStart - 1)
                let yaml = String(decoding: bytes[min(firstEnd + 1, yamlEnd)..<yamlEnd], as: UTF8.self)
                let body = lineEnd < bytes.count ? String(decoding: bytes[(lineEnd + 1)...], as: UTF8.self) : ""
                return FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: lineIndex + 1)
            }
            lineStart = lineEnd + 1
            lineIndex += 1
        }
        throw .error(SourceLocation(file: file, line: 1, column: 1),
                     "l'en-tête YAML n'est jamais fermé : ajoutez une ligne « --- » après la dernière clé", code: "front-matter.unclosed")
    }

    /// Where the front matter of raw file bytes ends (just after its closing `---` line): the
    /// fences `split` finds, before line ends are normalized. Nil when there is none.
    public static func end(of bytes: [UInt8]) -> Int? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineStart = start
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.count
            var line = bytes[lineStart..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if isFence(line) {
                if lineStart > start { return min(lineEnd + 1, bytes.count) }
            } else if lineStart == start {
                return nil
            }
            lineStart = lineEnd + 1
        }
        return nil
    }

    private static let newline = UInt8(ascii: "\n")

    /// `memchr` over the bytes: iterating `String.UTF8View` byte by byte cost 2 % of a build.
    private static func hasCarriageReturn(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0x0D, $0.count) != nil }
            ?? text.utf8.contains(UInt8(ascii: "\r"))
    }

    /// `---` followed only by spaces or tabs.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 3 else { return false }
        let dash = UInt8(ascii: "-")
        let s = line.startIndex
        guard line[s] == dash, line[s + 1] == dash, line[s + 2] == dash else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Line ends `\r\n` become `\n` (a final `\r` too); a lone `\r` inside a line stays.
    /// Bytes, not characters: Swift counts `\r\n` as one character, never equal to `\n`.
    private static func normalizingCRLF(_ text: String) -> String {
        let cr = UInt8(ascii: "\r")
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            if b == cr, i + 1 == bytes.count || bytes[i + 1] == newline { continue }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
