import HabitatContent
import HabitatCore
import HabitatTemplate

/// `{{#graphiques}}`: a chart's SVG and its legend in words.
struct ChartView: TemplateObject {
    let svg: String, legende: String
    /// Set on the first of a row of small multiples (one chart per territory).
    var multiples = false

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "svg": .text(svg)
        case "legende": .text(legende)
        case "multiples": multiples ? .bool(true) : nil
        default: nil
        }
    }
}

/// Inline SVG charts drawn at build time: bars, progress against target, lines over time and
/// small multiples by territory. Every mark carries its value (`data-valeur`) so tests can
/// check the drawing against the data; colours come from the theme's CSS (forced-colours aware).
enum Chart {
    struct Point { var label: String; var value: Double?; var target: Double?; var masked: Bool }

    /// The charts that suit an indicator's values.
    static func charts(_ ind: Indicator, name: (String) -> String) -> [ChartView] {
        let values = ind.data.valeurs
        let territories = orderedUnique(values.map(\.territoire.value))
        let periods = orderedUnique(values.map(\.periode.value)).sorted()
        let unit = ind.data.unite
        var out: [ChartView] = []
        let wantsLine = ind.data.affichage == .ligne || (periods.count >= 3 && territories.count == 1)
        if wantsLine && periods.count >= 2 {
            for t in territories.prefix(12) {
                let pts = periods.compactMap { p in values.first { $0.territoire.value == t && $0.periode.value == p } }
                    .map { Point(label: $0.periode.value, value: $0.valeur, target: $0.cible, masked: $0.masque == true) }
                let hasValues = pts.contains { $0.value != nil && !$0.masked }, hasTargets = pts.contains { $0.target != nil }
                let drawn = [hasValues ? "valeurs par période (points reliés)" : nil, hasTargets ? "objectifs (traits et tirets)" : nil].compactMap { $0 }
                out.append(ChartView(svg: line(pts, title: "\(ind.data.titre) — \(name(t))", unit: unit, id: "\(ind.id)-\(Slug.make(t))"),
                                     legende: "\(name(t)) : " + drawn.joined(separator: " et ") + "."))
            }
            if territories.count > 1 { out[0].multiples = true }
            return out
        }
        let pts = values.prefix(150).map { v in
            Point(label: territories.count > 1 || periods.count > 1 ? "\(name(v.territoire.value)) \(v.periode.value)" : name(v.territoire.value),
                  value: v.valeur, target: v.cible, masked: v.masque == true)
        }
        let hasValues = pts.contains { $0.value != nil && !$0.masked }
        let hasTargets = pts.contains { $0.target != nil }
        let progress = pts.contains { $0.target != nil && $0.value != nil }
        var legend = [hasValues ? (progress ? "barres : valeurs réalisées" : "barres : valeurs") : nil,
                      hasTargets ? "trait vertical : objectif" : nil,
                      progress ? "pourcentage : part de l'objectif atteinte" : nil].compactMap { $0 }.joined(separator: " ; ")
        if legend.isEmpty { legend = "aucune valeur à tracer" }
        out.append(ChartView(svg: bars(pts, title: ind.data.titre, unit: unit, id: ind.id, progress: ind.data.affichage == .progression || progress),
                             legende: legend.prefix(1).uppercased() + legend.dropFirst() + "."))
        return out
    }

    static func orderedUnique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    /// Horizontal bars, one per value: the label and the value on a line, the bar below it, the
    /// target as a vertical mark. No viewBox: x is in percent of the width and text keeps its CSS
    /// size (13 px) whatever the screen, instead of shrinking with the drawing.
    static func bars(_ pts: [Point], title: String, unit: String, id: String, progress: Bool) -> String {
        let maxValue = max(pts.map { max($0.masked ? 0 : ($0.value ?? 0), $0.target ?? 0) }.max() ?? 1, 1)
        let rowHeight = 54, chartWidth = 96
        let height = pts.count * rowHeight + 4
        let titleId = "graphique-\(Slug.make(id))"
        var svg = "<svg class=\"graphique graphique-barres\" role=\"img\" aria-labelledby=\"\(titleId)\" width=\"100%\" height=\"\(height)\" data-echelle=\"\(maxValue)\" data-largeur=\"\(chartWidth)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleId)\">\(HTML.escape(title))</title>"
        for (i, p) in pts.enumerated() {
            let y = i * rowHeight
            var text = ""
            if p.masked {
                text = "secret statistique (moins de 11)"
            } else if let v = p.value {
                text = Format.number(v, unit: unit)
                if progress, let t = p.target, t > 0 { text += " (" + French.percent(v / t * 100, maxFractionDigits: 0) + " de l'objectif)" }
            } else if let t = p.target {
                text = "objectif " + Format.number(t, unit: unit)
            }
            svg += "<text x=\"0\" y=\"\(y + 14)\" class=\"etiquette\">\(HTML.escape(truncate(p.label, 38)))</text>"
            svg += "<text x=\"0\" y=\"\(y + 31)\" class=\"valeur\">\(HTML.escape(text))</text>"
            if p.masked {
                svg += "<rect x=\"0\" y=\"\(y + 37)\" width=\"12\" height=\"14\" class=\"barre-masquee\" data-masque=\"oui\"/>"
            } else if let v = p.value {
                svg += "<rect x=\"0\" y=\"\(y + 37)\" width=\"\(scale(v, maxValue, chartWidth))%\" height=\"14\" class=\"barre\" data-valeur=\"\(v)\"/>"
            }
            if let t = p.target {
                let x = scale(t, maxValue, chartWidth)
                svg += "<line x1=\"\(x)%\" x2=\"\(x)%\" y1=\"\(y + 34)\" y2=\"\(y + 54)\" class=\"cible\" data-cible=\"\(t)\"/>"
            }
        }
        return svg + "</svg>"
    }

