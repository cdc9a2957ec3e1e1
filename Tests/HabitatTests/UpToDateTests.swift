import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// The CLI's "nothing to do" path (`SourceSnapshot`): taken only when no source, option,
/// engine or theme changed, and never for files too recent to be trusted. The tests do not
/// depend on time: `settle` is set so that every file counts as old (−1 h) or as recent (+1 h).
@Suite struct UpToDateTests {
    static let old: Int64 = -3_600_000_000_000
    static let recent: Int64 = 3_600_000_000_000

    /// The site as a full build makes it, beside the incremental one.
    func expectSameAsFullBuild(_ site: TestSite, theme: String? = nil) async {
        _ = await site.build(theme: theme, output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.filter { !$0.hasPrefix(".habitat") }.sorted() == b.keys.filter { !$0.hasPrefix(".habitat") }.sorted())
        for (k, v) in a where !k.hasPrefix(".habitat") { #expect(b[k] == v, "differs: \(k)") }
    }

    @Test func nothingChangedWritesNothingAndRepeatsTheWarnings() async throws {
        let site = try TestSite(TestSite.minimal)
        let first = await site.build(settle: Self.old)
        #expect(first.succeeded && !first.upToDate && first.pagesRendered > 10)
        #expect(first.warningCount > 0, "the placeholder address warns")
        let before = site.tree()
        let second = await site.build(settle: Self.old)
        #expect(second.upToDate && second.pagesRendered == 0 && second.filesWritten == 0)
        #expect(second.diagnostics == first.diagnostics)
        #expect(site.tree() == before)
    }

    @Test func touchingAddingOrRemovingAFileTakesTheNormalPath() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build(settle: Self.old)
        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]!)
        let touched = await site.build(settle: Self.old)
        #expect(!touched.upToDate && touched.pagesRendered == 0)
        #expect(await site.build(settle: Self.old).upToDate)

        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]! + "\nUn paragraphe ajouté.\n")
        let edited = await site.build(settle: Self.old)
        #expect(!edited.upToDate && edited.pagesRendered == 1)
        #expect(site.read("plans/plh/actions/2/index.html")?.contains("Un paragraphe ajouté.") == true)

        try site.write("actualites/2026-11-20-nouvelle.md", "---\ntitre: \"Nouvelle\"\ndate: 2026-11-20\nresume: \"Court.\"\n---\nTexte.\n")
        let added = await site.build(settle: Self.old)
        #expect(added.succeeded && !added.upToDate && added.pagesRendered > 0, "\(site.messages(added))")
        await expectSameAsFullBuild(site)

        try FileManager.default.removeItem(atPath: site.root + "/Content/actualites/2026-11-20-nouvelle.md")
        let removed = await site.build(settle: Self.old)
        #expect(!removed.upToDate && removed.pagesRendered > 0)
        await expectSameAsFullBuild(site)
        #expect(await site.build(settle: Self.old).upToDate)
    }

    @Test func anotherOptionTakesTheNormalPath() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build(settle: Self.old)
        let address = await site.build(baseURL: "https://autre.example", settle: Self.old)
        #expect(!address.upToDate && address.pagesRendered > 0)
        let date = await site.build(baseURL: "https://autre.example", date: CalendarDay(year: 2027, month: 1, day: 2), settle: Self.old)
        #expect(!date.upToDate && date.pagesRendered > 0)
        let drafts = await site.build(baseURL: "https://autre.example", drafts: true, date: CalendarDay(year: 2027, month: 1, day: 2), settle: Self.old)
        #expect(!drafts.upToDate)
        let full = await site.build(incremental: false, baseURL: "https://autre.example", settle: Self.old)
        #expect(!full.upToDate && full.pagesRendered > 10, "--incremental off always renders")
    }

    @Test func changingTheThemeTakesTheNormalPath() async throws {
        let site = try TestSite(TestSite.minimal)
        let theme = site.root + "/Theme"
        try FileManager.default.copyItem(atPath: TestSite.repo + "/Themes/default", toPath: theme)
        _ = await site.build(theme: theme, settle: Self.old)
        #expect(await site.build(theme: theme, settle: Self.old).upToDate)
        let template = theme + "/templates/" + (FileSystem.listFiles(under: theme + "/templates").first { $0.hasSuffix("base.mustache") } ?? "base.mustache")
        let text = try String(contentsOfFile: template, encoding: .utf8)
        try (text + "\n<!-- thème modifié -->\n").write(toFile: template, atomically: true, encoding: .utf8)
        let changed = await site.build(theme: theme, settle: Self.old)
        #expect(!changed.upToDate && changed.pagesRendered > 10)
        await expectSameAsFullBuild(site, theme: theme)
    }

    @Test func recentFilesAreNotTrusted() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build(settle: Self.recent)
        let second = await site.build(settle: Self.recent)
        #expect(!second.upToDate && second.pagesRendered == 0)
    }

    /// An edit that keeps the size and the modification time (two saves in one clock tick of a
    /// coarse file system) is still seen: the files were too recent for the snapshot to vouch.
    @Test func anEditInTheSameClockTickIsNotMissed() async throws {
        let site = try TestSite(TestSite.minimal)
        let path = site.root + "/Content/plans/plh/actions/2.md"
        _ = await site.build(settle: Self.recent)
        let mtime = try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        let text = TestSite.minimal["plans/plh/actions/2.md"]!
        let same = text.replacingOccurrences(of: "Une autre action.", with: "Une autre ACTION.")
        #expect(same.utf8.count == text.utf8.count)
        let fd = open(path, O_WRONLY)
        try #require(fd >= 0)
        _ = Array(same.utf8).withUnsafeBytes { Foundation.write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        try FileManager.default.setAttributes([.modificationDate: mtime], ofItemAtPath: path)
        let report = await site.build(settle: Self.recent)
        #expect(!report.upToDate && report.pagesRendered == 1)
        #expect(site.read("plans/plh/actions/2/index.html")?.contains("Une autre ACTION.") == true)
    }

    @Test func aSnapshotIsSettledOnlyWhenEveryFileIsOldEnough() throws {
        let site = try TestSite(TestSite.minimal)
        var options = BuildOptions(contentDir: site.root + "/Content", themeDir: TestSite.repo + "/Themes/default", outputDir: site.root + "/Site")
        options.settle = Self.recent
        let now = SourceSnapshot.now()
        #expect(!SourceSnapshot.take(options, now: now).settled)
        #expect(SourceSnapshot.take(options, now: now + 2 * Self.recent).settled)
        #expect(SourceSnapshot.take(options, now: now).digest == SourceSnapshot.take(options, now: now + 2 * Self.recent).digest)
        var other = options
        other.includeDrafts = true
        #expect(SourceSnapshot.take(other, now: now).digest != SourceSnapshot.take(options, now: now).digest)
    }

    /// Files saved just before a build are vouched for afterwards when their bytes are the ones
    /// parsed and their clock tick is over; not when the bytes differ or the status changed.
    @Test func recentFilesAreVouchedForByTheirParsedBytes() async throws {
        let site = try TestSite(TestSite.minimal)
        let content = site.root + "/Content"
        var options = BuildOptions(contentDir: content, themeDir: TestSite.repo + "/Themes/default", outputDir: site.root + "/Site")
        options.settle = Self.recent
        let now = SourceSnapshot.now()
        var taken = SourceSnapshot.take(options, now: now)
        // A recent theme file cannot be vouched for (the theme has no per-file hash): nil; the
        // rest of the test takes the theme as old.
        let themeEntry = (folder: TestSite.repo + "/Themes/default", path: "theme.yaml", status: FileStatus(size: 1, modified: now, changed: now))
        var withTheme = taken
        withTheme.recent.append(themeEntry)
        #expect(withTheme.vouched(by: [], contentDir: content, settle: Self.recent, now: now + 2 * Self.recent) == nil)
        taken.recent.removeAll { $0.folder != content }
        #expect(!taken.settled)
        let parsed = await ParseStage.run(contentDir: content, displayPrefix: "Content/", workers: 1)
        let later = now + 2 * Self.recent
        #expect(taken.vouched(by: parsed, contentDir: content, settle: Self.recent, now: now) == nil, "tick not over")
        #expect(taken.vouched(by: parsed, contentDir: content, settle: Self.recent, now: later)?.digest == taken.digest)
        var wrong = parsed
        wrong[wrong.firstIndex { $0.relativePath == "site.yaml" }!].contentHash ^= 1
        #expect(taken.vouched(by: wrong, contentDir: content, settle: Self.recent, now: later) == nil, "other bytes")
        try site.write("site.yaml", TestSite.minimal["site.yaml"]!)
        #expect(taken.vouched(by: parsed, contentDir: content, settle: Self.recent, now: later) == nil, "status changed")
    }

    /// The preview writes in place: the manifest it leaves records no snapshot.
    @Test func thePreviewDropsTheSnapshot() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build(settle: Self.old)
        #expect(BuildManifest.loadSnapshot(from: site.root + "/Site")?.snapshot != nil)
        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]! + "\nVu dans l'aperçu.\n")
        #expect(await site.build(inPlace: true, settle: Self.old).pagesRendered == 1)
        #expect(BuildManifest.loadSnapshot(from: site.root + "/Site") == nil)
        #expect(!(await site.build(settle: Self.old).upToDate))
        #expect(await site.build(settle: Self.old).upToDate)
    }

    @Test func theManifestKeepsWarningsWithTabsAndNewLines() {
        var m = BuildManifest()
        m.snapshot = 0x1234
        m.omittedWarnings = 3
        m.warnings = [.warning(SourceLocation(file: "a\tb/c\\d.md", line: 3, column: 4), "ligne 1\nligne\t2 \\ fin", code: "x.y")]
        m.jobs["home"] = (42, ["index.html"])
        let dir = NSTemporaryDirectory() + "habitat-manifest-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try? FileSystem.write(m.serialized(), to: dir + "/" + BuildManifest.fileName)
        let head = BuildManifest.loadSnapshot(from: dir), full = BuildManifest.load(from: dir)
        #expect(head?.snapshot == 0x1234 && head?.warnings == m.warnings && head?.omittedWarnings == 3)
        #expect(full?.jobs["home"]?.fingerprint == 42 && full?.jobs["home"]?.outputs == ["index.html"] && full?.warnings == m.warnings)
    }
}
