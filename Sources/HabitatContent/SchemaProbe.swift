import HabitatCore

/// The shape of a schema type, read from its own `Decodable` conformance: the keys it asks
/// for, which are required, and their types. The field reference (`habitat schema`) and the
/// scaffolds (`habitat new`) are generated from it, so they cannot drift from the decoder.
public indirect enum SchemaShape: Sendable, Equatable {
    case text, integer, number, boolean, date, any
    case choice([String])
    case list(SchemaShape)
    case object([SchemaField])
    case map(SchemaShape)
}

/// One key of an object.
public struct SchemaField: Sendable, Equatable {
    public var key: String
    public var required: Bool
    public var shape: SchemaShape
}

public enum SchemaProbe {
    public static func shape<T: Decodable>(of type: T.Type) -> SchemaShape {
        let probe = Probe()
        _ = try? T(from: ProbeDecoder(probe: probe, depth: 0))
        return probe.result ?? .any
    }
}

final class Probe {
    var recorder: FieldRecorder?
    var other: SchemaShape?
    var result: SchemaShape? {
        get { recorder.map { .object($0.fields) } ?? other }
        set { other = newValue }
    }
}

/// Thrown to stop decoding once the shape is known.
struct ProbeDone: Error {}

struct ProbeDecoder: Decoder {
    let probe: Probe
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let fields = FieldRecorder()
        probe.recorder = fields
        return KeyedDecodingContainer(ProbeKeyed<Key>(fields: fields, depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ProbeUnkeyed(probe: probe, depth: depth) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { ProbeSingle(probe: probe, depth: depth) }
}

final class FieldRecorder {
    var fields: [SchemaField] = []
    func add(_ key: String, _ required: Bool, _ shape: SchemaShape) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i] = SchemaField(key: key, required: required || fields[i].required, shape: shape) }
        else { fields.append(SchemaField(key: key, required: required, shape: shape)) }
    }
}

/// The shape of a type and a placeholder value of it (so decoding can go on).
func probeShape<T: Decodable>(_ type: T.Type, depth: Int) -> (SchemaShape, T?) {
    switch type {
    case is String.Type: return (.text, "" as? T)
    case is Int.Type: return (.integer, 0 as? T)
    case is Double.Type: return (.number, 0.0 as? T)
    case is Bool.Type: return (.boolean, false as? T)
    case is CalendarDay.Type: return (.date, CalendarDay(year: 2000, month: 1, day: 1) as? T)
    case is YAMLValue.Type: return (.any, YAMLValue.scalar("", quoted: true, .init(line: 0, column: 0)) as? T)
    case is Positioned<String>.Type: return (.text, Positioned("") as? T)
    case is [String: Double].Type: return (.map(.number), [:] as? T)
    default: break
    }
    if let e = type as? any ContentEnum.Type { return (.choice(e.allRawValues), e.firstCase as? T) }
    guard depth < 8 else { return (.any, nil) }
    let probe = Probe()
    let value = try? T(from: ProbeDecoder(probe: probe, depth: depth + 1))
    return (probe.result ?? .any, value)
}

extension ContentEnum {
    static var allRawValues: [String] { allCases.map(\.rawValue) }
    static var firstCase: Any? { allCases.first }
}

struct ProbeKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: FieldRecorder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (shape, value) = probeShape(type, depth: depth)
        fields.add(key.stringValue, true, shape)
        guard let value else { throw ProbeDone() }
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let (shape, _) = probeShape(type, depth: depth)
        fields.add(key.stringValue, false, shape)
        return nil
    }

    // The standard library's defaults for these would call `decode` and mark the key required.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { fields.add(key.stringValue, false, .text); return nil }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { fields.add(key.stringValue, false, .boolean); return nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { fields.add(key.stringValue, false, .integer); return nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { fields.add(key.stringValue, false, .number); return nil }

    func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> { throw ProbeDone() }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw ProbeDone() }
    func superDecoder() throws -> any Decoder { throw ProbeDone() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw ProbeDone() }
}

struct ProbeUnkeyed: UnkeyedDecodingContainer {
    let probe: Probe
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 0 }
    var isAtEnd: Bool { done }
    var currentIndex = 0
    private var done = false

    init(probe: Probe, depth: Int) { self.probe = probe; self.depth = depth }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (shape, value) = probeShape(type, depth: depth)
        probe.result = .list(shape)
        done = true
        guard let value else { throw ProbeDone() }
        return value
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> { throw ProbeDone() }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw ProbeDone() }
    mutating func superDecoder() throws -> any Decoder { throw ProbeDone() }
}

struct ProbeSingle: SingleValueDecodingContainer {
    let probe: Probe
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (shape, value) = probeShape(type, depth: depth)
        probe.result = shape
        guard let value else { throw ProbeDone() }
        return value
    }
}
