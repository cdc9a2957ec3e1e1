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

    /// cmark allocates from a per-thread arena released after each document (markdown_arena.c):
    /// a document larger than its chunks, and many documents at once on several threads, give
    /// exactly what one document alone gives.
    @Test func arenaKeepsDocumentsApart() async {
        let big = (1...40_000).map { "Ligne \($0) : *logement* n° \($0)" }.joined(separator: "\n") + "\n"
        let alone = MarkdownRenderer.render(big)
        #expect(alone.html.utf8.count > 1_000_000)
        #expect(alone.html.hasSuffix("Ligne 40000\u{00A0}: <em>logement</em> n° 40000</p>\n"))
        let sources = (0..<64).map { i in "# Titre \(i)\n\n| A | B |\n|---|---|\n| \(i) | [lien](/p\(i)/) |\n\n" + String(repeating: "mot \(i) ", count: i * 50) + "\n" }
        let expected = sources.map { MarkdownRenderer.render($0).html }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for (i, source) in sources.enumerated() { group.addTask { (i, MarkdownRenderer.render(source).html) } }
            var out = [String](repeating: "", count: sources.count)
            for await (i, html) in group { out[i] = html }
            return out
        }
        #expect(results == expected)
        #expect(MarkdownRenderer.render(big).html == alone.html)
    }

    /// Columns count characters, not bytes, with or without accents before the link.
    @Test func linkColumnsCountCharacters() {
        // "e\u{301}" is one character (a decomposed accent) in two scalars and three bytes.
        let doc = MarkdownRenderer.render("abc [x](/a/)\n\nÉté à [y](/b/)\n\ne\u{301}te [z](/c/)\n")
        #expect(doc.links.map(\.column) == [5, 7, 5])
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
