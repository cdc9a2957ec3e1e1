import Synchronization

/// The new site's staging folder, filled by the render workers as they go: each rendered file
/// is written at once and its bytes let go, so a full build never holds the whole site in
/// memory (a national build's pages are a gigabyte). The write stage then adds the assets and
/// the manifest and swaps the folder in (`SiteWriter.write(…, staged: true)`).
///
/// Used only when the build writes a fresh folder and keeps nothing from the previous one:
/// a kept file is linked into the staging folder, and rendered files must be able to replace it.
final class StagedOutput: Sendable {
    /// The staging folder (`SiteWriter.stagingFolder(for:)`).
    let folder: String
    /// The search index reads the pages once they are all rendered: their bytes stay in memory.
    let keepsPages: Bool
    /// The first file that could not be written; the write stage reports it and drops the folder.
    private let failure = Mutex<(any Error)?>(nil)

    init(folder: String, keepsPages: Bool) {
        self.folder = folder
        self.keepsPages = keepsPages
    }

    /// Writes `files` into the folder; their bytes are dropped unless the search index needs them.
    func put(_ files: inout [OutputFile]) {
        for i in files.indices {
            let path = folder + "/" + files[i].path
            do {
                try FileSystem.createDirectories(FileSystem.dirname(path))
                try FileSystem.write(files[i].bytes, to: path)
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
            if !(keepsPages && files[i].path.hasSuffix(".html")) { files[i].bytes = [] }
        }
    }

    /// Throws the first error met while writing, after removing the folder.
    func check() throws {
        guard let error = failure.withLock({ $0 }) else { return }
        discard()
        throw error
    }

    /// Removes the folder (the build stopped on an error).
    func discard() {
        FileSystem.removeTree(folder)
    }
}
