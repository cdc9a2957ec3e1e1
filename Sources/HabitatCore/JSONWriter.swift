/// Writes a JSON document straight into bytes, laid out exactly as `JSONValue.serialized()`
/// (two-space indentation, `[]` and `{}` when empty, the same number and string forms).
///
/// For documents written once per page (a commune's `donnees.json`): building a `JSONValue`
/// tree first cost an allocation per value and a second walk. Values are written in the order
/// they are given; inside `object` each value follows its `key`.
///
///     var w = JSONWriter()
///     w.object { w in
///         w.field("code", "97101")
///         w.key("plans"); w.array { w in for p in plans { w.string(p) } }
///     }
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// The items written so far in each container still open, the outermost first.
    private var itemCounts: [Int] = []
    /// A key was just written: the next value goes on its line.
    private var afterKey = false

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
        itemCounts.reserveCapacity(8)
    }

    // MARK: Containers

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    /// The key of the next value, inside `object`.
    public mutating func key(_ name: String) {
        newItem()
        JSONText.appendQuoted(name, to: &bytes)
        append(": ")
        afterKey = true
    }

    // MARK: Values

    public mutating func string(_ s: String) {
        beginValue()
        JSONText.appendQuoted(s, to: &bytes)
    }

    public mutating func number(_ d: Double) {
        beginValue()
        append(JSONText.number(d))
    }

    public mutating func bool(_ b: Bool) {
        beginValue()
        append(b ? "true" : "false")
    }

    public mutating func null() {
        beginValue()
        append("null")
    }

    /// A value already built as a tree (a constant shared by several documents).
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .string(let s): string(s)
        case .number(let d): number(d)
        case .bool(let b): bool(b)
        case .null: null()
        case .array(let items): array { w in for item in items { w.value(item) } }
        case .object(let pairs): object { w in for (k, item) in pairs { w.key(k); w.value(item) } }
        }
    }

    // MARK: Fields (a key and its value, nil written `null`)

    public mutating func field(_ name: String, _ s: String?) {
        key(name)
        if let s { string(s) } else { null() }
    }

    public mutating func field(_ name: String, number d: Double?) {
        key(name)
        if let d { number(d) } else { null() }
    }

    public mutating func field(_ name: String, bool b: Bool) {
        key(name)
        bool(b)
    }

    /// Ends the document's last line, as a file does.
    public mutating func endLine() {
        append("\n")
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if !itemCounts.isEmpty { newItem() }
    }

    /// What precedes an item of the innermost container: its line, indented.
    private mutating func newItem() {
        append(itemCounts[itemCounts.count - 1] == 0 ? "\n" : ",\n")
        itemCounts[itemCounts.count - 1] += 1
        pad(itemCounts.count)
    }

    private mutating func open(_ bracket: String) {
        beginValue()
        append(bracket)
        itemCounts.append(0)
    }

    private mutating func close(_ bracket: String) {
        if itemCounts.removeLast() > 0 {
            append("\n")
            pad(itemCounts.count)
        }
        append(bracket)
    }

    private mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Two spaces per level.
    private mutating func pad(_ level: Int) {
        for _ in 0..<level { bytes.append(0x20); bytes.append(0x20) }
    }
}
