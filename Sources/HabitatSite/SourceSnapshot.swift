import Foundation
import HabitatContent
import HabitatCore

/// A digest of everything a build's output depends on, read without opening a single source:
/// the status (`FileStatus`) of every file of the content folder and of the theme folders,
/// the running engine, and the options. The CLI records it in the manifest; when the next
/// build's digest is the same, the output folder already is that build's output and nothing
/// is parsed ("nothing to do").
///
/// A time stamp only tells two versions of a file apart when they were written in different
/// clock ticks: a file written within `settle` of the snapshot could change again without its
/// status changing. Such a snapshot is not `settled`: it is recorded only when the build can
/// vouch for those files afterwards (`vouched`), else the next build takes the normal path.
struct SourceSnapshot: Sendable {
    var digest: UInt64
    /// No file was modified within `settle` of the moment the snapshot was taken.
    var settled: Bool { recent.isEmpty }
    /// The files modified within `settle` of the snapshot: folder, path inside it, status.
    var recent: [(folder: String, path: String, status: FileStatus)] = []

    /// Files modified less than this before the snapshot (or after it) are not trusted.
    static let defaultSettle: Int64 = 2_000_000_000

    /// Takes the snapshot for `options` now (before the build reads anything).
    static func take(_ options: BuildOptions, now: Int64 = SourceSnapshot.now()) -> SourceSnapshot {
        var hasher = SnapshotHasher()
        hasher.add("habitat-instantane 1")
        hasher.add(SiteBuilder.engineIdentity)
        hasher.add(FileManager.default.currentDirectoryPath)
        for part in [options.contentDir, options.themeDir, options.outputDir, options.baseURL ?? "-", "\(options.includeDrafts)",
                     "\(options.searchIndex)", dateSetting(options)] { hasher.add(part) }
        var recent: [(folder: String, path: String, status: FileStatus)] = []
        var folders = [options.contentDir]
        folders += Theme.chain(dir: options.themeDir, displayDir: options.themeDir).folders.map(\.dir)
        for folder in folders {
            hasher.add("dossier")
            hasher.add(folder)
            for (path, status) in FileStatus.tree(under: folder) {
                hasher.add(path)
                hasher.add(status)
                if status.latest >= now - options.settle { recent.append((folder, path, status)) }
            }
        }
        return SourceSnapshot(digest: hasher.value, recent: recent)
    }

    /// The snapshot made trustworthy after the build, when only content files were recent: each
    /// still has its status and the bytes the build parsed, and its clock tick is over (`now`
    /// is `settle` past its time), so a later save will change its status (Git's answer to
    /// "racily clean" files). Nil when that cannot be shown.
    func vouched(by parsed: [ParsedFile], contentDir: String, settle: Int64, now: Int64 = SourceSnapshot.now()) -> SourceSnapshot? {
        if settled { return self }
        guard recent.allSatisfy({ $0.folder == contentDir && $0.status.latest < now - settle }) else { return nil }
        let paths = Set(recent.map(\.path))
        var hashes: [String: UInt64] = [:]
        for f in parsed where paths.contains(f.relativePath) { hashes[f.relativePath] = f.contentHash }
        for r in recent {
            guard let hash = hashes[r.path], FileStatus.of(contentDir + "/" + r.path) == r.status,
                  let bytes = FileSystem.readBytes(contentDir + "/" + r.path), StableHash.fnv1a(bytes) == hash else { return nil }
        }
        return SourceSnapshot(digest: digest)
    }

    /// What decides the build date: the option, else `SOURCE_DATE_EPOCH`, else `date` of
    /// site.yaml (a source) or today.
    static func dateSetting(_ options: BuildOptions) -> String {
        if let d = options.buildDate { return "date:\(d)" }
        let env = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] ?? ""
        return "epoch:\(env)|today:\(CalendarDay(unixSeconds: Int64(Date().timeIntervalSince1970)))"
    }

    /// The wall clock in nanoseconds since 1970 (the clock file times are taken from).
    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}

/// FNV-1a over a canonical serialization (each string ends with a NUL, numbers as 8 bytes).
struct SnapshotHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ s: String) {
        for b in s.utf8 { value = (value ^ UInt64(b)) &* 0x100_0000_01b3 }
        value = value &* 0x100_0000_01b3
    }

    mutating func add(_ n: UInt64) {
        var n = n
        for _ in 0..<8 { value = (value ^ (n & 0xff)) &* 0x100_0000_01b3; n >>= 8 }
    }

    mutating func add(_ status: FileStatus) {
        add(UInt64(bitPattern: status.size))
        add(UInt64(bitPattern: status.modified))
        add(UInt64(bitPattern: status.changed))
        add(status.inode)
        add(status.device)
    }
}
