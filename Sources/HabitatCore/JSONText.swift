/// The bytes of JSON strings and numbers, shared by `JSONValue` and `JSONWriter`.
enum JSONText {
    /// `s` quoted and escaped: `" \` and control characters, `<`, `>` and `&` (so JSON is safe
    /// inside HTML) and U+2028, U+2029 (line separators to JavaScript). Runs of bytes needing
    /// no escape are copied as they are.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            var run = 0, i = 0
            while i < b.count {
                let c = b[i]
                let width: Int
                switch c {
                case 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0..<0x20: width = 1
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9): width = 3
                default: i += 1; continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                appendEscape(width == 3 ? (b[i + 2] == 0xA8 ? 0x2028 : 0x2029) : UInt32(c), to: &out)
                i += width
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count]))
        }
        out.append(0x22)
    }

    /// The escape of one character: `\"`, `\\`, `\n`, `\r`, `\t`, else `\u` and four lowercase hex digits.
    private static func appendEscape(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0x22: out.append(contentsOf: #"\""#.utf8)
        case 0x5C: out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        case 0x09: out.append(contentsOf: #"\t"#.utf8)
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            out.append(contentsOf: #"\u"#.utf8)
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
        }
    }

    /// A whole number without a fraction (`12`), any other as Swift prints it (`0.25`).
    static func number(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}
