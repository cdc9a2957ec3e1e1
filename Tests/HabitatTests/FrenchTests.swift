import HabitatCore
import Testing

/// The template helpers' examples, run as tests.
@Suite struct FrenchTests {
    let nnbsp = "\u{202F}", nbsp = "\u{00A0}"

    @Test func euros() {
        #expect(French.euros(5000) == "5\(nnbsp)000\(nbsp)€")
        #expect(French.euros(40000) == "40\(nnbsp)000\(nbsp)€")
        #expect(French.euros(800) == "800\(nbsp)€")
        #expect(French.euros(1234.5) == "1\(nnbsp)234,5\(nbsp)€")
    }

    @Test func numbers() {
        #expect(French.number(11624) == "11\(nnbsp)624")
        #expect(French.number(3.4) == "3,4")
        #expect(French.number(-1500) == "−1\(nnbsp)500")
        #expect(French.integer(1000000) == "1\(nnbsp)000\(nnbsp)000")
        #expect(French.percent(3.4) == "3,4\(nbsp)%")
    }

    @Test func dates() {
        #expect(French.date(CalendarDay(year: 2026, month: 11, day: 23)) == "23\(nbsp)novembre 2026")
        #expect(French.date(CalendarDay(year: 2025, month: 1, day: 1)) == "1er\(nbsp)janvier 2025")
        #expect(CalendarDay(iso: "2025-02-30") == nil)
        #expect(CalendarDay(unixSeconds: 1_795_392_000).description == "2026-11-23")
    }

    @Test func plurals() {
        #expect(French.plural(0, "commune") == "0\(nbsp)commune")
        #expect(French.plural(1, "commune") == "1\(nbsp)commune")
        #expect(French.plural(100, "commune") == "100\(nbsp)communes")
        #expect(French.plural(2, "écart relevé", "écarts relevés") == "2\(nbsp)écarts relevés")
    }

    @Test func typography() {
        #expect(French.typography("Pour qui ? Combien !") == "Pour qui\(nnbsp)? Combien\(nnbsp)!")
        #expect(French.typography("Objectif : 1 070") == "Objectif\(nbsp): 1 070")
        #expect(French.typography("« Habiter Mieux »") == "«\(nbsp)Habiter Mieux\(nbsp)»")
        #expect(French.typography("https://x.fr 10:30") == "https://x.fr 10:30")
        #expect(French.typography(" : suite") == "\(nbsp): suite")
    }

    @Test func parsingFrenchNumbers() {
        #expect(FrenchNumber.parse("2,5") == 2.5)
        #expect(FrenchNumber.parse("11 624") == 11624)
        #expect(FrenchNumber.parse("11\u{202F}624") == 11624)
        #expect(FrenchNumber.parse("deux") == nil)
        #expect(FrenchNumber.parse("1,2,3") == nil)
        #expect(FrenchNumber.parsePercent("3,4%") == 3.4)
        #expect(FrenchNumber.parsePercent("25 %") == 25)
    }

    @Test func slugs() {
        #expect(Slug.make("Fouquières-lès-Béthune") == "fouquieres-les-bethune")
        #expect(Slug.make("L’Haÿ-les-Roses") == "l-hay-les-roses")
        #expect(Slug.make("Collines de l'Artois") == "collines-de-l-artois")
        #expect(Slug.make("Nœux-les-Mines") == "noeux-les-mines")
        #expect(Slug.isValid("../etc") == false)
        // ASCII text takes a byte path; it must agree with the general one (forced by "é").
        for text in ["  Pour qui ?", "Action 12 — bis", "A-B__C", "x\r\ny", "", "---", "Zone 3B: 25 %"] {
            let general = Slug.make(text + " é").dropLast(2)
            #expect(Slug.make(text) == general, "\(text)")
        }
    }

    /// Diagnostics keep what is inside « » as written (a YAML line stays copyable) and put
    /// no-break spaces where French typography wants them.
    @Test func diagnosticsHaveFrenchTypography() {
        let d = Diagnostic.error(SourceLocation(file: "Content/plans/plh/actions/2.md", line: 4, column: 1),
                                 "clé inconnue « orientaton »" + String.didYouMean("orientaton", among: ["orientation", "titre"]),
                                 code: "front-matter.unknown-key")
        #expect(d.description == "Content/plans/plh/actions/2.md:4:1: erreur\u{00A0}: clé inconnue «\u{00A0}orientaton\u{00A0}» (vouliez-vous dire «\u{00A0}orientation\u{00A0}»\u{202F}?) [front-matter.unknown-key]")
        #expect(French.diagnosticTypography("« perimetre: type: liste » demande « communes »")
                == "«\u{00A0}perimetre: type: liste\u{00A0}» demande «\u{00A0}communes\u{00A0}»")
        #expect(French.diagnosticTypography("lien cassé : aucune page ; voir http://x/a") == "lien cassé\u{00A0}: aucune page\u{202F}; voir http://x/a")
        #expect(Diagnostic.warning(SourceLocation(file: "a.md"), "x", code: "c").description == "a.md: avertissement\u{00A0}: x [c]")
    }

    @Test func didYouMean() {
        #expect(suggestion(for: "montnat", among: ["montant", "libelle", "unite"]) == "montant")
        #expect(suggestion(for: "zzz", among: ["montant"]) == nil)
    }
}
