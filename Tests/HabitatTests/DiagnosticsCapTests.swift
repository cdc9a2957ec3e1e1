import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// The cap on listed diagnostics never hides an error (issue #14, section 1).
@Suite struct DiagnosticsCapTests {
    static func warning(_ i: Int) -> Diagnostic { .warning(SourceLocation(file: "w\(i)"), "w", code: "test.warning") }
    static func error(_ i: Int) -> Diagnostic { .error(SourceLocation(file: "e\(i)"), "e", code: "test.error") }

    @Test func anErrorAfterTheCapReplacesAWarning() {
        var d = Diagnostics(cap: 10)
        for i in 0..<25 { d.append(Self.warning(i)) }
        d.append(Self.error(0))
        #expect(d.hasErrors)
        #expect(d.errorCount == 1)
        #expect(d.warningCount == 25)
        #expect(d.items.count == 10)
        #expect(d.items.contains(Self.error(0)))
        #expect(d.droppedErrors == 0)
        #expect(d.droppedWarnings == 16)
    }

    @Test func anErrorBeforeTheWarningsIsKept() {
        var d = Diagnostics(cap: 10)
        d.append(Self.error(0))
        for i in 0..<25 { d.append(Self.warning(i)) }
        #expect(d.items.contains(Self.error(0)))
        #expect(d.errorCount == 1 && d.warningCount == 25)
        #expect(d.droppedWarnings == 16 && d.droppedErrors == 0)
    }

    @Test func warningsAloneAreNotErrors() {
        var d = Diagnostics(cap: 10)
        for i in 0..<25 { d.append(Self.warning(i)) }
        #expect(!d.hasErrors)
        #expect(d.errorCount == 0)
        #expect(d.droppedWarnings == 15)
    }

    @Test func errorsBeyondTheCapAreCountedAndWarningsGiveWayFirst() {
        var d = Diagnostics(cap: 10)
        for i in 0..<5 { d.append(Self.warning(i)) }
        for i in 0..<12 { d.append(Self.error(i)) }
        #expect(d.items.allSatisfy { $0.severity == .error })
        #expect(d.items.count == 10)
        #expect(d.droppedErrors == 2 && d.droppedWarnings == 5)
        #expect(d.errorCount == 12 && d.warningCount == 5)
    }

    @Test func aReportWithOnlyOmittedErrorsFails() {
        var r = BuildReport()
        r.diagnostics = [Self.warning(0)]
        r.omittedErrors = 1
        #expect(!r.succeeded)
        #expect(r.errorCount == 1 && r.warningCount == 1)
    }

    // MARK: - The reproduction on the shipped content

    /// The shipped `Content/` copied into a temporary folder, plus 250 files `divers/note-N.txt`
    /// that Habitat ignores with a warning each.
    static func shippedSiteWithNotes() throws -> String {
        let root = NSTemporaryDirectory() + "habitat-cap-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSite.repo + "/Content", toPath: root + "/Content")
        try FileManager.default.createDirectory(atPath: root + "/Content/divers", withIntermediateDirectories: true)
        for i in 1...250 { try "note \(i)\n".write(toFile: root + "/Content/divers/note-\(i).txt", atomically: true, encoding: .utf8) }
        return root
    }

    /// One whole-number cell of a shipped table changed to `deux`.
    static func breakTableCell(_ root: String) throws -> String {
        let path = root + "/Content/tables/cabbalr-production.csv"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        var cells = lines[1].components(separatedBy: ";")
        #expect(cells[4] == "772", "the shipped table changed: pick another cell")
        cells[4] = "deux"
        lines[1] = cells.joined(separator: ";")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return "Content/tables/cabbalr-production.csv"
    }

    /// An unknown key added to the first (or last) content file in the order files are read.
    static func breakFile(_ root: String, last: Bool) throws -> String {
        // Content files with front matter (not the reference's SOURCES.md, which is read as text).
        let files = FileSystem.listFiles(under: root + "/Content").filter { $0.hasSuffix(".md") && !$0.hasPrefix("referentiel/") }.sorted()
        let rel = last ? files.last! : files.first!
        let path = root + "/Content/" + rel
        let text = try String(contentsOfFile: path, encoding: .utf8)
        if rel.hasSuffix(".md") {
            #expect(text.hasPrefix("---\n"))
            try ("---\nclef_inconnue: 1\n" + text.dropFirst(4)).write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            try (text + (text.hasSuffix("\n") ? "" : "\n") + "clef_inconnue: 1\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        return "Content/" + rel
    }

    static func check(_ root: String) async -> BuildReport {
        await SiteBuilder.run(BuildOptions(contentDir: root + "/Content", themeDir: TestSite.repo + "/Themes/default", outputDir: root + "/Site",
                                           buildDate: CalendarDay(year: 2026, month: 11, day: 23), workers: 2, write: false, searchIndex: false))
    }

    static func expectOneErrorKept(_ report: BuildReport, in file: String) {
        #expect(!report.succeeded)
        #expect(report.errorCount == 1)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("/" + file) == true, "\(errors)")
        #expect(report.diagnostics.count == 200)
        #expect(report.warningCount >= 250)
        #expect(report.omittedErrors == 0)
        #expect(report.omittedWarnings == report.warningCount - 199)
    }

    @Test func aTableErrorAfter250WarningsFailsTheBuild() async throws {
        let root = try Self.shippedSiteWithNotes()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let at = try Self.breakTableCell(root)
        let report = await Self.check(root)
        Self.expectOneErrorKept(report, in: at)
        #expect(report.diagnostics.contains { $0.code == "table.invalid-number" })
    }

    @Test(arguments: [false, true])
    func anErrorInTheFirstOrLastFileFailsTheBuild(last: Bool) async throws {
        let root = try Self.shippedSiteWithNotes()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let at = try Self.breakFile(root, last: last)
        let report = await Self.check(root)
        Self.expectOneErrorKept(report, in: at)
    }
}
