// libFuzzer harness: CSVReader, the reader of French spreadsheet exports.
import HabitatContent
import HabitatCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do throws(Diagnostic) {
        let csv = try CSVReader.read(input, file: "t.csv")
        for cell in csv.header + csv.rows.flatMap({ $0 }) where cell.line < 1 || cell.column < 1 {
            violated("cell '\(cell.text)' at \(cell.line):\(cell.column)")
        }
    } catch {
        checkDiagnostics([error], parsed: false, file: "t.csv", input: input)
    }
    return 0
}
