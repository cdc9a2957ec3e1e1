import Foundation
import HabitatCore
import HabitatTemplate

/// The root of a page's context: the page's own view, then the values every page has.
/// A name neither has reaches the bottom of the renderer's context stack, which records it with
/// its tag's position so the build reports it as an unknown template variable.
struct PageRoot: TemplateObject {
    let page: any TemplateObject
    let common: CommonView

    func value(named name: String) -> TemplateValue? {
        page.lookup(name) ?? common.lookup(name)
    }
}

// MARK: - Untyped views (TRANSITION: every use is being replaced by a typed view)

/// A dictionary view, read as a typed one. Goes once every page kind has its typed view.
struct LegacyView: TemplateObject {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func value(named name: String) -> TemplateValue? { values[name].map(Self.convert) }

    static func convert(_ v: Any) -> TemplateValue {
        switch v {
        case let s as String: return .text(s)
        case let b as Bool: return .bool(b)
        case let i as Int: return .text(String(i))
        case let n as TemplateNumber: return .number(n.value)
        case let d as TemplateDay: return .day(d.day)
        case let t as TemplateValue: return t
        case let o as any TemplateObject: return .object(o)
        case let d as [String: Any]: return .object(LegacyView(d))
        case let a as [Any]: return .list(a.map(convert))
        case is NSNull: return .absent
        default: return .text(String(describing: v))
        }
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
