import Foundation
import Testing
@testable import HabitatSite

/// Nothing a user writes becomes markup: Markdown, front matter and CSV cells are escaped.
@Suite struct EscapingTests {
    @Test func hostileContentNeverBecomesMarkup() async throws {
        var files = TestSite.minimal
        files["plans/plh/actions/2.md"] = """
            ---
            numero: "2"
            titre: "<script>alert(1)</script> & \\"quotes\\" L’Haÿ-les-Roses"
            orientation: "1"
            objectifs: ["<img src=x onerror=alert(2)>"]
            perimetre: {type: texte, texte: "<b onmouseover=alert(3)>x</b>"}
            source: {fichier: "t.txt"}
            ---
            Texte <script>alert(4)</script> et [lien](javascript:alert(5)) et <a href="x" onclick="alert(6)">a</a>.

            ```
            <script>alert(7)</script> &amp;
            ```
            """
        files["tables/sru.csv"] = "commune;sru;logements\nFouquières-lès-Béthune;oui;1\nL’Haÿ-les-Roses;<script>alert(8)</script>;2\nVille-Sûre;oui;12\n"
        files["tables/sru.yaml"] = TestSite.minimal["tables/sru.yaml"]!.replacingOccurrences(of: "type: oui-non", with: "type: texte")
        files["indicateurs/x.json"] = """
            {"titre": "<script>alert(9)</script>", "description": "\\u003cimg src=x onerror=alert(10)>", "unite": "<b>u</b>",
             "plans": [{"plan": "plh", "fiches": []}], "source": {"fichier": "<script>alert(11)</script>"}, "niveau": "epci",
             "valeurs": [{"territoire": "epci", "periode": "2020", "valeur": 3, "statut": "<script>alert(12)</script>"}]}
            """
        files["aides/prime.md"] = "---\ntitre: \"<script>alert(13)</script>\"\nresume: \"<img src=x onerror=alert(14)>\"\npublics: [tous]\nterritoire: epci\nfinanceur: \"AT\"\nstatut: en-vigueur\nmontant: \"1 €\"\nconditions: [\"javascript:alert(15)\"]\ndemarches: []\nsource: {fichier: \"t.txt\"}\n---\n[clic](javascript:alert(16))\n"
        files["aides/prime.regles.yaml"] = """
            questions:
              - {id: q, type: choix, libelle: "<script>alert(17)</script>", aide: "<img src=x onerror=alert(18)>", options: [{valeur: "a", libelle: "<script>alert(19)</script>"}]}
            resultats:
              eligible: "q = 'a'"
              pourquoi: [{si: "vrai", texte: "</script><script>alert(20)</script>"}]
              limites: ["<script>alert(21)</script>"]
            personas:
              - {nom: "<script>alert(22)</script>", source: "<img src=x onerror=alert(23)>", reponses: {q: a}, attendu: {eligible: true}}
            """
        let site = try TestSite(files)
        let report = await site.build()
        #expect(report.succeeded, "\(site.messages(report))")
        var sawTitle = false
        for (path, data) in site.tree() where path.hasSuffix(".html") || path.hasSuffix(".json") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path)")
            #expect(!text.contains("<img src=x"), "\(path)")
            #expect(!text.contains("<b onmouseover"), "\(path)")
            #expect(!text.contains("onclick=\"alert"), "\(path)")
            #expect(!text.lowercased().contains("href=\"javascript:"), "\(path)")
            if text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; L’Haÿ-les-Roses") { sawTitle = true }
        }
        #expect(sawTitle)
        let fiche = try #require(site.read("plans/plh/actions/2/index.html"))
        #expect(fiche.contains("&lt;script&gt;alert(7)&lt;/script&gt; &amp;amp;"))
    }
}
