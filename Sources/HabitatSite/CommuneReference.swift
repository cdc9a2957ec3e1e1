import HabitatContent
import HabitatCore

/// What the reference (`Content/referentiel/`) tells about every commune, and the look-ups by
/// name that resolving a seed's spelling needs. Every look-up is a dictionary: a national site
/// resolves tens of thousands of names.
public struct CommuneReference: Sendable {
    /// Official names to codes (several codes for homonyms).
    public var byName: [String: [String]] = [:]
    /// Name slugs (accents, case, ligatures, punctuation folded) to codes: candidates in errors.
    public var bySlug: [String: [String]] = [:]
    /// Spellings of `graphies.csv` and former names of the mouvements file, to codes.
    public var bySpelling: [String: [String]] = [:]
    /// Old URLs to the code of the commune they now lead to.
    public var oldURLs: [(url: String, code: String)] = []
    /// EPCI SIREN to territory id.
    public var epciBySiren: [String: String] = [:]

    /// Where the figures of `referentiel/communes.csv` come from: `referentiel/sources.yaml`,
    /// updated with the file each January (a site with the reference cannot build without it).
    public var sources: ReferenceSourcesFile?

    /// The codes, names and intercommunalities' source, as pages cite it.
    public var cogSource: String { sources?.communes ?? "" }
    /// The population column's source.
    public var populationSource: String { sources?.population ?? "" }
    /// The year of the population figures (INSEE's reference year of the populations légales).
    public var populationYear: Int { sources?.population_annee ?? 0 }
    /// The zone column's source: the arrêté of the zonage ABC.
    public var zoneSource: String { sources?.zones ?? "" }

    /// A well-formed INSEE code: 5 digits, or 2A/2B and 3 digits (Corsica).
    public static func isWellFormed(_ code: String) -> Bool {
        let b = Array(code.utf8)
        guard b.count == 5 else { return false }
        func digit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if b[0] == 0x32, b[1] == 0x41 || b[1] == 0x42 { return b[2...].allSatisfy(digit) }
        return b.allSatisfy(digit)
    }

    /// The département a code belongs to: 2 characters, 3 for overseas (97x).
    public static func departement(ofCode code: String) -> String {
        code.hasPrefix("97") ? String(code.prefix(3)) : String(code.prefix(2))
    }
}
