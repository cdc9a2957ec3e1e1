import HabitatMarkdown
import Testing

@Suite struct MarkdownTests {
    @Test func extensionsAndSafety() {
        let doc = MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ https://exemple.fr\n\n- [x] fait\n\nNote[^1].\n\n[^1]: Source.\n\n<div>brut</div>\n")
        #expect(doc.html.contains("<table>"))
        #expect(doc.html.contains("<del>x</del>"))
        #expect(doc.html.contains("<a href=\"https://exemple.fr\">"))
        #expect(doc.html.contains("type=\"checkbox\""))
        #expect(doc.html.contains("footnote"))
        #expect(!doc.html.contains("<div>brut</div>"))
        let raw = MarkdownRenderer.render("<div>brut</div>\n", options: MarkdownOptions(allowRawHTML: true))
        #expect(raw.html.contains("<div>brut</div>"))
    }

    @Test func tablesScrollInLabelledFocusableRegions() {
        let doc = MarkdownRenderer.render("| Catégorie | Plafond & \"co\" |\n|---|---|\n| Très modestes | 17 009 € |\n\n| A |\n|---|\n| 1 |\n")
        #expect(doc.html.contains("<div class=\"defilement\" role=\"region\" tabindex=\"0\" aria-label=\"Tableau 1 : Catégorie, Plafond &amp; &quot;co&quot;\"><table>"))
        #expect(doc.html.contains("aria-label=\"Tableau 2 : A\"><table>"))
        #expect(doc.html.split(separator: "</table></div>", omittingEmptySubsequences: false).count == 3)
        // Cells stay separate words in the plain text used by search.
        #expect(doc.plainText.contains("Très modestes 17 009 €"))
    }

    @Test func headingsGetAnchorsAndPositions() {
        let doc = MarkdownRenderer.render("Intro\n\n## Pour qui ?\n\n## Pour qui ?\n", options: MarkdownOptions(lineOffset: 10))
        #expect(doc.headings.map(\.anchor) == ["pour-qui", "pour-qui-2"])
        #expect(doc.headings.first?.line == 13)
        #expect(doc.html.contains("<h2 id=\"pour-qui\">"))
    }
}

@Suite struct MarkdownTypographyTests {
    let nbsp = "\u{00A0}", nnbsp = "\u{202F}"

    @Test func frenchSpacesInTextOnly() {
        let doc = MarkdownRenderer.render("Pour qui ? Combien ! **Objectif** : 1 070 ; « Habiter Mieux ».\n\n`a : b` https://exemple.fr/x?y=1 10:30\n\n## Pour qui ?\n")
        #expect(doc.html.contains("Pour qui\(nnbsp)? Combien\(nnbsp)!"))
        #expect(doc.html.contains("<strong>Objectif</strong>\(nbsp): 1 070\(nnbsp);"))
        #expect(doc.html.contains("«\(nbsp)Habiter Mieux\(nbsp)»"))
        #expect(doc.html.contains("<code>a : b</code>"))
        #expect(doc.html.contains("<a href=\"https://exemple.fr/x?y=1\">https://exemple.fr/x?y=1</a> 10:30"))
        #expect(doc.html.contains("<h2 id=\"pour-qui\">Pour qui\(nnbsp)?</h2>"))
        #expect(doc.headings.first?.anchor == "pour-qui")
    }

    @Test func canBeTurnedOff() {
        let doc = MarkdownRenderer.render("Pour qui ?\n", options: MarkdownOptions(frenchTypography: false))
        #expect(doc.html == "<p>Pour qui ?</p>\n")
    }
}
