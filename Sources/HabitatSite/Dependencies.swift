import HabitatContent
import HabitatCore

/// The dependency graph from every output to the source files it is made from.
///
/// Each page job names the sources it reads, either whole (`own`) or only their front matter
/// (`meta`: what other pages show of a fiche — its title, scope, aids — not its body). A job's
/// fingerprint hashes those sources, the theme and the build options: when it is unchanged the
/// job's previous output is kept as it is.
struct Dependencies {
    /// A set of sources: every file under a prefix (or one exact file), whole or front matter only.
    struct Selector {
        var prefix: String
        var whole: Bool
        static func all(_ prefix: String) -> Selector { Selector(prefix: prefix, whole: true) }
        static func meta(_ prefix: String) -> Selector { Selector(prefix: prefix, whole: false) }
    }

    let sources: [(path: String, content: UInt64, meta: UInt64)]
    let base: UInt64
    private var memo: [String: UInt64] = [:]

    /// - Parameter base: hash of the theme and the options every page depends on.
    init(files: [ParsedFile], base: UInt64) {
        sources = files.map { ($0.relativePath, $0.contentHash, $0.metaHash) }.sorted { $0.0 < $1.0 }
        self.base = base
    }

    /// The combined hash of the sources a selector covers (memoised: many jobs share selectors).
    mutating func hash(_ sel: Selector) -> UInt64 {
        let key = (sel.whole ? "w:" : "m:") + sel.prefix
        if let h = memo[key] { return h }
        var lo = 0, hi = sources.count
        while lo < hi { let mid = (lo + hi) / 2; if sources[mid].path < sel.prefix { lo = mid + 1 } else { hi = mid } }
        var h = StableHash.fnv1a(Array(key.utf8))
        var i = lo
        while i < sources.count, sources[i].path.hasPrefix(sel.prefix) {
            h = (h ^ StableHash.fnv1a(Array(sources[i].path.utf8))) &* 0x100_0000_01b3
            h = (h ^ (sel.whole ? sources[i].content : sources[i].meta)) &* 0x100_0000_01b3
            i += 1
        }
        memo[key] = h
        return h
    }

    mutating func fingerprint(_ job: PageJob, key: String, _ index: SiteIndex) -> UInt64 {
        var h = base
        for sel in job.kind(in: index).dependencies(index) + [.all("site.yaml")] { h = (h ^ hash(sel)) &* 0x100_0000_01b3 }
        h = (h ^ StableHash.fnv1a(Array(key.utf8))) &* 0x100_0000_01b3
        return h
    }
}

/// What the previous build wrote: per job, its fingerprint and output files. Kept inside the
/// output folder (`.habitat-manifeste.json`) so it is swapped in together with the site.
struct BuildManifest {
    static let fileName = ".habitat-manifeste.json"
    var jobs: [String: (fingerprint: UInt64, outputs: [String])] = [:]

    static func load(from output: String) -> BuildManifest? {
        guard let bytes = FileSystem.readBytes(output + "/" + fileName), let text = String(validating: bytes, as: UTF8.self) else { return nil }
        // One job per line: fingerprint<TAB>job<TAB>output<TAB>output…
        var m = BuildManifest()
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let fp = UInt64(parts[0], radix: 16) else { return nil }
            m.jobs[parts[1]] = (fp, Array(parts.dropFirst(2)))
        }
        return m
    }

    func serialized() -> [UInt8] {
        var out = "habitat-manifeste 1\n"
        for key in jobs.keys.sorted() {
            let j = jobs[key]!
            out += ([StableHash.hex(j.fingerprint), key] + j.outputs).joined(separator: "\t") + "\n"
        }
        return Array(out.utf8)
    }
}
