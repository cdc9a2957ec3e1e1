import Foundation
import HabitatCore

/// Plain POSIX file access: reading bytes, listing trees, writing files.
public enum FileSystem {
    /// Every regular file under `root`, as sorted relative paths (hidden files skipped).
    public static func listFiles(under root: String) -> [String] {
        var out: [String] = []
        func walk(_ rel: String) {
            let dir = rel.isEmpty ? root : root + "/" + rel
            guard let d = opendir(dir) else { return }
            defer { closedir(d) }
            var names: [(String, Bool)] = []
            while let entry = readdir(d) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                    ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                var isDir = entry.pointee.d_type == DT_DIR
                if entry.pointee.d_type == DT_UNKNOWN || entry.pointee.d_type == DT_LNK {
                    var st = stat()
                    if stat(dir + "/" + name, &st) == 0 { isDir = (st.st_mode & S_IFMT) == S_IFDIR }
                }
                names.append((name, isDir))
            }
            for (name, isDir) in names.sorted(by: { $0.0 < $1.0 }) {
                let child = rel.isEmpty ? name : rel + "/" + name
                if isDir { walk(child) } else { out.append(child) }
            }
        }
        walk("")
        return out.sorted()
    }

    /// The folder of a path (`a/b/c` → `a/b`, `c` → ``); Foundation's NSString version traps
    /// on some one-letter relative paths on Linux.
    public static func dirname(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// The last component of a path (`a/b/c` → `c`).
    public static func basename(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    public static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        var size = Int(st.st_size)
        // Uninitialised: the read fills it (zero-filling first cost as much as the read).
        var buffer = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { _, count in count = max(size, 1) }
        var total = 0
        while true {
            if total == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: max(4096, size))); size = buffer.count }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 { return nil }
            if n == 0 { break }
            total += n
        }
        buffer.removeLast(buffer.count - total)
        return buffer
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Creates a directory and its parents (like `mkdir -p`).
    public static func makeDirectories(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = dirname(path)
        if !parent.isEmpty, parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw SiteError.io("impossible de créer le dossier \(path) : \(String(cString: strerror(errno)))")
        }
    }

    /// `mkdir -p` that tries `mkdir` first (no `stat`): most folders of a new site do not exist
    /// yet. Safe from several threads at once (`EEXIST` is success).
    public static func createDirectories(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw SiteError.io("impossible de créer le dossier \(path) : \(String(cString: strerror(errno)))") }
        let parent = dirname(path)
        guard !parent.isEmpty, parent != path else { throw SiteError.io("impossible de créer le dossier \(path) : \(String(cString: strerror(errno)))") }
        try createDirectories(parent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw SiteError.io("impossible de créer le dossier \(path) : \(String(cString: strerror(errno)))")
        }
    }

    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SiteError.io("impossible d'écrire \(path) : \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let n = array.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { throw SiteError.io("impossible d'écrire \(path) : \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Removes a tree with plain `unlinkat` calls (FileManager's version is several times slower).
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) != S_IFDIR { unlink(path); return }
        func clear(_ fd: Int32) {
            guard let dir = fdopendir(fd) else { close(fd); return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
                if name == "." || name == ".." { continue }
                if entry.pointee.d_type == DT_DIR {
                    let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
                    if child >= 0 { clear(child) }
                    unlinkat(fd, name, AT_REMOVEDIR)
                } else {
                    unlinkat(fd, name, 0)
                }
            }
        }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        if fd >= 0 { clear(fd) }
        rmdir(path)
    }
}

/// Failures outside the content (disk, permissions).
public enum SiteError: Error, CustomStringConvertible {
    case io(String)
    public var description: String {
        switch self { case .io(let m): return m }
    }
}
