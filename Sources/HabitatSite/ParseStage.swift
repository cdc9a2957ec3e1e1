import HabitatContent
import HabitatCore

/// Stage 1 and 2: discover the source files, then parse them in parallel.
public enum ParseStage {
    /// Reads and parses every file under `contentDir`, at most `workers` at a time.
    /// `site.yaml` is parsed first, once: whether Markdown may hold raw HTML (`html_brut`) depends on it.
    /// The result is in path order whatever the scheduling.
    public static func run(contentDir: String, displayPrefix: String, workers: Int,
                           cache: [String: ParsedFile] = [:]) async -> [ParsedFile] {
        var cache = cache
        let site = FileSystem.readBytes(contentDir + "/site.yaml").map {
            ContentParser().parse(relativePath: "site.yaml", displayPath: displayPrefix + "site.yaml", bytes: $0)
        }
        // Markdown parsed under the other setting is parsed again.
        if rawHTML(site) != rawHTML(cache["site.yaml"]) { cache = [:] }
        if let site { cache["site.yaml"] = site }
        return await run(contentDir: contentDir, displayPrefix: displayPrefix, parser: ContentParser(allowRawHTML: rawHTML(site)), workers: workers, cache: cache)
    }

    static func rawHTML(_ site: ParsedFile?) -> Bool {
        if case .site(let s)? = site?.item { return s.html_brut == true }
        return false
    }

    static func run(contentDir: String, displayPrefix: String, parser: ContentParser, workers: Int,
                    cache: [String: ParsedFile]) async -> [ParsedFile] {
        let paths = FileSystem.listFiles(under: contentDir)
        let chunks = max(1, workers)
        var results = [ParsedFile?](repeating: nil, count: paths.count)
        await withTaskGroup(of: [(Int, ParsedFile)].self) { group in
            for worker in 0..<chunks {
                group.addTask {
                    var out: [(Int, ParsedFile)] = []
                    var i = worker
                    while i < paths.count {
                        let rel = paths[i]
                        let display = displayPrefix + rel
                        if let bytes = FileSystem.readBytes(contentDir + "/" + rel) {
                            // An unchanged file (same bytes) keeps its parse: what makes `serve` fast.
                            if let cached = cache[rel], cached.contentHash == StableHash.fnv1a(bytes), cached.path == display {
                                out.append((i, cached))
                            } else {
                                out.append((i, parser.parse(relativePath: rel, displayPath: display, bytes: bytes)))
                            }
                        } else {
                            out.append((i, ParsedFile(path: display, relativePath: rel, item: nil,
                                                      diagnostics: [.error(SourceLocation(file: display), "fichier illisible", code: "file.unreadable")],
                                                      contentHash: 0)))
                        }
                        i += chunks
                    }
                    return out
                }
            }
            for await chunk in group { for (i, f) in chunk { results[i] = f } }
        }
        return results.compactMap { $0 }
    }
}
