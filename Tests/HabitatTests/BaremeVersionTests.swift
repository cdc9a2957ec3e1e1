import Foundation
import Testing
@testable import HabitatSite

/// Versioned barèmes: the version in force at the build date is used; overlaps, gaps and the lack
/// of a version in force are reported at their positions; a pending successor is only a warning.
@Suite struct BaremeVersionTests {
    static let aid = "---\ntitre: \"Prime\"\nresume: \"r\"\npublics: [tous]\nterritoire: epci\nfinanceur: \"AT\"\nstatut: en-vigueur\nmontant: \"500 €\"\nconditions: []\ndemarches: []\nsource: {fichier: \"t.txt\"}\n---\nTexte.\n"

    static func version(_ id: String, from: String, to: String?, ceiling: Int, extra: String = "") -> String {
        """
        titre: "Plafonds \(id)"
        famille: plafonds
        source: {fichier: "t.txt"}
        reference: "Arrêté \(id)"
        valide_du: \(from)
        \(to.map { "valide_au: \($0)" } ?? "")
        colonnes:
          - {id: m, libelle: "Modeste"}
        lignes:
          - {personnes: 1, m: \(ceiling)}
        \(extra)
        """
    }

    static let rules = """
        baremes: [plafonds]
        questions:
          - {id: revenu, type: euros, libelle: "Revenu", min: 0}
        resultats:
          eligible: "revenu <= bareme('plafonds', 'm', 1)"
        personas:
          - nom: "Au plafond en vigueur"
            source: "test"
            reponses: {revenu: 2000}
            attendu: {eligible: true}
        """

    func site(_ baremes: [String: String], rules: String = BaremeVersionTests.rules) throws -> TestSite {
        var files = TestSite.minimal
        files["aides/prime.md"] = Self.aid
        files["aides/prime.regles.yaml"] = rules
        for (id, text) in baremes { files["baremes/\(id).yaml"] = text }
        return try TestSite(files)
    }

    @Test func theVersionInForceAtTheBuildDateIsUsedAndNamedOnThePage() async throws {
        // Build date 2026-11-23: 2026's ceiling (2 000) applies, not 2025's (1 000).
        let s = try site(["p-2025": Self.version("p-2025", from: "2025-01-01", to: "2025-12-31", ceiling: 1000),
                          "p-2026": Self.version("p-2026", from: "2026-01-01", to: "2026-12-31", ceiling: 2000)])
        let report = await s.build()
        #expect(s.messages(report) == [])
        let page = try #require(s.read("aides/prime/index.html"))
        #expect(page.contains("Barème en vigueur au 23\u{a0}novembre 2026"))
        #expect(page.contains("Plafonds p-2026 (Arrêté p-2026)."))
        #expect(page.contains("Versions antérieures des barèmes"))
        #expect(page.contains("Plafonds p-2025"))
    }

