import Foundation
import HabitatCore

/// Stage 5: writes the new site beside the old one and swaps it in only when complete,
/// so a failed or killed build leaves the last good `Site/` in place.
public enum SiteWriter {
    public static func write(_ files: [OutputFile], assets: [(url: String, path: String)], media: [(String, String)], to output: String,
                             beforeSwap: (String) throws -> Void = { _ in }) throws -> Int {
        let parent = (output as NSString).deletingLastPathComponent
        let base = (output as NSString).lastPathComponent
        let staging = (parent.isEmpty ? "" : parent + "/") + ".\(base).nouveau-\(getpid())"
        FileSystem.removeTree(staging)
        try FileSystem.makeDirectories(staging)
        var count = 0
        var made = Set<String>()
        func ensureDir(_ dir: String) throws {
            if made.contains(dir) { return }
            try FileSystem.makeDirectories(dir)
            made.insert(dir)
        }
        for f in files {
            let path = staging + "/" + f.path
            try ensureDir((path as NSString).deletingLastPathComponent)
            try FileSystem.write(f.bytes, to: path)
            count += 1
        }
        for (url, source) in assets {
            let path = staging + url
            try ensureDir((path as NSString).deletingLastPathComponent)
            try FileSystem.write(FileSystem.readBytes(source) ?? [], to: path)
            count += 1
        }
        for (rel, source) in media {
            let path = staging + "/medias/" + rel
            try ensureDir((path as NSString).deletingLastPathComponent)
            try FileSystem.write(FileSystem.readBytes(source) ?? [], to: path)
            count += 1
        }
        // Keep the versioned README of the output folder.
        if let readme = FileSystem.readBytes(output + "/README.md") { try FileSystem.write(readme, to: staging + "/README.md") }
        do { try beforeSwap(staging) } catch { FileSystem.removeTree(staging); throw error }
        try swap(staging, into: output)
        return count
    }

    /// Replaces `output` by `staging` with two renames; the old tree is removed afterwards.
    static func swap(_ staging: String, into output: String) throws {
        let old = output + ".ancien-\(getpid())"
        if FileSystem.exists(output) {
            guard rename(output, old) == 0 else { throw SiteError.io("cannot move \(output) aside: \(String(cString: strerror(errno)))") }
        }
        guard rename(staging, output) == 0 else {
            if FileSystem.exists(old) { _ = rename(old, output) }
            throw SiteError.io("cannot move the new site into \(output): \(String(cString: strerror(errno)))")
        }
        FileSystem.removeTree(old)
    }
}
