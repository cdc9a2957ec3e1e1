import Foundation

/// What Pagefind indexes of one page, read from the rendered HTML without an HTML parser:
/// the text of the element marked `data-pagefind-body`, its filters and its title, in the
/// shape of Pagefind's custom records (`AddRecord` of `pagefind --service`).
///
/// The text follows Pagefind's own parser (`pagefind/src/fossick/parser.rs`): text nodes are
/// concatenated, block elements (`h1`…`h6`, `p`, `td`, `div`, `ul`, `li`, `article`, `section`)
/// are separated by a space and closed by a full stop when they end on a word, `br` is a
/// space, `script`, `style`, `nav`, `form`… and `data-pagefind-ignore` elements are left out,
/// headings carry Pagefind's weight markers (`___PAGEFIND_AUTO_WEIGHT___7` for `h1`…), which
/// records accept since their content goes through the same digest reader. Entities are
/// decoded at the end and runs of whitespace collapsed, as Pagefind's `normalize_content` does.
struct SearchRecord: Equatable {
    /// The plain text with weight markers, entities decoded.
    var content: String
    /// The first non-empty `h1` of the body, else the page's `<title>`.
    var title: String?
    /// `data-pagefind-filter` values by filter name, in document order.
    var filters: [String: [String]]
    /// `data-pagefind-meta` values of the body (`title` among them overrides the `h1`).
    var meta: [String: String]

    /// The record of a page, or nil when it has no `data-pagefind-body` element. With
    /// `wholeBody` (no page of the site marks a body), the `<body>` element is read instead.
    static func extract(_ html: [UInt8], wholeBody: Bool = false) -> SearchRecord? {
        var scanner = SearchTextScanner(html, wholeBody: wholeBody)
        return scanner.run()
    }
}

/// One open element while the body is scanned.
struct OpenElement {
    enum Status { case indexing, ignored, excluded }
    var name: [UInt8]
    var status: Status
    /// Raw text (entities not yet decoded) of the element and its closed children.
    var text: [UInt8] = []
    var filters: [(name: String, literal: String?)] = []
    var meta: [(name: String, literal: String?)] = []
    var weight: String?
}

/// The single pass over the bytes of a page that builds its `SearchRecord`.
struct SearchTextScanner {
    let html: [UInt8]
    var i = 0
    var stack: [OpenElement] = []
    var title: String?
    var filters: [String: [String]] = [:]
    var meta: [String: String] = [:]
    var content: [UInt8] = []

    /// Reads the `<body>` element rather than those marked `data-pagefind-body`.
    let wholeBody: Bool

    init(_ html: [UInt8], wholeBody: Bool) { self.html = html; self.wholeBody = wholeBody }

    static let sentence: Set<[UInt8]> = Set(["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"].map { Array($0.utf8) })
    static let removed: Set<[UInt8]> = Set(["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"].map { Array($0.utf8) })
    static let void: Set<[UInt8]> = Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"].map { Array($0.utf8) })
    static let rawText: Set<[UInt8]> = Set(["script", "style", "textarea", "title"].map { Array($0.utf8) })

    mutating func run() -> SearchRecord? {
        var found = false
        let needle = Array((wholeBody ? "<body" : "data-pagefind-body").utf8)
        while let start = html[i...].firstRange(of: needle) {
            guard let open = html[...start.lowerBound].lastIndex(of: UInt8(ascii: "<")) else { break }
            i = open
            guard let tag = readTag(), wholeBody ? tag.name == Array("body".utf8) : tag.attributes["data-pagefind-body"] != nil else {
                i = start.upperBound; continue
            }
            found = true
            stack = [element(tag, parent: .indexing)]
            if !tag.selfClosing { scanBody() }
            while !stack.isEmpty { close() }
        }
        guard found else { return nil }
        return SearchRecord(content: Self.normalize(content), title: meta["title"] ?? title ?? pageTitle(),
                            filters: filters, meta: meta.filter { $0.key != "title" })
    }

    /// Reads text and tags until the body element closes.
    mutating func scanBody() {
        while i < html.count, !stack.isEmpty {
            guard html[i] == UInt8(ascii: "<") else {
                let next = html[i...].firstIndex(of: UInt8(ascii: "<")) ?? html.count
                stack[stack.count - 1].text += html[i..<next]
                i = next
                continue
            }
            if html[i...].starts(with: Array("<!--".utf8)) {
                i = html[i...].firstRange(of: Array("-->".utf8))?.upperBound ?? html.count
            } else if i + 1 < html.count, html[i + 1] == UInt8(ascii: "/") {
                i += 2
                let name = readName()
                i = (html[i...].firstIndex(of: UInt8(ascii: ">")) ?? html.count - 1) + 1
                if let depth = stack.lastIndex(where: { $0.name == name }) {
                    while stack.count > depth { close() }
                }
            } else if i + 1 < html.count, Self.isNameStart(html[i + 1]) {
                guard let tag = readTag() else { break }
                open(tag)
            } else {
                stack[stack.count - 1].text.append(html[i])
                i += 1
            }
        }
    }

