import Foundation
import Testing
@testable import HabitatSite

/// The questionnaire asks a question shared by two simulators once: both must mean the same
/// kind of answer, or the build says where.
@Suite struct SharedQuestionTests {
    static func rules(_ type: String) -> String {
        """
        questions:
          - {id: revenu, type: \(type), libelle: "Revenu"}
        resultats:
          eligible: "\(type == "oui-non" ? "revenu" : "revenu >= 0")"
        personas:
          - nom: "Exemple"
            source: "test"
            reponses: {revenu: \(type == "oui-non" ? "oui" : "10")}
            attendu: {eligible: true}
        """
    }

    func site(_ a: String, _ b: String) throws -> TestSite {
        var files = TestSite.minimal
        for (id, type) in [("prime-a", a), ("prime-b", b)] {
            files["aides/\(id).md"] = BaremeVersionTests.aid
            files["aides/\(id).regles.yaml"] = Self.rules(type)
        }
        return try TestSite(files)
    }

    @Test func theSameQuestionWithAnotherTypeIsAnErrorAtTheSecond() async throws {
        let s = try site("euros", "oui-non")
        let report = await s.build()
        let messages = s.messages(report)
        #expect(messages.contains { $0.contains("prime-b.regles.yaml:2:") && $0.contains("« revenu » est aussi posée par le simulateur « prime-a »") && $0.contains("[rules.shared-question]") }, "\(messages)")
    }

    @Test func theSameQuestionWithTheSameTypeIsAskedOnce() async throws {
        let s = try site("euros", "euros")
        let report = await s.build()
        #expect(!s.messages(report).contains { $0.contains("rules.shared-question") })
    }
}
