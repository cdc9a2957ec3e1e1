import Foundation
import HabitatCore

/// Decodes `Decodable` schema types from a `YAMLValue`, turning every mistake into a
/// diagnostic at the position of the offending key or value: wrong types, missing required
/// keys, and unknown keys with a "did you mean" hint.
public struct ContentDecoder {
    public let file: String

    public init(file: String) { self.file = file }

    public func decode<T: Decodable>(_ type: T.Type, from value: YAMLValue) throws(Diagnostic) -> T {
        let state = DecodingState(file: file)
        let decoder = NodeDecoder(value: value, state: state, codingPath: [])
        let result: T
        do {
            result = try T(from: decoder)
        } catch let d as Diagnostic {
            throw d
        } catch let error as DecodingError {
            throw state.diagnostic(for: error, root: value)
        } catch {
            throw .error(state.location(value.position), "\(error)", code: "schema.invalid")
        }
        if let unknown = state.firstUnknownKey(in: value) { throw unknown }
        return result
    }
}

/// Shared bookkeeping of one decode: which keys each mapping was asked for.
final class DecodingState {
    let file: String
    var requested: [Int: Set<String>] = [:]

    init(file: String) { self.file = file }

    func location(_ p: YAMLValue.Position) -> SourceLocation { SourceLocation(file: file, line: p.line, column: p.column) }

    /// The first key (in file order) that no schema field asked for.
    func firstUnknownKey(in value: YAMLValue) -> Diagnostic? {
        switch value {
        case .scalar: return nil
        case .sequence(let items, _):
            for item in items { if let d = firstUnknownKey(in: item) { return d } }
            return nil
        case .mapping(let entries, _, let id):
            let known = requested[id]
            for entry in entries {
                if let known, !known.contains(entry.key) {
                    return .error(location(entry.keyPosition),
                                  "clé inconnue « \(entry.key) »" + String.didYouMean(entry.key, among: known.sorted()),
                                  code: "front-matter.unknown-key")
                }
                if let d = firstUnknownKey(in: entry.value) { return d }
            }
            return nil
        }
    }

