/// French formatting for residents: numbers, euros, percentages, dates, plurals.
///
/// Thousands are separated by a narrow no-break space (U+202F), the decimal mark is a comma,
/// and units follow a no-break space.
public enum French {
    public static let narrowNoBreakSpace = "\u{202F}"
    public static let noBreakSpace = "\u{00A0}"

    /// `11624` → `11 624`; `3.4` → `3,4`; at most `maxFractionDigits` decimals, trailing zeros dropped.
    public static func number(_ value: Double, maxFractionDigits: Int = 2) -> String {
        if value.isNaN || value.isInfinite { return "—" }
        var factor: Int64 = 1
        for _ in 0..<maxFractionDigits { factor *= 10 }
        let magnitude = abs(value)
        guard magnitude < 9e15 / Double(factor) else { return String(value) }
        let scaled = Int64((magnitude * Double(factor)).rounded())
        let integerPart = scaled / factor
        var fraction = maxFractionDigits > 0 ? String(scaled % factor) : ""
        while fraction.count < maxFractionDigits { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        var out = group(String(integerPart))
        if !fraction.isEmpty { out += "," + fraction }
        return value < 0 && scaled != 0 ? "−" + out : out
    }

    /// Integers: `11624` → `11 624`.
    public static func integer(_ value: Int) -> String {
        let g = group(String(value.magnitude))
        return value < 0 ? "−" + g : g
    }

    /// `5000` → `5 000 €`.
    public static func euros(_ value: Double) -> String {
        number(value, maxFractionDigits: 2) + noBreakSpace + "€"
    }

    /// `3.4` → `3,4 %`.
    public static func percent(_ value: Double, maxFractionDigits: Int = 1) -> String {
        number(value, maxFractionDigits: maxFractionDigits) + noBreakSpace + "%"
    }

    /// Month names, lowercase as French writes them.
    public static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                "août", "septembre", "octobre", "novembre", "décembre"]

    /// `2026-11-23` → `23 novembre 2026`; the first of the month is `1er`.
    public static func date(_ day: CalendarDay) -> String {
        let d = day.day == 1 ? "1er" : String(day.day)
        return "\(d)\(noBreakSpace)\(months[day.month - 1]) \(day.year)"
    }

    /// `plural(2, "commune")` → `2 communes`; 0 and 1 take the singular in French.
    public static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        let word = count.magnitude >= 2 ? (pluralForm ?? singular + "s") : singular
        return integer(count) + noBreakSpace + word
    }

    /// No-break spaces before `: ; ! ?` and inside « », as French typography requires.
    /// Text is plain (not HTML): call it before escaping.
    public static func typography(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            switch ch {
            case ":", ";", "!", "?":
                // Only punctuation followed by a space or the end (not "http://", "10:30").
                let isPunctuation = next == nil || next == " " || next == "\n" || next == "»" || next == ")"
                if isPunctuation, let last = out.last, last != "\n" {
                    let space = ch == ":" ? noBreakSpace : narrowNoBreakSpace
                    if last == " " {
                        out.removeLast()
                        out += space
                    } else if last != "\u{00A0}", last != "\u{202F}" {
                        out += space
                    }
                }
                out.append(ch)
            case "«":
                out.append(ch)
                out += noBreakSpace
                if next == " " || next == "\u{00A0}" { i += 1 }
            case "»":
                if out.last == " " || out.last == "\u{00A0}" { out.removeLast() }
                out += noBreakSpace
                out.append(ch)
            default:
                out.append(ch)
            }
            i += 1
        }
        return out
    }

    /// `typography` for diagnostics: what is inside « » (a key, a value, a YAML line to copy back)
    /// is kept as written; only the guillemets get their no-break spaces.
    public static func diagnosticTypography(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "«") {
            guard let close = rest[open...].firstIndex(of: "»") else { break }
            out += typography(String(rest[..<open]))
            var inner = rest[rest.index(after: open)..<close]
            while inner.first == " " { inner.removeFirst() }
            while inner.last == " " { inner.removeLast() }
            out += "«" + noBreakSpace + inner + noBreakSpace + "»"
            rest = rest[rest.index(after: close)...]
        }
        return out + typography(String(rest))
    }

    private static func group(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var out: [Character] = []
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(Character(narrowNoBreakSpace)) }
            out.append(ch)
        }
        return String(out.reversed())
    }
}

/// A calendar date without time zone: what build dates and publication dates are.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or impossible (`2025-02-30`).
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The UTC day of a Unix timestamp (what `SOURCE_DATE_EPOCH` gives).
    public init(unixSeconds: Int64) {
        // Civil-from-days, Howard Hinnant's algorithm.
        let z = Int(unixSeconds / 86_400) + (unixSeconds % 86_400 < 0 ? -1 : 0) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 (days-from-civil, Howard Hinnant's algorithm).
    public var unixDay: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Whole days from `other` to this day (negative when `other` is later).
    public func daysSince(_ other: CalendarDay) -> Int { unixDay - other.unixDay }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "« \(text) » n'est pas une date ; attendu AAAA-MM-JJ (par exemple 2026-11-23)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
