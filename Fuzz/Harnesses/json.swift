// libFuzzer harness: JSONReader, then an indicator file through the content parser.
import HabitatContent
import HabitatCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = bytes(data, size)
    do throws(Diagnostic) {
        _ = try JSONReader.parse(String(decoding: input, as: UTF8.self), file: "i.json")
    } catch {
        checkDiagnostics([error], parsed: false, file: "i.json", input: input)
    }
    let parsed = ContentParser().parse(relativePath: "indicateurs/i.json", displayPath: "Content/indicateurs/i.json", bytes: input)
    checkDiagnostics(parsed.diagnostics, parsed: parsed.item != nil, file: "Content/indicateurs/i.json", input: input)
    return 0
}
