import Foundation
import HabitatSite

/// Notices changes under the watched folders by polling sizes and modification times
/// (portable, and cheap for a few thousand files).
struct Watcher {
    let roots: [String]

    /// path → (size, mtime in ns)
    func snapshot() -> [String: (Int64, Int64)] {
        var out: [String: (Int64, Int64)] = [:]
        for root in roots {
            for rel in FileSystem.listFiles(under: root) {
                let path = root + "/" + rel
                var st = stat()
                if stat(path, &st) == 0 {
                    out[path] = (Int64(st.st_size), Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
                }
            }
        }
        return out
    }

    static func differ(_ a: [String: (Int64, Int64)], _ b: [String: (Int64, Int64)]) -> Bool {
        guard a.count == b.count else { return true }
        for (k, v) in a { guard let w = b[k], w == v else { return true } }
        return false
    }
}
