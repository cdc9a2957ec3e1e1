import HabitatCore
import HabitatTemplate
import Testing
@testable import HabitatSite

/// The template helpers, with the examples theme authors see, run as tests.
@Suite struct TemplateHelperTests {
    /// A view made of named values, as a page's typed view gives them to the template.
    struct Values: TemplateObject {
        let values: [String: TemplateValue]
        func value(named name: String) -> TemplateValue? { values[name] }
    }

    func render(_ template: String, _ values: [String: TemplateValue]) throws -> String {
        var library = TemplateLibrary()
        library.register(try Template(name: "t", text: template))
        return library.render("t", root: .object(Values(values: values)))?.text ?? ""
    }

    @Test func euros() throws {
        #expect(try render("{{euros(m)}}", ["m": TemplateValue.number(5000)]) == "5\u{202F}000\u{00A0}€")
        #expect(try render("{{euros(m)}}", ["m": TemplateValue.number(1234.5)]) == "1\u{202F}234,5\u{00A0}€")
    }

    @Test func numbers() throws {
        #expect(try render("{{nombre(n)}}", ["n": TemplateValue.number(11624)]) == "11\u{202F}624")
        #expect(try render("{{pourcentage(p)}}", ["p": TemplateValue.number(3.4)]) == "3,4\u{00A0}%")
        #expect(try render("{{entier(n)}}", ["n": TemplateValue.number(1069.6)]) == "1\u{202F}070")
        // No trap on numbers an Int cannot hold (issue #14).
        #expect(try render("{{entier(n)}}", ["n": TemplateValue.number(1e20)]) == "1e+20")
        #expect(try render("{{entier(n)}}", ["n": TemplateValue.number(.infinity)]) == "—")
        #expect(try render("{{n}}", ["n": TemplateValue.number(2.5)]) == "2,5")
    }

    @Test func dates() throws {
        #expect(try render("{{date(j)}}", ["j": TemplateValue.day(CalendarDay(year: 2026, month: 11, day: 23))]) == "23\u{00A0}novembre 2026")
        #expect(try render("{{iso(j)}}", ["j": TemplateValue.day(CalendarDay(year: 2026, month: 11, day: 1))]) == "2026-11-01")
    }
}
