import HabitatCore
import HabitatMarkdown

/// Parses one content file, chosen by where it lives under `Content/`.
public struct ContentParser: Sendable {
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) { self.allowRawHTML = allowRawHTML }

    /// - Parameters:
    ///   - relativePath: the path under `Content/`, with `/` separators.
    ///   - displayPath: the path printed in diagnostics.
    public func parse(relativePath: String, displayPath: String, bytes: [UInt8]) -> ParsedFile {
        var file = ParsedFile(path: displayPath, relativePath: relativePath, item: nil, diagnostics: [], contentHash: StableHash.fnv1a(bytes),
                              metaHash: relativePath.hasSuffix(".md") ? StableHash.fnv1a(Self.frontMatterBytes(bytes)) : nil)
        do {
            file.item = try parseItem(relativePath, displayPath, bytes, &file.diagnostics)
        } catch {
            file.diagnostics.append(error)
        }
        if file.item != nil, Self.containsPlaceholder(bytes), let text = String(validating: bytes, as: UTF8.self) {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("#") { continue }
                if let r = line.firstRange(of: "À compléter") {
                    file.diagnostics.append(.warning(SourceLocation(file: displayPath, line: i + 1, column: line[..<r.lowerBound].count + 1),
                                                     "placeholder 'À compléter' left: it would be published as is", code: "content.placeholder"))
                    break
                }
            }
        }
        return file
    }

    private func parseItem(_ rel: String, _ path: String, _ bytes: [UInt8], _ diagnostics: inout [Diagnostic]) throws(Diagnostic) -> ContentItem? {
        let parts = rel.split(separator: "/").map(String.init)
        let name = parts.last ?? rel
        let (stem, ext) = splitExtension(name)
        let top = parts.first ?? ""

        func text() throws(Diagnostic) -> String {
            var slice = bytes[...]
            if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
            return try UTF8Check.decode(slice, file: path)
        }
        func yaml() throws(Diagnostic) -> YAMLValue {
            let t = try text()
            guard let v = try YAMLParser.parse(t, file: path) else {
                throw .error(SourceLocation(file: path, line: 1, column: 1), "the file is empty", code: "yaml.empty")
            }
            return v
        }
        func decode<T: Decodable>(_ type: T.Type, _ value: YAMLValue) throws(Diagnostic) -> T {
            try ContentDecoder(file: path).decode(type, from: value)
        }
        func markdown<T: Decodable>(_ type: T.Type) throws(Diagnostic) -> (T, MarkdownDocument) {
            let split = try FrontMatterSplit.split(try text(), file: path)
            guard let fm = try YAMLParser.parse(split.yaml, file: path, lineOffset: split.yamlLineOffset) else {
                throw .error(SourceLocation(file: path, line: 2, column: 1), "the front matter is empty; it needs at least 'titre'", code: "front-matter.missing-key")
            }
            let value = try decode(type, fm)
            let doc = MarkdownRenderer.render(split.body, options: MarkdownOptions(allowRawHTML: allowRawHTML, lineOffset: split.bodyLineOffset))
            return (value, doc)
        }
        func requireSlug(_ id: String) throws(Diagnostic) {
            guard Slug.isValid(id) else {
                throw .error(SourceLocation(file: path, line: 1, column: 1),
                             "file name '\(name)' must be a slug (lowercase letters, digits and '-'); rename it '\(Slug.make(id)).\(ext)'", code: "file.bad-name")
            }
        }

        switch (top, parts.count, ext) {
        case ("site.yaml", 1, _):
            return .site(try decode(SiteFile.self, try yaml()))
        case ("audit-accessibilite.json", 1, _):
            return .accessibilityAudit(try decode(AccessibilityAuditFile.self, try json()))
        case ("territoires", 2, "yaml"):
            try requireSlug(stem)
            return .territory(id: stem, try decode(TerritoryFile.self, try yaml()))
        case ("communes", 2, "csv"):
            try requireSlug(stem)
            return .communes(epci: stem, try CSVReader.read(bytes, file: path))
        case ("referentiel", 2, "csv") where ["communes", "mouvements", "graphies", "anciennes-adresses"].contains(stem):
            return .reference(kind: stem, try CSVReader.read(bytes, file: path))
        case ("referentiel", 2, "md"):
            return nil  // the reference's sources and licence, for people
        case ("plans", 3, "md") where name == "plan.md":
            try requireSlug(parts[1])
            let (plan, body) = try markdown(PlanFile.self)
            return .plan(id: parts[1], plan, body: body)
        case ("plans", 4, "md") where parts[2] == "actions":
            try requireSlug(stem)
            let (fiche, body) = try markdown(FicheFile.self)
            return .fiche(plan: parts[1], file: stem, fiche, body: body)
        case ("tables", 2, "yaml"):
            try requireSlug(stem)
            return .tableSchema(id: stem, try decode(TableSchemaFile.self, try yaml()))
        case ("tables", 2, "csv"):
            try requireSlug(stem)
            return .tableData(id: stem, try CSVReader.read(bytes, file: path))
        case ("aides", 2, "md"):
            try requireSlug(stem)
            let (aid, body) = try markdown(AidFile.self)
            return .aid(id: stem, aid, body: body)
        case ("aides", 2, "yaml") where stem.hasSuffix(".regles"):
            let id = String(stem.dropLast(".regles".count))
            try requireSlug(id)
            return .aidRules(id: id, try yaml())
        case ("baremes", 2, "yaml"):
            try requireSlug(stem)
            return .bareme(id: stem, try yaml())
        case ("indicateurs", 2, "json"):
            try requireSlug(stem)
            return .indicator(id: stem, try decode(IndicatorFile.self, try json()))
        case ("pages", _, "md") where parts.count >= 2:
            for p in parts.dropFirst().dropLast() { try requireSlug(p) }
            try requireSlug(stem)
            let (page, body) = try markdown(PageFile.self)
            return .page(path: (parts.dropFirst().dropLast() + [stem]).joined(separator: "/"), page, body: body)
        case ("actualites", 2, "md"):
            try requireSlug(stem)
            let (news, body) = try markdown(NewsFile.self)
            return .news(slug: stem, news, body: body)
        case ("medias", _, _):
            return .asset(path: rel)
        default:
            diagnostics.append(.warning(SourceLocation(file: path), "file ignored: Habitat does not know what '\(rel)' is (see 'habitat schema' for where each kind of file goes)", code: "file.ignored"))
            return nil
        }

        func json() throws(Diagnostic) -> YAMLValue {
            try JSONReader.parse(try text(), file: path)
        }
    }

    private static let placeholder = Array("À compléter".utf8)

    /// A byte search: `String.contains` goes through Foundation and costs more than parsing.
    static func containsPlaceholder(_ bytes: [UInt8]) -> Bool {
        let first = placeholder[0]
        var i = 0
        let last = bytes.count - placeholder.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + placeholder.count)].elementsEqual(placeholder) { return true }
            i += 1
        }
        return false
    }

    /// The bytes of a front matter (from the start to the closing `---`), or everything.
    static func frontMatterBytes(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let marker: [UInt8] = Array("\n---".utf8)
        guard bytes.count > 3 else { return bytes[...] }
        var i = 3
        while i + marker.count <= bytes.count {
            if bytes[i] == 0x0A, bytes[i..<(i + marker.count)].elementsEqual(marker) { return bytes[..<(i + marker.count)] }
            i += 1
        }
        return bytes[...]
    }

    private func splitExtension(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: ".") else { return (name, "") }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }
}
