import HabitatContent
import HabitatCore

/// The parses a preview session keeps between builds, with each file's status when it was read.
struct ParseCache: Sendable {
    var files: [String: ParsedFile] = [:]
    var statuses: [String: FileStatus] = [:]
    /// Statuses later than this (nanoseconds since 1970) are not trusted: the file may have
    /// changed again in the same clock tick (`SourceSnapshot.defaultSettle`).
    var trustedBefore = Int64.min
}

/// Stage 1 and 2: discover the source files, then parse them in parallel.
public enum ParseStage {
    /// Reads and parses every file under `contentDir`, at most `workers` at a time.
    /// `site.yaml` is parsed first, once: whether Markdown may hold raw HTML (`html_brut`) depends on it.
    /// The result is in path order whatever the scheduling.
    public static func run(contentDir: String, displayPrefix: String, workers: Int,
                           cache: [String: ParsedFile] = [:]) async -> [ParsedFile] {
        await run(contentDir: contentDir, displayPrefix: displayPrefix, workers: workers, cache: ParseCache(files: cache)).files
    }

    /// The same, with the statuses of the files read: a cached file whose status is unchanged
    /// (and old enough to be trusted) keeps its parse without being read again.
    static func run(contentDir: String, displayPrefix: String, workers: Int,
                    cache: ParseCache) async -> (files: [ParsedFile], statuses: [String: FileStatus]) {
        var cache = cache
        let site = FileSystem.readBytes(contentDir + "/site.yaml").map {
            ContentParser().parse(relativePath: "site.yaml", displayPath: displayPrefix + "site.yaml", bytes: $0)
        }
        // Markdown parsed under the other setting is parsed again.
        if rawHTML(site) != rawHTML(cache.files["site.yaml"]) { cache = ParseCache() }
        if let site { cache.files["site.yaml"] = site }
        return await run(contentDir: contentDir, displayPrefix: displayPrefix, parser: ContentParser(allowRawHTML: rawHTML(site)), workers: workers, cache: cache)
    }

    static func rawHTML(_ site: ParsedFile?) -> Bool {
        if case .site(let s)? = site?.item { return s.html_brut == true }
        return false
    }

    static func run(contentDir: String, displayPrefix: String, parser: ContentParser, workers: Int,
                    cache: ParseCache) async -> (files: [ParsedFile], statuses: [String: FileStatus]) {
        let listed = FileStatus.tree(under: contentDir)
        let chunks = max(1, workers)
        var results = [ParsedFile?](repeating: nil, count: listed.count)
        await withTaskGroup(of: [(Int, ParsedFile)].self) { group in
            for worker in 0..<chunks {
                group.addTask {
                    var out: [(Int, ParsedFile)] = []
                    var i = worker
                    while i < listed.count {
                        out.append((i, parse(listed[i].path, status: listed[i].status, contentDir, displayPrefix, parser, cache)))
                        i += chunks
                    }
                    return out
                }
            }
            for await chunk in group { for (i, f) in chunk { results[i] = f } }
        }
        let statuses = Dictionary(listed.map { ($0.path, $0.status) }, uniquingKeysWith: { a, _ in a })
        return (results.compactMap { $0 }, statuses)
    }

    /// One file: the cached parse when its status did not change, else read (and the cached
    /// parse again when the bytes are the same), else parsed.
    static func parse(_ rel: String, status: FileStatus, _ contentDir: String, _ displayPrefix: String,
                      _ parser: ContentParser, _ cache: ParseCache) -> ParsedFile {
        let display = displayPrefix + rel
        let cached = cache.files[rel].flatMap { $0.path == display ? $0 : nil }
        if let cached, status != .missing, cache.statuses[rel] == status, status.latest < cache.trustedBefore { return cached }
        guard let bytes = FileSystem.readBytes(contentDir + "/" + rel) else {
            return ParsedFile(path: display, relativePath: rel, item: nil,
                              diagnostics: [.error(SourceLocation(file: display), "fichier illisible", code: "file.unreadable")], contentHash: 0)
        }
        // An unchanged file (same bytes) keeps its parse: what makes `serve` fast.
        if let cached, cached.contentHash == StableHash.fnv1a(bytes) { return cached }
        return parser.parse(relativePath: rel, displayPath: display, bytes: bytes)
    }
}