    func diagnostic(for error: DecodingError, root: YAMLValue) -> Diagnostic {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            let node = Self.find(context.codingPath, in: root) ?? root
            return .error(location(node.position), context.debugDescription, code: "front-matter.invalid-value")
        case .keyNotFound(let key, let context):
            let node = Self.find(context.codingPath, in: root) ?? root
            return .error(location(node.position), "clé obligatoire « \(key.stringValue) » absente", code: "front-matter.missing-key")
        @unknown default:
            return .error(location(root.position), "\(error)", code: "front-matter.invalid-value")
        }
    }

    static func find(_ path: [any CodingKey], in value: YAMLValue) -> YAMLValue? {
        var current = value
        for key in path {
            switch current {
            case .mapping(let entries, _, _):
                guard let e = entries.first(where: { $0.key == key.stringValue }) else { return current }
                current = e.value
            case .sequence(let items, _):
                guard let i = key.intValue, i < items.count else { return current }
                current = items[i]
            case .scalar:
                return current
            }
        }
        return current
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

struct NodeDecoder: Decoder {
    let value: YAMLValue
    let state: DecodingState
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func fail(_ message: String, at node: YAMLValue? = nil) -> Diagnostic {
        .error(state.location((node ?? value).position), message, code: "front-matter.wrong-type")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let entries, _, let id) = value else {
            throw fail("« \(pathName) » doit être un ensemble de lignes « clé: valeur », trouvé \(value.kindName)")
        }
        if state.requested[id] == nil { state.requested[id] = [] }
        return KeyedDecodingContainer(KeyedContainer<Key>(entries: entries, id: id, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if value.isNull { return UnkeyedContainer(items: [], decoder: self) }
        guard case .sequence(let items, _) = value else {
            throw fail("« \(pathName) » doit être une liste (lignes commençant par « - »), trouvé \(value.kindName)")
        }
        return UnkeyedContainer(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(decoder: self) }

    var pathName: String {
        var out = ""
        for key in codingPath {
            if let i = key.intValue { out += "[\(i)]" } else { out += out.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return out.isEmpty ? "le document" : out
    }

    func child(_ value: YAMLValue, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(value: value, state: state, codingPath: codingPath + [key])
    }

    // MARK: scalars

    func scalarText() throws(Diagnostic) -> (String, Bool) {
        guard case .scalar(let s, let quoted, _) = value else {
            throw fail("« \(pathName) » doit être une seule valeur, trouvé \(value.kindName)")
        }
        return (s, quoted)
    }

    func decodeString() throws(Diagnostic) -> String {
        let (s, _) = try scalarText()
        return s
    }

    func decodeBool() throws(Diagnostic) -> Bool {
        let (s, _) = try scalarText()
        switch s.lowercased() {
        case "true", "oui", "yes", "vrai": return true
        case "false", "non", "no", "faux": return false
        default: throw fail("« \(pathName) » doit valoir oui ou non (true / false), trouvé « \(s) »")
        }
    }

    func decodeInt() throws(Diagnostic) -> Int {
        let (s, _) = try scalarText()
        let cleaned = s.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{00A0}", with: "")
        guard let i = Int(cleaned) else { throw fail("« \(pathName) » doit être un nombre entier, trouvé « \(s) »") }
        return i
    }

    func decodeDouble() throws(Diagnostic) -> Double {
        let (s, _) = try scalarText()
        guard let d = FrenchNumber.parse(s) else { throw fail("« \(pathName) » doit être un nombre, trouvé « \(s) »") }
        return d
    }
}

struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [YAMLValue.Entry]
    let id: Int
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] {
        entries.compactMap { e in
            decoder.state.requested[id, default: []].insert(e.key)
            return Key(stringValue: e.key)
        }
    }

    private func entry(_ key: Key) -> YAMLValue? {
        decoder.state.requested[id, default: []].insert(key.stringValue)
        return entries.first { $0.key == key.stringValue }?.value
    }

    private func required(_ key: Key) throws -> YAMLValue {
        guard let v = entry(key), !v.isNull else {
            let known = decoder.state.requested[id, default: []]
            let unknownNear = entries.map(\.key).filter { !known.contains($0) }
            var message = "clé obligatoire « \(key.stringValue) » absente" + (decoder.codingPath.isEmpty ? "" : " dans « \(decoder.pathName) »")
            var at: YAMLValue.Position
            if case .mapping(_, let p, _) = decoder.value { at = p } else { at = decoder.value.position }
            if let near = suggestion(for: key.stringValue, among: unknownNear) {
                message += " (« \(near) » serait-elle mal orthographiée ?)"
                if let e = entries.first(where: { $0.key == near }) { at = e.keyPosition }
            }
            throw Diagnostic.error(decoder.state.location(at), message, code: "front-matter.missing-key")
        }
        return v
    }

    func contains(_ key: Key) -> Bool {
        guard let v = entry(key) else { return false }
        return !v.isNull
    }

    func decodeNil(forKey key: Key) throws -> Bool { entry(key)?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(try required(key), key: key).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let v = entry(key), !v.isNull else { return nil }
        return try decoder.child(v, key: key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try required(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try required(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try required(key), key: key) }
}

struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [YAMLValue]
    let decoder: NodeDecoder
    var currentIndex = 0

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw decoder.fail("la liste « \(decoder.pathName) » est trop courte") }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: AnyKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        if !isAtEnd, items[currentIndex].isNull { currentIndex += 1; return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

struct SingleContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.decodeDouble()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeInt() }
    func decode(_ type: Int8.Type) throws -> Int8 { Int8(clamping: try decoder.decodeInt()) }
    func decode(_ type: Int16.Type) throws -> Int16 { Int16(clamping: try decoder.decodeInt()) }
    func decode(_ type: Int32.Type) throws -> Int32 { Int32(clamping: try decoder.decodeInt()) }
    func decode(_ type: Int64.Type) throws -> Int64 { Int64(try decoder.decodeInt()) }
    func decode(_ type: UInt.Type) throws -> UInt { UInt(clamping: try decoder.decodeInt()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { UInt8(clamping: try decoder.decodeInt()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { UInt16(clamping: try decoder.decodeInt()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { UInt32(clamping: try decoder.decodeInt()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { UInt64(clamping: try decoder.decodeInt()) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}

extension NodeDecoder {
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: return try decodeString() as! T
        case is Int.Type: return try decodeInt() as! T
        case is Double.Type: return try decodeDouble() as! T
        case is Bool.Type: return try decodeBool() as! T
        case is YAMLValue.Type: return value as! T
        case is Positioned<String>.Type:
            // Columns point at the first character of the text, inside its quotes.
            var column = value.position.column
            if case .scalar(_, true, _) = value { column += 1 }
            return Positioned(try decodeString(), line: value.position.line, column: column) as! T
        default: return try T(from: self)
        }
    }
}

/// A value with the line and column it was written at, for later checks (references).
public struct Positioned<Value: Sendable & Hashable>: Sendable, Hashable, Decodable where Value: Decodable {
    public var value: Value
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int = 0, column: Int = 0) {
        self.value = value
        self.line = line
        self.column = column
    }

    public init(from decoder: any Decoder) throws {
        if let d = decoder as? NodeDecoder {
            self.init(try d.decodeValue(Value.self), line: d.value.position.line, column: d.value.position.column)
        } else {
            self.init(try Value(from: decoder))
        }
    }
}

extension YAMLValue: Decodable {
    public init(from decoder: any Decoder) throws {
        guard let d = decoder as? NodeDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unsupported decoder"))
        }
        self = d.value
    }
}

/// A closed set of words a key accepts; a wrong word gets the list and a suggestion.
public protocol ContentEnum: RawRepresentable, CaseIterable, Decodable, Sendable where RawValue == String {}

extension ContentEnum {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        if let v = Self(rawValue: raw) { self = v; return }
        let allowed = Self.allCases.map(\.rawValue)
        let message = "« \(raw) » n'est pas une valeur permise ; valeurs possibles : \(allowed.joined(separator: ", "))" + String.didYouMean(raw, among: allowed)
        if let d = decoder as? NodeDecoder { throw Diagnostic.error(d.state.location(d.value.position), message, code: "front-matter.invalid-value") }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
    }
}