    /// Handles a start tag inside the body.
    mutating func open(_ tag: Tag) {
        let parent = stack[stack.count - 1].status
        if tag.name == Array("br".utf8) { stack[stack.count - 1].text.append(UInt8(ascii: " ")) }
        var element = element(tag, parent: parent)
        if Self.removed.contains(tag.name), element.status == .indexing { element.status = .ignored }
        if Self.rawText.contains(tag.name), !tag.selfClosing {
            let end = Array("</".utf8) + tag.name
            let closing = Self.firstRangeIgnoringCase(end, in: html, from: i) ?? html.count
            element.text = Array(html[i..<closing])
            i = closing
            i = (html[i...].firstIndex(of: UInt8(ascii: ">")) ?? html.count - 1) + 1
            stack.append(element)
            close()
        } else if tag.selfClosing || Self.void.contains(tag.name) {
            stack.append(element)
            close()
        } else {
            stack.append(element)
        }
    }

    /// The open element a tag starts, its status inherited from its parent.
    func element(_ tag: Tag, parent: OpenElement.Status) -> OpenElement {
        var element = OpenElement(name: tag.name, status: parent == .excluded ? .excluded : (parent == .ignored ? .ignored : .indexing))
        if let ignore = tag.attributes["data-pagefind-ignore"] {
            let value = ignore.lowercased()
            let flag: OpenElement.Status = ["", "index", "true"].contains(value) ? .ignored : .excluded
            if element.status != .excluded { element.status = flag }
        }
        element.filters = tag.attributes["data-pagefind-filter"].map(Self.parseAttribute) ?? []
        element.meta = tag.attributes["data-pagefind-meta"].map(Self.parseAttribute) ?? []
        element.weight = tag.attributes["data-pagefind-weight"]
        return element
    }

    /// Closes the innermost open element: records its filters, meta and title, then hands its
    /// text to its parent (or to the page's content when it is the body).
    mutating func close() {
        var element = stack.removeLast()
        guard element.status != .excluded else { return }
        for f in element.filters {
            filters[f.name, default: []].append(Self.normalize(f.literal.map { Array($0.utf8) } ?? element.text))
        }
        for m in element.meta {
            meta[m.name] = Self.normalize(m.literal.map { Array($0.utf8) } ?? element.text)
        }
        if element.name == Array("h1".utf8), title == nil {
            let text = Self.normalize(element.text)
            if !text.isEmpty { title = text }
        }
        guard element.status == .indexing else { return }
        if Self.sentence.contains(element.name) {
            element.text.insert(UInt8(ascii: " "), at: 0)
            if Self.endsOnWord(element.text) { element.text.append(UInt8(ascii: ".")) }
            element.text.append(UInt8(ascii: " "))
        }
        let weight = element.weight.map { "___PAGEFIND_WEIGHT___" + $0 } ?? Self.headingWeight(element.name).map { "___PAGEFIND_AUTO_WEIGHT___" + $0 }
        if let weight {
            element.text = Array(" \(weight) ".utf8) + element.text + Array(" ___END_PAGEFIND_WEIGHT___ ".utf8)
        }
        if stack.isEmpty { content += element.text } else { stack[stack.count - 1].text += element.text }
    }

    /// The `<title>` of the page, Pagefind's last resort for a result's title.
    func pageTitle() -> String? {
        guard let start = html.firstRange(of: Array("<title>".utf8)),
              let end = html[start.upperBound...].firstRange(of: Array("</title>".utf8)) else { return nil }
        let text = Self.normalize(Array(html[start.upperBound..<end.lowerBound]))
        return text.isEmpty ? nil : text
    }

    static func headingWeight(_ name: [UInt8]) -> String? {
        guard name.count == 2, name[0] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(name[1]) else { return nil }
        return String(8 - Int(name[1] - UInt8(ascii: "0")))
    }
}

/// The lexical pieces of the scanner: tags, attributes, entities, whitespace.
extension SearchTextScanner {
    struct Tag {
        var name: [UInt8]
        var attributes: [String: String]
        var selfClosing: Bool
    }

