import Foundation
import Testing
@testable import HabitatSite

/// A second build rewrites only what depends on what changed, and gives the same bytes as a full build.
@Suite struct IncrementalTests {
    func changedFiles(_ a: [String: Data], _ b: [String: Data]) -> Set<String> {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] && !$0.hasPrefix(".habitat") }
    }

    @Test func jobKeysAreSwiftsOwnDescriptions() {
        let jobs: [PageJob] = [.home, .notFound, .search, .aids, .news, .dataIndex, .discrepancies, .indicators, .plansIndex,
                               .simulatorHub, .territory("cabbalr"), .plan("p"), .fiche(plan: "p", index: 3), .commune("bethune"),
                               .card("bethune"), .aid("ptz"), .indicator("i"), .page(2), .newsItem(0),
                               .alias(from: "/a \"b\"/", to: "/c/")]
        for job in jobs { #expect(job.key == String(describing: job)) }
    }

    @Test func nothingChangedRendersNothing() async throws {
        let site = try TestSite(TestSite.minimal)
        let first = await site.build()
        #expect(first.pagesRendered > 10)
        let second = await site.build()
        #expect(second.pagesRendered == 0)
    }

    @Test func editingAFicheBodyRerendersOnlyThatFiche() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        let before = site.tree()
        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]!.replacingOccurrences(of: "Une autre action.", with: "Un texte révisé."))
        let report = await site.build()
        #expect(report.pagesRendered == 1)
        #expect(changedFiles(before, site.tree()) == ["plans/plh/actions/2/index.html"])
    }

    @Test func publishingTheFirstDocumentMatchesAFullBuild() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        try site.write("documents/plh-test.yaml", "titre: \"PLH\"\nfichier: \"test.txt\"\n")
        try site.write("documents/plh-test.txt", (1...12).map { "ligne \($0)" }.joined(separator: "\n") + "\n")
        let incremental = await site.build()
        #expect(incremental.succeeded)
        _ = await site.build(output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (k, v) in a { #expect(b[k] == v, "differs: \(k)") }
    }

    @Test func incrementalAndFullBuildsAreByteIdentical() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]!
            .replacingOccurrences(of: "Toutes les communes", with: "Toutes les communes du territoire"))
        try site.write("tables/sru.csv", "commune;sru;logements\nFouquières-lès-Béthune;oui;11 624\nL’Haÿ-les-Roses;oui;2,0\nVille-Sûre;;12\n")
        let incremental = await site.build()
        #expect(incremental.succeeded)
        _ = await site.build(output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (k, v) in a { #expect(b[k] == v, "differs: \(k)") }
    }

    @Test func inPlaceUpdatesOfThePreviewMatchAFullBuild() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]!
            .replacingOccurrences(of: "Toutes les communes", with: "Toutes les communes du territoire"))
        try FileManager.default.removeItem(atPath: site.root + "/Content/plans/plh/actions/1.md")
        try site.write("plans/plh/actions/2.md", TestSite.minimal["plans/plh/actions/2.md"]!.replacingOccurrences(of: "liens: [\"2\"]\n", with: ""))
        let report = await site.build(inPlace: true)
        #expect(report.succeeded, "\(site.messages(report))")
        _ = await site.build(output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (k, v) in a { #expect(b[k] == v, "differs: \(k)") }
        let again = await site.build(inPlace: true)
        #expect(again.pagesRendered == 0 && again.filesWritten == 0)
    }

    /// The preview keeps parses and its last manifest between builds: edits, a failed build
    /// and a fix in a row still give the bytes of a full build.
    @Test func aPreviewSessionMatchesAFullBuildAcrossEditsAndErrors() async throws {
        let site = try TestSite(TestSite.minimal)
        let session = BuildSession()
        #expect(await site.build(inPlace: true, session: session).succeeded)
        let fiche = TestSite.minimal["plans/plh/actions/2.md"]!
        try site.write("plans/plh/actions/2.md", fiche + "\nUn paragraphe ajouté.\n")
        let edit = await site.build(inPlace: true, session: session)
        #expect(edit.pagesRendered == 1)
        try site.write("plans/plh/actions/2.md", fiche.replacingOccurrences(of: "titre:", with: "titr:"))
        #expect(!(await site.build(inPlace: true, session: session).succeeded))
        try site.write("plans/plh/actions/2.md", fiche + "\nUne autre version.\n")
        #expect(await site.build(inPlace: true, session: session).succeeded)
        let again = await site.build(inPlace: true, session: session)
        #expect(again.pagesRendered == 0 && again.filesWritten == 0)
        _ = await site.build(output: "Full", incremental: false)
        let a = site.tree(), b = site.tree("Full")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (k, v) in a { #expect(b[k] == v, "differs: \(k)") }
    }

    @Test func editingAnIndicatorChangesExactlyItsDependentPages() async throws {
        var files = TestSite.minimal
        files["indicateurs/logements.json"] = """
            {"titre": "Logements", "unite": "logements", "plans": [{"plan": "plh", "fiches": ["1"]}],
             "source": {"fichier": "t.txt"}, "niveau": "epci",
             "valeurs": [{"territoire": "epci", "periode": "2020", "valeur": 10, "cible": 20}]}
            """
        let site = try TestSite(files)
        _ = await site.build()
        let before = site.tree()
        try site.write("indicateurs/logements.json", files["indicateurs/logements.json"]!.replacingOccurrences(of: "\"valeur\": 10", with: "\"valeur\": 15"))
        let report = await site.build()
        let changed = changedFiles(before, site.tree())
        #expect(changed == [
            "index.html", "indicateurs/index.html", "indicateurs/logements/index.html",
            "territoires/epci/index.html",
            "donnees/indicateurs/logements.csv", "donnees/indicateurs/logements.json",
        ])
        #expect(report.pagesRendered < 20)
    }
}
