import HabitatCore

/// A value a template reads: what `{{name}}` prints and what `{{#name}}` tests or repeats.
///
/// Views are typed structs (`TemplateObject`); this enum is the one shape every view field
/// takes when a template asks for it, so rendering never casts `Any`.
public enum TemplateValue {
    /// Printed as is (escaped by `{{x}}`, raw with `{{{x}}}`); true in a section.
    case text(String)
    /// True or false in a section; printed `true`/`false`.
    case bool(Bool)
    /// A number printed the French way (`11 624`) with the transforms `euros`, `nombre`, `pourcentage`, `entier`.
    case number(Double)
    /// A day printed in full (`23 novembre 2026`) with the transforms `date` and `iso`.
    case day(CalendarDay)
    /// Repeated by a section; an empty list is false. Its items are converted as they are read
    /// (`TemplateList`), so testing a list or its `a_<name>` flag converts nothing.
    case list(TemplateList)
    /// A nested view: a section pushes it on the context stack.
    case object(any TemplateObject)
    /// Known but empty: prints nothing, false in sections, and stops the look-up here
    /// (an absent value never falls through to an outer context or becomes "unknown").
    case absent

    /// What `{{x}}` prints (before escaping).
    public var text: String {
        switch self {
        case .text(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return French.number(d)
        case .day(let d): return French.date(d)
        case .list, .object: return ""
        case .absent: return ""
        }
    }

    /// Whether a section `{{#x}}` renders (once or per item) and `{{^x}}` does not.
    public var isTruthy: Bool {
        switch self {
        case .bool(let b): return b
        case .list(let xs): return !xs.isEmpty
        case .absent: return false
        case .text, .number, .day, .object: return true
        }
    }

    /// A transform (`{{euros(montant)}}`, `{{iso(jour)}}`) applied to this value, or nil when
    /// the value has no such transform.
    public func transformed(_ name: String) -> TemplateValue? {
        switch (self, name) {
        case (.number(let v), "euros"): return .text(French.euros(v))
        case (.number(let v), "nombre"): return .text(French.number(v))
        case (.number(let v), "pourcentage"): return .text(French.percent(v))
        // Beyond what an Int holds (a huge or infinite table value) the number is shown as is, never trapped on.
        case (.number(let v), "entier"):
            return .text(abs(v) < 9e15 ? French.integer(Int(v.rounded())) : French.number(v, maxFractionDigits: 0))
        case (.day(let d), "date"): return .text(French.date(d))
        case (.day(let d), "iso"): return .text(d.description)
        default: return nil
        }
    }
}

/// A view a template reads by name: a struct per page kind and per repeated item.
public protocol TemplateObject: TemplateRepresentable {
    /// The value of `name`, or nil when this view has no such name (the look-up then goes on
    /// to the enclosing context, and at the root the name is reported as unknown).
    func value(named name: String) -> TemplateValue?
}

extension TemplateObject {
    public var templateValue: TemplateValue { .object(self) }

    /// `value(named:)`, plus the theme's list flags: `a_<name>` is true when the list `<name>`
    /// has items, so a template can wrap a list in a heading once:
    /// `{{#a_xs}}<h2>…</h2><ul>{{#xs}}<li>…</li>{{/xs}}</ul>{{/a_xs}}`.
    public func lookup(_ name: String) -> TemplateValue? {
        if let v = value(named: name) { return v }
        guard name.hasPrefix("a_"), let v = value(named: String(name.dropFirst(2))) else { return nil }
        switch v {
        case .list(let xs): return .bool(!xs.isEmpty)
        case .absent: return .bool(false)
        default: return nil
        }
    }
}

/// A Swift value a view field can hold.
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateRepresentable {
    public var templateValue: TemplateValue { self }
}

extension String: TemplateRepresentable {
    public var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRepresentable {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    /// Printed as Swift prints it (`1070`); use `French.integer` in the view for `1 070`.
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    /// nil is absent.
    public var templateValue: TemplateValue { self?.templateValue ?? .absent }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// A list; empty is false in sections. The array is shared, not converted (see `TemplateList`).
    public var templateValue: TemplateValue { .list(TemplateList(self)) }
}

extension TemplateValue {
    /// Text that is absent when empty (`optText`).
    public static func nonEmpty(_ s: String?) -> TemplateValue {
        guard let s, !s.isEmpty else { return .absent }
        return .text(s)
    }

    /// A list of texts, each item read as `{{texte}}`; absent when nil or empty.
    public static func texts(_ items: [String]?) -> TemplateValue {
        guard let items, !items.isEmpty else { return .absent }
        return .list(TemplateList(items.map(TextItem.init(texte:))))
    }
}

/// `{{#xs}}{{texte}}{{/xs}}`: one item of a list of texts.
public struct TextItem: TemplateObject {
    public let texte: String
    public init(texte: String) { self.texte = texte }
    public func value(named name: String) -> TemplateValue? { name == "texte" ? .text(texte) : nil }
}

/// The items of a list value, each converted to a `TemplateValue` only when it is read.
///
/// A view answers a list field at each look-up (`{{#xs}}`, `{{^xs}}`, `{{#a_xs}}`, a nested
/// `{{xs.…}}`); mapping the whole array to `TemplateValue`s each time was 5 % of a national
/// build. The list keeps the view's own array and converts an item when a section repeats it.
public struct TemplateList: RandomAccessCollection, ExpressibleByArrayLiteral {
    public let count: Int
    private let item: (Int) -> TemplateValue

    /// The items of `items`, converted when read.
    public init<Element: TemplateRepresentable>(_ items: [Element]) {
        count = items.count
        item = { items[$0].templateValue }
    }

    public init(arrayLiteral elements: TemplateValue...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> TemplateValue { item(position) }
}
