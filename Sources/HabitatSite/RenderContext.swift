import Foundation
import Mustache

/// The root of a template's context. A name that no level of the context stack has reaches
/// the root last; the root records it so the build can report it as an unknown variable.
final class RenderContext: MustacheParent {
    let values: [String: Any]
    private(set) var missing: [String] = []

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? {
        if let v = values[name] { return v }
        missing.append(name)
        return nil
    }
}

/// A value that is absent: renders as nothing and is false in sections, without falling
/// through to the root (which would report it as unknown).
var absent: Any { NSNull() }

/// `value ?? absent`, for optional view-model fields.
func opt(_ value: Any?) -> Any { value ?? absent }

/// `text` or absent when empty.
func optText(_ value: String?) -> Any {
    guard let value, !value.isEmpty else { return absent }
    return value
}

/// An array as a section value: absent when empty, so `{{#xs}}…{{/xs}}` and `{{^xs}}` behave.
func list(_ items: [[String: Any]]) -> Any { items.isEmpty ? absent : items }
func textList(_ items: [String]?) -> Any {
    guard let items, !items.isEmpty else { return absent }
    return items.map { ["texte": $0] as [String: Any] }
}

/// Adds `a_<key>` for every list (true when non-empty), so templates can wrap a list in a
/// heading without repeating the wrapper once per item: `{{#a_xs}}<h2>…</h2>{{#xs}}…{{/xs}}{{/a_xs}}`.
func withListFlags(_ values: [String: Any]) -> [String: Any] {
    var out = values
    for (key, value) in values {
        if value is String || value is Bool || value is Int { continue }   // most values: skip the casts below
        switch value {
        case let dict as [String: Any]:
            out[key] = withListFlags(dict)
        case let array as [[String: Any]]:
            out[key] = array.map(withListFlags)
            if values["a_" + key] == nil { out["a_" + key] = !array.isEmpty }
        case let array as [Any]:
            if values["a_" + key] == nil { out["a_" + key] = !array.isEmpty }
        case is NSNull:
            if values["a_" + key] == nil { out["a_" + key] = false }
        default:
            break
        }
    }
    return out
}
