import Foundation
import HabitatSite
import Hummingbird

/// Files of `Site/` by URL path: no `..`, nothing outside the folder, no directory listing.
struct StaticFiles: Sendable {
    let root: String

    struct Found {
        var status: HTTPResponse.Status
        var contentType: String
        var bytes: [UInt8]
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json; charset=utf-8", "xml": "application/xml; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
        "txt": "text/plain; charset=utf-8", "wasm": "application/wasm", "ico": "image/x-icon", "woff2": "font/woff2",
    ]

    /// The file for a URL path, or the site's 404 page.
    func lookup(_ rawPath: String) -> Found {
        guard let rel = Self.safeRelativePath(rawPath) else { return notFound() }
        var path = root + "/" + rel
        if rel.isEmpty || rel.hasSuffix("/") { path += "index.html" }
        else if FileSystem.isDirectory(path) { path += "/index.html" }
        guard !FileSystem.isDirectory(path), let bytes = FileSystem.readBytes(path) else { return notFound() }
        let name = FileSystem.basename(path)
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        return Found(status: .ok, contentType: Self.types[ext] ?? "application/octet-stream", bytes: bytes)
    }

    func notFound() -> Found {
        Found(status: .notFound, contentType: "text/html; charset=utf-8",
              bytes: FileSystem.readBytes(root + "/404.html") ?? Array("<!DOCTYPE html><title>404</title><p>Page introuvable</p>".utf8))
    }

    /// Decodes `%xx`, refuses `..`, NUL, backslashes and hidden files; nil when unsafe.
    static func safeRelativePath(_ path: String) -> String? {
        guard let decoded = path.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for p in parts where p == ".." || p == "." || p.hasPrefix(".") { return nil }
        return String(decoded.dropFirst())
    }
}
