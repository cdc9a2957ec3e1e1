import Foundation
import HabitatContent
import HabitatCore

/// Builds the Pagefind search index over the new site, before it is swapped in.
///
/// By default the Pagefind CLI indexes the staging folder (it re-reads every page). Two
/// opt-in paths feed `pagefind --service` (the JSON protocol of Pagefind's Node and Python
/// wrappers) from memory instead: `HABITAT_SEARCH_MODE=service` sends each page's HTML,
/// `records` sends each page as a custom record of its body text (`SearchRecord`). Both give
/// the CLI's fragments (records lose only the heading anchors, which `recherche.js` does not
/// show) but neither costs Pagefind materially less CPU than the CLI: its time goes to
/// indexing and writing, not to parsing HTML (issue #20, December 2026 measurements).
/// When the service fails, the CLI is run over the staging folder instead, with a warning.
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

    /// How the index is built: the Pagefind CLI over the staging folder, unless
    /// `HABITAT_SEARCH_MODE` asks for the service fed from memory, with each page's HTML
    /// (`service`) or its text as a custom record (`records`), falling back to the CLI.
    /// The three ways of building the index, chosen by `HABITAT_SEARCH_MODE` (`cli`, `service`, `records`).
    enum Mode: String { case cli, service, records }

    static var mode: Mode { Mode(rawValue: ProcessInfo.processInfo.environment["HABITAT_SEARCH_MODE"] ?? "") ?? .cli }

    /// Indexes the site into `siteDir/pagefind/`. `pages` are the HTML files rendered by this
    /// build (path relative to the site, bytes); `keptPages` are pages reused from the previous
    /// build, already in `siteDir`. Returns a diagnostic when the index could not be built the
    /// usual way.
    static func build(siteDir: String, pages: [(path: String, bytes: [UInt8])], keptPages: [String], mode: Mode = mode) -> Diagnostic? {
        guard let cmd = command() else {
            return .warning(SourceLocation(file: siteDir), "index de recherche non construit : Pagefind n'est pas installé (pip install pagefind-bin)", code: "search.unavailable")
        }
        if mode != .cli {
            var all = pages
            for rel in keptPages {
                guard let data = FileManager.default.contents(atPath: siteDir + "/" + rel) else { continue }
                all.append((rel, [UInt8](data)))
            }
            do {
                let clock = SearchTiming()
                try PagefindService.index(all, into: siteDir + "/pagefind", command: cmd[0], asRecords: mode == .records)
                clock.report(mode.rawValue, pages: all.count)
                return nil
            } catch {
                FileSystem.removeTree(siteDir + "/pagefind")
                if let d = runCLI(cmd, siteDir: siteDir) { return d }
                return .warning(SourceLocation(file: siteDir), "service Pagefind indisponible (\(error)) : index construit par la ligne de commande, plus lente", code: "search.fallback")
            }
        }
        let clock = SearchTiming()
        defer { clock.report("cli", pages: pages.count + keptPages.count) }
        return runCLI(cmd, siteDir: siteDir)
    }

    /// Indexes `siteDir` into `siteDir/pagefind/` with the Pagefind CLI (it re-reads every page).
    static func build(siteDir: String) -> Diagnostic? {
        guard let cmd = command() else {
            return .warning(SourceLocation(file: siteDir), "index de recherche non construit : Pagefind n'est pas installé (pip install pagefind-bin)", code: "search.unavailable")
        }
        return runCLI(cmd, siteDir: siteDir)
    }

    static func runCLI(_ cmd: [String], siteDir: String) -> Diagnostic? {
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

    /// The URL Pagefind's CLI gives a file of the site: `a/b/index.html` → `/a/b/`.
    static func url(of path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}

/// A client of `pagefind --service`: requests and responses are JSON documents, each encoded
/// in base64 and followed by a comma, on the child's stdin and stdout.
enum PagefindService {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Adds `pages` (HTML, path relative to the site) to a new index with the CLI's settings
    /// (`--force-language fr`) and writes the bundle into `output`.
    /// With `asRecords`, each page goes as a custom record (`AddRecord`: the text of its
    /// `data-pagefind-body`, title and filters read by `SearchRecord`) instead of its HTML.
    static func index(_ pages: [(path: String, bytes: [UInt8])], into output: String, command: String, asRecords: Bool = false) throws {
        // Pagefind indexes only the pages marking a `data-pagefind-body` when any page has one:
        // the others need not be sent at all.
        let marker = Array("data-pagefind-body".utf8)
        let marked = pages.filter { ByteSearch.contains(marker, in: $0.bytes) }
        let selected = (marked.isEmpty ? pages : marked).sorted { $0.path < $1.path }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: command)
        p.arguments = ["--service"]
        let input = Pipe(), outputPipe = Pipe()
        p.standardInput = input
        p.standardOutput = outputPipe
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer {
            try? input.fileHandleForWriting.close()
            if p.isRunning { p.terminate() }
            p.waitUntilExit()
        }
        let responses = Responses()
        let reader = Thread {
            let handle = outputPipe.fileHandleForReading
            var pending: [UInt8] = []
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending += chunk
                while let comma = pending.firstIndex(of: UInt8(ascii: ",")) {
                    responses.add(Array(pending[..<comma]))
                    pending.removeSubrange(...comma)
                }
            }
            responses.close()
        }
        reader.start()

        var nextID = 0
        func send(_ payload: JSONValue) throws -> Int {
            nextID += 1
            let message = JSONValue.object([("message_id", .number(Double(nextID))), ("payload", payload)])
            var framed = Data(message.compact.utf8).base64EncodedData()
            framed.append(UInt8(ascii: ","))
            try input.fileHandleForWriting.write(contentsOf: framed)
            return nextID
        }

        _ = try send(.object([("type", .string("NewIndex")), ("config", .object([("force_language", .string("fr"))]))]))
        let created = try responses.wait(for: 1)
        guard case .scalar(let text, _, _)? = created["index_id"], let indexID = Int(text) else {
            throw Failure(description: "NewIndex : réponse inattendue")
        }
        var lastFile = 1
        for page in selected {
            guard let request = request(adding: page, to: indexID, asRecord: asRecords, wholeBody: marked.isEmpty) else { continue }
            lastFile = try send(request)
        }
        for id in 2..<(lastFile + 1) { _ = try responses.wait(for: id) }
        let written = try send(.object([("type", .string("WriteFiles")), ("index_id", .number(Double(indexID))), ("output_path", .string(output))]))
        _ = try responses.wait(for: written)
    }

    /// The request adding one page: its HTML (`AddFile`), or its record (`AddRecord`) — nil
    /// when the page has no body to index.
    static func request(adding page: (path: String, bytes: [UInt8]), to indexID: Int, asRecord: Bool, wholeBody: Bool) -> JSONValue? {
        let url = SearchIndex.url(of: page.path)
        let index = JSONValue.number(Double(indexID))
        guard asRecord else {
            return .object([("type", .string("AddFile")), ("index_id", index), ("file_path", .string(page.path)), ("url", .string(url)),
                             ("file_contents", .string(String(decoding: page.bytes, as: UTF8.self)))])
        }
        guard let record = SearchRecord.extract(page.bytes, wholeBody: wholeBody) else { return nil }
        let meta = record.meta.merging(record.title.map { ["title": $0] } ?? [:]) { kept, _ in kept }
        return .object([("type", .string("AddRecord")), ("index_id", index), ("url", .string(url)), ("content", .string(record.content)),
                        ("language", .string("fr")),
                        ("meta", .object(meta.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                        ("filters", .object(record.filters.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value.map(JSONValue.string))) }))])
    }

    /// Responses from the service by message id, filled by the reader thread.
    final class Responses: @unchecked Sendable {
        private let condition = NSCondition()
        private var byID: [Int: YAMLValue] = [:]
        private var failure: String?
        private var closed = false

        func add(_ frame: [UInt8]) {
            condition.lock(); defer { condition.broadcast(); condition.unlock() }
            guard let data = Data(base64Encoded: Data(frame)), let text = String(data: data, encoding: .utf8),
                  let object = try? JSONReader.parse(text, file: "pagefind"), let payload = object["payload"] else {
                failure = failure ?? "réponse illisible du service"
                return
            }
            if case .scalar("Error", _, _)? = payload["type"] {
                if case .scalar(let message, _, _)? = payload["message"] { failure = failure ?? message } else { failure = failure ?? "erreur du service" }
            }
            if case .scalar(let id, _, _)? = object["message_id"], let n = Int(id) { byID[n] = payload }
        }

        func close() {
            condition.lock(); closed = true; condition.broadcast(); condition.unlock()
        }

        func wait(for id: Int) throws -> YAMLValue {
            condition.lock(); defer { condition.unlock() }
            while true {
                if let failure { throw Failure(description: failure) }
                if let payload = byID.removeValue(forKey: id) { return payload }
                if closed { throw Failure(description: "le service s'est arrêté") }
                condition.wait()
            }
        }
    }
}

/// With `HABITAT_SEARCH_TIMING=1`, one line on stderr per index built: wall time, CPU time of
/// the Pagefind child (user + system) and of this process over the same span (issue #20).
struct SearchTiming {
    let enabled = ProcessInfo.processInfo.environment["HABITAT_SEARCH_TIMING"] == "1"
    let start = DispatchTime.now().uptimeNanoseconds
    let children = SearchTiming.cpu(children: true)
    let own = SearchTiming.cpu(children: false)

    static func cpu(children: Bool) -> Double {
        var u = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &u)
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &u)
        #endif
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
    }

    func report(_ mode: String, pages: Int) {
        guard enabled else { return }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let line = String(format: "habitat-search: mode=%@ pages=%d wall=%.3f pagefind_cpu=%.3f habitat_cpu=%.3f\n",
                          mode, pages, wall, Self.cpu(children: true) - children, Self.cpu(children: false) - own)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
