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
        let lines = stderr.split(separator: "\n").filter { !$0.hasPrefix("habitat:") }
        // The test site's address is a placeholder on purpose: the CLI prints that warning too.
        #expect(lines.filter { $0.hasPrefix("Content/site.yaml:2:7: avertissement\u{00A0}: l'adresse du site") && $0.hasSuffix("[site.placeholder-url]") }.count == 1)
        let diagnostics = lines.filter { !$0.hasSuffix("[site.placeholder-url]") }
        // The exact characters staff see: no-break spaces before « : » and inside « ».
        #expect(diagnostics == ["Content/tables/sru.csv:2:28: erreur\u{00A0}: «\u{00A0}deux\u{00A0}» n'est pas un nombre entier dans la colonne «\u{00A0}logements\u{00A0}» [table.invalid-number]"])
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
        // The no-break spaces of French typography, read as plain spaces.
        let plain = lines.map { $0.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
        #expect(plain.contains("Content/tables/cabbalr-production.csv:2:38: erreur : « deux » n'est pas un nombre entier dans la colonne « livraisons_2006_2016 » [table.invalid-number]"),
                "\(plain.filter { $0.contains("erreur") })")
        let listed = plain.filter { $0.contains(": avertissement : ") }.count
        #expect(listed == 199)
        // Every warning is either listed or counted: the shipped warnings plus the 250 notes.
        let omitted = try #require(lines.first { $0.hasPrefix("… et ") && $0.hasSuffix(" autres avertissements") })
        let count = try #require(Int(omitted.dropFirst("… et ".count).prefix { $0.isNumber }))
        let total = listed + count
        #expect(total >= 250)
        #expect(!lines.contains { $0.contains("autre erreur") })
        #expect(plain.last == "habitat: 1 erreur(s), \(total) avertissement(s) ; Site/ n'a pas été modifié")
        #expect(!FileManager.default.fileExists(atPath: root + "/Site"))
        let (checkStatus, json, _) = try run(["check", "--clock", "2026-11-23", "--format", "json"], in: root)
        #expect(checkStatus == 1)
        #expect(json.hasPrefix("{\"ok\":false,\"errors\":1,\"warnings\":\(total),\"omitted\":{\"errors\":0,\"warnings\":\(count)},\"diagnostics\":["))
    }

    @Test
    func helpExplainsEveryCommandWithExamples() throws {
        let (status, out, _) = try run(["--help"], in: NSTemporaryDirectory())
        #expect(status == 0)
        for word in ["build", "check", "serve", "schema", "new", "Exemples :", "RÉSUMÉ : ", "SOUS-COMMANDES :", "Affiche cette aide."] {
            #expect(out.contains(word), "\(word)")
        }
        for english in ["OVERVIEW", "USAGE", "SUBCOMMANDS", "Show help", "(default"] { #expect(!out.contains(english), "\(english)") }
    }

    /// Every subcommand's help is French: the parser's frame and the commands' own texts.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)),
          arguments: ["build", "check", "serve", "schema", "new"])
    func subcommandHelpIsFrench(_ command: String) throws {
        let (status, out, _) = try run([command, "--help"], in: NSTemporaryDirectory())
        #expect(status == 0)
        #expect(out.hasPrefix("RÉSUMÉ : "), "\(out)")
        #expect(out.contains("UTILISATION : habitat \(command)"))
        #expect(out.contains("Affiche cette aide."))
        for english in ["OVERVIEW", "USAGE", "Show help", "(default", " The ", "Where ", "Print "] { #expect(!out.contains(english), "\(command): \(english)") }
    }

    /// `habitat new` writes a draft; the draft is not published; once `brouillon: true` is gone,
    /// the scaffold text left in it is an error in `build` and `check`, with its position.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func scaffoldsAreDraftsAndTheirTextIsNeverPublished() throws {
        let site = try TestSite(TestSite.minimal)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Themes", withDestinationPath: TestSite.repo + "/Themes")
        let (created, out, _) = try run(["new", "fiche", "--plan", "plh", "--numero", "7", "--titre", "Nouvelle action"], in: site.root)
        #expect(created == 0)
        #expect(out.contains("brouillon"))
        let path = site.root + "/Content/plans/plh/actions/7.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\nbrouillon: true\n"))
        let (built, _, err) = try run(["build", "--clock", "2026-11-23", "--no-search"], in: site.root)
        #expect(built == 0, "\(err)")
        #expect(site.read("plans/plh/actions/7/index.html") == nil, "a draft is not published")
        #expect(err.contains("[content.placeholder]"))
        let before = site.tree()

        try text.replacingOccurrences(of: "\nbrouillon: true\n", with: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let lines = text.replacingOccurrences(of: "\nbrouillon: true\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let placeholderLine = try #require(lines.firstIndex { $0.contains("À compléter") && !$0.drop { $0 == " " }.hasPrefix("#") }) + 1
        let bodyLine = try #require(lines.firstIndex { $0.hasPrefix("Écrivez ici") }) + 1
        for command in ["build", "check"] {
            let (status, _, e) = try run([command, "--clock", "2026-11-23", "--no-search"], in: site.root)
            #expect(status == 1, "\(command)")
            let errors = e.split(separator: "\n").filter { $0.contains("erreur\u{00A0}:") && $0.hasSuffix("[content.placeholder]") }
            #expect(errors.count == 2, "\(command): \(e)")
            #expect(errors.first?.hasPrefix("Content/plans/plh/actions/7.md:\(placeholderLine):") == true, "\(errors)")
            #expect(errors.last?.hasPrefix("Content/plans/plh/actions/7.md:\(bodyLine):1: erreur") == true, "\(errors)")
        }
        #expect(site.tree() == before, "the failed build left the site as it was")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary)))
    func usageErrorsAreFrench() throws {
        let (status, _, err) = try run(["new"], in: NSTemporaryDirectory())
        #expect(status == 64)
        #expect(err.hasPrefix("Erreur : Argument attendu absent : « <kind> »"), "\(err)")
        #expect(err.contains("Voir « habitat new --help » pour plus d'informations."))
    }
}
