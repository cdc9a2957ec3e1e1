import Foundation
import HabitatContent
import HabitatCore
import HabitatTemplate
import Synchronization

/// A theme: Mustache templates and assets, optionally inheriting another theme
/// (`theme.yaml` with `herite: default`), so a site can rebrand by overriding a few files.
public struct Theme: Sendable {
    public var library: TemplateLibrary
    /// Template sources by name: the file each template was read from, for diagnostics.
    public var sources: [String: (path: String, text: String)]
    /// Asset logical name (`style.css`) → public URL with content hash (`/assets/style.3f2a1b0c.css`).
    public var assetURLs: [String: String]
    /// Public URL path → source file path.
    public var assetFiles: [(url: String, path: String)]
    /// Changes whenever a template or an asset changes: every page depends on it.
    public var fingerprint: UInt64

    /// `dir` and the themes it inherits (`herite:` in each `theme.yaml`, read with Yams), nearest first.
    public static func chain(dir: String, displayDir: String) -> (folders: [(dir: String, display: String)], diagnostics: [Diagnostic]) {
        var chain: [(dir: String, display: String)] = []
        var current: (String, String)? = (dir, displayDir)
        var diagnostics: [Diagnostic] = []
        while let (d, display) = current, chain.count < 5 {
            guard FileSystem.isDirectory(d) else {
                diagnostics.append(.error(SourceLocation(file: display), "dossier du thème introuvable", code: "theme.missing"))
                return (chain, diagnostics)
            }
            chain.append((d, display))
            current = nil
            if let bytes = FileSystem.readBytes(d + "/theme.yaml"), let text = String(validating: bytes, as: UTF8.self) {
                do {
                    if let v = try YAMLParser.parse(text, file: display + "/theme.yaml"), case .scalar(let parent, _, _)? = v["herite"] {
                        current = (FileSystem.dirname(d) + "/" + parent, FileSystem.dirname(display) + "/" + parent)
                    }
                } catch {
                    diagnostics.append(error)
                }
            }
        }
        return (chain, diagnostics)
    }

    /// Loads `dir` and the themes it inherits from; `cache` (a preview session's) keeps the
    /// templates parsed by the previous build when they did not change.
    public static func load(dir: String, displayDir: String, cache: ThemeCache? = nil) -> (Theme?, [Diagnostic]) {
        let (chain, found) = Self.chain(dir: dir, displayDir: displayDir)
        var diagnostics = found
        if diagnostics.contains(where: { $0.code == "theme.missing" }) { return (nil, diagnostics) }
        var sources: [String: (path: String, text: String)] = [:]
        var assets: [String: String] = [:]
        for (d, display) in chain.reversed() {
            for rel in FileSystem.listFiles(under: d + "/templates") where rel.hasSuffix(".mustache") {
                let name = String(rel.dropLast(".mustache".count))
                if let bytes = FileSystem.readBytes(d + "/templates/" + rel) {
                    sources[name] = (display + "/templates/" + rel, String(decoding: bytes, as: UTF8.self))
                }
            }
            for rel in FileSystem.listFiles(under: d + "/assets") { assets[rel] = d + "/assets/" + rel }
        }
        var urls: [String: String] = [:]
        var files: [(String, String)] = []
        var fingerprint = StableHash.fnv1a(Array("theme".utf8))
        for name in sources.keys.sorted() { fingerprint = StableHash.fnv1a(Array((name + "\u{0}" + sources[name]!.text).utf8), seed: fingerprint) }
        for rel in assets.keys.sorted() {
            let path = assets[rel]!
            let bytes = FileSystem.readBytes(path) ?? []
            let hash = String(StableHash.hex(StableHash.fnv1a(bytes)).prefix(10))
            let hashed: String
            if let dot = rel.lastIndex(of: ".") {
                hashed = String(rel[..<dot]) + "." + hash + String(rel[dot...])
            } else {
                hashed = rel + "." + hash
            }
            urls[rel] = "/assets/" + hashed
            fingerprint = StableHash.fnv1a(Array(hashed.utf8), seed: fingerprint)
            files.append(("/assets/" + hashed, path))
        }
        // The preview rebuilds on every save: templates that did not change are not parsed again.
        if diagnostics.isEmpty, let cached = cache?.library(for: dir, fingerprint: fingerprint) {
            return (Theme(library: cached, sources: sources, assetURLs: urls, assetFiles: files, fingerprint: fingerprint), diagnostics)
        }
        var library = TemplateLibrary()
        for name in sources.keys.sorted() {
            let (path, text) = sources[name]!
            do {
                library.register(try Template(name: name, text: text))
            } catch {
                diagnostics.append(.error(SourceLocation(file: path, line: error.line, column: error.column),
                                          "erreur de syntaxe dans le gabarit : " + error.message, code: "template.syntax"))
            }
        }
        if diagnostics.isEmpty { cache?.remember(library, for: dir, fingerprint: fingerprint) }
        return (Theme(library: library, sources: sources, assetURLs: urls, assetFiles: files, fingerprint: fingerprint), diagnostics)
    }

    /// Where a template tag is, as a diagnostic location in the theme's files.
    public func location(of position: TemplatePosition) -> SourceLocation {
        guard let source = sources[position.template] else { return SourceLocation(file: position.template + ".mustache") }
        return SourceLocation(file: source.path, line: position.line, column: position.column)
    }
}

/// Compiled templates by theme folder, with the fingerprint of the sources they came from:
/// owned by a build session, so that a preview does not parse unchanged templates again.
public final class ThemeCache: Sendable {
    private let compiled = Mutex<[String: (fingerprint: UInt64, library: TemplateLibrary)]>([:])
    public init() {}

    func library(for dir: String, fingerprint: UInt64) -> TemplateLibrary? {
        compiled.withLock { $0[dir] }.flatMap { $0.fingerprint == fingerprint ? $0.library : nil }
    }

    func remember(_ library: TemplateLibrary, for dir: String, fingerprint: UInt64) {
        compiled.withLock { $0[dir] = (fingerprint, library) }
    }
}
