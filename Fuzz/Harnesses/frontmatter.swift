// libFuzzer harness: a fiche (YAML front matter + Markdown) through the content parser.
import HabitatContent
import HabitatCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = bytes(data, size)
    let parsed = ContentParser().parse(relativePath: "plans/plh/actions/1.md", displayPath: "Content/plans/plh/actions/1.md", bytes: input)
    checkDiagnostics(parsed.diagnostics, parsed: parsed.item != nil, file: "Content/plans/plh/actions/1.md", input: input)
    return 0
}