    static func isNameStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
    }

    /// A lowercased tag or attribute name at `i`.
    mutating func readName() -> [UInt8] {
        var name: [UInt8] = []
        while i < html.count, !Self.isSpace(html[i]), html[i] != UInt8(ascii: ">"), html[i] != UInt8(ascii: "/"), html[i] != UInt8(ascii: "=") {
            name.append(html[i] >= 0x41 && html[i] <= 0x5A ? html[i] | 0x20 : html[i])
            i += 1
        }
        return name
    }

    /// The start tag at `i` (on its `<`), leaving `i` after its `>`; nil when the file ends first.
    mutating func readTag() -> Tag? {
        i += 1
        var tag = Tag(name: readName(), attributes: [:], selfClosing: false)
        while i < html.count {
            let b = html[i]
            if Self.isSpace(b) { i += 1; continue }
            if b == UInt8(ascii: ">") { i += 1; return tag }
            if b == UInt8(ascii: "/") { tag.selfClosing = i + 1 < html.count && html[i + 1] == UInt8(ascii: ">"); i += 1; continue }
            let name = String(decoding: readName(), as: UTF8.self)
            if name.isEmpty { i += 1; continue }
            var value = ""
            if i < html.count, html[i] == UInt8(ascii: "=") {
                i += 1
                value = readValue()
            }
            if tag.attributes[name] == nil { tag.attributes[name] = value }
        }
        return nil
    }

    /// An attribute value at `i`, quoted or not, entities decoded.
    mutating func readValue() -> String {
        guard i < html.count else { return "" }
        let quote = html[i]
        let start: Int, end: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            start = i + 1
            end = html[start...].firstIndex(of: quote) ?? html.count
            i = min(end + 1, html.count)
        } else {
            start = i
            end = html[start...].firstIndex { Self.isSpace($0) || $0 == UInt8(ascii: ">") } ?? html.count
            i = end
        }
        return String(decoding: Self.decodeEntities(html[start..<end]), as: UTF8.self)
    }

    /// `name:literal`, `a, b` or `a, b:literal` (Pagefind's `parse_attr_string`, without the
    /// `name[attribute]` form): the last name takes the literal, the others the element's text.
    static func parseAttribute(_ value: String) -> [(name: String, literal: String?)] {
        let (names, literal): (Substring, Substring?) = value.firstIndex(of: ":").map { (value[..<$0], value[value.index(after: $0)...]) } ?? (value[...], nil)
        let parts = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.enumerated().map { n, name in (name, n == parts.count - 1 ? literal.map(String.init) : nil) }
    }

    /// Whether raw text ends on a character of Pagefind's `[\w'"\)\$\*]`.
    static func endsOnWord(_ text: [UInt8]) -> Bool {
        guard let last = text.last else { return false }
        if last < 0x80 {
            return (last | 0x20) >= 0x61 && (last | 0x20) <= 0x7A || (0x30...0x39).contains(last) || "_'\")$*".utf8.contains(last)
        }
        var start = text.count - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let scalar = String(decoding: text[start...], as: UTF8.self).unicodeScalars.last else { return false }
        let p = scalar.properties
        return p.isAlphabetic || [.decimalNumber, .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark].contains(p.generalCategory)
    }

    /// Entities decoded, whitespace runs collapsed to one space, ends trimmed.
    static func normalize(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var space = false
        for b in decodeEntities(raw[...]) {
            if isSpace(b) { space = true; continue }
            if space, !out.isEmpty { out.append(0x20) }
            space = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
                                          "laquo": "«", "raquo": "»", "rsquo": "’", "lsquo": "‘", "hellip": "…", "ndash": "–", "mdash": "—",
                                          "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "euro": "€"]

    /// Numeric entities and the named ones HTML writers commonly use; others are left as written.
    static func decodeEntities(_ raw: ArraySlice<UInt8>) -> [UInt8] {
        guard raw.contains(UInt8(ascii: "&")) else { return Array(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = raw.startIndex
        while k < raw.endIndex {
            guard raw[k] == UInt8(ascii: "&"), let semi = raw[k...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(raw[k]); k += 1; continue
            }
            let body = String(decoding: raw[(k + 1)..<semi], as: UTF8.self)
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[body]
            }
            if let decoded { out += decoded.utf8; k = semi + 1 } else { out.append(raw[k]); k += 1 }
        }
        return out
    }

    /// The first occurrence of `needle` (ASCII, lowercase) from `start`, ignoring case.
    static func firstRangeIgnoringCase(_ needle: [UInt8], in html: [UInt8], from start: Int) -> Int? {
        guard needle.count <= html.count else { return nil }
        var k = start
        while k + needle.count <= html.count {
            guard let lt = html[k...].firstIndex(of: needle[0]), lt + needle.count <= html.count else { return nil }
            if (0..<needle.count).allSatisfy({ html[lt + $0] | (needle[$0] >= 0x61 ? 0x20 : 0) == needle[$0] }) { return lt }
            k = lt + 1
        }
        return nil
    }
}
