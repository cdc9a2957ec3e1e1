import Foundation
import HabitatCore

/// Builds the Pagefind search index over the new site, before it is swapped in.
public enum SearchIndex {
    /// The command that runs Pagefind: `HABITAT_PAGEFIND`, `pagefind` on the PATH, or the
    /// binary shipped by the PyPI package `pagefind-bin`. Nil when none is installed.
    static func command() -> [String]? {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["HABITAT_PAGEFIND"], !explicit.isEmpty { return explicit == "none" ? nil : [explicit] }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(dir)/pagefind"
            if FileManager.default.isExecutableFile(atPath: candidate) { return [candidate] }
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        probe.waitUntilExit()
        let path = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return probe.terminationStatus == 0 && FileManager.default.isExecutableFile(atPath: path) ? [path] : nil
    }

    /// Indexes `siteDir` into `siteDir/pagefind/`; returns a diagnostic when it cannot.
    static func build(siteDir: String) -> Diagnostic? {
        guard let cmd = command() else {
            return .warning(SourceLocation(file: siteDir), "index de recherche non construit : Pagefind n'est pas installé (pip install pagefind-bin)", code: "search.unavailable")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: cmd[0])
        p.arguments = Array(cmd.dropFirst()) + ["--site", siteDir, "--force-language", "fr", "--silent"]
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        do { try p.run() } catch {
            return .error(SourceLocation(file: siteDir), "impossible de lancer Pagefind : \(error)", code: "search.failed")
        }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return .error(SourceLocation(file: siteDir), "Pagefind a échoué : \(message.prefix(500))", code: "search.failed")
        }
        return nil
    }
}
