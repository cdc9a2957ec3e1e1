import HabitatContent
import HabitatCore

/// How figures and references read on a page.
enum Format {
    /// "5 000 € par logement, plafonné à 40 000 € par an (HT)".
    static func amount(_ b: BudgetLine) -> String {
        var parts: [String] = []
        if let m = b.montant {
            parts.append(French.euros(m))
        } else if let lo = b.min, let hi = b.max {
            parts.append("de \(French.euros(lo)) à \(French.euros(hi))")
        } else if let lo = b.min {
            parts.append("au moins \(French.euros(lo))")
        } else if let hi = b.max {
            parts.append("jusqu'à \(French.euros(hi))")
        }
        if let t = b.taux { parts.append(parts.isEmpty ? French.percent(t) : "(\(French.percent(t)))") }
        var out = parts.joined(separator: " ")
        let unit = b.unite.label
        if !unit.isEmpty, !out.isEmpty { out += " " + unit }
        if let base = b.base { out += " \(base.rawValue)" }
        return out.isEmpty ? "Montant non chiffré" : out
    }

    static func cap(_ b: BudgetLine) -> String? {
        guard let p = b.plafond else { return nil }
        var s = French.euros(p)
        if let u = b.plafond_unite?.label, !u.isEmpty { s += " " + u }
        return s
    }

    /// A number from a table or an indicator, French style, integers without decimals.
    static func number(_ v: Double, unit: String? = nil) -> String {
        let s = French.number(v, maxFractionDigits: 2)
        guard let unit, !unit.isEmpty else { return s }
        if unit == "%" { return s + French.noBreakSpace + "%" }
        if unit == "€" || unit == "euros" { return s + French.noBreakSpace + "€" }
        return s + French.noBreakSpace + unit
    }
}
