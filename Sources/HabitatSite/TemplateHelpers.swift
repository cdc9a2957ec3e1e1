import HabitatCore
import Mustache

/// A number a template can format the French way with Mustache transforms:
/// `{{euros(montant)}}` → `5 000 €`, `{{nombre(x)}}` → `11 624`, `{{pourcentage(t)}}` → `3,4 %`,
/// `{{entier(x)}}` → `1 070`. Plain `{{montant}}` prints `5 000`.
public struct TemplateNumber: MustacheTransformable, CustomStringConvertible, Sendable {
    public var value: Double
    public init(_ value: Double) { self.value = value }

    public func transform(_ name: String) -> Any? {
        switch name {
        case "euros": return French.euros(value)
        case "nombre": return French.number(value)
        case "pourcentage": return French.percent(value)
        // Beyond what an Int holds (a huge or infinite table value) the number is shown as is, never trapped on.
        case "entier": return abs(value) < 9e15 ? French.integer(Int(value.rounded())) : French.number(value, maxFractionDigits: 0)
        default: return nil
        }
    }

    public var description: String { French.number(value) }
}

/// A date a template can write in full: `{{date(jour)}}` → `23 novembre 2026`, `{{iso(jour)}}` → `2026-11-23`.
public struct TemplateDay: MustacheTransformable, CustomStringConvertible, Sendable {
    public var day: CalendarDay
    public init(_ day: CalendarDay) { self.day = day }

    public func transform(_ name: String) -> Any? {
        switch name {
        case "date": return French.date(day)
        case "iso": return day.description
        default: return nil
        }
    }

    public var description: String { French.date(day) }
}
