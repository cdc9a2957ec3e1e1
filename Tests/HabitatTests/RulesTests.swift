import HabitatCore
import HabitatRules
import Testing
@testable import HabitatSite

@Suite struct RulesTests {
    let anah = BaremeTable(rows: [["m": 17173], ["m": 25115], ["m": 30206], ["m": 35285], ["m": 40388]], increment: ["m": 5094])

    func eval(_ text: String, _ env: [String: RuleValue] = [:]) throws -> RuleValue {
        Evaluator(baremes: ["anah": anah]).evaluate(try RuleParser.parse(text), env)
    }

    @Test func arithmeticPercentAndMinMax() throws {
        #expect(try eval("min(60000, 50000) * 20 %") == .number(10000))
        #expect(try eval("arrondi(20000 * 5 %) + max(1, 2, 3)") == .number(1003))
        #expect(try eval("si 2 > 1 alors 'a' sinon 'b'") == .text("a"))
        #expect(try eval("'lens' dans ['lens', 'lievin']") == .bool(true))
    }

    @Test func unknownAnswersPropagateButShortCircuit() throws {
        #expect(try eval("revenu <= 3") == .unknown)
        #expect(try eval("faux et revenu <= 3") == .bool(false))
        #expect(try eval("revenu <= 3 ou vrai") == .bool(true))
        #expect(try eval("si x alors 5 sinon 5") == .number(5))
    }

    @Test func baremeLookupWithExtraPersons() throws {
        #expect(try eval("bareme('anah', 'm', 2)") == .number(25115))
        #expect(try eval("bareme('anah', 'm', 7)") == .number(40388 + 2 * 5094))
        #expect(BaremeTable(rows: [["z": 10], ["z": 20]], increment: nil).lookup("z", persons: 9) == 20)
        #expect(anah.lookup("m", persons: 0) == nil)
    }

    @Test func syntaxErrorsPointAtTheirCharacter() {
        #expect(throws: RuleError("attendu « sinon » (chaque « si … alors … » a besoin d'un « sinon »), trouvé la fin de la règle", at: 17)) {
            try RuleParser.parse("si a > 1 alors 2 ")
        }
        #expect(throws: RuleError("caractère inattendu « $ »", at: 4)) { try RuleParser.parse("a + $") }
    }

    @Test func typeErrorsAndUnknownNames() throws {
        let checker = TypeChecker(names: ["revenu": .number, "zone": .text], baremes: ["anah": BaremeShape(columns: ["m"])])
        #expect(throws: RuleError("nom inconnu « revnu » (vouliez-vous dire « revenu » ?)", at: 0)) { try checker.check(try RuleParser.parse("revnu > 3")) }
        #expect(throws: RuleError("« + » demande un nombre, trouvé un texte", at: 9)) { try checker.check(try RuleParser.parse("revenu + zone")) }
        #expect(throws: RuleError("le barème « anah » n'a pas de colonne « x »", at: 15)) { try checker.check(try RuleParser.parse("bareme('anah', 'x', 2)")) }
        #expect(try checker.check(try RuleParser.parse("si zone = 'c' alors revenu sinon 0")) == .number)
    }

    @Test func ruleErrorIsABuildErrorAtItsColumn() async throws {
        var files = TestSite.minimal
        files["aides/prime.md"] = "---\ntitre: \"Prime\"\nresume: \"r\"\npublics: [tous]\nterritoire: epci\nfinanceur: \"AT\"\nstatut: en-vigueur\nmontant: \"1 €\"\nconditions: []\ndemarches: []\nsource: {fichier: \"t.txt\"}\n---\nTexte.\n"
        files["aides/prime.regles.yaml"] = """
            questions:
              - {id: revenu, type: euros, libelle: "Revenu", min: 0}
            resultats:
              eligible: "revenu <= 1000 et revnu > 0"
            personas:
              - {nom: "Exemple", source: "test", reponses: {revenu: 10}, attendu: {eligible: true}}
            """
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == ["Content/aides/prime.regles.yaml:4:32: erreur : nom inconnu « revnu » (vouliez-vous dire « revenu » ?) [rules.invalid]"])
    }

    @Test func aFailingPersonaFailsTheBuild() async throws {
        var files = TestSite.minimal
        files["aides/prime.md"] = "---\ntitre: \"Prime\"\nresume: \"r\"\npublics: [tous]\nterritoire: epci\nfinanceur: \"AT\"\nstatut: en-vigueur\nmontant: \"1 €\"\nconditions: []\ndemarches: []\nsource: {fichier: \"t.txt\"}\n---\nTexte.\n"
        files["aides/prime.regles.yaml"] = """
            questions:
              - {id: revenu, type: euros, libelle: "Revenu", min: 0}
            resultats:
              eligible: "revenu <= 1000"
              montant: "si revenu <= 1000 alors 500 sinon 0"
            personas:
              - nom: "Au plafond"
                source: "test"
                reponses: {revenu: 1000}
                attendu: {eligible: true, montant: 500}
              - nom: "Faux exemple"
                source: "test"
                reponses: {revenu: 1001}
                attendu: {eligible: true, montant: 500}
            """
        let site = try TestSite(files)
        let report = await site.build()
        #expect(site.messages(report) == ["Content/aides/prime.regles.yaml:11:11: erreur : l'exemple « Faux exemple » échoue : eligible : attendu vrai, obtenu faux ; montant : attendu 500, obtenu 0 [persona.failed]"])
        #expect(site.read("index.html") == nil)
    }
}
