import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

@Suite struct SiteBuildTests {
    @Test func buildsTheMinimalSite() async throws {
        let site = try TestSite(TestSite.minimal)
        let report = await site.build()
        #expect(site.messages(report) == [])
        let fiche = try #require(site.read("plans/plh/actions/1/index.html"))
        #expect(fiche.contains("5\u{202F}000\u{00A0}€ par logement"))
        #expect(fiche.contains("40\u{202F}000\u{00A0}€ par an"))
        // Cross-references in both directions.
        let second = try #require(site.read("plans/plh/actions/2/index.html"))
        #expect(second.contains("Cette fiche est citée par"))
        #expect(second.contains("/plans/plh/actions/1/"))
        #expect(site.read("communes/fouquieres-les-bethune/index.html") != nil)
        #expect(site.read("communes/l-hay-les-roses/donnees.json") != nil)
        #expect(site.read("communes/ville-sure/vignette/index.html") != nil)
        #expect(site.read("actualites/atom.xml") != nil)
        #expect(site.read("sitemap.xml")?.contains("https://test.example/communes/ville-sure/") == true)
        #expect(site.read("404.html") != nil)
    }

    @Test func sourceDocumentsArePublishedLineByLineAndCitationsLinkToThem() async throws {
        var files = TestSite.minimal
        files["documents/plh-test.yaml"] = "titre: \"Programme d'actions <test>\"\nfichier: \"test.txt\"\n"
        files["documents/plh-test.txt"] = (1...12).map { "ligne \($0) & <b>" }.joined(separator: "\n") + "\n"
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == [])
        let doc = try #require(site.read("documents/plh-test/index.html"))
        #expect(doc.contains("<h1>Programme d&#39;actions &lt;test&gt;</h1>"))
        #expect(doc.contains("<li id=\"L12\"><a class=\"numero-ligne\" href=\"#L12\">12</a><span class=\"texte-ligne\">ligne 12 &amp; &lt;b&gt;</span></li>"))
        #expect(!doc.contains("id=\"L13\""))
        // Every cited range has its own anchor, on its first line.
        #expect(doc.contains("<li id=\"L1\"><span class=\"ancre-plage\" id=\"L1-L3\"></span><span class=\"ancre-plage\" id=\"L1-L10\"></span>"))
        let fiche = try #require(site.read("plans/plh/actions/1/index.html"))
        #expect(fiche.contains("<a href=\"/documents/plh-test/\">Programme d&#39;actions &lt;test&gt;</a>, ligne <a href=\"/documents/plh-test/#L5\">5</a>."))
        #expect(!fiche.contains("test.txt"))
        #expect(site.read("documents/index.html")?.contains("/documents/plh-test/") == true)
        #expect(site.read("sitemap.xml")?.contains("https://test.example/documents/plh-test/") == true)
    }

    @Test func aCitationPastTheEndOfItsDocumentIsAWarning() async throws {
        var files = TestSite.minimal
        files["documents/plh-test.yaml"] = "titre: \"PLH\"\nfichier: \"test.txt\"\n"
        files["documents/plh-test.txt"] = "un\ndeux\ntrois\nquatre\ncinq\n"
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == [
            "Content/plans/plh/actions/2.md:1:1: avertissement : source : la ligne 6 est au-delà de la fin de test.txt (5 lignes) [source.line-out-of-range]",
            "Content/plans/plh/plan.md:1:1: avertissement : source : la ligne 10 est au-delà de la fin de test.txt (5 lignes) [source.line-out-of-range]",
        ])
    }

    @Test func aDocumentWithoutItsTextIsAnError() async throws {
        var files = TestSite.minimal
        files["documents/seul.yaml"] = "titre: \"Seul\"\nfichier: \"seul.txt\"\n"
        files["documents/orphelin.txt"] = "texte\n"
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == [
            "Content/documents/orphelin.txt:1:1: erreur : aucune description pour le texte du document « orphelin » : ajoutez documents/orphelin.yaml avec au moins « titre » et « fichier » [document.missing-metadata]",
            "Content/documents/seul.yaml:1:1: erreur : aucun texte pour le document « seul » : placez-le à côté de ce fichier, sous le nom documents/seul.txt [document.missing-text]",
        ])
    }

    @Test func criterionScopeListsExactlyTheMatchingCommunes() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        let fiche = try #require(site.read("plans/plh/actions/1/index.html"))
        #expect(fiche.contains("/communes/fouquieres-les-bethune/"))
        #expect(fiche.contains("/communes/ville-sure/"))
        #expect(!fiche.contains("/communes/l-hay-les-roses/"))
        let sru = try #require(site.read("communes/ville-sure/index.html"))
        let other = try #require(site.read("communes/l-hay-les-roses/index.html"))
        #expect(sru.contains("Aider les communes SRU"))
        #expect(!other.contains("Aider les communes SRU"))
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build(output: "A")
        _ = await site.build(output: "B")
        let a = site.tree("A"), b = site.tree("B")
        #expect(a.count > 10)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (k, v) in a { #expect(b[k] == v, "differs: \(k)") }
    }

    @Test func typoInFrontMatterGivesOnePreciseErrorAndKeepsSite() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        let before = site.tree()
        try site.write("plans/plh/actions/2.md", "---\nnumero: \"2\"\ntitre: \"Toutes\"\norientaton: \"1\"\nsource: {fichier: \"t.txt\"}\n---\n")
        let report = await site.build()
        #expect(!report.succeeded)
        #expect(site.messages(report).contains("Content/plans/plh/actions/2.md:4:1: erreur : clé inconnue « orientaton » (vouliez-vous dire « orientation » ?) [front-matter.unknown-key]"))
        #expect(site.tree() == before)
    }

    @Test func badNumberInCSVGivesRowAndColumn() async throws {
        let site = try TestSite(TestSite.minimal)
        _ = await site.build()
        let before = site.tree()
        try site.write("tables/sru.csv", "commune;sru;logements\nFouquières-lès-Béthune;oui;deux\nL’Haÿ-les-Roses;;1\nVille-Sûre;oui;12\n")
        let report = await site.build()
        #expect(site.messages(report) == ["Content/tables/sru.csv:2:28: erreur : « deux » n'est pas un nombre entier dans la colonne « logements » [table.invalid-number]"])
        #expect(site.tree() == before)
    }

    @Test func unknownTemplateVariableIsAnErrorWithPosition() async throws {
        let site = try TestSite(TestSite.minimal)
        let theme = site.root + "/Themes/perso"
        try FileManager.default.createDirectory(atPath: theme + "/templates", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Themes/default", withDestinationPath: TestSite.repo + "/Themes/default")
        try "herite: default\n".write(toFile: theme + "/theme.yaml", atomically: true, encoding: .utf8)
        try "{{<base}}{{$contenu}}\n<h1>{{titre}}</h1>\n<p>{{ttire_inconnu}}</p>\n{{/contenu}}{{/base}}\n".write(toFile: theme + "/templates/page.mustache", atomically: true, encoding: .utf8)
        try site.write("pages/a-propos.md", "---\ntitre: \"À propos\"\n---\nTexte.\n")
        let report = await site.build(theme: theme)
        #expect(site.messages(report) == ["Themes/perso/templates/page.mustache:3:4: erreur : variable « ttire_inconnu » inconnue dans un gabarit [template.unknown-variable]"])
        #expect(site.read("index.html") == nil)
    }

    @Test func missingPartialIsAnError() async throws {
        let site = try TestSite(TestSite.minimal)
        let theme = site.root + "/Themes/perso"
        try FileManager.default.createDirectory(atPath: theme + "/templates", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Themes/default", withDestinationPath: TestSite.repo + "/Themes/default")
        try "herite: default\n".write(toFile: theme + "/theme.yaml", atomically: true, encoding: .utf8)
        try "{{<base}}{{$contenu}}\n<h1>{{titre}}</h1>\n{{> encadre}}\n{{/contenu}}{{/base}}\n".write(toFile: theme + "/templates/page.mustache", atomically: true, encoding: .utf8)
        try site.write("pages/a-propos.md", "---\ntitre: \"À propos\"\n---\nTexte.\n")
        let report = await site.build(theme: theme)
        #expect(site.messages(report).map { $0.replacingOccurrences(of: theme, with: "Themes/perso") } == ["Themes/perso/templates: erreur : gabarit « encadre.mustache » absent [template.missing]"])
        #expect(site.read("index.html") == nil)
    }

    @Test func unknownCommuneAndFicheReferencesAreReported() async throws {
        var files = TestSite.minimal
        files["plans/plh/actions/3.md"] = "---\nnumero: \"3\"\ntitre: \"T\"\norientation: \"1\"\nperimetre:\n  type: liste\n  communes: [\"Bethunne\", \"Ville-Sûre\"]\nliens: [\"9\"]\nsource: {fichier: \"t.txt\"}\n---\n"
        let site = try TestSite(files)
        let report = await site.build()
        let m = site.messages(report)
        #expect(m.contains("Content/plans/plh/actions/3.md:7:15: erreur : commune inconnue « Bethunne » [ref.unknown-commune]"))
        #expect(m.contains("Content/plans/plh/actions/3.md:8:10: erreur : aucune fiche « 9 » dans plh [ref.unknown-fiche]"))
    }
}

/// A derived theme rebrands without Swift: it inherits `default` and overrides a partial and the colours.
@Suite struct ThemeOverrideTests {
    @Test func derivedThemeOverridesFooterAndColours() async throws {
        let site = try TestSite(TestSite.minimal)
        let report = await site.build(theme: TestSite.repo + "/Themes/sobre")
        #expect(site.messages(report) == [])
        let home = try #require(site.read("index.html"))
        #expect(home.contains("thème « sobre »"))
        #expect(home.contains("/assets/marque."))
        #expect(home.contains("Trouver ma commune"))
    }
}

/// What `habitat check` catches before publication, each at its position.
@Suite struct CheckTests {
    @Test func findsABrokenLinkAnUnknownCommuneAndAFailingPersona() async throws {
        var files = TestSite.minimal
        files["pages/a-propos.md"] = "---\ntitre: \"À propos\"\n---\nVoir [les aides](/aide/) et [la section](#inconnue).\n\n## Contact\n\n![](/medias/plan.png)\n"
        files["plans/plh/actions/2.md"] = TestSite.minimal["plans/plh/actions/2.md"]!.replacingOccurrences(of: "perimetre: {type: tout}", with: "perimetre: {type: liste, communes: [\"Béthune\"]}")
        files["aides/prime.md"] = "---\ntitre: \"Prime\"\nresume: \"r\"\npublics: [tous]\nterritoire: epci\nfinanceur: \"AT\"\nstatut: en-vigueur\nmontant: \"500 €\"\nconditions: []\ndemarches: []\nsource: {fichier: \"t.txt\"}\n---\nTexte.\n"
        files["aides/prime.regles.yaml"] = """
            questions:
              - {id: revenu, type: euros, libelle: "Revenu", min: 0}
            resultats:
              eligible: "revenu <= 1000"
            personas:
              - nom: "Mauvais exemple"
                source: "test"
                reponses: {revenu: 2000}
                attendu: {eligible: true}
            """
        let site = try TestSite(files)
        let report = await site.build(write: false)
        #expect(site.messages(report) == [
            "Content/aides/prime.regles.yaml:6:11: erreur : l'exemple « Mauvais exemple » échoue : eligible : attendu vrai, obtenu faux [persona.failed]",
            "Content/pages/a-propos.md:4:6: erreur : lien cassé : aucune page à l'adresse /aide/ (vouliez-vous dire « /aides/ » ?) [link.broken]",
            "Content/pages/a-propos.md:4:29: erreur : aucun titre n'a l'ancre #inconnue sur cette page [link.broken-anchor]",
            "Content/pages/a-propos.md:8:1: erreur : image sans texte de remplacement : écrivez ![ce que montre l'image](/medias/plan.png) [content.image-alt]",
            "Content/pages/a-propos.md:8:1: erreur : lien cassé : aucune page à l'adresse /medias/plan.png [link.broken]",
            "Content/plans/plh/actions/2.md:5:38: erreur : commune inconnue « Béthune » [ref.unknown-commune]",
        ])
    }
}
