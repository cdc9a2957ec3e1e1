import HabitatContent
import HabitatCore

/// Inline SVG charts drawn at build time: bars, progress against target, lines over time and
/// small multiples by territory. Every mark carries its value (`data-valeur`) so tests can
/// check the drawing against the data; colours come from the theme's CSS (forced-colours aware).
enum Chart {
    struct Point { var label: String; var value: Double?; var target: Double?; var masked: Bool }

    /// The charts that suit an indicator's values.
    static func charts(_ ind: Indicator, name: (String) -> String) -> [[String: Any]] {
        let values = ind.data.valeurs
        let territories = orderedUnique(values.map(\.territoire.value))
        let periods = orderedUnique(values.map(\.periode.value)).sorted()
        let unit = ind.data.unite
        var out: [[String: Any]] = []
        let wantsLine = ind.data.affichage == .ligne || (periods.count >= 3 && territories.count == 1)
        if wantsLine && periods.count >= 2 {
            for t in territories.prefix(12) {
                let pts = periods.compactMap { p in values.first { $0.territoire.value == t && $0.periode.value == p } }
                    .map { Point(label: $0.periode.value, value: $0.valeur, target: $0.cible, masked: $0.masque == true) }
                out.append(["svg": line(pts, title: "\(ind.data.titre) — \(name(t))", unit: unit, id: "\(ind.id)-\(Slug.make(t))"),
                            "legende": "\(name(t)) : évolution par période (points) et objectif (tirets)."])
            }
            if territories.count > 1 { out[0]["multiples"] = true }
            return out
        }
        let pts = values.prefix(150).map { v in
            Point(label: territories.count > 1 || periods.count > 1 ? "\(name(v.territoire.value)) \(v.periode.value)" : name(v.territoire.value),
                  value: v.valeur, target: v.cible, masked: v.masque == true)
        }
        let hasTargets = pts.contains { $0.target != nil && $0.value != nil }
        out.append(["svg": bars(pts, title: ind.data.titre, unit: unit, id: ind.id, progress: ind.data.affichage == .progression || hasTargets),
                    "legende": hasTargets ? "Barres : valeurs réalisées ; trait vertical : objectif ; pourcentage : part de l'objectif atteinte."
                        : "Barres : valeurs ; trait vertical : objectif."])
        return out
    }

