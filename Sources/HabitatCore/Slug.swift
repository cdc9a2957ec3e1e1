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

    /// Whether `text` is already a valid slug (what ids and aliases must be).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text == make(text)
    }
}
