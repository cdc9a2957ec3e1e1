/// Parses the theme's Mustache subset into `TemplateNode`s, each tag with its line and column.
///
/// Whitespace follows swift-mustache 2.1.1, which rendered the site before (so the output stays
/// byte-identical): a section, comment, partial, block or delimiter tag alone on its line
/// ("standalone") leaves nothing of that line; the whitespace before a standalone partial
/// indents every line the partial prints; inside a `{{<parent}}`, the first line of each block
/// definition sets an indentation that is removed from the lines after it.
struct TemplateParser {
    private let bytes: [UInt8]
    private let name: String
    private var pos = 0
    /// Offsets where each line starts, for positions.
    private let lineStarts: [Int]

    /// What the loop knows about where it is: the section it is in, the delimiters, the line.
    private struct State {
        var section: (written: String, at: Int)?
        var newLine = true
        var inDefinition = false
        var definitionTopLevel = false
        var definitionIndent: Int?
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)

        func entering(_ written: String, at: Int, newLine: Bool) -> State {
            var s = self
            s.section = (written, at)
            s.definitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }
    }

    static func parse(_ text: String, name: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = TemplateParser(bytes: Array(text.utf8), name: name)
        return Self.merged(try parser.parseBody(State()))
    }

    private init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        self.lineStarts = starts
    }

    // MARK: - The loop

    /// Reads nodes until the end of the template or, inside a section, its closing tag.
    private mutating func parseBody(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var state = initial
        var nodes: [TemplateNode] = []
        var blanks = ""
        while pos < bytes.count {
            if state.newLine {
                let read = readBlanks()
                if state.inDefinition && !state.definitionTopLevel {
                    if let n = state.definitionIndent { blanks = String(read.dropFirst(n)) } else { state.definitionIndent = read.count }
                } else {
                    blanks = read
                }
            }
            let (text, stop) = readText(state)
            if case .newline(let width) = stop {
                nodes.append(.text(blanks + text + String(decoding: bytes[pos..<pos + width], as: UTF8.self)))
                state.newLine = true
                pos += width
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(blanks + text))
                blanks = ""
                state.newLine = false
            }
            guard case .tag(let tag) = stop else { break }
            guard pos < bytes.count else { throw fail(tag, "balise non terminée : fermez-la avec « \(delimiter(state.close)) »") }
            if bytes[pos] == UInt8(ascii: "/") {
                try closeSection(state, tag: tag, blanks: &blanks, into: &nodes)
                return nodes
            }
            state.newLine = try parseTag(&state, tag: tag, blanks: &blanks, into: &nodes)
        }
        if let open = state.section {
            throw fail(open.at, "la section « \(open.written) » ouverte ici n'est jamais fermée : ajoutez « \(delimiter(state.open))/\(open.written)\(delimiter(state.close)) »")
        }
        return nodes
    }

    /// One tag other than a closing one; returns whether the next line starts fresh (the tag was standalone).
    private mutating func parseTag(_ state: inout State, tag: Int, blanks: inout String,
                                   into nodes: inout [TemplateNode]) throws(TemplateSyntaxError) -> Bool {
        let sigil = bytes[pos]
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            pos += 1
            let name = try readName(state, tag: tag)
            let standalone = isStandalone(state)
            if !standalone { flush(&blanks, into: &nodes) }
            let body = try parseBody(state.entering(name.written, at: tag, newLine: standalone))
            nodes.append(.section(name, inverted: sigil == UInt8(ascii: "^"), body: body))
            return standalone
        case UInt8(ascii: "!"):
            pos += 1
            guard let end = find(state.close, from: pos) else { throw fail(tag, "commentaire non terminé : fermez-le avec « \(delimiter(state.close)) »") }
            pos = end + state.close.count
            return isStandalone(state)
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            flush(&blanks, into: &nodes)
            pos += 1
            let name = try readName(state, tag: tag)
            if sigil == UInt8(ascii: "{") {
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "}") else { throw fail(tag, "balise « {{{…}}} » non terminée : il manque une « } »") }
                pos += 1
            }
            nodes.append(.variable(name, escaped: false))
            return false
        case UInt8(ascii: ">"), UInt8(ascii: "<"):
            return try parsePartial(&state, tag: tag, blanks: &blanks, into: &nodes)
        case UInt8(ascii: "$"):
            return try parseBlock(state, tag: tag, blanks: &blanks, into: &nodes)
        case UInt8(ascii: "="):
            pos += 1
            try setDelimiters(&state, tag: tag)
            return isStandalone(state)
        case UInt8(ascii: "%"):
            throw fail(tag, "les balises de configuration « \(delimiter(state.open))%…\(delimiter(state.close)) » ne sont pas prises en charge")
        default:
            flush(&blanks, into: &nodes)
            nodes.append(.variable(try readName(state, tag: tag), escaped: true))
            return false
        }
    }

    /// `{{/x}}`: must close the section being read.
    private mutating func closeSection(_ state: State, tag: Int, blanks: inout String,
                                       into nodes: inout [TemplateNode]) throws(TemplateSyntaxError) {
        pos += 1
        let name = try readName(state, tag: tag, allowEmpty: true)
        guard let open = state.section else {
            throw fail(tag, "« \(delimiter(state.open))/\(name.written)\(delimiter(state.close)) » ferme une section qui n'est pas ouverte")
        }
        guard name.written == open.written else {
            throw fail(tag, "« \(delimiter(state.open))/\(name.written)\(delimiter(state.close)) » ne ferme pas la section ouverte « \(open.written) » (ligne \(lineColumn(open.at).line)) : un « \(delimiter(state.open))/\(open.written)\(delimiter(state.close)) » manque ou est mal écrit")
        }
        if !isStandalone(state) { flush(&blanks, into: &nodes) }
    }

    /// `{{> p}}` and `{{< parent}}…{{/parent}}`.
    private mutating func parsePartial(_ state: inout State, tag: Int, blanks: inout String,
                                       into nodes: inout [TemplateNode]) throws(TemplateSyntaxError) -> Bool {
        let inherits = bytes[pos] == UInt8(ascii: "<")
        pos += 1
        let partial = try readPartialName(state, tag: tag)
        if !blanks.isEmpty { nodes.append(.text(blanks)) }
        let standalone = isStandalone(state)
        let at = position(tag)
        defer { blanks = "" }
        guard inherits else {
            nodes.append(.partial(partial, indentation: standalone ? blanks : nil, overrides: nil, position: at))
            return standalone
        }
        var inner = state.entering(partial, at: tag, newLine: true)
        inner.newLine = true
        inner.inDefinition = true
        inner.definitionTopLevel = true
        var overrides: [String: [TemplateNode]] = [:]
        for node in try parseBody(inner) {
            switch node {
            case .block(let name, let body, _): overrides[name] = body
            case .text: break
            default: throw fail(tag, "seules des définitions de blocs « \(delimiter(state.open))$…\(delimiter(state.close)) » peuvent figurer dans « \(delimiter(state.open))<\(partial)\(delimiter(state.close)) »")
            }
        }
        nodes.append(.partial(partial, indentation: blanks, overrides: overrides, position: at))
        return standalone
    }

    /// `{{$b}}…{{/b}}`: a block definition directly inside `{{<…}}`, a block with its default elsewhere.
    private mutating func parseBlock(_ state: State, tag: Int, blanks: inout String,
                                     into nodes: inout [TemplateNode]) throws(TemplateSyntaxError) -> Bool {
        pos += 1
        let name = try readName(state, tag: tag)
        guard name.transforms.isEmpty, name.parts.count == 1 else {
            throw fail(tag, "un nom de bloc « \(delimiter(state.open))$…\(delimiter(state.close)) » est un nom simple, sans transformation ni point")
        }
        if state.definitionTopLevel {
            let standalone = isStandalone(state)
            nodes.append(.block(name.written, body: try parseBody(state.entering(name.written, at: tag, newLine: standalone)), indentation: ""))
            return standalone
        }
        if !blanks.isEmpty { nodes.append(.text(blanks)) }
        let standalone = isStandalone(state)
        nodes.append(.block(name.written, body: try parseBody(state.entering(name.written, at: tag, newLine: standalone)), indentation: blanks))
        blanks = ""
        return standalone
    }

    /// `{{=<% %>=}}`.
    private mutating func setDelimiters(_ state: inout State, tag: Int) throws(TemplateSyntaxError) {
        let bad = fail(tag, "changement de délimiteurs invalide : écrivez par exemple « \(delimiter(state.open))=<% %>=\(delimiter(state.close)) »")
        skipWhitespace()
        let start = pos
        while pos < bytes.count, !Self.isWhitespace(bytes[pos]) { pos += 1 }
        let open = Array(bytes[start..<pos])
        guard pos < bytes.count else { throw bad }
        skipWhitespace()
        let start2 = pos
        while pos < bytes.count, !Self.isWhitespace(bytes[pos]), bytes[pos] != UInt8(ascii: "=") { pos += 1 }
        let close = Array(bytes[start2..<pos])
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "="), starts(with: state.close, at: pos + 1) else { throw bad }
        pos += 1 + state.close.count
        guard !open.isEmpty, !close.isEmpty else { throw bad }
        state.open = open
        state.close = close
        state.definitionTopLevel = false
    }

    // MARK: - Names

    private static let nameBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*()".utf8 { table[Int(b)] = true }
        return table
    }()

    /// A tag's name up to the closing delimiter, with its transforms.
    private mutating func readName(_ state: State, tag: Int, allowEmpty: Bool = false) throws(TemplateSyntaxError) -> TemplateName {
        skipWhitespace()
        let start = pos
        while pos < bytes.count, Self.nameBytes[Int(bytes[pos])] { pos += 1 }
        let written = String(decoding: bytes[start..<pos], as: UTF8.self)
        skipWhitespace()
        try expectClose(state, tag: tag)
        guard !written.isEmpty || allowEmpty else { throw fail(tag, "balise sans nom : écrivez un nom entre « \(delimiter(state.open)) » et « \(delimiter(state.close)) »") }
        let (base, transforms) = try Self.splitTransforms(written, tag: tag, parser: self)
        guard base != "." else { return TemplateName(parts: [], transforms: transforms, written: written, position: position(tag)) }
        let parts = base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if !base.isEmpty, parts.contains(where: \.isEmpty) {
            throw fail(tag, "nom « \(written) » invalide : un point sépare deux noms")
        }
        return TemplateName(parts: base.isEmpty ? [] : parts, transforms: transforms, written: written, position: position(tag))
    }

    /// `euros(montant)` → (`montant`, [`euros`]); `a(b(x))` → (`x`, [`a`, `b`]); `last()` → (``, [`last`]).
    private static func splitTransforms(_ written: String, tag: Int, parser: TemplateParser) throws(TemplateSyntaxError) -> (String, [String]) {
        guard written.contains("(") || written.contains(")") else { return (written, []) }
        let pieces = written.split(separator: "(", omittingEmptySubsequences: false)
        let last = pieces.last!
        let closing = last.drop(while: { $0 != ")" })
        let base = last.prefix(while: { $0 != ")" })
        let transforms = pieces.dropLast().map(String.init)
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }),
              transforms.allSatisfy({ !$0.isEmpty && !$0.contains(")") }) else {
            throw parser.fail(tag, "transformation « \(written) » mal écrite : écrivez par exemple « euros(montant) »")
        }
        return (String(base), transforms)
    }

    /// A partial's name: letters, digits and `.-_?/`.
    private mutating func readPartialName(_ state: State, tag: Int) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "*") { throw fail(tag, "les noms de gabarits dynamiques « * » ne sont pas pris en charge") }
        let start = pos
        while pos < bytes.count, Self.nameBytes[Int(bytes[pos])] || bytes[pos] == UInt8(ascii: "/") { pos += 1 }
        let written = String(decoding: bytes[start..<pos], as: UTF8.self)
        skipWhitespace()
        try expectClose(state, tag: tag)
        guard !written.isEmpty else { throw fail(tag, "balise sans nom de gabarit") }
        return written
    }

    private mutating func expectClose(_ state: State, tag: Int) throws(TemplateSyntaxError) {
        if starts(with: state.close, at: pos) { pos += state.close.count; return }
        let lineEnd = bytes[pos...].firstIndex(of: 0x0A) ?? bytes.count
        if pos < bytes.count, find(state.close, from: pos).map({ $0 < lineEnd }) == true {
            let c = String(decoding: [bytes[pos]], as: UTF8.self)
            throw fail(tag, "caractère « \(c) » inattendu dans la balise : un nom ne contient que lettres, chiffres et « . _ - ? »")
        }
        throw fail(tag, "balise non terminée : fermez-la avec « \(delimiter(state.close)) »")
    }

    // MARK: - Text and lines

    private enum Stop { case newline(Int), tag(Int), end }

    /// Text up to a newline (not consumed), an opening delimiter (consumed) or the end.
    private mutating func readText(_ state: State) -> (String, Stop) {
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x0A { return (text(start), .newline(1)) }
            if b == 0x0D, pos + 1 < bytes.count, bytes[pos + 1] == 0x0A { return (text(start), .newline(2)) }
            if b == state.open[0], starts(with: state.open, at: pos) {
                let s = text(start)
                pos += state.open.count
                return (s, .tag(pos - state.open.count))
            }
            pos += 1
        }
        return (text(start), .end)
    }

    private func text(_ start: Int) -> String { String(decoding: bytes[start..<pos], as: UTF8.self) }

    private mutating func readBlanks() -> String {
        let start = pos
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 { pos += 1 }
        return text(start)
    }

    /// A tag alone on its line: the rest of the line (blanks and the newline) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if pos >= bytes.count { return true }
        var p = pos
        while p < bytes.count, bytes[p] == 0x20 || bytes[p] == 0x09 { p += 1 }
        if p < bytes.count, bytes[p] == 0x0A { pos = p + 1; return true }
        if p + 1 < bytes.count, bytes[p] == 0x0D, bytes[p + 1] == 0x0A { pos = p + 2; return true }
        return false
    }

    private func flush(_ blanks: inout String, into nodes: inout [TemplateNode]) {
        if !blanks.isEmpty { nodes.append(.text(blanks)); blanks = "" }
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count, Self.isWhitespace(bytes[pos]) { pos += 1 }
    }

    private static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }

    private func starts(with needle: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from i: Int) -> Int? {
        var p = i
        while p + needle.count <= bytes.count {
            if starts(with: needle, at: p) { return p }
            p += 1
        }
        return nil
    }

    // MARK: - Positions

    private func lineColumn(_ offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, String(decoding: bytes[lineStarts[lo]..<offset], as: UTF8.self).count + 1)
    }

    private func position(_ offset: Int) -> TemplatePosition {
        let (line, column) = lineColumn(offset)
        return TemplatePosition(template: name, line: line, column: column)
    }

    fileprivate func fail(_ offset: Int, _ message: String) -> TemplateSyntaxError {
        let (line, column) = lineColumn(offset)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }

    private func delimiter(_ d: [UInt8]) -> String { String(decoding: d, as: UTF8.self) }

    /// Adjacent texts as one (the renderer indents partial lines itself).
    private static func merged(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var out: [TemplateNode] = []
        out.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .text(let t):
                if case .text(let previous)? = out.last { out[out.count - 1] = .text(previous + t) } else { out.append(node) }
            case .section(let n, let inverted, let body): out.append(.section(n, inverted: inverted, body: merged(body)))
            case .partial(let p, let indentation, let overrides, let at):
                out.append(.partial(p, indentation: indentation, overrides: overrides?.mapValues(merged), position: at))
            case .block(let b, let body, let indentation): out.append(.block(b, body: merged(body), indentation: indentation))
            case .variable: out.append(node)
            }
        }
        return out
    }
}
