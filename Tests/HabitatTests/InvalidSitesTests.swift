import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// The corpus of invalid sites in `Tests/Fixtures/invalid/<case>/`.
///
/// Each case is a complete small site (`Content/`, and `Themes/<name>/` for template cases)
/// with one mistake, and `expected.txt`: the exact diagnostics the build prints, one per line,
/// paths relative to the case folder. A case may also hold `defect.txt` (first line: a summary;
/// then the details): the engine prints something wrong for it, `expected.txt` holds what it
/// should print, and the mismatch (or crash) is recorded as a known issue. Once the engine is
/// fixed the case reports "known issue was not recorded": delete its `defect.txt`.
///
/// `RECORD_EXPECTED=1 swift test --filter InvalidSites` rewrites `expected.txt` from what the
/// engine prints, for every case without a `defect.txt` (never bless a defect: read the diff).
enum InvalidCorpus {
    static let root = TestSite.repo + "/Tests/Fixtures/invalid"

    static let names: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.filter { !$0.hasPrefix(".") && FileSystem.isDirectory(root + "/" + $0) }.sorted()
    }()

    static let buildDate = CalendarDay(year: 2026, month: 11, day: 23)

    /// Files too big to commit, written into the case's copy before the build.
    static let generated: [String: [String: @Sendable () -> [UInt8]]] = [
        "csv-huge-file": ["tables/gros.csv": hugeCSV],
    ]

    /// A valid table of a little more than 5 MB whose very last row holds 'douze' in an integer column.
    @Sendable static func hugeCSV() -> [UInt8] {
        var out = Array("ligne;texte;valeur\n".utf8)
        out.reserveCapacity(5 * 1024 * 1024 + 100)
        func pad(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 6 - s.count)) + s }
        var i = 0
        while out.count < 5 * 1024 * 1024 {
            i += 1
            out += Array("L\(pad(i));Texte de remplissage pour un gros fichier de test;\(i % 1000)\n".utf8)
        }
        out += Array("L\(pad(i + 1));Dernière ligne;douze\n".utf8)
        return out
    }

    /// Runs the build of a prepared case in this (child) process and writes what it printed to `result`.
    static func buildAndRecord(work: String, theme: String, result: String) async {
        // A hang must fail the case, not the whole test run.
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 120)
            FileHandle.standardError.write(Data("habitat build of \(work) still running after 120 s\n".utf8))
            exit(124)
        }
        var options = BuildOptions(contentDir: work + "/Content", themeDir: theme, outputDir: work + "/Site",
                                   includeDrafts: false, buildDate: buildDate, workers: 2, write: true)
        options.searchIndex = false
        let report = await SiteBuilder.run(options)
        // The cases share the test site's placeholder address; that warning has its own tests.
        let lines = report.diagnostics.filter { $0.code != "site.placeholder-url" }.map { render($0, work: work) }
        let text = (report.succeeded ? "succeeded\n" : "failed\n") + lines.map { $0 + "\n" }.joined()
        try? text.write(toFile: result, atomically: true, encoding: .utf8)
    }

    /// A diagnostic as the CLI prints it, with paths relative to the case folder.
    static func render(_ d: Diagnostic, work: String) -> String {
        d.description.replacingOccurrences(of: work + "/", with: "").replacingOccurrences(of: TestSite.repo + "/", with: "")
    }

    /// Every file under `dir` with its bytes.
    static func tree(_ dir: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for rel in FileSystem.listFiles(under: dir) { out[rel] = FileManager.default.contents(atPath: dir + "/" + rel) }
        return out
    }

    /// Every entry of a folder, hidden ones included (a failed build must leave no staging folder).
    static func entries(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

/// A previous good site, built once from `TestSite.minimal`; each case starts with a copy of it.
enum PreviousGoodSite {
    static let built = Task<String, any Error> {
        let site = try TestSite(TestSite.minimal)
        let report = await site.build()
        guard report.succeeded else { throw SiteError.io("the minimal site does not build: \(site.messages(report))") }
        return site.root + "/Site"
    }
}

/// At most two child builds at a time (the machine has two cores, each child is a whole process).
actor ChildProcessGate {
    static let shared = ChildProcessGate(limit: 2)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}

@Suite struct InvalidSites {
    @Test func corpusHasAtLeastFiftyCompleteCases() {
        #expect(InvalidCorpus.names.count >= 50)
        for name in InvalidCorpus.names {
            let dir = InvalidCorpus.root + "/" + name
            #expect(FileSystem.isDirectory(dir + "/Content"), "\(name) has no Content/")
            #expect(FileSystem.exists(dir + "/expected.txt"), "\(name) has no expected.txt")
        }
    }

    /// Builds the case (in a child process, so that a crash or a hang fails only this case) into an
    /// output folder holding a previous good site, then checks the diagnostics, the failure, and
    /// that the previous site is byte-identical.
    @Test(arguments: InvalidCorpus.names)
    func invalidSite(_ name: String) async throws {
        let fm = FileManager.default
        let caseDir = InvalidCorpus.root + "/" + name
        let temp = NSTemporaryDirectory() + "habitat-invalid-" + UUID().uuidString
        let work = temp + "/site"
        let result = temp + "/result.txt"
        defer { try? fm.removeItem(atPath: temp) }

        // The case's copy: Content/, its theme beside Themes/default, generated files, a previous good Site/.
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        try fm.copyItem(atPath: caseDir + "/Content", toPath: work + "/Content")
        var theme = TestSite.repo + "/Themes/default"
        if FileSystem.isDirectory(caseDir + "/Themes") {
            try fm.copyItem(atPath: caseDir + "/Themes", toPath: work + "/Themes")
            let own = InvalidCorpus.entries(work + "/Themes").filter { $0 != "default" && !$0.hasPrefix(".") }
            try #require(own.count == 1, "a case's Themes/ holds exactly one theme")
            theme = work + "/Themes/" + own[0]
            try fm.createSymbolicLink(atPath: work + "/Themes/default", withDestinationPath: TestSite.repo + "/Themes/default")
        }
        for (path, make) in InvalidCorpus.generated[name] ?? [:] {
            let full = work + "/Content/" + path
            try fm.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(make()).write(to: URL(fileURLWithPath: full))
        }
        try fm.copyItem(atPath: try await PreviousGoodSite.built.value, toPath: work + "/Site")
        let siteBefore = InvalidCorpus.tree(work + "/Site")
        let entriesBefore = InvalidCorpus.entries(work)
        #expect(siteBefore.count > 10)

        let expectedText = try String(contentsOfFile: caseDir + "/expected.txt", encoding: .utf8)
        let defect = try? String(contentsOfFile: caseDir + "/defect.txt", encoding: .utf8)
        let record = ProcessInfo.processInfo.environment["RECORD_EXPECTED"] == "1"

        // Build, compare, check the failure and the previous site; for a documented defect,
        // whatever goes wrong (wrong diagnostics, a crash, a build that succeeds) is a known issue.
        func buildAndCheck() async {
            await ChildProcessGate.shared.acquire()
            await #expect(processExitsWith: .success, "the build of \(name) crashed or hung") { [work = work as String, theme = theme as String, result = result as String] in
                await InvalidCorpus.buildAndRecord(work: work, theme: theme, result: result)
            }
            await ChildProcessGate.shared.release()
            if let text = try? String(contentsOfFile: result, encoding: .utf8) {
                var lines = InvalidCorpus.lines(text)
                let status = lines.isEmpty ? "" : lines.removeFirst()
                #expect(status == "failed", "the build of \(name) must fail")
                if record && defect == nil {
                    try? lines.map { $0 + "\n" }.joined().write(toFile: caseDir + "/expected.txt", atomically: true, encoding: .utf8)
                } else {
                    #expect(lines == InvalidCorpus.lines(expectedText), "diagnostics of \(name)")
                }
            }
            #expect(InvalidCorpus.entries(work) == entriesBefore, "a failed build leaves nothing beside Site/")
            let siteAfter = InvalidCorpus.tree(work + "/Site")
            #expect(siteAfter.keys.sorted() == siteBefore.keys.sorted(), "the previous Site/ keeps its files")
            for (path, bytes) in siteBefore where siteAfter[path] != bytes {
                Issue.record("the previous Site/ changed: \(path)")
            }
        }
        if let defect {
            if record { print("RECORD_EXPECTED: \(name) keeps its expected.txt (it has a defect.txt)") }
            let summary = defect.split(separator: "\n").first.map(String.init) ?? ""
            await withKnownIssue(Comment(rawValue: "engine defect (Tests/Fixtures/invalid/\(name)/defect.txt): \(summary)")) {
                await buildAndCheck()
            }
        } else {
            await buildAndCheck()
        }
    }
}
