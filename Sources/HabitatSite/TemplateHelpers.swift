import HabitatCore
import HabitatTemplate

/// TRANSITION: a number in an untyped (`LegacyView`) view, read as `TemplateValue.number`, so a
/// template formats it with the transforms `{{euros(montant)}}` → `5 000 €`, `{{nombre(x)}}` →
/// `11 624`, `{{pourcentage(t)}}` → `3,4 %`, `{{entier(x)}}` → `1 070` (`TemplateValue.transformed`).
/// Plain `{{montant}}` prints `5 000`. Typed views use `TemplateValue.number` directly.
public struct TemplateNumber: Sendable {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public var templateValue: TemplateValue { .number(value) }
}

/// TRANSITION: a date in an untyped view, read as `TemplateValue.day`: `{{date(jour)}}` →
/// `23 novembre 2026`, `{{iso(jour)}}` → `2026-11-23`, plain `{{jour}}` in full.
public struct TemplateDay: Sendable {
    public var day: CalendarDay
    public init(_ day: CalendarDay) { self.day = day }
    public var templateValue: TemplateValue { .day(day) }
}
