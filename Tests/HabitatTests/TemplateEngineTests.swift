import HabitatTemplate
import Testing

/// HabitatTemplate beyond the specification: positions of unknown names and of syntax errors,
/// missing partials, the theme's list flags and item positions.
@Suite struct TemplateEngineTests {
    struct View: TemplateObject {
        var values: [String: TemplateValue]
        func value(named name: String) -> TemplateValue? { values[name] }
    }

    func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in templates { library.register(try Template(name: name, text: text)) }
        return library
    }

    func syntaxError(_ text: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(name: "t", text: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownNameIsRecordedAtItsTag() throws {
        let lib = try library(["page": "<h1>{{titre}}</h1>\n  <p>{{ttire}}</p>{{#xs}}\n{{inconnu.x}}{{titre.x}}{{/xs}}", "autre": "x"])
        let view = View(values: ["titre": .text("T"), "xs": .list([.object(View(values: [:]))])])
        let r = try #require(lib.render("page", root: .object(view)))
        #expect(r.text == "<h1>T</h1>\n  <p></p>\n")
        #expect(r.unknownNames == [
            TemplateUnknownName(name: "ttire", position: TemplatePosition(template: "page", line: 2, column: 6)),
            TemplateUnknownName(name: "inconnu", position: TemplatePosition(template: "page", line: 3, column: 1)),
        ])
    }

    @Test func unknownNameInsideAPartialOrABlockNamesThatTemplate() throws {
        let lib = try library([
            "page": "{{<base}}{{$contenu}}\n<p>{{a}}{{b}}</p>\n{{/contenu}}{{/base}}\n",
            "base": "<main>\n{{$contenu}}{{/contenu}}\n</main>\n{{> pied}}",
            "pied": "<footer>{{  c }}</footer>",
        ])
        let r = try #require(lib.render("page", root: .object(View(values: ["a": .text("A")]))))
        #expect(r.text == "<main>\n<p>A</p>\n\n</main>\n<footer></footer>")
        #expect(r.unknownNames.map { "\($0.position.template):\($0.position.line):\($0.position.column) \($0.name)" } == ["page:2:9 b", "pied:1:9 c"])
    }

    @Test func absentStopsTheLookUpWithoutBeingUnknown() throws {
        let lib = try library(["t": "{{#o}}[{{x}}]{{^x}}vide{{/x}}{{/o}}"])
        let inner = View(values: ["x": .absent])
        let r = try #require(lib.render("t", root: .object(View(values: ["o": .object(inner), "x": .text("dehors")]))))
        #expect(r.text == "[]vide")
        #expect(r.unknownNames.isEmpty)
    }

    @Test func missingPartialIsReportedNotFatal() throws {
        let lib = try library(["t": "a{{> absent}}b"])
        let r = try #require(lib.render("t", root: .object(View(values: [:]))))
        #expect(r.text == "ab")
        #expect(r.missingPartials == ["absent"])
        #expect(lib.render("nulle-part", root: .absent) == nil)
    }

    @Test func listFlagsItemPositionsAndTransforms() throws {
        let lib = try library(["t": "{{#a_xs}}<ul>{{#xs}}{{.}}{{^last()}}, {{/last()}}{{/xs}}</ul>{{/a_xs}}{{^a_ys}}aucun{{/a_ys}} {{euros(m)}} {{iso(j)}}"])
        let view = View(values: ["xs": .list([.text("a"), .text("<b>")]), "ys": .list([]), "m": .number(5000),
                                 "j": .day(CalendarDayFixture.day)])
        let r = try #require(lib.render("t", root: .object(view)))
        #expect(r.text == "<ul>a, &lt;b&gt;</ul>aucun 5\u{202F}000\u{00A0}€ 2026-11-23")
    }

    @Test func syntaxErrorsHaveTheirTagPosition() {
        let cases: [(String, Int, Int, String)] = [
            ("a\n{{#x}}\nb", 2, 1, "la section « x » ouverte ici n'est jamais fermée"),
            ("{{#x}}\n  {{/y}}", 2, 3, "« {{/y}} » ne ferme pas la section ouverte « x » (ligne 1)"),
            ("{{/y}}", 1, 1, "« {{/y}} » ferme une section qui n'est pas ouverte"),
            ("ab {{titre", 1, 4, "balise non terminée"),
            ("é{{ }}", 1, 2, "balise sans nom"),
            ("{{a b}}", 1, 1, "caractère « b » inattendu"),
            ("x\n\n {{=<% =}}", 3, 2, "changement de délimiteurs invalide"),
            ("{{! sans fin", 1, 1, "commentaire non terminé"),
            ("{{<base}}texte{{#x}}{{/x}}{{/base}}", 1, 1, "seules des définitions de blocs"),
        ]
        for (text, line, column, message) in cases {
            let e = syntaxError(text)
            #expect(e?.line == line && e?.column == column, "\(text.debugDescription): \(String(describing: e))")
            #expect(e?.message.hasPrefix(message) == true, "\(text.debugDescription): \(e?.message ?? "no error")")
        }
    }
}

import HabitatCore

enum CalendarDayFixture {
    static let day = CalendarDay(year: 2026, month: 11, day: 23)
}