    static func orderedUnique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }

    /// Horizontal bars, one per value, with the target as a mark and, for progress, the share reached.
    static func bars(_ pts: [Point], title: String, unit: String, id: String, progress: Bool) -> String {
        let maxValue = max(pts.map { max($0.masked ? 0 : ($0.value ?? 0), $0.target ?? 0) }.max() ?? 1, 1)
        let rowHeight = 28, labelWidth = 250, chartWidth = 400
        let width = labelWidth + chartWidth + 170, height = pts.count * rowHeight + 8
        let titleId = "graphique-\(Slug.make(id))"
        var svg = "<svg class=\"graphique\" role=\"img\" aria-labelledby=\"\(titleId)\" viewBox=\"0 0 \(width) \(height)\" data-echelle=\"\(maxValue)\" data-largeur=\"\(chartWidth)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleId)\">\(HTML.escape(title))</title>"
        for (i, p) in pts.enumerated() {
            let y = i * rowHeight + 4
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" class=\"etiquette\">\(HTML.escape(truncate(p.label, 38)))</text>"
            if p.masked {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"12\" height=\"16\" class=\"barre-masquee\" data-masque=\"oui\"/>"
                svg += "<text x=\"\(labelWidth + 18)\" y=\"\(y + 17)\" class=\"valeur\">secret statistique (moins de 11)</text>"
            } else if let v = p.value {
                let w = scale(v, maxValue, chartWidth)
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(w)\" height=\"16\" class=\"barre\" data-valeur=\"\(v)\"/>"
                var text = Format.number(v, unit: unit)
                if progress, let t = p.target, t > 0 { text += " (" + French.percent(v / t * 100, maxFractionDigits: 0) + ")" }
                svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 17)\" class=\"valeur\">\(HTML.escape(text))</text>"
            }
            if let t = p.target {
                let x = labelWidth + scale(t, maxValue, chartWidth)
                svg += "<line x1=\"\(x)\" x2=\"\(x)\" y1=\"\(y + 1)\" y2=\"\(y + 23)\" class=\"cible\" data-cible=\"\(t)\"/>"
                if p.value == nil && !p.masked { svg += "<text x=\"\(x + 6)\" y=\"\(y + 17)\" class=\"valeur\">objectif \(HTML.escape(Format.number(t, unit: unit)))</text>" }
            }
        }
        return svg + "</svg>"
    }

    /// A line over periods, with the targets as a dashed line; masked points are left out and marked.
    static func line(_ pts: [Point], title: String, unit: String, id: String) -> String {
        let width = 640, height = 260, left = 70, right = 20, top = 20, bottom = 40
        let maxValue = max(pts.map { max($0.masked ? 0 : ($0.value ?? 0), $0.target ?? 0) }.max() ?? 1, 1)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ i: Int) -> Int { left + (pts.count == 1 ? plotW / 2 : i * plotW / (pts.count - 1)) }
        func y(_ v: Double) -> Int { top + plotH - Int((v / maxValue * Double(plotH)).rounded()) }
        let titleId = "graphique-\(Slug.make(id))"
        var svg = "<svg class=\"graphique graphique-ligne\" role=\"img\" aria-labelledby=\"\(titleId)\" viewBox=\"0 0 \(width) \(height)\" data-echelle=\"\(maxValue)\" data-hauteur=\"\(plotH)\" data-haut=\"\(top)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleId)\">\(HTML.escape(title))</title>"
        svg += "<line x1=\"\(left)\" x2=\"\(left)\" y1=\"\(top)\" y2=\"\(top + plotH)\" class=\"axe\"/><line x1=\"\(left)\" x2=\"\(left + plotW)\" y1=\"\(top + plotH)\" y2=\"\(top + plotH)\" class=\"axe\"/>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\" class=\"etiquette\">\(HTML.escape(Format.number(maxValue)))</text>"
        svg += "<text x=\"\(left - 6)\" y=\"\(top + plotH)\" text-anchor=\"end\" class=\"etiquette\">0</text>"
        var path = "", targetPath = ""
        for (i, p) in pts.enumerated() {
            svg += "<text x=\"\(x(i))\" y=\"\(height - 14)\" text-anchor=\"middle\" class=\"etiquette\">\(HTML.escape(p.label))</text>"
            if p.masked {
                svg += "<text x=\"\(x(i))\" y=\"\(top + plotH - 6)\" text-anchor=\"middle\" class=\"valeur\" data-masque=\"oui\">secret</text>"
            } else if let v = p.value {
                path += (path.isEmpty ? "M" : " L") + "\(x(i)) \(y(v))"
                svg += "<circle cx=\"\(x(i))\" cy=\"\(y(v))\" r=\"5\" class=\"point\" data-valeur=\"\(v)\"/>"
                svg += "<text x=\"\(x(i))\" y=\"\(y(v) - 10)\" text-anchor=\"middle\" class=\"valeur\">\(HTML.escape(Format.number(v)))</text>"
            }
            if let t = p.target {
                targetPath += (targetPath.isEmpty ? "M" : " L") + "\(x(i)) \(y(t))"
                svg += "<line x1=\"\(x(i) - 12)\" x2=\"\(x(i) + 12)\" y1=\"\(y(t))\" y2=\"\(y(t))\" class=\"cible\" data-cible=\"\(t)\"/>"
                if p.value == nil { svg += "<text x=\"\(x(i))\" y=\"\(y(t) - 10)\" text-anchor=\"middle\" class=\"valeur\">objectif \(HTML.escape(Format.number(t)))</text>" }
            }
        }
        if !targetPath.isEmpty { svg += "<path d=\"\(targetPath)\" class=\"ligne-cible\"/>" }
        if !path.isEmpty { svg += "<path d=\"\(path)\" class=\"ligne\"/>" }
        return svg + "</svg>"
    }

    static func scale(_ v: Double, _ maxValue: Double, _ width: Int) -> Int {
        Int((max(v, 0) / maxValue * Double(width)).rounded())
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
