import CHabitatSys
import Foundation
import Synchronization
import HabitatCore

/// Stage 5: writes the new site beside the old one and swaps it in only when complete,
/// so a failed or killed build leaves the last good `Site/` in place.
///
/// The new site is written into the folder the previous swap took out (`SpareSite`, a double
/// buffer), brought up to date using its manifest: an incremental build writes only what
/// changed. Without a spare, files of pages that did not change are hard-linked from the current
/// site into a fresh folder (no copy).
enum SiteWriter {
    static let searchFolder = "pagefind"

    /// `staged`: the rendered files are already in a fresh staging folder (`StagedOutput`,
    /// written while rendering; nothing is kept from the previous site): only their paths are read.
    static func write(_ files: [OutputFile], keeping kept: [String] = [], manifest: BuildManifest,
                      assets: [(url: String, path: String)], media: [(String, String)], to output: String, staged: Bool = false,
                      beforeSwap: (String) throws -> Void = { _ in }) throws -> Int {
        let staging = staged ? stagingFolder(for: output) : clearStaging(for: output)
        let count: Int
        if staged {
            count = try fill(staging, files, alreadyWritten: true, keeping: kept, assets: assets, media: media, from: output)
        } else {
            if FileSystem.isDirectory(output), let spare = SpareSite.take(for: output, into: staging) {
                do {
                    count = try SpareSite.update(staging, spare: spare, manifest: manifest, files: files, kept: kept,
                                                 assets: assets, media: media, from: output)
                } catch { FileSystem.removeTree(staging); throw error }
            } else {
                count = try fill(staging, files, keeping: kept, assets: assets, media: media, from: output)
            }
        }
        // The manifest goes in last: the spare's own is replaced, never written into.
        unlink(staging + "/README.md")
        if let readme = FileSystem.readBytes(output + "/README.md") { try FileSystem.write(readme, to: staging + "/README.md") }
        do { try beforeSwap(staging) } catch { FileSystem.removeTree(staging); throw error }
        unlink(staging + "/" + BuildManifest.fileName)
        try FileSystem.write(manifest.serialized(), to: staging + "/" + BuildManifest.fileName)
        try swap(staging, into: output)
        return count
    }

    /// A fresh staging folder: the kept outputs linked from the current site, the rest written
    /// (unless the render workers `alreadyWritten` them).
    static func fill(_ staging: String, _ files: [OutputFile], alreadyWritten: Bool = false, keeping kept: [String],
                     assets: [(url: String, path: String)], media: [(String, String)], from output: String) throws -> Int {
        try FileSystem.makeDirectories(staging)
        var made = Set<String>()
        func ensureDir(_ dir: String) throws {
            if made.contains(dir) { return }
            try FileSystem.makeDirectories(dir)
            made.insert(dir)
        }
        for rel in kept {
            if rel == searchFolder {
                for f in FileSystem.listFiles(under: output + "/" + rel) { try linkOrCopy(output + "/" + rel + "/" + f, staging + "/" + rel + "/" + f, ensureDir) }
            } else {
                try linkOrCopy(output + "/" + rel, staging + "/" + rel, ensureDir)
            }
        }
        if !alreadyWritten {
            do { try writeFiles(files, into: staging, made: made) } catch { FileSystem.removeTree(staging); throw error }
        }
        var count = files.count
        for (url, source) in assets {
            let path = staging + url
            try ensureDir(FileSystem.dirname(path))
            try FileSystem.write(FileSystem.readBytes(source) ?? [], to: path)
            count += 1
        }
        for (rel, source) in media {
            let path = staging + "/medias/" + rel
            try ensureDir(FileSystem.dirname(path))
            try FileSystem.write(FileSystem.readBytes(source) ?? [], to: path)
            count += 1
        }
        return count
    }

