import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// Drafts (`brouillon: true`) are not published; what cites them is not broken by them; the
/// scaffold text `habitat new` writes is an error in a published page and a warning in a draft.
@Suite struct DraftTests {
    static let aid = "---\ntitre: \"Prime\"\nresume: \"r\"\npublics: [tous]\nterritoire: epci\nfinanceur: \"AT\"\nstatut: en-vigueur\nmontant: \"1 €\"\nconditions: []\ndemarches: []\nsource: {fichier: \"t.txt\"}\nbrouillon: true\n---\nTexte.\n"
    // A failing persona: it would fail the build if the draft's simulator were compiled.
    static let rules = "questions:\n  - {id: revenu, type: euros, libelle: \"Revenu\", min: 0}\nresultats:\n  eligible: \"revenu <= 1000\"\npersonas:\n  - nom: \"Faux\"\n    source: \"test\"\n    reponses: {revenu: 5}\n    attendu: {eligible: false}\n"

    @Test func aDraftAidAndItsSimulatorAreLeftOutAndWhatCitesThemStillBuilds() async throws {
        var files = TestSite.minimal
        files["aides/prime.md"] = Self.aid
        files["aides/prime.regles.yaml"] = Self.rules
        files["plans/plh/actions/1.md"] = try #require(files["plans/plh/actions/1.md"]).replacingOccurrences(of: "liens: [\"2\"]", with: "liens: [\"2\"]\naides: [prime]")
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == [])
        #expect(site.read("aides/prime/index.html") == nil)
        #expect(site.read("plans/plh/actions/1/index.html") != nil)
        // Published, the same aid builds its simulator, whose failing persona is reported.
        try site.write("aides/prime.md", Self.aid.replacingOccurrences(of: "brouillon: true\n", with: ""))
        let published = await site.build()
        #expect(published.diagnostics.contains { $0.code == "persona.failed" })
    }

    @Test func scaffoldTextIsAWarningInADraftAndAnErrorOnceTheDraftIsPublished() async throws {
        var files = TestSite.minimal
        files["pages/essai.md"] = "---\ntitre: \"Essai\"\nbrouillon: true\n---\nÉcrivez ici le texte, en français clair, pour les habitants.\n"
        let site = try TestSite(files)
        let draft = await site.build()
        #expect(site.messages(draft) == ["Content/pages/essai.md:5:1: avertissement : le texte d'exemple « Écrivez ici le texte, en franç… » est encore là : remplacez-le avant d'ôter « brouillon: true » [content.placeholder]"])
        #expect(site.read("essai/index.html") == nil)
        try site.write("pages/essai.md", "---\ntitre: \"Essai\"\ndescription: \"À compléter\"\n---\nÉcrivez ici le texte, en français clair, pour les habitants.\n")
        let published = await site.build()
        #expect(!published.succeeded)
        #expect(site.messages(published) == [
            "Content/pages/essai.md:3:15: erreur : « À compléter » est encore là et serait publié tel quel : remplacez-le, ou remettez « brouillon: true » tant que la page n'est pas prête [content.placeholder]",
            "Content/pages/essai.md:5:1: erreur : le texte d'exemple « Écrivez ici le texte, en franç… » est encore là et serait publié tel quel : remplacez-le, ou remettez « brouillon: true » tant que la page n'est pas prête [content.placeholder]",
        ])
    }
}
