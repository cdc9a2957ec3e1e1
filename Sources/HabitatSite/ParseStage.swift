import HabitatContent
import HabitatCore

/// Stage 1 and 2: discover the source files, then parse them in parallel.
public enum ParseStage {
    /// Reads and parses every file under `contentDir`, at most `workers` at a time.
    /// The result is in path order whatever the scheduling.
    public static func run(contentDir: String, displayPrefix: String, allowRawHTML: Bool, workers: Int,
                           cache: [String: ParsedFile] = [:]) async -> [ParsedFile] {
        let paths = FileSystem.listFiles(under: contentDir)
        let parser = ContentParser(allowRawHTML: allowRawHTML)
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
