import Testing
@testable import HabitatCore

/// The streaming writer lays a document out exactly as `JSONValue.serialized()` does, and the
/// shared escaping gives what the scalar-by-scalar escaping gave.
@Suite struct JSONWriterTests {
    static let tricky = ["", "simple", "guillemets \" et \\ barre", "<b>a & b</b>", "ligne\nsuite\r\ttab", "\u{01}\u{1F}",
                         "L’Haÿ-les-Roses", "sépar\u{2028}ateur\u{2029}", "\u{2027}\u{202A}…", "🙂 \"é\""]

    @Test func sameBytesAsTheTree() {
        let doc = JSONValue.object([
            ("textes", .array(Self.tricky.map(JSONValue.string))),
            ("vide", .array([])), ("objet_vide", .object([])),
            ("nombres", .array([.number(12), .number(0.25), .number(-3), .number(1e20), .number(1_070)])),
            ("imbrique", .object([("a", .null), ("b", .bool(true)), ("c", .array([.object([("d", .bool(false))])]))])),
        ])
        var w = JSONWriter()
        w.value(doc)
        w.endLine()
        #expect(String(decoding: w.bytes, as: UTF8.self) == doc.serialized() + "\n")
    }

    @Test(arguments: tricky)
    func escapingAsBefore(_ s: String) {
        #expect(JSONValue.quote(s) == Self.scalarByScalar(s))
    }

    /// The former escaping, one scalar at a time.
    static func scalarByScalar(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