    @Test func overlappingVersionsAreAnErrorAtTheirStartDate() async throws {
        let s = try site(["p-2025": Self.version("p-2025", from: "2025-01-01", to: "2026-01-31", ceiling: 1000),
                          "p-2026": Self.version("p-2026", from: "2026-01-01", to: "2026-12-31", ceiling: 2000)])
        let report = await s.build(write: false)
        #expect(s.messages(report) == [
            "Content/baremes/p-2026.yaml:5:12: erreur : le barème « p-2026 » commence le 1er janvier 2026 alors que « p-2025 », de la même famille « plafonds », vaut jusqu'au 31 janvier 2026 : les versions se chevauchent [bareme.overlap]",
        ])
    }

    @Test func aGapBetweenVersionsIsAnError() async throws {
        let s = try site(["p-2025": Self.version("p-2025", from: "2025-01-01", to: "2025-11-30", ceiling: 1000),
                          "p-2026": Self.version("p-2026", from: "2026-01-01", to: "2026-12-31", ceiling: 2000)])
        let report = await s.build(write: false)
        #expect(s.messages(report) == [
            "Content/baremes/p-2026.yaml:5:12: erreur : le barème « p-2026 » commence le 1er janvier 2026 mais « p-2025 », de la même famille « plafonds », finit le 30 novembre 2025 : aucune version ne couvre les jours entre les deux [bareme.gap]",
        ])
    }

    @Test func noVersionInForceIsAnErrorAtTheSimulatorsReference() async throws {
        let s = try site(["p-2025": Self.version("p-2025", from: "2025-01-01", to: "2025-12-31", ceiling: 1000)])
        let report = await s.build(write: false)
        #expect(s.messages(report) == [
            "Content/aides/prime.regles.yaml:1:11: erreur : aucune version du barème « plafonds » n'est en vigueur à la date de publication, le 23 novembre 2026 (versions : p-2025 (2025-01-01 – 2025-12-31)) : ajoutez la version en vigueur, ou désignez-en une par son identifiant [bareme.none-in-force]",
            "Content/baremes/p-2025.yaml:6:12: avertissement : le barème « p-2025 » était valable jusqu'au 31 décembre 2025 ; la date de publication est le 23 novembre 2026 : aucune version de « plafonds » n'est en vigueur — ajoutez la version suivante, ou « suite_en_attente » si elle n'est pas encore publiée [bareme.expired]",
        ])
    }

    @Test func aPendingSuccessorIsAWarningAndThePageSaysSo() async throws {
        let s = try site(["p-2025": Self.version("p-2025", from: "2025-01-01", to: "2025-12-31", ceiling: 2000,
                                                 extra: "suite_en_attente: \"Les plafonds 2026 ne sont pas encore publiés.\"")])
        let report = await s.build()
        #expect(s.messages(report) == [
            "Content/baremes/p-2025.yaml:6:12: avertissement : le barème « p-2025 » était valable jusqu'au 31 décembre 2025 ; la date de publication est le 23 novembre 2026 : sa suite est attendue (suite_en_attente), il reste donc utilisé et les pages le disent [bareme.pending]",
        ])
        let page = try #require(s.read("aides/prime/index.html"))
        #expect(page.contains("Les plafonds 2026 ne sont pas encore publiés."))
    }

    @Test func aVersionCanBePinnedByItsId() async throws {
        let rules = Self.rules.replacingOccurrences(of: "[plafonds]", with: "[p-2025]").replacingOccurrences(of: "bareme('plafonds'", with: "bareme('p-2025'")
            .replacingOccurrences(of: "revenu: 2000", with: "revenu: 1000")
        let s = try site(["p-2025": Self.version("p-2025", from: "2025-01-01", to: "2025-12-31", ceiling: 1000),
                          "p-2026": Self.version("p-2026", from: "2026-01-01", to: "2026-12-31", ceiling: 2000)], rules: rules)
        let report = await s.build()
        #expect(s.messages(report) == [])
        #expect(try #require(s.read("aides/prime/index.html")).contains("Barème choisi : Plafonds p-2025"))
    }

    @Test func secondHandFiguresAreSaidOnThePage() async throws {
        let s = try site(["p-2026": Self.version("p-2026", from: "2026-01-01", to: "2026-12-31", ceiling: 2000,
                                                 extra: "seconde_main: \"Relevés dans des sources non officielles.\"")])
        let report = await s.build()
        #expect(s.messages(report) == [])
        let page = try #require(s.read("aides/prime/index.html"))
        #expect(page.contains("Relevés dans des sources non officielles."))
        #expect(page.contains("ne sont connus que de seconde main"))
    }
}

/// Derived questions and the questionnaire's situations are checked like everything else.
@Suite struct DerivedQuestionTests {
    @Test func unknownSourcesProfilesAndDefaultsAreErrorsAtTheirPositions() async throws {
        var files = TestSite.minimal
        files["aides/prime.md"] = BaremeVersionTests.aid
        files["aides/prime.regles.yaml"] = """
            profils: [proprietaire-occupant, touriste]
            questions:
              - {id: zone, type: choix, libelle: "Zone", derivee_de: ville, options: [{valeur: a, libelle: "A"}]}
              - {id: ile_de_france, type: oui-non, libelle: "IdF", derivee_de: commune, defaut: peut-etre}
              - {id: revenu, type: euros, libelle: "Revenu", min: 0, defaut: "3"}
            resultats:
              eligible: "revenu <= 1000"
            personas:
              - nom: "Exemple"
                source: "test"
                reponses: {revenu: 10}
                attendu: {eligible: true}
            """
        let site = try TestSite(files)
        let report = await site.build(write: false)
        #expect(site.messages(report) == [
            "Content/aides/prime.regles.yaml:1:34: erreur : profils : « touriste » est inconnu (connus : proprietaire-occupant, proprietaire-bailleur, locataire, futur-acheteur) [rules.bad-profile]",
            "Content/aides/prime.regles.yaml:3:10: erreur : derivee_de : « ville » est inconnu (connu : commune) [rules.bad-derived]",
            "Content/aides/prime.regles.yaml:4:10: erreur : defaut : « peut-etre » n'est pas une réponse valable à « ile_de_france » [rules.bad-default]",
            "Content/aides/prime.regles.yaml:5:10: erreur : « defaut » ne sert qu'à une question déduite (derivee_de) [rules.bad-default]",
        ])
    }

    @Test func aDefaultAnswersADerivedQuestionInSwift() async throws {
        var files = TestSite.minimal
        files["aides/prime.md"] = BaremeVersionTests.aid
        files["aides/prime.regles.yaml"] = """
            questions:
              - {id: ile_de_france, type: oui-non, libelle: "IdF", derivee_de: commune, defaut: non}
              - {id: revenu, type: euros, libelle: "Revenu", min: 0}
            resultats:
              eligible: "revenu <= (si ile_de_france alors 2000 sinon 1000)"
            personas:
              - nom: "Hors Île-de-France par défaut"
                source: "test"
                reponses: {revenu: 1500}
                attendu: {eligible: false}
              - nom: "En Île-de-France, donné par la commune"
                source: "test"
                reponses: {ile_de_france: oui, revenu: 1500}
                attendu: {eligible: true}
            """
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == [])
        let page = try #require(site.read("aides/prime/index.html"))
        #expect(!page.contains("data-question=\"ile_de_france\""))
    }
}
