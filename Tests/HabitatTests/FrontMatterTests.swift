import HabitatContent
import HabitatCore
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineOffsets() throws {
        let split = try FrontMatterSplit.split("---\ntitre: Été\nn: 2\n---  \n# Corps\n\ntexte é\n", file: "a.md")
        #expect(split.yaml == "titre: Été\nn: 2")
        #expect(split.yamlLineOffset == 1)
        #expect(split.body == "# Corps\n\ntexte é\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func windowsLineEndsAndByteOrderMark() throws {
        let split = try FrontMatterSplit.split("\u{FEFF}---\r\ntitre: A\r\n---\r\nligne 1\r\nligne\r2\r\n", file: "a.md")
        #expect(split.yaml == "titre: A")
        #expect(split.body == "ligne 1\nligne\r2\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func emptyFrontMatterAndEmptyBody() throws {
        let split = try FrontMatterSplit.split("---\n---", file: "a.md")
        #expect(split.yaml == "")
        #expect(split.body == "")
        #expect(split.bodyLineOffset == 2)
    }

    @Test(arguments: [("", "front-matter.missing"), ("  \n", "front-matter.missing"),
                      ("titre: A\n---\n", "front-matter.missing"), ("----\nx\n---\n", "front-matter.missing"),
                      ("---\ntitre: A\n", "front-matter.unclosed"), ("---", "front-matter.unclosed"),
                      ("---\ntitre: A\n--- x\n", "front-matter.unclosed")])
    func refusesFilesWithoutAClosedFrontMatter(text: String, code: String) {
        #expect(throws: Diagnostic.self) { try FrontMatterSplit.split(text, file: "a.md") }
        do { _ = try FrontMatterSplit.split(text, file: "a.md") } catch { #expect(error.code == code) }
    }
}
