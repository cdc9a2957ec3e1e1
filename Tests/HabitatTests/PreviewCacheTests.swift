import Foundation
import HabitatContent
import HabitatCore
import Testing
@testable import HabitatSite

/// A preview session does not read again a file whose status (size, times, inode) is unchanged
/// and old enough to be trusted; everything else is read, and the result stays a full build's.
@Suite struct PreviewCacheTests {
    static let old: Int64 = -3_600_000_000_000

    @Test func anUnchangedOldFileKeepsItsParseWithoutBeingRead() throws {
        let site = try TestSite(TestSite.minimal)
        let content = site.root + "/Content"
        let rel = "plans/plh/actions/2.md"
        let status = try #require(FileStatus.of(content + "/" + rel))
        let marker = ParsedFile(path: "Content/" + rel, relativePath: rel, item: nil, diagnostics: [], contentHash: 7)
        var cache = ParseCache(files: [rel: marker], statuses: [rel: status], trustedBefore: .max)
        let parser = ContentParser()
        #expect(ParseStage.parse(rel, status: status, content, "Content/", parser, cache).contentHash == 7)
        // Too recent to be trusted: read, and parsed since the bytes differ from the cached hash.
        cache.trustedBefore = .min
        #expect(ParseStage.parse(rel, status: status, content, "Content/", parser, cache).contentHash != 7)
        // Another status: read.
        cache.trustedBefore = .max
        var other = status
        other.modified += 1
        #expect(ParseStage.parse(rel, status: other, content, "Content/", parser, cache).contentHash != 7)
    }

    @Test func aSessionTrustingOldFilesMatchesAFullBuildAcrossEdits() async throws {
        let site = try TestSite(TestSite.minimal)
        let session = BuildSession()
        #expect(await site.build(inPlace: true, session: session, settle: Self.old).succeeded)
        let fiche = TestSite.minimal["plans/plh/actions/2.md"]!
        try site.write("plans/plh/actions/2.md", fiche + "\nUn paragraphe ajouté.\n")
        let edit = await site.build(inPlace: true, session: session, settle: Self.old)
        #expect(edit.pagesRendered == 1)
        try site.write("plans/plh/actions/2.md", fiche.replacingOccurrences(of: "titre:", with: "titr:"))
        #expect(!(await site.build(inPlace: true, session: session, settle: Self.old).succeeded))
        try site.write("plans/plh/actions/2.md", fiche + "\nUne autre version.\n")
        try FileManager.default.removeItem(atPath: site.root + "/Content/plans/plh/actions/1.md")
        try site.write("plans/plh/actions/2.md", fiche.replacingOccurrences(of: "liens: [\"2\"]\n", with: "") + "\nUne autre version.\n")
        let fixed = await site.build(inPlace: true, session: session, settle: Self.old)
        #expect(fixed.succeeded, "\(site.messages(fixed))")
        let again = await site.build(inPlace: true, session: session, settle: Self.old)
        #expect(again.pagesRendered == 0 && again.filesWritten == 0)
        _ = await site.build(output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (k, v) in a { #expect(b[k] == v, "differs: \(k)") }
    }
}
