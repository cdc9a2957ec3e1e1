import HabitatCore
import HabitatTemplate
import Testing
@testable import HabitatSite

/// The template helpers, with the examples theme authors see, run as tests.
@Suite struct TemplateHelperTests {
    func render(_ template: String, _ values: [String: Any]) throws -> String {
        var library = TemplateLibrary()
        library.register(try Template(name: "t", text: template))
        return library.render("t", root: .object(LegacyView(values)))?.text ?? ""
    }

    @Test func euros() throws {
        #expect(try render("{{euros(m)}}", ["m": TemplateNumber(5000)]) == "5\u{202F}000\u{00A0}€")
        #expect(try render("{{euros(m)}}", ["m": TemplateNumber(1234.5)]) == "1\u{202F}234,5\u{00A0}€")
    }

    @Test func numbers() throws {
        #expect(try render("{{nombre(n)}}", ["n": TemplateNumber(11624)]) == "11\u{202F}624")
        #expect(try render("{{pourcentage(p)}}", ["p": TemplateNumber(3.4)]) == "3,4\u{00A0}%")
        #expect(try render("{{entier(n)}}", ["n": TemplateNumber(1069.6)]) == "1\u{202F}070")
        // No trap on numbers an Int cannot hold (issue #14).
        #expect(try render("{{entier(n)}}", ["n": TemplateNumber(1e20)]) == "1e+20")
        #expect(try render("{{entier(n)}}", ["n": TemplateNumber(.infinity)]) == "—")
        #expect(try render("{{n}}", ["n": TemplateNumber(2.5)]) == "2,5")
    }

    @Test func dates() throws {
        #expect(try render("{{date(j)}}", ["j": TemplateDay(CalendarDay(year: 2026, month: 11, day: 23))]) == "23\u{00A0}novembre 2026")
        #expect(try render("{{iso(j)}}", ["j": TemplateDay(CalendarDay(year: 2026, month: 11, day: 1))]) == "2026-11-01")
    }
}
