import HabitatCore

/// A strict JSON reader that keeps positions, producing the same `YAMLValue` tree as YAML files
/// so both decode through `ContentDecoder`.
public struct JSONReader {
    private let chars: [Character]
    private let file: String
    private var i = 0
    private var line = 1
    private var column = 1
    private var mappingCounter = 0

    public static func parse(_ text: String, file: String) throws(Diagnostic) -> YAMLValue {
        var reader = JSONReader(chars: Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text), file: file)
        reader.skipSpace()
        guard reader.i < reader.chars.count else { throw reader.fail("le fichier est vide", code: "json.empty") }
        let value = try reader.parseValue(depth: 0)
        reader.skipSpace()
        if reader.i < reader.chars.count { throw reader.fail("du texte après la fin de la valeur JSON") }
        return value
    }

    private init(chars: [Character], file: String) { self.chars = chars; self.file = file }

    private func fail(_ message: String, code: String = "json.syntax") -> Diagnostic {
        .error(SourceLocation(file: file, line: line, column: column), message, code: code)
    }

    private var position: YAMLValue.Position { .init(line: line, column: column) }

    private func failAt(_ p: YAMLValue.Position, _ message: String) -> Diagnostic {
        .error(SourceLocation(file: file, line: p.line, column: p.column), message, code: "json.syntax")
    }

    private mutating func advance() {
        if chars[i] == "\n" || chars[i] == "\r\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    private mutating func skipSpace() {
        while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\n" || chars[i] == "\r" || chars[i] == "\r\n" { advance() }
    }

    private mutating func expect(_ c: Character, _ what: String) throws(Diagnostic) {
        skipSpace()
        guard i < chars.count, chars[i] == c else {
            throw fail("attendu \(what)" + (i < chars.count ? ", trouvé « \(chars[i]) »" : " avant la fin du fichier"))
        }
        advance()
    }

    private mutating func parseValue(depth: Int) throws(Diagnostic) -> YAMLValue {
        skipSpace()
        guard depth < 64 else { throw fail("le JSON est imbriqué trop profondément") }
        guard i < chars.count else { throw fail("fin du fichier inattendue") }
        let start = position
        switch chars[i] {
        case "{":
            advance()
            var entries: [YAMLValue.Entry] = []
            var seen = Set<String>()
            skipSpace()
            if i < chars.count, chars[i] == "}" { advance(); mappingCounter += 1; return .mapping([], start, id: mappingCounter) }
            while true {
                skipSpace()
                let keyPos = position
                guard i < chars.count, chars[i] == "\"" else {
                    if i < chars.count, chars[i].isNumber { throw fail("un nombre s'écrit en JSON sans espace ni virgule : 1012, 10.5") }
                    throw fail("attendu une clé entre guillemets droits")
                }
                let key = try parseString()
                if !seen.insert(key).inserted {
                    throw Diagnostic.error(SourceLocation(file: file, line: keyPos.line, column: keyPos.column), "la clé « \(key) » est écrite deux fois", code: "json.duplicate-key")
                }
                try expect(":", "« : » après la clé")
                let value = try parseValue(depth: depth + 1)
                entries.append(.init(key: key, keyPosition: keyPos, value: value))
                skipSpace()
                guard i < chars.count else { throw fail("fin du fichier inattendue : il manque une « } »") }
                if chars[i] == "," {
                    let comma = position
                    advance()
                    skipSpace()
                    if i < chars.count, chars[i] == "}" { throw failAt(comma, "une virgule avant « } » n'est pas permise en JSON") }
                    continue
                }
                if chars[i] == "}" { advance(); break }
                if chars[i].isNumber { throw fail("un nombre s'écrit en JSON sans espace ni virgule : 1012, 10.5") }
                throw fail("attendu « , » ou « } », trouvé « \(chars[i]) »")
            }
            mappingCounter += 1
            return .mapping(entries, start, id: mappingCounter)
        case "[":
            advance()
            var items: [YAMLValue] = []
            skipSpace()
            if i < chars.count, chars[i] == "]" { advance(); return .sequence([], start) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard i < chars.count else { throw fail("fin du fichier inattendue : il manque un « ] »") }
                if chars[i] == "," {
                    let comma = position
                    advance()
                    skipSpace()
                    if i < chars.count, chars[i] == "]" { throw failAt(comma, "une virgule avant « ] » n'est pas permise en JSON") }
                    continue
                }
                if chars[i] == "]" { advance(); break }
                if chars[i].isNumber { throw fail("un nombre s'écrit en JSON sans espace ni virgule : 1012, 10.5") }
                throw fail("attendu « , » ou « ] », trouvé « \(chars[i]) »")
            }
            return .sequence(items, start)
        case "\"":
            return .scalar(try parseString(), quoted: true, start)
        default:
            var word = ""
            while i < chars.count, let a = chars[i].asciiValue, (a >= 0x30 && a <= 0x39) || (a >= 0x61 && a <= 0x7A) || a == 0x2D || a == 0x2B || a == 0x2E || a == 0x45 {
                word.append(chars[i]); advance()
            }
            if word == "true" || word == "false" || word == "null" { return .scalar(word, quoted: false, start) }
            if !word.isEmpty, Double(word) != nil, word.first != "+" { return .scalar(word, quoted: false, start) }
            column = start.column; line = start.line
            throw fail(word.isEmpty ? "« \(chars[i]) » inattendu" : "« \(word) » n'est pas une valeur JSON (un texte s'écrit entre guillemets droits)")
        }
    }

    private mutating func parseString() throws(Diagnostic) -> String {
        advance()
        var out = ""
        while true {
            guard i < chars.count else { throw fail("un texte entre guillemets n'est jamais fermé") }
            let c = chars[i]
            if c == "\"" { advance(); return out }
            if c == "\n" || c == "\r\n" { throw fail("un retour à la ligne dans un texte ; écrivez \\n") }
            if c == "\\" {
                advance()
                guard i < chars.count else { throw fail("un texte entre guillemets n'est jamais fermé") }
                switch chars[i] {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var hex = ""
                    for _ in 0..<4 {
                        advance()
                        guard i < chars.count, chars[i].isHexDigit else { throw fail("\\u demande quatre chiffres hexadécimaux") }
                        hex.append(chars[i])
                    }
                    if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { out.unicodeScalars.append(s) } else { out.append("\u{FFFD}") }
                default:
                    throw fail("échappement inconnu « \\\(chars[i]) »")
                }
                advance()
                continue
            }
            out.append(c)
            advance()
        }
    }
}
