import HabitatContent
import HabitatCore
import HabitatSite
import Testing

@Suite struct ConformanceTests {
    static let day = CalendarDay(year: 2026, month: 11, day: 23)

    static func audit(violations: Int = 0, htmlErrors: Int = 0, keyboard: Bool = true, date: CalendarDay = day,
                      manual: (Int, Int)? = nil) throws -> AccessibilityAuditFile {
        var json = """
        {"date": "\(date)", "outils": ["axe-core 4"], "pages_validees": 800, "erreurs_html": \(htmlErrors),
         "types_de_page": [{"type": "fiche", "url": "/f/", "violations": \(violations)}, {"type": "commune", "url": "/c/", "violations": 0}],
         "parcours_clavier": [{"parcours": "menu", "reussi": \(keyboard)}]
        """
        if let (met, applicable) = manual {
            json += #", "audit_manuel": {"date": "2026-10-01", "auditeur": "X", "criteres_respectes": \#(met), "criteres_applicables": \#(applicable)}"#
        }
        json += "}"
        return try ContentDecoder(file: "a.json").decode(AccessibilityAuditFile.self, from: try JSONReader.parse(json, file: "a.json"))
    }

    @Test func withoutResultsThePortalIsNotConforming() {
        let c = Conformance.compute(audit: nil, buildDate: Self.day)
        #expect(c.status == .none)
        #expect(c.reasons.count == 1)
    }

    @Test func cleanAutomatedChecksSupportPartialConformanceOnly() throws {
        let c = Conformance.compute(audit: try Self.audit(), buildDate: Self.day)
        #expect(c.status == .partial)
        #expect(c.reasons.isEmpty)
    }

    @Test func anyFindingMakesItNonConforming() throws {
        for audit in [try Self.audit(violations: 2), try Self.audit(htmlErrors: 1), try Self.audit(keyboard: false)] {
            let c = Conformance.compute(audit: audit, buildDate: Self.day)
            #expect(c.status == .none)
            #expect(c.reasons.count == 1)
        }
        let c = Conformance.compute(audit: try Self.audit(violations: 2), buildDate: Self.day)
        #expect(c.reasons == ["axe-core relève 2\u{A0}non-conformités (fiche)."])
    }

    @Test func resultsOlderThanAYearOrFromTheFutureDoNotCount() throws {
        let old = Conformance.compute(audit: try Self.audit(date: CalendarDay(year: 2025, month: 11, day: 22)), buildDate: Self.day)
        #expect(old.status == .none)
        let ok = Conformance.compute(audit: try Self.audit(date: CalendarDay(year: 2025, month: 11, day: 23)), buildDate: Self.day)
        #expect(ok.status == .partial)
        let future = Conformance.compute(audit: try Self.audit(date: CalendarDay(year: 2026, month: 11, day: 24)), buildDate: Self.day)
        #expect(future.status == .none)
    }

    @Test func aManualAuditAppliesTheRGAARates() throws {
        #expect(Conformance.compute(audit: try Self.audit(manual: (106, 106)), buildDate: Self.day).status == .total)
        #expect(Conformance.compute(audit: try Self.audit(manual: (53, 106)), buildDate: Self.day).status == .partial)
        #expect(Conformance.compute(audit: try Self.audit(manual: (52, 106)), buildDate: Self.day).status == .none)
        #expect(Conformance.compute(audit: try Self.audit(violations: 1, manual: (106, 106)), buildDate: Self.day).status == .none)
        #expect(Conformance.compute(audit: try Self.audit(manual: (53, 106)), buildDate: Self.day).rate == 50)
    }

    @Test func calendarDayDifferences() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1).unixDay == 0)
        #expect(Self.day.daysSince(CalendarDay(year: 2025, month: 11, day: 23)) == 365)
        #expect(CalendarDay(year: 2024, month: 3, day: 1).daysSince(CalendarDay(year: 2024, month: 2, day: 28)) == 2)
    }
}
