

/// A JSON document written with keys in a fixed order, so output is byte-identical across runs.
public indirect enum JSONValue: Sendable {
    case string(String), number(Double), bool(Bool), null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// On one line (what a server-sent event's `data:` needs).
    public var compact: String {
        switch self {
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        default: return serialized()
        }
    }

    public func serialized(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// Appends to one buffer: building nested strings and joining them cost more than the JSON.
    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let d): out += JSONText.number(d)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                item.write(to: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in pairs.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "}"
        }
    }

    private static func pad(_ out: inout String, _ level: Int) {
        for _ in 0..<level { out += "  " }
    }

    /// JSON string escaping; `<`, `>` and `&` are escaped too so JSON is safe inside HTML.
    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    static func quote(_ s: String, into out: inout String) {
        // Most strings need no escape: bytes below 0x20, `" \ < > &`, or 0xE2 (the first byte of
        // U+2028 and U+2029, checked exactly by `JSONText`).
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0xE2 }) {
            out += "\""; out += s; out += "\""
            return
        }
        var bytes: [UInt8] = []
        JSONText.appendQuoted(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}
