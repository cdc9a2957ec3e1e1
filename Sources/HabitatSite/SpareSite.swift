import CHabitatSys
import Foundation
import HabitatCore

/// The site the build before the last one wrote, kept beside the output (`.Site.precedent`) as the
/// second half of a double buffer.
///
/// Writing a new site into a fresh folder means re-linking every unchanged file (thousands of
/// `link` and `mkdir` calls, then as many `unlink` to remove the old tree): seconds on a loaded
/// ext4 disk for a one-fiche edit. Instead, the folder swapped out by the last build is kept; the
/// next build takes it as its staging folder and brings it up to date using the manifests (its
/// own, and the new one): only the jobs whose fingerprint or outputs differ are written or linked,
/// and only outputs no job makes any more are removed. The guarantee is unchanged: the live site
/// is never written into; the staging folder is swapped in whole once complete, and a build
/// killed while updating it leaves a `.Site.nouveau-PID` folder that the next build removes
/// (the spare is then lost, and that build falls back to linking every file).
///
/// The spare shares the inodes of unchanged files with the live site, so nothing in it is ever
/// rewritten in place: a file is unlinked before it is written or linked again.
///
/// Files a fresh build would not make are dropped from the spare only at its top level (what
/// staff might add by hand: `CNAME`, `.htaccess`); a file added by hand deeper inside `Site/`,
/// which a fresh folder would also drop, can come back one build later from the spare.
enum SpareSite {
    /// The spare folder of `output`.
    static func path(for output: String) -> String {
        let parent = FileSystem.dirname(output)
        return (parent.isEmpty ? "" : parent + "/") + ".\(FileSystem.basename(output)).precedent"
    }

    /// Moves the spare (if any, and if it has a readable manifest) to `staging` and returns its
    /// manifest. The rename makes it this build's alone: a concurrent build finds no spare and
    /// writes a fresh folder.
    static func take(for output: String, into staging: String) -> BuildManifest? {
        guard rename(path(for: output), staging) == 0 else { return nil }
        guard let manifest = BuildManifest.load(from: staging) else {
            FileSystem.removeTree(staging)
            return nil
        }
        return manifest
    }

    /// Keeps the folder just swapped out (`old`) as the next build's spare. An older spare (left
    /// when this build wrote a fresh folder: `StagedOutput`, or a concurrent build) is replaced:
    /// the newest previous site is the one closest to the next build's.
    static func keep(_ old: String, for output: String) {
        let spare = path(for: output)
        if rename(old, spare) == 0 { return }
        FileSystem.removeTree(spare)
        if rename(old, spare) != 0 { FileSystem.removeTree(old) }
    }

    /// Brings the spare (now `staging`, described by `spare`) to what `manifest` describes: the
    /// rendered `files` are written, the `kept` outputs it does not already hold are linked from
    /// the live site, and outputs no job makes any more are removed. Returns what was written.
    static func update(_ staging: String, spare: BuildManifest, manifest: BuildManifest, files: [OutputFile], kept: [String],
                       assets: [(url: String, path: String)], media: [(String, String)], from output: String) throws -> Int {
        // The outputs the spare already holds as this build makes them (same job, same fingerprint).
        var current = Set<String>()
        for (key, job) in manifest.jobs {
            if let old = spare.jobs[key], old.fingerprint == job.fingerprint, old.outputs == job.outputs { current.formUnion(job.outputs) }
        }
        let made = Set(manifest.jobs.values.flatMap(\.outputs))
        for old in spare.jobs.values { for rel in old.outputs where !made.contains(rel) { remove(rel, in: staging) } }
        removeStrays(in: staging, made: made)
        try SiteWriter.writeFiles(files, into: staging, replacing: true)
        var count = files.count
        for rel in kept where rel != SiteWriter.searchFolder && !current.contains(rel) {
            try relink(output + "/" + rel, staging + "/" + rel)
        }
        if kept.contains(SiteWriter.searchFolder) {
            try mirror(output + "/" + SiteWriter.searchFolder, staging + "/" + SiteWriter.searchFolder)
        } else {
            FileSystem.removeTree(staging + "/" + SiteWriter.searchFolder)
        }
        for (url, source) in assets where !current.contains(String(url.dropFirst())) {
            try rewrite(FileSystem.readBytes(source) ?? [], staging + url)
            count += 1
        }
        for (rel, source) in media where !current.contains("medias/" + rel) {
            try rewrite(FileSystem.readBytes(source) ?? [], staging + "/medias/" + rel)
            count += 1
        }
        return count
    }

    /// Removes what was put at the top of the spare by hand while it was the live site (a
    /// `CNAME`, a `.htaccess`): a fresh folder would not have it. Deeper strays are not looked
    /// for (listing the whole tree would cost more than the rest of the write stage).
    static func removeStrays(in staging: String, made: Set<String>) {
        var tops: Set<Substring> = ["README.md", Substring(BuildManifest.fileName), Substring(SiteWriter.searchFolder)]
        for rel in made { tops.insert(rel.prefix { $0 != "/" }) }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: staging)) ?? [] where !tops.contains(Substring(name)) {
            FileSystem.removeTree(staging + "/" + name)
        }
    }

    /// Removes an output and the folders it leaves empty (a fresh build makes no empty folder).
    static func remove(_ rel: String, in root: String) {
        unlink(root + "/" + rel)
        var dir = FileSystem.dirname(root + "/" + rel)
        while dir.count > root.count, rmdir(dir) == 0 { dir = FileSystem.dirname(dir) }
    }

    /// Replaces `to` by a link to `from` (a copy where links are refused).
    static func relink(_ from: String, _ to: String) throws {
        unlink(to)
        try SiteWriter.linkOrCopy(from, to) { try FileSystem.createDirectories($0) }
    }

    /// Replaces `path` by a new file holding `bytes` (never writes into the old inode: it may be shared).
    static func rewrite(_ bytes: [UInt8], _ path: String) throws {
        try FileSystem.createDirectories(FileSystem.dirname(path))
        unlink(path)
        try FileSystem.write(bytes, to: path)
    }

    /// Makes the folder `to` hold links to exactly the files of `from` (the search index, when it
    /// is not rebuilt): files already linked to the same inode are left alone.
    static func mirror(_ from: String, _ to: String) throws {
        guard FileSystem.isDirectory(from) else { FileSystem.removeTree(to); return }
        let wanted = FileSystem.listFiles(under: from)
        let wantedSet = Set(wanted)
        for rel in FileSystem.listFiles(under: to) where !wantedSet.contains(rel) { remove(rel, in: to) }
        for rel in wanted where inode(from + "/" + rel) != inode(to + "/" + rel) { try relink(from + "/" + rel, to + "/" + rel) }
    }

    static func inode(_ path: String) -> [UInt64]? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }
}
