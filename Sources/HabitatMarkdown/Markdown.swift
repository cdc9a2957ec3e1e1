import CCmarkGFM
import CMarkdownArena
import HabitatCore
#if canImport(Glibc)
import Glibc
#endif

/// Markdown rendered to HTML by cmark-gfm, with what the resolve stage needs: headings and links.
public struct MarkdownDocument: Sendable {
    /// A heading: level, plain text, its anchor and where it stands in the source.
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var anchor: String
        public var line: Int
        public var column: Int
    }

    /// A link or image destination with its position in the source.
    public struct Link: Sendable, Hashable {
        public var destination: String
        public var isImage: Bool
        public var hasText: Bool
        public var line: Int
        public var column: Int
    }

    public var html: String
    public var headings: [Heading]
    public var links: [Link]
    /// Plain text of the whole document (for excerpts and search).
    public var plainText: String
}

/// Options for rendering Markdown.
public struct MarkdownOptions: Sendable {
    /// Raw HTML passes through only when the site config allows it; otherwise cmark-gfm omits it.
    public var allowRawHTML: Bool
    /// Lines to add to every reported line (the front matter above the body).
    public var lineOffset: Int
    /// French typography in text (no-break spaces before `: ; ! ?` and inside « »).
    public var frenchTypography: Bool

    public init(allowRawHTML: Bool = false, lineOffset: Int = 0, frenchTypography: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.lineOffset = lineOffset
        self.frenchTypography = frenchTypography
    }
}

