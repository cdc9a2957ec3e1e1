import Foundation
import HabitatContent
import Testing

@Suite struct SchemaReferenceTests {
    @Test func everyKeyOfEveryKindIsDescribed() {
        #expect(SchemaReference.undocumented == [])
        #expect(ContentKind.all.map { $0.fields.count }.reduce(0, +) > 250)
    }

    @Test func committedReferenceMatchesTheCode() throws {
        let committed = try String(contentsOfFile: TestSite.repo + "/docs/reference-contenu.md", encoding: .utf8)
        #expect(committed == SchemaReference.markdown(), "run: habitat schema > docs/reference-contenu.md")
    }

    @Test func probeSeesRequiredAndOptionalKeys() {
        let fiche = ContentKind.all.first { $0.name == "fiche" }!
        let fields = Dictionary(fiche.fields.map { ($0.path, $0.field) }, uniquingKeysWith: { a, _ in a })
        #expect(fields["numero"]?.required == true)
        #expect(fields["nature"]?.required == false)
        #expect(fields["budget[].unite"]?.shape == .choice(["total", "par-an", "par-logement", "par-place", "par-dossier", "par-menage", "par-commune", "par-operation", "autre"]))
        #expect(fields["bilan.statut"]?.required == true)
    }

    @Test func scaffoldedFicheBuilds() async throws {
        let site = try TestSite(TestSite.minimal)
        let yaml = try #require(SchemaReference.scaffold(kind: "fiche", values: ["numero": "\"3\"", "titre": "\"Nouvelle\"", "orientation": "\"1\"", "source.fichier": "\"x.txt\""]))
        try site.write("plans/plh/actions/3.md", "---\n" + yaml + "---\nTexte.\n")
        let report = await site.build()
        #expect(site.messages(report) == [])
        #expect(site.read("plans/plh/actions/3/index.html")?.contains("Nouvelle") == true)
    }
}