    /// Writes the rendered files on every core: writing is mostly system time, and most pages have
    /// a folder of their own, so `mkdir` comes first and `stat` never. `replacing` unlinks each
    /// path first (a spare's file may share its inode with the live site).
    static func writeFiles(_ files: [OutputFile], into staging: String, made existing: Set<String> = [], replacing: Bool = false) throws {
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            let path = staging + "/" + files[i].path
            do {
                let dir = FileSystem.dirname(path)
                if !existing.contains(dir) { try FileSystem.createDirectories(dir) }
                if replacing { unlink(path) }
                try FileSystem.write(files[i].bytes, to: path)
            } catch { failure.withLock { if $0 == nil { $0 = error } } }
        }
        if let e = failure.withLock({ $0 }) { throw e }
    }

    /// The folder the new site of `output` is written into before the swap: `.<name>.nouveau-<pid>` beside it.
    static func stagingFolder(for output: String) -> String {
        let parent = FileSystem.dirname(output)
        return (parent.isEmpty ? "" : parent + "/") + ".\(FileSystem.basename(output)).nouveau-\(getpid())"
    }

    /// The staging folder of `output`, absent: those of killed builds and this process's own are removed.
    static func clearStaging(for output: String) -> String {
        let parent = FileSystem.dirname(output)
        removeAbandonedStaging(in: parent.isEmpty ? "." : parent, base: FileSystem.basename(output))
        let staging = stagingFolder(for: output)
        FileSystem.removeTree(staging)
        return staging
    }

    /// A new, empty staging folder for `output` (`StagedOutput`).
    static func prepareStaging(for output: String) throws -> String {
        let staging = clearStaging(for: output)
        try FileSystem.makeDirectories(staging)
        return staging
    }

    /// The preview's fast path: each changed file is written beside its target and renamed over
    /// it; outputs that no longer exist are removed; the manifest is written last.
    static func writeInPlace(_ files: [OutputFile], previous: BuildManifest, manifest: BuildManifest,
                             assets: [(url: String, path: String)], media: [(String, String)], to output: String) throws -> Int {
        func put(_ bytes: [UInt8], _ rel: String) throws {
            let path = output + "/" + rel
            try FileSystem.makeDirectories(FileSystem.dirname(path))
            try replace(bytes, at: path)
        }
        for f in files { try put(f.bytes, f.path) }
        for (url, source) in assets { try put(FileSystem.readBytes(source) ?? [], String(url.dropFirst())) }
        for (rel, source) in media { try put(FileSystem.readBytes(source) ?? [], "medias/" + rel) }
        for old in staleOutputs(previous: previous, manifest: manifest) { unlink(output + "/" + old) }
        try put(manifest.serialized(), BuildManifest.fileName)
        return files.count + assets.count + media.count
    }

    /// The previous build's outputs that this one no longer makes. Only the jobs that are gone
    /// or whose outputs changed are looked at (a kept job keeps its outputs), and the whole new
    /// set of outputs is built only when one of theirs might still be made by another job.
    static func staleOutputs(previous: BuildManifest, manifest: BuildManifest) -> [String] {
        var candidates: [String] = []
        for (key, old) in previous.jobs {
            let now = manifest.jobs[key]?.outputs ?? []
            if now == old.outputs { continue }
            let kept = Set(now)
            candidates += old.outputs.filter { !kept.contains($0) }
        }
        guard !candidates.isEmpty else { return [] }
        let made = Set(manifest.jobs.values.flatMap(\.outputs))
        return Array(Set(candidates).subtracting(made)).sorted()
    }

    /// Writes `bytes` beside `path` and renames them over it: readers see the old file or the new one.
    static func replace(_ bytes: [UInt8], at path: String) throws {
        let tmp = FileSystem.dirname(path) + "/.\(FileSystem.basename(path)).\(getpid()).tmp"
        try FileSystem.write(bytes, to: tmp)
        guard rename(tmp, path) == 0 else { throw SiteError.io("impossible de remplacer \(path) : \(String(cString: strerror(errno)))") }
    }

    /// Staging folders left by builds that were killed (their process is gone).
    static func removeAbandonedStaging(in dir: String, base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(".\(base).nouveau-") || name.hasPrefix("\(base).ancien-") {
            guard let pid = Int32(name.split(separator: "-").last ?? ""), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { FileSystem.removeTree(dir + "/" + name) }
        }
    }

    /// A hard link to the current file (the new site shares it; nothing is copied).
    static func linkOrCopy(_ from: String, _ to: String, _ ensureDir: (String) throws -> Void) throws {
        try ensureDir(FileSystem.dirname(to))
        if link(from, to) != 0 {
            try FileSystem.write(FileSystem.readBytes(from) ?? [], to: to)
        }
    }

    /// Replaces `output` by `staging` in one atomic exchange (Linux `renameat2`), so there is no
    /// moment without a complete site; elsewhere, two renames. The old tree is kept as the next
    /// build's staging folder (`SpareSite`).
    static func swap(_ staging: String, into output: String) throws {
        if FileSystem.exists(output), habitat_exchange_paths(staging, output) == 0 {
            SpareSite.keep(staging, for: output)
            return
        }
        let old = output + ".ancien-\(getpid())"
        if FileSystem.exists(output) {
            guard rename(output, old) == 0 else { throw SiteError.io("impossible de mettre \(output) de côté : \(String(cString: strerror(errno)))") }
        }
        guard rename(staging, output) == 0 else {
            if FileSystem.exists(old) { _ = rename(old, output) }
            throw SiteError.io("impossible de mettre le nouveau site dans \(output) : \(String(cString: strerror(errno)))")
        }
        if FileSystem.exists(old) { SpareSite.keep(old, for: output) }
    }
}
