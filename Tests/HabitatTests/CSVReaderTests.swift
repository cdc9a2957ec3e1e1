import HabitatContent
import HabitatCore
import Testing

@Suite struct CSVReaderTests {
    @Test func readsFrenchSpreadsheetExports() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("commune;valeur\r\nBéthune;2,5\r\n\"Lens; centre\";\"11 624\"\r\n".utf8)
        let csv = try CSVReader.read(bytes, file: "t.csv")
        #expect(csv.separator == ";")
        #expect(csv.header.map(\.text) == ["commune", "valeur"])
        #expect(csv.rows.map { $0.map(\.text) } == [["Béthune", "2,5"], ["Lens; centre", "11 624"]])
        #expect(csv.rows[1][1].line == 3)
        #expect(csv.rows[0][1].column == 9)
    }

    @Test func acceptsCommaSeparators() throws {
        let csv = try CSVReader.read("a,b\n1,\"2,5\"\n", file: "t.csv")
        #expect(csv.separator == ",")
        #expect(csv.rows[0].map(\.text) == ["1", "2,5"])
    }

    @Test func raggedRowIsAnError() {
        #expect(throws: Diagnostic.error(SourceLocation(file: "t.csv", line: 3, column: 5), "la ligne a 3 cellule(s) mais l'en-tête en a 2", code: "table.ragged-row")) {
            try CSVReader.read("a;b\n1;2\n3;4;5\n", file: "t.csv")
        }
    }

    @Test func mixedSeparatorsAreNamed() {
        do {
            _ = try CSVReader.read("a;b;c\n1;2;3\n4,5,6\n", file: "t.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "table.mixed-separators")
            #expect(error.location.line == 3)
        }
    }

    @Test func windows1252IsExplained() {
        // "Béthune" in Windows-1252: é = 0xE9
        let bytes: [UInt8] = Array("commune\nB".utf8) + [0xE9] + Array("thune\n".utf8)
        do {
            _ = try CSVReader.read(bytes, file: "t.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "file.not-utf8")
            #expect(error.location == SourceLocation(file: "t.csv", line: 2, column: 2))
            #expect(error.message.contains("Windows-1252"))
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(throws: Diagnostic.self) { try CSVReader.read("\n\n", file: "t.csv") }
    }
}
