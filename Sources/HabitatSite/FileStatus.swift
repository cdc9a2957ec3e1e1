import Foundation

/// What `stat` says of a file, enough to tell that it changed without reading it: size,
/// modification and status-change times in nanoseconds, inode and device.
struct FileStatus: Equatable, Sendable {
    var size: Int64
    var modified: Int64
    var changed: Int64
    var inode: UInt64
    var device: UInt64

    init(_ st: stat) {
        size = Int64(st.st_size)
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
        inode = UInt64(st.st_ino)
        device = UInt64(st.st_dev)
    }

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64 = 0, device: UInt64 = 0) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    /// The status of `path` (symbolic links followed, as reading does), nil when it is missing.
    static func of(_ path: String) -> FileStatus? {
        var st = stat()
        return stat(path, &st) == 0 ? FileStatus(st) : nil
    }

    /// A file listed but that `stat` cannot reach.
    static let missing = FileStatus(size: -1, modified: 0, changed: 0)

    /// The latest of the two times: what a later edit in the same clock tick could hide behind.
    var latest: Int64 { max(modified, changed) }

    /// Every regular file under `root` with its status, in the order and with the skipping rules
    /// of `FileSystem.listFiles` (hidden files and editor backups `~` left out): the files a
    /// build reads. `fstatat` on each folder's descriptor, so no full path is built.
    static func tree(under root: String) -> [(path: String, status: FileStatus)] {
        var out: [(path: String, status: FileStatus)] = []
        func walk(_ fd: Int32, _ rel: String) {
            guard let dir = fdopendir(fd) else { close(fd); return }
            defer { closedir(dir) }
            var entries: [(String, FileStatus?, Bool)] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
                if name.hasPrefix(".") || name.hasSuffix("~") { continue }
                var st = stat()
                // A broken link is listed too (the build reports it unreadable).
                guard fstatat(fd, name, &st, 0) == 0 else { entries.append((name, FileStatus.missing, false)); continue }
                let isDir = (st.st_mode & S_IFMT) == S_IFDIR
                entries.append((name, isDir ? nil : FileStatus(st), isDir))
            }
            for (name, status, isDir) in entries.sorted(by: { $0.0 < $1.0 }) {
                let child = rel.isEmpty ? name : rel + "/" + name
                if isDir {
                    let sub = openat(fd, name, O_RDONLY | O_DIRECTORY)
                    if sub >= 0 { walk(sub, child) }
                } else if let status {
                    out.append((child, status))
                }
            }
        }
        let fd = open(root, O_RDONLY | O_DIRECTORY)
        if fd >= 0 { walk(fd, "") }
        return out.sorted { $0.path < $1.path }
    }
}