    /// A line over periods, with the targets as dashed segments; masked points are left out and
    /// marked. No viewBox either: x in percent, y in pixels, text at its CSS size.
    static func line(_ pts: [Point], title: String, unit: String, id: String) -> String {
        let height = 250, top = 36, bottom = 40
        let maxValue = max(pts.map { max($0.masked ? 0 : ($0.value ?? 0), $0.target ?? 0) }.max() ?? 1, 1)
        let plotH = height - top - bottom
        /// Percent of the width: 8 % to 92 %, room for the labels centred on the first and last points.
        func x(_ i: Int) -> String {
            let v = pts.count == 1 ? 50.0 : 8.0 + Double(i) * 84.0 / Double(pts.count - 1)
            let tenths = Int((v * 10).rounded())
            return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        }
        /// Values near an edge are anchored inwards so that they are never cut.
        func anchor(_ i: Int) -> String { pts.count == 1 ? "middle" : i == 0 ? "start" : i == pts.count - 1 ? "end" : "middle" }
        func y(_ v: Double) -> Int { top + plotH - Int((v / maxValue * Double(plotH)).rounded()) }
        let titleId = "graphique-\(Slug.make(id))"
        var svg = "<svg class=\"graphique graphique-ligne\" role=\"img\" aria-labelledby=\"\(titleId)\" width=\"100%\" height=\"\(height)\" data-echelle=\"\(maxValue)\" data-hauteur=\"\(plotH)\" data-haut=\"\(top)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleId)\">\(HTML.escape(title))</title>"
        svg += "<line x1=\"0\" x2=\"100%\" y1=\"\(top + plotH)\" y2=\"\(top + plotH)\" class=\"axe\"/>"
        svg += "<line x1=\"0\" x2=\"100%\" y1=\"\(top)\" y2=\"\(top)\" class=\"axe axe-max\"/>"
        svg += "<text x=\"0\" y=\"\(top - 6)\" class=\"etiquette\">\(HTML.escape(Format.number(maxValue, unit: unit)))</text>"
        var previous: (String, Int)?, previousTarget: (String, Int)?
        for (i, p) in pts.enumerated() {
            svg += "<text x=\"\(x(i))%\" y=\"\(height - 14)\" text-anchor=\"middle\" class=\"etiquette\">\(HTML.escape(p.label))</text>"
            if let t = p.target {
                if let (px, py) = previousTarget { svg += "<line x1=\"\(px)%\" x2=\"\(x(i))%\" y1=\"\(py)\" y2=\"\(y(t))\" class=\"ligne-cible\"/>" }
                previousTarget = (x(i), y(t))
            }
            if !p.masked, let v = p.value {
                if let (px, py) = previous { svg += "<line x1=\"\(px)%\" x2=\"\(x(i))%\" y1=\"\(py)\" y2=\"\(y(v))\" class=\"ligne\"/>" }
                previous = (x(i), y(v))
            }
        }
        for (i, p) in pts.enumerated() {
            if p.masked {
                svg += "<text x=\"\(x(i))%\" y=\"\(top + plotH - 6)\" text-anchor=\"middle\" class=\"valeur\" data-masque=\"oui\">secret</text>"
            } else if let v = p.value {
                svg += "<circle cx=\"\(x(i))%\" cy=\"\(y(v))\" r=\"5\" class=\"point\" data-valeur=\"\(v)\"/>"
                svg += "<text x=\"\(x(i))%\" y=\"\(y(v) - 10)\" text-anchor=\"\(anchor(i))\" class=\"valeur\">\(HTML.escape(Format.number(v)))</text>"
            }
            if let t = p.target {
                svg += "<line x1=\"\(x(i))%\" x2=\"\(x(i))%\" y1=\"\(y(t) - 6)\" y2=\"\(y(t) + 6)\" class=\"cible\" data-cible=\"\(t)\"/>"
                if p.value == nil { svg += "<text x=\"\(x(i))%\" y=\"\(y(t) - 10)\" text-anchor=\"\(anchor(i))\" class=\"valeur\">objectif \(HTML.escape(Format.number(t)))</text>" }
            }
        }
        return svg + "</svg>"
    }

    static func scale(_ v: Double, _ maxValue: Double, _ width: Int) -> Int {
        Int((max(v, 0) / maxValue * Double(width)).rounded())
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
