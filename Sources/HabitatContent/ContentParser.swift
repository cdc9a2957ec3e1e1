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
        // Text that `habitat new` writes: a published page must not keep it; a draft may.
        if let item = file.item, Self.scaffoldMarkers.contains(where: { ByteSearch.contains($0, in: bytes) }),
           let text = String(validating: bytes, as: UTF8.self) {
            var reported = 0
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where reported < 20 {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("#") { continue }
                guard let r = Self.scaffoldTexts.lazy.compactMap({ line.firstRange(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { continue }
                reported += 1
                let at = SourceLocation(file: displayPath, line: i + 1, column: line[..<r.lowerBound].count + 1)
                let found = line[r.lowerBound...].hasPrefix("À compléter") ? "« À compléter »" : "le texte d'exemple « \(line[r.lowerBound...].prefix(30))… »"
                if item.isDraft {
                    file.diagnostics.append(.warning(at, "\(found) est encore là : remplacez-le avant d'ôter « brouillon: true »", code: "content.placeholder"))
                } else {
                    file.diagnostics.append(.error(at, "\(found) est encore là et serait publié tel quel : remplacez-le, "
                                                   + "ou remettez « brouillon: true » tant que la page n'est pas prête", code: "content.placeholder"))
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

        let source = SourceFile(path: path, name: name, ext: ext, bytes: bytes, allowRawHTML: allowRawHTML)

        switch (top, parts.count, ext) {
        case ("site.yaml", 1, _):
            return .site(try source.decode(SiteFile.self, try source.yaml()))
        case ("audit-accessibilite.json", 1, _):
            return .accessibilityAudit(try source.decode(AccessibilityAuditFile.self, try source.json()))
        case ("territoires", 2, "yaml"):
            try source.requireSlug(stem)
            return .territory(id: stem, try source.decode(TerritoryFile.self, try source.yaml()))
        case ("communes", 2, "csv"):
            try source.requireSlug(stem)
            return .communes(epci: stem, try CSVReader.read(bytes, file: path))
        case ("referentiel", 2, "csv") where ["communes", "mouvements", "graphies", "anciennes-adresses"].contains(stem):
            return .reference(kind: stem, try CSVReader.read(bytes, file: path))
        case ("referentiel", 2, "yaml") where stem == "sources":
            return .referenceSources(try source.decode(ReferenceSourcesFile.self, try source.yaml()))
        case ("referentiel", 2, "md"):
            return nil  // the reference's sources and licence, for people
        case ("plans", 3, "md") where name == "plan.md":
            try source.requireSlug(parts[1])
            let (plan, body) = try source.markdown(PlanFile.self)
            return .plan(id: parts[1], plan, body: body)
        case ("plans", 4, "md") where parts[2] == "actions":
            try source.requireSlug(stem)
            let (fiche, body) = try source.markdown(FicheFile.self)
            return .fiche(plan: parts[1], file: stem, fiche, body: body)
        case ("tables", 2, "yaml"):
            try source.requireSlug(stem)
            return .tableSchema(id: stem, try source.decode(TableSchemaFile.self, try source.yaml()))
        case ("tables", 2, "csv"):
            try source.requireSlug(stem)
            return .tableData(id: stem, try CSVReader.read(bytes, file: path))
        case ("aides", 2, "md"):
            try source.requireSlug(stem)
            let (aid, body) = try source.markdown(AidFile.self)
            return .aid(id: stem, aid, body: body)
        case ("aides", 2, "yaml") where stem.hasSuffix(".regles"):
            let id = String(stem.dropLast(".regles".count))
            try source.requireSlug(id)
            return .aidRules(id: id, try source.yaml())
        case ("baremes", 2, "yaml"):
            try source.requireSlug(stem)
            return .bareme(id: stem, try source.yaml())
        case ("indicateurs", 2, "json"):
            try source.requireSlug(stem)
            return .indicator(id: stem, try source.decode(IndicatorFile.self, try source.json()))
        case ("pages", _, "md") where parts.count >= 2:
            for p in parts.dropFirst().dropLast() { try source.requireSlug(p) }
            try source.requireSlug(stem)
            let (page, body) = try source.markdown(PageFile.self)
            return .page(path: (parts.dropFirst().dropLast() + [stem]).joined(separator: "/"), page, body: body)
        case ("actualites", 2, "md"):
            try source.requireSlug(stem)
            let (news, body) = try source.markdown(NewsFile.self)
            return .news(slug: stem, news, body: body)
        case ("documents", 2, "yaml"):
            try source.requireSlug(stem)
            return .document(id: stem, try source.decode(DocumentFile.self, try source.yaml()))
        case ("documents", 2, "txt"):
            try source.requireSlug(stem)
            return .documentText(id: stem, text: try source.text())
        case ("medias", _, _):
            return .asset(path: rel)
        default:
            diagnostics.append(.warning(SourceLocation(file: path), "fichier ignoré : Habitat ne sait pas ce qu'est « \(rel) » (« habitat schema » dit où va chaque sorte de fichier)", code: "file.ignored"))
            return nil
        }
    }

    /// What `habitat new` writes for the author to replace: the « À compléter » values and the
    /// body's « Écrivez ici … » sentence.
    public static let scaffoldTexts = ["À compléter", "Écrivez ici"]
    private static let scaffoldMarkers = scaffoldTexts.map { Array($0.utf8) }

    /// The bytes of a front matter (from the start to the closing `---`), or everything.
    static func frontMatterBytes(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        FrontMatterSplit.end(of: bytes).map { bytes[..<$0] } ?? bytes[...]
    }

    private func splitExtension(_ name: String) -> (String, String) {
        guard let dot = name.lastIndex(of: ".") else { return (name, "") }
        return (String(name[..<dot]), String(name[name.index(after: dot)...]))
    }
}

/// One file being parsed: its bytes read as text, YAML, JSON or Markdown with front matter.
private struct SourceFile {
    let path: String
    let name: String
    let ext: String
    let bytes: [UInt8]
    let allowRawHTML: Bool

    func text() throws(Diagnostic) -> String {
        var slice = bytes[...]
        if slice.starts(with: [0xEF, 0xBB, 0xBF]) { slice = slice.dropFirst(3) }
        return try UTF8Check.decode(slice, file: path)
    }
    func yaml() throws(Diagnostic) -> YAMLValue {
        let t = try text()
        guard let v = try YAMLParser.parse(t, file: path) else {
            throw .error(SourceLocation(file: path, line: 1, column: 1), "le fichier est vide", code: "yaml.empty")
        }
        return v
    }
    func decode<T: Decodable>(_ type: T.Type, _ value: YAMLValue) throws(Diagnostic) -> T {
        try ContentDecoder(file: path).decode(type, from: value)
    }
    func markdown<T: Decodable>(_ type: T.Type) throws(Diagnostic) -> (T, MarkdownDocument) {
        let split = try FrontMatterSplit.split(try text(), file: path)
        guard let fm = try YAMLParser.parse(split.yaml, file: path, lineOffset: split.yamlLineOffset) else {
            throw .error(SourceLocation(file: path, line: 2, column: 1), "l'en-tête YAML est vide ; il lui faut au moins « titre »", code: "front-matter.missing-key")
        }
        let value = try decode(type, fm)
        let doc = MarkdownRenderer.render(split.body, options: MarkdownOptions(allowRawHTML: allowRawHTML, lineOffset: split.bodyLineOffset))
        return (value, doc)
    }
    func requireSlug(_ id: String) throws(Diagnostic) {
        guard Slug.isValid(id) else {
            throw .error(SourceLocation(file: path, line: 1, column: 1),
                         "le nom de fichier « \(name) » ne doit contenir que des minuscules sans accent, des chiffres et des « - » ; renommez-le « \(Slug.make(id)).\(ext) »", code: "file.bad-name")
        }
    }

    func json() throws(Diagnostic) -> YAMLValue {
        try JSONReader.parse(try text(), file: path)
    }
}
