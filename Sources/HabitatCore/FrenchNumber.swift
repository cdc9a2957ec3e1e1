/// Reads numbers the way French spreadsheets write them.
public enum FrenchNumber {
    /// `2,5` → 2.5; `11 624` → 11624 (spaces, no-break spaces as thousands separators);
    /// `2.5` is accepted too; `-3` and `−3`. Returns nil for anything else (`deux`, `1,2,3`).
    public static func parse<S: StringProtocol>(_ text: S) -> Double? {
        var digits = ""
        var sawSeparator = false
        var sawDigit = false
        var index = 0
        for ch in text {
            defer { index += 1 }
            switch ch {
            case "0"..."9":
                digits.append(ch)
                sawDigit = true
            case ",", ".":
                if sawSeparator || !sawDigit { return nil }
                sawSeparator = true
                digits.append(".")
            case " ", "\u{00A0}", "\u{202F}":
                // a thousands separator only between digits, before any decimal mark
                if !sawDigit || sawSeparator { if !sawDigit { continue } else { return nil } }
            case "-", "−", "+":
                if index != 0 { return nil }
                if ch != "+" { digits.append("-") }
            default:
                return nil
            }
        }
        while digits.hasSuffix(" ") { digits.removeLast() }
        guard sawDigit, !digits.hasSuffix(".") else { return nil }
        return Double(digits)
    }

    /// A percentage cell: `3,4%`, `3,4 %`, `25%` → 3.4, 25. Nil when there is no `%`.
    public static func parsePercent<S: StringProtocol>(_ text: S) -> Double? {
        var s = String(text)
        while let l = s.last, l == " " || l == "\u{00A0}" || l == "\u{202F}" { s.removeLast() }
        guard s.hasSuffix("%") else { return nil }
        s.removeLast()
        while let l = s.last, l == " " || l == "\u{00A0}" || l == "\u{202F}" { s.removeLast() }
        return parse(s)
    }
}
