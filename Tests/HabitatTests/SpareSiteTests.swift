import Foundation
import Testing
import HabitatCore
@testable import HabitatSite

/// The double buffer of the write stage (`SpareSite`): builds that update the folder the previous
/// swap took out give the bytes of a full build, and never write into the live site.
@Suite struct SpareSiteTests {
    static let fiche = TestSite.minimal["plans/plh/actions/2.md"]!

    func expectSameAsFullBuild(_ site: TestSite, _ note: String) async {
        _ = await site.build(output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.sorted() == b.keys.sorted(), "\(note)")
        for (k, v) in a where b[k] != v { Issue.record("\(note): differs: \(k)") }
        // No folder a full build would not make (a removed page leaves none behind).
        #expect(folders(site.root + "/Site") == folders(site.root + "/Full"), "\(note)")
        try? FileManager.default.removeItem(atPath: site.root + "/Full")
        try? FileManager.default.removeItem(atPath: site.root + "/.Full.precedent")
    }

    func folders(_ root: String) -> [String] {
        let e = FileManager.default.enumerator(atPath: root)
        var out: [String] = []
        while let rel = e?.nextObject() as? String {
            if FileSystem.isDirectory(root + "/" + rel) { out.append(rel) }
        }
        return out.sorted()
    }

    @Test func editsRemovalsAndRevertsThroughTheSpareMatchAFullBuild() async throws {
        let site = try TestSite(TestSite.minimal)
        #expect(await site.build().succeeded)
        try site.write("plans/plh/actions/2.md", Self.fiche + "\nUn paragraphe ajouté.\n")
        #expect(await site.build().pagesRendered == 1)
        #expect(FileSystem.isDirectory(site.root + "/.Site.precedent"), "the swapped-out site is kept as the spare")
        await expectSameAsFullBuild(site, "first edit (no spare yet)")
        try site.write("plans/plh/actions/2.md", Self.fiche + "\nUne deuxième version.\n")
        #expect(await site.build().succeeded)
        await expectSameAsFullBuild(site, "second edit (the spare is one build behind)")
        try FileManager.default.removeItem(atPath: site.root + "/Content/plans/plh/actions/1.md")
        try site.write("plans/plh/actions/2.md", Self.fiche.replacingOccurrences(of: "liens: [\"2\"]\n", with: ""))
        #expect(await site.build().succeeded)
        await expectSameAsFullBuild(site, "a fiche removed")
        try site.write("plans/plh/actions/1.md", TestSite.minimal["plans/plh/actions/1.md"]!)
        try site.write("plans/plh/actions/2.md", Self.fiche)
        #expect(await site.build().succeeded)
        await expectSameAsFullBuild(site, "back to the first version")
        #expect(await site.build().pagesRendered == 0)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.Site.nouveau-\(getpid())"))
        // A file put by hand at the top of the live site does not come back from the spare.
        try "x".write(toFile: site.root + "/Site/CNAME", atomically: true, encoding: .utf8)
        for version in ["\nA.\n", "\nB.\n"] {
            try site.write("plans/plh/actions/2.md", Self.fiche + version)
            #expect(await site.build().succeeded)
        }
        await expectSameAsFullBuild(site, "after a file put by hand")
    }

    /// The spare shares the inodes of unchanged files with the live site: updating it must not
    /// change a byte of the site that was live during the build (it becomes the next spare).
    @Test func updatingTheSpareNeverWritesIntoTheLiveSite() async throws {
        let site = try TestSite(TestSite.minimal)
        // Each fiche in turn: a page kept by one build (a shared inode) is rendered by the next.
        for (i, version) in ["\nA.\n", "\nB.\n", "\nC.\n", "\nD.\n", "\nE.\n"].enumerated() {
            let fiche = "plans/plh/actions/\(i % 2 + 1).md"
            try site.write(fiche, TestSite.minimal[fiche]! + version)
            let live = site.tree()
            #expect(await site.build().succeeded)
            if !live.isEmpty {
                let swappedOut = site.tree(".Site.precedent")
                #expect(swappedOut.keys.sorted() == live.keys.sorted())
                for (k, v) in live where swappedOut[k] != v { Issue.record("the live site changed during the build: \(k)") }
            }
        }
    }

    /// A write that fails after the spare was updated (here, the search index step) leaves the
    /// live site as it was and no staging folder; the spare is lost and the next build makes a
    /// fresh folder.
    @Test func aFailedWriteLeavesTheLiveSiteAndTheNextBuildRecovers() async throws {
        let site = try TestSite(TestSite.minimal)
        #expect(await site.build().succeeded)
        try site.write("plans/plh/actions/2.md", Self.fiche + "\nA.\n")
        #expect(await site.build().succeeded)
        let live = site.tree()
        let output = site.root + "/Site"
        var manifest = try #require(BuildManifest.load(from: output))
        let home = try #require(manifest.jobs.first { $0.value.outputs.contains("index.html") })
        manifest.jobs[home.key] = (home.value.fingerprint &+ 1, home.value.outputs)
        #expect(throws: SiteError.self) {
            _ = try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("cassé".utf8))], keeping: [], manifest: manifest,
                                     assets: [], media: [], to: output) { _ in throw SiteError.io("arrêt simulé") }
        }
        #expect(site.tree() == live)
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.contains("nouveau") }
        #expect(entries.isEmpty)
        // A build killed while updating the spare leaves it under its staging name (a dead process's).
        try site.write("plans/plh/actions/2.md", Self.fiche + "\nB.\n")
        #expect(await site.build().succeeded)
        try FileManager.default.moveItem(atPath: site.root + "/.Site.precedent", toPath: site.root + "/.Site.nouveau-2147483646")
        try "à moitié écrit".write(toFile: site.root + "/.Site.nouveau-2147483646/index.html", atomically: true, encoding: .utf8)
        try site.write("plans/plh/actions/2.md", Self.fiche + "\nC.\n")
        #expect(await site.build().succeeded)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.Site.nouveau-2147483646"))
        await expectSameAsFullBuild(site, "after a killed build")
    }
}
