import Foundation
import Testing
@testable import HabitatSite

/// Golden site: the whole output of a small site, compared byte for byte with a recorded copy.
/// Re-record on purpose with `RECORD_GOLDENS=1 swift test --filter Golden`.
@Suite struct GoldenTests {
    static let golden = TestSite.repo + "/Tests/Fixtures/golden/minimal"

    @Test func minimalSiteMatchesItsGolden() async throws {
        let site = try TestSite(TestSite.minimal)
        let report = await site.build()
        #expect(report.succeeded)
        let produced = site.tree()
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(atPath: Self.golden)
            for (rel, data) in produced {
                let path = Self.golden + "/" + rel
                try FileManager.default.createDirectory(atPath: FileSystem.dirname(path), withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path))
            }
            return
        }
        var expected: [String: Data] = [:]
        for rel in FileSystem.listFiles(under: Self.golden) { expected[rel] = FileManager.default.contents(atPath: Self.golden + "/" + rel) }
        #expect(!expected.isEmpty, "no golden recorded: run RECORD_GOLDENS=1 swift test --filter Golden")
        #expect(produced.keys.sorted() == expected.keys.sorted())
        for (rel, data) in produced where expected[rel] != data {
            Issue.record("differs from the golden: \(rel) (re-record with RECORD_GOLDENS=1 if the change is intended)")
        }
    }
}

/// The command line, run as a user runs it: exit status, stderr, and the site left untouched.
@Suite struct CLITests {
    static let binary = TestSite.repo + "/.build/debug/habitat"

    /// Fails (never skips) when the binary was not built: `swift build` first.
    func run(_ args: [String], in dir: String) throws -> (Int32, String, String) {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "\(Self.binary) is missing: run swift build before the tests")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test
    func buildThenAnErrorExitsOneAndKeepsTheSite() throws {
        let site = try TestSite(TestSite.minimal)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Themes", withDestinationPath: TestSite.repo + "/Themes")
        let (ok, _, okErr) = try run(["build", "--clock", "2026-11-23", "--no-search"], in: site.root)
        #expect(ok == 0, "\(okErr)")
        #expect(okErr.contains("pages rendues"))
        let before = site.tree()
        try site.write("tables/sru.csv", "commune;sru;logements\nFouquières-lès-Béthune;oui;deux\nL’Haÿ-les-Roses;;1\nVille-Sûre;oui;12\n")
        let (status, stdout, stderr) = try run(["build", "--clock", "2026-11-23", "--no-search"], in: site.root)
        #expect(status == 1)
        #expect(stdout.isEmpty)
        let diagnostics = stderr.split(separator: "\n").filter { !$0.hasPrefix("habitat:") }
        #expect(diagnostics == ["Content/tables/sru.csv:2:28: error: 'deux' is not a whole number in column 'logements' [table.invalid-number]"])
        #expect(stderr.contains("Site/ n'a pas été modifié"))
        #expect(site.tree() == before)
        let (checkStatus, json, _) = try run(["check", "--clock", "2026-11-23", "--format", "json"], in: site.root)
        #expect(checkStatus == 1)
        #expect(json.contains("\"line\":2,\"column\":28,\"severity\":\"error\",\"code\":\"table.invalid-number\""))
    }

    /// Issue #14: 250 warnings before an error used to hide the error and exit 0.
    @Test func anErrorAfterManyWarningsExitsOneWithTheOmittedCounts() throws {
        let root = try DiagnosticsCapTests.shippedSiteWithNotes()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/Themes", withDestinationPath: TestSite.repo + "/Themes")
        _ = try DiagnosticsCapTests.breakTableCell(root)
        let (status, stdout, stderr) = try run(["build", "--clock", "2026-11-23", "--no-search"], in: root)
        #expect(status == 1, "\(stderr.suffix(500))")
        #expect(stdout.isEmpty)
        let lines = stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("Content/tables/cabbalr-production.csv:2:38: error: 'deux' is not a whole number in column 'livraisons_2006_2016' [table.invalid-number]"),
                "\(lines.filter { $0.contains("error") })")
        let listed = lines.filter { $0.contains(": warning: ") }.count
        #expect(listed == 199)
        // Every warning is either listed or counted: the shipped warnings plus the 250 notes.
        let omitted = try #require(lines.first { $0.hasPrefix("… et ") && $0.hasSuffix(" autres avertissements") })
        let count = try #require(Int(omitted.dropFirst("… et ".count).prefix { $0.isNumber }))
        let total = listed + count
        #expect(total >= 250)
        #expect(!lines.contains { $0.contains("autre erreur") })
        #expect(lines.last == "habitat: 1 erreur(s), \(total) avertissement(s); Site/ n'a pas été modifié")
        #expect(!FileManager.default.fileExists(atPath: root + "/Site"))
        let (checkStatus, json, _) = try run(["check", "--clock", "2026-11-23", "--format", "json"], in: root)
        #expect(checkStatus == 1)
        #expect(json.hasPrefix("{\"ok\":false,\"errors\":1,\"warnings\":\(total),\"omitted\":{\"errors\":0,\"warnings\":\(count)},\"diagnostics\":["))
    }

    @Test
    func helpExplainsEveryCommandWithExamples() throws {
        let (status, out, _) = try run(["--help"], in: NSTemporaryDirectory())
        #expect(status == 0)
        for word in ["build", "check", "serve", "schema", "new", "Examples:"] { #expect(out.contains(word), "\(word)") }
    }
}
