import Foundation
import HabitatTemplate
import Testing

/// The Mustache specification's cases (Tests/Fixtures/mustache-spec, copied from
/// github.com/mustache/spec with its LICENSE) for the subset the theme uses, run through
/// HabitatTemplate. A case we do not support is skipped by name, with the reason, below.
@Suite struct MustacheSpecTests {
    static let files = ["interpolation", "sections", "inverted", "comments", "partials", "delimiters", "~inheritance"]

    /// Cases skipped on purpose, "file: name" → why.
    static let skipped: [String: String] = [
        "~inheritance: Intrinsic indentation":
            "the site renders like swift-mustache 2.1.1, which does not re-indent a block's lines to the block tag's indentation (byte-identical output)",
        "~inheritance: Nested block reindentation":
            "the site renders like swift-mustache 2.1.1, which does not re-indent a block's lines to the block tag's indentation (byte-identical output)",
    ]

    struct Case: Decodable {
        let name: String
        let data: SpecJSON
        let template: String
        let expected: String
        let partials: [String: String]?
    }

    struct File: Decodable { let tests: [Case] }

    @Test func everySupportedCasePasses() throws {
        var failures: [String] = []
        var passed = 0, skipped = 0
        for file in Self.files {
            let url = URL(fileURLWithPath: TestSite.repo + "/Tests/Fixtures/mustache-spec/\(file).json")
            let spec = try JSONDecoder().decode(File.self, from: try Data(contentsOf: url))
            for c in spec.tests {
                if Self.skipped["\(file): \(c.name)"] != nil { skipped += 1; continue }
                let got = Self.render(c)
                if got == c.expected { passed += 1 } else { failures.append("\(file): \(c.name)\n  template: \(c.template.debugDescription)\n  expected: \(c.expected.debugDescription)\n  got:      \(got.debugDescription)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) spec case(s) fail:\n\(failures.joined(separator: "\n"))")
        #expect(skipped == Self.skipped.count, "a skipped case name no longer matches the spec")
        #expect(passed + skipped + failures.count >= 150)
    }

    static func render(_ c: Case) -> String {
        var library = TemplateLibrary()
        do {
            library.register(try Template(name: "spec", text: c.template))
            for (name, text) in c.partials ?? [:] { library.register(try Template(name: name, text: text)) }
        } catch {
            return "parse error \(error.line):\(error.column): \(error.message)"
        }
        return library.render("spec", root: c.data.templateValue)?.text ?? "no template"
    }
}

/// JSON spec data as template values: objects are dictionary views, numbers print as JSON
/// writes them (85 → "85", 1.21 → "1.21"), null is absent.
enum SpecJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([SpecJSON]), object([String: SpecJSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([SpecJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: SpecJSON].self)) }
    }

    var templateValue: TemplateValue {
        switch self {
        case .null: return .absent
        case .bool(let b): return .bool(b)
        case .number(let d): return .text(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d))
        case .string(let s): return .text(s)
        case .array(let xs): return .list(TemplateList(xs.map(\.templateValue)))
        case .object(let o): return .object(SpecObject(values: o))
        }
    }
}

/// A JSON object as a view: a key it lacks is "not mine" (the look-up goes outward).
struct SpecObject: TemplateObject {
    let values: [String: SpecJSON]
    func value(named name: String) -> TemplateValue? { values[name]?.templateValue }
}
