import HabitatCore

/// A CSV file as staff export it from a French spreadsheet: `;` or `,` separators, quoted cells,
/// UTF-8 with or without BOM, LF or CRLF line ends. Each cell keeps its line and column.
public struct CSVFile: Sendable {
    /// One cell and where it starts.
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public var separator: Character
    public var header: [Cell]
    public var rows: [[Cell]]
}

/// Reads CSV text; every problem is a diagnostic with line and column.
public enum CSVReader {
    public static func read(_ bytes: [UInt8], file: String) throws(Diagnostic) -> CSVFile {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = try UTF8Check.decode(bytes, file: file)
        return try read(text, file: file)
    }

    public static func read(_ text: String, file: String) throws(Diagnostic) -> CSVFile {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let chars = Array(text)
        guard chars.contains(where: { !$0.isWhitespace }) else {
            throw .error(SourceLocation(file: file, line: 1, column: 1), "le fichier est vide ; un tableau a besoin d'une ligne d'en-tête et d'au moins une ligne", code: "table.empty")
        }
        let separator = detectSeparator(chars)
        var rows: [[CSVFile.Cell]] = []
        var row: [CSVFile.Cell] = []
        var cell = ""
        var line = 1, column = 1
        var cellLine = 1, cellColumn = 1
        var inQuotes = false
        var quotedCell = false
        var i = 0

        func endCell() {
            row.append(.init(text: quotedCell ? cell : trimmed(cell), line: cellLine, column: cellColumn))
            cell = ""
            quotedCell = false
        }

        while i < chars.count {
            let ch = chars[i]
            if inQuotes {
                if ch == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { cell.append("\""); i += 2; column += 2; continue }
                    inQuotes = false
                } else {
                    cell.append(ch)
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 0 }
                }
                i += 1; column += 1
                continue
            }
            switch ch {
            case "\"":
                if cell.allSatisfy({ $0 == " " }) {
                    cell = ""
                    inQuotes = true
                    quotedCell = true
                } else {
                    throw .error(SourceLocation(file: file, line: line, column: column),
                                 "un guillemet (\") dans une cellule sans guillemets ; mettez toute la cellule entre guillemets et doublez les guillemets intérieurs", code: "table.stray-quote")
                }
            case separator:
                endCell()
                cellLine = line; cellColumn = column + 1
            case "\n", "\r\n", "\r":
                endCell()
                if !(row.count == 1 && row[0].text.isEmpty) { rows.append(row) }
                row = []
                line += 1; column = 0
                cellLine = line; cellColumn = 1
            default:
                if quotedCell && !ch.isWhitespace {
                    throw .error(SourceLocation(file: file, line: line, column: column),
                                 "du texte après un guillemet fermant ; attendu « \(separator) » ou la fin de la ligne", code: "table.stray-quote")
                }
                if !quotedCell { cell.append(ch) }
            }
            i += 1; column += 1
        }
        if inQuotes {
            throw .error(SourceLocation(file: file, line: cellLine, column: cellColumn), "une cellule entre guillemets n'est jamais fermée", code: "table.unclosed-quote")
        }
        if !cell.isEmpty || !row.isEmpty { endCell(); rows.append(row) }

        guard !rows.isEmpty else {
            throw .error(SourceLocation(file: file, line: 1, column: 1), "le fichier est vide ; un tableau a besoin d'une ligne d'en-tête et d'au moins une ligne", code: "table.empty")
        }
        let header = rows.removeFirst()
        try checkShape(rows, header: header, separator: separator, chars: chars, file: file)
        return CSVFile(separator: separator, header: header, rows: rows)
    }

    /// Every row has as many cells as the header; a row split by the other separator says so.
    private static func checkShape(_ rows: [[CSVFile.Cell]], header: [CSVFile.Cell], separator: Character, chars: [Character], file: String) throws(Diagnostic) {
        for r in rows where r.count != header.count {
            let other: Character = separator == ";" ? "," : ";"
            let rawLine = lineText(chars, line: r[0].line)
            if r.count == 1 && rawLine.contains(other) {
                throw .error(SourceLocation(file: file, line: r[0].line, column: 1),
                             "cette ligne est séparée par « \(other) » mais l'en-tête par « \(separator) » ; utilisez un seul séparateur dans tout le fichier", code: "table.mixed-separators")
            }
            let at = r.count > header.count ? r[header.count] : r[r.count - 1]
            throw .error(SourceLocation(file: file, line: at.line, column: at.column),
                         "la ligne a \(r.count) cellule(s) mais l'en-tête en a \(header.count)", code: "table.ragged-row")
        }
    }

    private static func detectSeparator(_ chars: [Character]) -> Character {
        var semicolons = 0, commas = 0, tabs = 0
        var inQuotes = false
        for ch in chars {
            if ch == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if ch == "\n" || ch == "\r\n" { break }
            if ch == ";" { semicolons += 1 } else if ch == "," { commas += 1 } else if ch == "\t" { tabs += 1 }
        }
        if tabs > semicolons && tabs > commas { return "\t" }
        return semicolons >= commas && semicolons > 0 ? ";" : (commas > 0 ? "," : ";")
    }

    private static func lineText(_ chars: [Character], line: Int) -> String {
        var current = 1
        var out = ""
        for ch in chars {
            if ch == "\n" || ch == "\r\n" { if current == line { break }; current += 1; continue }
            if current == line { out.append(ch) }
        }
        return out
    }

    private static func trimmed(_ s: String) -> String {
        var sub = s[...]
        while let f = sub.first, f == " " || f == "\t" { sub.removeFirst() }
        while let l = sub.last, l == " " || l == "\t" { sub.removeLast() }
        return String(sub)
    }
}

/// UTF-8 validation with a position and a hint for the usual culprit (Windows-1252 files).
public enum UTF8Check {
    public static func decode(_ bytes: ArraySlice<UInt8>, file: String) throws(Diagnostic) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        // Find the first invalid sequence with the standard library's strict decoder.
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        var line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                offset += encoded.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .error(let length):
                let b = bytes[offset]
                let hex = String(b, radix: 16, uppercase: true)
                let advice = file.hasSuffix(".csv")
                    ? "il ressemble à un export Windows-1252 : enregistrez-le de nouveau au format « CSV UTF-8 »"
                    : "il ressemble à un fichier Windows-1252 : enregistrez-le de nouveau en UTF-8"
                _ = length
                throw .error(SourceLocation(file: file, line: line, column: column),
                             "le fichier n'est pas en UTF-8 (octet 0x\(hex)) ; \(advice)", code: "file.not-utf8")
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
