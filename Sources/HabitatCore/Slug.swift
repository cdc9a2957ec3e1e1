/// URL slugs: lowercase ASCII, accents folded, spaces and apostrophes to `-`.
public enum Slug {
    private static let folds: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a",
        "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "î": "i", "ï": "i", "í": "i", "ì": "i",
        "ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o",
        "ù": "u", "û": "u", "ü": "u", "ú": "u",
        "ÿ": "y", "ý": "y", "ñ": "n",
        "œ": "oe", "æ": "ae", "ß": "ss",
    ]

    /// `Fouquières-lès-Béthune` → `fouquieres-les-bethune`.
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
        var out = ""
        var pendingDash = false
        for ch in text.lowercased() {
            let piece: String
            if let folded = folds[ch] {
                piece = folded
            } else if ch.isASCII, ch.isLetter || ch.isNumber {
                piece = String(ch)
            } else {
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash { out += "-"; pendingDash = false }
            out += piece
        }
        return out
    }

    /// The same rules over bytes, for ASCII text (most headings and file names).
    private static func makeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for var b in text.utf8 {
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b += 32 }
            if (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) {
                if pendingDash { out.append(UInt8(ascii: "-")); pendingDash = false }
                out.append(b)
            } else {
                pendingDash = !out.isEmpty
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is already a valid slug (what ids and aliases must be).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text == make(text)
    }
}
