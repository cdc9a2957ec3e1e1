import Foundation
import Testing
@testable import HabitatSite

/// Personas give a commune by INSEE code: the zone and Île-de-France come from the reference,
/// as in the page; an unknown code or an answer the commune contradicts is a positioned error.
@Suite struct CommunePersonaTests {
    static let aid = "---\ntitre: \"Prime\"\nresume: \"r\"\npublics: [tous]\nterritoire: france\nfinanceur: \"État\"\nstatut: en-vigueur\nmontant: \"1 €\"\nconditions: []\ndemarches: []\nsource: {fichier: \"t.txt\"}\n---\nTexte.\n"

    static func rules(_ personas: String) -> String {
        """
        questions:
          - id: zone
            type: choix
            libelle: "Zone"
            derivee_de: commune
            options:
              - {valeur: zone_a, libelle: "A"}
              - {valeur: zone_b1, libelle: "B1"}
              - {valeur: zone_b2, libelle: "B2"}
              - {valeur: zone_c, libelle: "C"}
          - {id: ile_de_france, type: oui-non, libelle: "IDF", derivee_de: commune, defaut: oui}
        resultats:
          eligible: "non ile_de_france"
          montant: "si zone = 'zone_a' alors 4 sinon si zone = 'zone_b1' alors 3 sinon si zone = 'zone_b2' alors 2 sinon 1"
        personas:
        \(personas)
        """
    }

    func site(_ personas: String) throws -> TestSite {
        var files = CommuneReferenceResolution.files
        files["referentiel/communes.csv"] = """
            code_insee;nom;departement;nom_departement;region;nom_region;epci_siren;epci_nom;epci_nature;population_municipale;zone_abc
            59350;Lille;59;Nord;32;Hauts-de-France;200000002;CC du Nord;CC;238246;A
            62119;Béthune;62;Pas-de-Calais;32;Hauts-de-France;200000001;CA Agglo;CA;25000;B1
            59529;Saint-Aubin;59;Nord;32;Hauts-de-France;200000002;CC du Nord;CC;328;C
            62742;Saint-Aubin;62;Pas-de-Calais;32;Hauts-de-France;200000001;CA Agglo;CA;300;B2
            62486;Lambres-lez-Aire;62;Pas-de-Calais;32;Hauts-de-France;200000001;CA Agglo;CA;1070;C
            """
        files["tables/t.csv"] = "commune;n\n62742;4\n62486;7\n"
        files["aides/prime.md"] = Self.aid
        files["aides/prime.regles.yaml"] = Self.rules(personas)
        return try TestSite(files)
    }

    @Test func eachZoneComesFromTheCommuneAndHomonymsByTheirCode() async throws {
        let s = try site("""
              - {nom: "Lille, zone A", source: "t", reponses: {commune: "59350"}, attendu: {eligible: true, montant: 4}}
              - {nom: "Béthune, zone B1", source: "t", reponses: {commune: "62119"}, attendu: {eligible: true, montant: 3}}
              - {nom: "Saint-Aubin (Pas-de-Calais), zone B2", source: "t", reponses: {commune: "62742"}, attendu: {eligible: true, montant: 2}}
              - {nom: "Saint-Aubin (Nord), zone C", source: "t", reponses: {commune: "59529"}, attendu: {eligible: true, montant: 1}}
              - {nom: "Sans commune : la valeur par défaut (Île-de-France)", source: "t", reponses: {zone: zone_c}, attendu: {eligible: false}}
            """)
        let report = await s.build()
        #expect(s.messages(report) == [])
    }

    @Test func aWrongExpectationWithACommuneFailsAtThePersona() async throws {
        let s = try site("""
              - {nom: "Béthune n'est pas en zone A", source: "t", reponses: {commune: "62119"}, attendu: {eligible: true, montant: 4}}
            """)
        let report = await s.build()
        #expect(s.messages(report) == ["Content/aides/prime.regles.yaml:16:12: erreur : l'exemple « Béthune n'est pas en zone A » échoue : montant : attendu 4, obtenu 3 [persona.failed]"])
    }

    @Test func anUnknownCodeIsAPositionedError() async throws {
        let s = try site("""
              - {nom: "Code inconnu", source: "t", reponses: {commune: "62999"}, attendu: {eligible: true, montant: 3}}
            """)
        let report = await s.build()
        let messages = s.messages(report)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("Content/aides/prime.regles.yaml:16:") == true)
        #expect(messages.first?.contains("commune « 62999 » inconnue : donnez son code INSEE") == true)
        #expect(messages.first?.hasSuffix("[persona.unknown-commune]") == true)
    }

    @Test func anAnswerTheCommuneContradictsIsAnError() async throws {
        let s = try site("""
              - {nom: "Lille en zone C ?", source: "t", reponses: {commune: "59350", zone: zone_c}, attendu: {eligible: true, montant: 1}}
            """)
        let report = await s.build()
        let messages = s.messages(report)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("« zone » vaut zone_c mais la commune Lille (59350) donne zone_a") == true)
        #expect(messages.first?.hasSuffix("[persona.commune-mismatch]") == true)
    }

    @Test func aDerivedQuestionTheCommuneCannotGiveIsAnError() async throws {
        var files = CommuneReferenceResolution.files
        files["aides/prime.md"] = Self.aid
        files["aides/prime.regles.yaml"] = """
            questions:
              - {id: quartier, type: oui-non, libelle: "Q", derivee_de: commune}
            resultats:
              eligible: "quartier"
            personas:
              - {nom: "x", source: "t", reponses: {quartier: oui}, attendu: {eligible: true}}
            """
        let s = try TestSite(files)
        let report = await s.build()
        let messages = s.messages(report)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("« quartier » ne peut pas être déduite de la commune") == true)
    }
}