/// Renders GitHub-flavoured Markdown with the table, strikethrough, autolink, tagfilter and
/// tasklist extensions and footnotes.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    public static func render(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        _ = registered
        var flags = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        // Everything cmark allocates for this document comes from this thread's arena and is
        // released at once when the document is done (see markdown_arena.h); runs last.
        defer { markdown_arena_reset() }
        guard let parser = cmark_parser_new_with_mem(flags, arena) else {
            return MarkdownDocument(html: "", headings: [], links: [], plainText: "")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var source = source
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownDocument(html: "", headings: [], links: [], plainText: "")
        }
        defer { cmark_node_free(root) }

        var headings: [MarkdownDocument.Heading] = []
        var links: [MarkdownDocument.Link] = []
        var plain: [UInt8] = []
        var usedAnchors: [String: Int] = [:]
        var tableLabels: [String] = []
        var lines = LineTable(source)

        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_HEADING:
                let text = plainText(of: node)
                let anchor = uniqueAnchor(text, used: &usedAnchors)
                let line = Int(cmark_node_get_start_line(node))
                headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: anchor,
                                      line: line + options.lineOffset,
                                      column: lines.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)))))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let line = Int(cmark_node_get_start_line(node))
                links.append(.init(destination: url, isImage: type == CMARK_NODE_IMAGE,
                                   hasText: !plainText(of: node).trimmingSpaces.isEmpty,
                                   line: line + options.lineOffset,
                                   column: lines.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)))))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    plain.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH:
                plain.append(space)
            default:
                // Table cells are separate words in the plain text (search excerpts). The
                // table extension's node types are compared by name, as C strings.
                guard let name = cmark_node_get_type_string(node) else { break }
                if strcmp(name, "table_cell") == 0 || strcmp(name, "table_row") == 0 { plain.append(space) }
                if strcmp(name, "table") == 0 { tableLabels.append(tableLabel(node, number: tableLabels.count + 1)) }
            }
        }

        if options.frenchTypography { applyTypography(root) }
        let html = renderHTML(root, flags: flags & ~CMARK_OPT_SOURCEPOS, extensions: cmark_parser_get_syntax_extensions(parser),
                              headings: headings, tableLabels: tableLabels)
        return MarkdownDocument(html: html, headings: headings, links: links, plainText: String(decoding: plain, as: UTF8.self).trimmingSpaces)
    }

    /// The document's HTML, with the headings' anchors and the tables' scroll regions added on
    /// the bytes cmark wrote: the text is made once, copied out of the arena.
    private static func renderHTML(_ root: OpaquePointer, flags: Int32, extensions: UnsafeMutablePointer<cmark_llist>?,
                                   headings: [MarkdownDocument.Heading], tableLabels: [String]) -> String {
        guard let cString = cmark_render_html_with_mem(root, flags, extensions, arena) else { return "" }
        let rendered = UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString))
        var anchored: [UInt8] = []
        if !headings.isEmpty { anchored = addHeadingAnchors(rendered, headings) }
        return anchored.withUnsafeBufferPointer { anchoredBytes in
            let bytes = headings.isEmpty ? rendered : anchoredBytes
            if tableLabels.isEmpty { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: wrapTables(bytes, tableLabels), as: UTF8.self)
        }
    }

    private static let space = UInt8(ascii: " ")

    /// cmark's allocator: the per-thread arena. Immutable once made; each thread's arena is its own.
    nonisolated(unsafe) private static let arena: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: markdown_arena_calloc, realloc: markdown_arena_realloc, free: markdown_arena_free))
        return mem
    }()

    /// A heading's anchor: its slug (`section` when empty), with `-2`, `-3`… when already used.
    static func uniqueAnchor(_ text: String, used: inout [String: Int]) -> String {
        var anchor = Slug.make(text)
        if anchor.isEmpty { anchor = "section" }
        if let n = used[anchor] {
            used[anchor] = n + 1
            anchor += "-\(n + 1)"
        } else {
            used[anchor] = 1
        }
        return anchor
    }

    /// No-break spaces before `: ; ! ?` and inside « » in text nodes only: code, URLs and
    /// raw HTML are left as written. After headings got their anchors, so anchors do not move.
    private static func applyTypography(_ root: OpaquePointer) {
        // cmark splits text at characters that might start syntax (`!`, `:` for autolinks):
        // merge neighbours first so "Combien !" is one text.
        cmark_consolidate_text_nodes(root)
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter), cmark_node_get_type(node) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(node) else { continue }
            // Only text with one of `: ; ! ? « »` can change (the guillemets start with 0xC2):
            // tested on the C string, before any Swift string is made.
            guard mayChange(literal) else { continue }
            let text = String(cString: literal)
            let typeset = French.typography(text)
            if typeset != text { _ = cmark_node_set_literal(node, typeset) }
        }
    }

    /// Whether a C string holds one of `: ; ! ?` or a byte 0xC2 (the first of « and »).
    private static func mayChange(_ literal: UnsafePointer<CChar>) -> Bool {
        var p = UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            switch p.pointee {
            case 0x3A, 0x3B, 0x21, 0x3F, 0xC2: return true
            default: p += 1
            }
        }
        return false
    }

    /// "Tableau 2 : Catégorie, Plafond" — from the header cells, to name the table's scroll region.
    private static func tableLabel(_ table: OpaquePointer, number: Int) -> String {
        var heads: [String] = []
        if let header = cmark_node_first_child(table) {
            var cell = cmark_node_first_child(header)
            while let c = cell {
                let t = plainText(of: c).trimmingSpaces
                if !t.isEmpty { heads.append(t) }
                cell = cmark_node_next(c)
            }
        }
        let label = "Tableau \(number)" + (heads.isEmpty ? "" : " : " + heads.joined(separator: ", "))
        return label.count > 120 ? String(label.prefix(119)) + "…" : label
    }

    /// Puts each table in a labelled, keyboard-focusable region that scrolls sideways, so a wide
    /// table never widens the page on a phone (WCAG 1.4.10 reflow). One pass over the bytes:
    /// `String.firstRange(of:)` cost a fifth of a 10 000-page build.
    private static func wrapTables(_ bytes: UnsafeBufferPointer<UInt8>, _ labels: [String]) -> [UInt8] {
        let open = Array("<table>".utf8), close = Array("</table>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + labels.count * 160)
        var copied = 0, n = 0
        while let start = ByteSearch.firstIndex(of: open, in: bytes, from: copied) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
            let label = n < labels.count ? labels[n] : "Tableau \(n + 1)"
            n += 1
            out.append(contentsOf: "<div class=\"defilement\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTML.escape(label))\">".utf8)
            copied = start
            guard let end = ByteSearch.firstIndex(of: close, in: bytes, from: start + open.count) else { break }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<(end + close.count)]))
            out.append(contentsOf: "</div>".utf8)
            copied = end + close.count
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            let type = cmark_node_get_type(c)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(c) {
                out += String(cString: literal)
            } else {
                out += plainText(of: c)
            }
            child = cmark_node_next(c)
        }
        return out
    }

    /// Gives each `<hN>` the anchor computed from the tree, in document order, in one pass
    /// over the bytes (cmark writes `<h1>`…`<h6>` with no attribute).
    private static func addHeadingAnchors(_ bytes: UnsafeBufferPointer<UInt8>, _ headings: [MarkdownDocument.Heading]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 32)
        var next = 0, copied = 0, i = 0
        while next < headings.count, i + 3 < bytes.count {
            // Jump to the next '<', then test for `<hN>`.
            guard let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) else { break }
            i = lt
            let level = headings[next].level
            if i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"), bytes[i + 2] == UInt8(ascii: "0") + UInt8(level), bytes[i + 3] == UInt8(ascii: ">") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                out.append(contentsOf: "<h\(level) id=\"\(headings[next].anchor)\">".utf8)
                next += 1
                i += 4
                copied = i
            } else {
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return out
    }
}

/// Byte offsets of line starts, computed on first use (most documents have no heading or link).
struct LineTable {
    let source: String
    private var bytes: [UInt8] = []
    private var starts: [Int]?

    init(_ source: String) { self.source = source }

    /// cmark counts columns in bytes; diagnostics count characters.
    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        if starts == nil {
            bytes = Array(source.utf8)
            var s = [0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { s.append(i + 1) }
            starts = s
        }
        guard let starts, line >= 1, line <= starts.count, byteColumn > 1 else { return max(byteColumn, 1) }
        let lineEnd = line < starts.count ? starts[line] - 1 : bytes.count
        let prefix = bytes[starts[line - 1]..<min(starts[line - 1] + byteColumn - 1, lineEnd)]
        // ASCII: one byte, one character (most lines); else count characters as people see them.
        if prefix.allSatisfy({ $0 < 0x80 }) { return prefix.count + 1 }
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}

extension String {
    var trimmingSpaces: String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
