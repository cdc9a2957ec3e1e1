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
    /// Selector hashes, by whole-or-meta and prefix (no key string is built per look-up).
    private var wholeMemo: [String: UInt64] = [:], metaMemo: [String: UInt64] = [:]
    /// Every page depends on site.yaml.
    private var siteHash: UInt64?

    /// - Parameter base: hash of the theme and the options every page depends on.
    init(files: [ParsedFile], base: UInt64) {
        sources = files.map { ($0.relativePath, $0.contentHash, $0.metaHash) }.sorted { $0.0 < $1.0 }
        self.base = base
    }

    /// The combined hash of the sources a selector covers (memoised: many jobs share selectors).
    mutating func hash(_ sel: Selector) -> UInt64 {
        if let h = sel.whole ? wholeMemo[sel.prefix] : metaMemo[sel.prefix] { return h }
        var lo = 0, hi = sources.count
        while lo < hi { let mid = (lo + hi) / 2; if sources[mid].path < sel.prefix { lo = mid + 1 } else { hi = mid } }
        // FNV-1a of "w:<prefix>" or "m:<prefix>", streamed.
        var h = StableHash.fnv1a(sel.prefix.utf8, seed: StableHash.fnv1a((sel.whole ? "w:" : "m:").utf8))
        var i = lo
        while i < sources.count, sources[i].path.hasPrefix(sel.prefix) {
            h = (h ^ StableHash.fnv1a(sources[i].path.utf8)) &* 0x100_0000_01b3
            h = (h ^ (sel.whole ? sources[i].content : sources[i].meta)) &* 0x100_0000_01b3
            i += 1
        }
        if sel.whole { wholeMemo[sel.prefix] = h } else { metaMemo[sel.prefix] = h }
        return h
    }

    mutating func fingerprint(_ job: PageJob, key: String, _ index: SiteIndex) -> UInt64 {
        var h = base
        for sel in job.kind(in: index).dependencies(index) { h = (h ^ hash(sel)) &* 0x100_0000_01b3 }
        if siteHash == nil { siteHash = hash(.all("site.yaml")) }
        h = (h ^ siteHash!) &* 0x100_0000_01b3
        h = (h ^ StableHash.fnv1a(key.utf8)) &* 0x100_0000_01b3
        return h
    }
}

/// What the previous build wrote: per job, its fingerprint and output files. Kept inside the
/// output folder (`.habitat-manifeste.json`) so it is swapped in together with the site.
///
/// A CLI build also records there its `SourceSnapshot` digest and its warnings, so that the
/// next build with the same digest reports them again without parsing anything.
struct BuildManifest {
    static let fileName = ".habitat-manifeste.json"
    static let header = "habitat-manifeste 2"
    var jobs: [String: (fingerprint: UInt64, outputs: [String])] = [:]
    /// The digest of the sources this output was built from (settled snapshots only).
    var snapshot: UInt64?
    /// The warnings of that build, and how many of them the report left out.
    var warnings: [Diagnostic] = []
    var omittedWarnings = 0

    static func load(from output: String) -> BuildManifest? {
        FileSystem.readBytes(output + "/" + fileName).flatMap(parse)
    }

    /// A header line, the snapshot lines, then one job per line: fingerprint<TAB>job<TAB>output<TAB>output…
    /// Read as bytes (a national site's manifest has a hundred thousand lines: splitting it as
    /// `String`s took as long as the rest of a one-fiche build).
    static func parse(_ bytes: [UInt8]) -> BuildManifest? {
        bytes.withUnsafeBufferPointer { buf -> BuildManifest? in
            var m = BuildManifest()
            var start = 0, first = true, jobsBegun = false
            while start < buf.count {
                let end = buf[start...].firstIndex(of: 10) ?? buf.count
                let line = UnsafeBufferPointer(rebasing: buf[start..<end])
                start = end + 1
                if line.isEmpty { continue }
                if first {
                    guard String(validating: line, as: UTF8.self) == header else { return nil }
                    first = false
                    continue
                }
                if !jobsBegun {
                    guard let text = String(validating: line, as: UTF8.self) else { return nil }
                    if m.readSnapshotLine(Substring(text)) { continue }
                    jobsBegun = true
                }
                guard let (key, job) = jobLine(line) else { return nil }
                m.jobs[key] = job
            }
            return first ? nil : m
        }
    }

    private static func jobLine(_ line: UnsafeBufferPointer<UInt8>) -> (String, (fingerprint: UInt64, outputs: [String]))? {
        var fields: [String] = []
        var from = 0
        for i in 0...line.count where i == line.count || line[i] == 9 {
            guard let field = String(validating: UnsafeBufferPointer(rebasing: line[from..<i]), as: UTF8.self) else { return nil }
            fields.append(field)
            from = i + 1
        }
        guard fields.count >= 2, let fp = UInt64(fields[0], radix: 16) else { return nil }
        return (fields[1], (fp, Array(fields.dropFirst(2))))
    }

    /// The snapshot part only (the lines before the jobs): what the "nothing to do" check reads.
    static func loadSnapshot(from output: String) -> BuildManifest? {
        guard let bytes = FileSystem.readBytes(output + "/" + fileName) else { return nil }
        var m = BuildManifest()
        var start = 0, first = true
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            guard let line = String(validating: bytes[start..<end], as: UTF8.self) else { return nil }
            if first {
                guard line == header else { return nil }
                first = false
            } else if !m.readSnapshotLine(Substring(line)) {
                break
            }
            start = end + 1
        }
        return m.snapshot == nil ? nil : m
    }

    /// Reads one line of the snapshot part; false when the line is not one (the jobs begin).
    private mutating func readSnapshotLine(_ line: Substring) -> Bool {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
        switch parts.first {
        case "instantané":
            snapshot = parts.count == 2 ? UInt64(parts[1], radix: 16) : nil
        case "avertissements-omis":
            omittedWarnings = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        case "avertissement":
            guard parts.count == 6 else { return true }
            let at = SourceLocation(file: Self.unescape(parts[1]), line: Int(parts[2]) ?? 0, column: Int(parts[3]) ?? 0)
            warnings.append(.warning(at, Self.unescape(parts[5]), code: String(parts[4])))
        default:
            return false
        }
        return true
    }

    func serialized() -> [UInt8] {
        var out = Self.header + "\n"
        if let snapshot {
            out += "instantané\t\(StableHash.hex(snapshot))\n"
            if omittedWarnings > 0 { out += "avertissements-omis\t\(omittedWarnings)\n" }
            for w in warnings {
                out += "avertissement\t\(Self.escape(w.location.file))\t\(w.location.line)\t\(w.location.column)\t\(Self.escape(w.code))\t\(Self.escape(w.message))\n"
            }
        }
        var bytes = Array(out.utf8)
        bytes.reserveCapacity(bytes.count + jobs.count * 100)
        for (key, job) in jobs.sorted(by: { $0.key < $1.key }) {
            bytes += StableHash.hex(job.fingerprint).utf8
            bytes.append(9)
            bytes += key.utf8
            for output in job.outputs {
                bytes.append(9)
                bytes += output.utf8
            }
            bytes.append(10)
        }
        return bytes
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5c || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }) else { return s }
        return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape(_ s: Substring) -> String {
        guard s.contains("\\") else { return String(s) }
        var out = "", escaped = false
        for c in s {
            if escaped {
                out.append(c == "t" ? "\t" : c == "n" ? "\n" : c == "r" ? "\r" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}
