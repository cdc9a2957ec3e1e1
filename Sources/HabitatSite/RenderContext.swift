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
