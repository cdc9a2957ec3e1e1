import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// The repository's own site, built once: every commune of the Nord and the Pas-de-Calais, known
/// by its INSEE code (issue 16).
enum ShippedSite {
    static let built = Task<String, any Error> {
        let out = NSTemporaryDirectory() + "habitat-shipped-" + UUID().uuidString
        var options = BuildOptions(contentDir: TestSite.repo + "/Content", themeDir: TestSite.repo + "/Themes/default", outputDir: out,
                                   includeDrafts: false, buildDate: CalendarDay(year: 2026, month: 11, day: 23), workers: 2, write: true)
        options.searchIndex = false
        let report = await SiteBuilder.run(options)
        guard report.succeeded else { throw SiteError.io("the shipped site does not build: \(report.diagnostics.prefix(5))") }
        return out
    }

    static func read(_ rel: String) async throws -> String {
        let root = try await built.value
        return try String(contentsOfFile: root + "/" + rel, encoding: .utf8)
    }

    /// The reference rows of `Content/referentiel/communes.csv` (code, name, département).
    static func referenceRows() throws -> [[String]] {
        let text = try String(contentsOfFile: TestSite.repo + "/Content/referentiel/communes.csv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Rows of a commune-keyed table of the seed whose first commune cell is `name`, as printed.
    static func tableRows(_ table: String, commune name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: TestSite.repo + "/Content/tables/\(table).csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }.filter { $0["commune"] == name }
    }

    /// The visible text of a page's <main>, entities decoded the way the templates write them.
    static func mainText(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
        return String(html[start.lowerBound..<end.upperBound])
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}

@Suite(.serialized) struct CommuneReferenceOnShippedSite {
    @Test func everyCommuneOfTheNordAndThePasDeCalaisHasItsPageAndItsCode() async throws {
        let rows = try ShippedSite.referenceRows()
        #expect(rows.count == 1534)
        #expect(rows.filter { $0[2] == "59" }.count == 647)
        #expect(rows.filter { $0[2] == "62" }.count == 887)
        let root = try await ShippedSite.built.value
        for r in rows {
            let slug = Slug.make(r[1]) + "-" + r[0].lowercased()
            let page = try String(contentsOfFile: root + "/communes/\(slug)/index.html", encoding: .utf8)
            #expect(page.contains("<dd>\(r[0])</dd>"), "\(slug) shows its code")
            #expect(FileManager.default.fileExists(atPath: root + "/communes/\(slug)/vignette/index.html"))
            #expect(FileManager.default.fileExists(atPath: root + "/communes/\(slug)/donnees.json"))
        }
    }

    @Test func everyEPCIOfTheTwoDepartementsIsATerritoryWithItsCommunes() async throws {
        let rows = try ShippedSite.referenceRows()
        let sirens = Dictionary(grouping: rows.filter { !$0[6].isEmpty }, by: { $0[6] })
        #expect(sirens.count == 36)
        let nord = try await ShippedSite.read("territoires/nord/index.html")
        #expect(nord.contains(French.plural(647, "commune")))
        let cabbalr = try await ShippedSite.read("territoires/cabbalr/index.html")
        #expect(cabbalr.contains(French.plural(100, "commune")))
        #expect(cabbalr.contains("Noeuxois"), "the seed EPCI keeps its sectors")
        let call = try await ShippedSite.read("territoires/call/index.html")
        #expect(call.contains(French.plural(36, "commune")))
        let cua = try await ShippedSite.read("territoires/cua/index.html")
        #expect(cua.contains(French.plural(46, "commune")))
        let mel = try await ShippedSite.read("territoires/metropole-europeenne-de-lille/index.html")
        #expect(mel.contains("/communes/roubaix-59512/"))
    }

    @Test func saintAubinOfTheNordAndOfThePasDeCalaisAreTwoPages() async throws {
        let nord = try await ShippedSite.read("communes/saint-aubin-59529/index.html")
        let pdc = try await ShippedSite.read("communes/saint-aubin-62742/index.html")
        #expect(nord.contains("<title>Saint-Aubin (Nord)"))
        #expect(pdc.contains("<title>Saint-Aubin (Pas-de-Calais)"))
        #expect(nord.contains("<h1>Saint-Aubin (Nord)</h1>"))
        let index = try await ShippedSite.read("communes/index.html")
        #expect(index.contains(">Saint-Aubin (Nord)</a>") && index.contains(">Saint-Aubin (Pas-de-Calais)</a>"))
    }

    @Test func bethuneShowsItsCodePopulationAndZone() async throws {
        let page = ShippedSite.mainText(try await ShippedSite.read("communes/bethune-62119/index.html"))
        #expect(page.contains("<dd>62119</dd>"))
        #expect(page.contains("25\u{202F}224 habitants") || page.contains("25 224 habitants") || page.contains("25\u{00A0}224 habitants"))
        #expect(page.contains("populations légales 2023"))
        #expect(page.contains("<dd>B1 "))
        #expect(page.contains("arrêté du 5 juillet 2024"))
        let json = try await ShippedSite.read("communes/bethune-62119/donnees.json")
        #expect(json.contains("\"code\": \"62119\"") || json.contains("\"code\":\"62119\""))
        #expect(json.contains("\"zone_abc\": \"B1\"") || json.contains("\"zone_abc\":\"B1\""))
        let card = try await ShippedSite.read("communes/bethune-62119/vignette/index.html")
        #expect(card.contains("Code INSEE 62119") && card.contains("<dd>B1</dd>") && (card.contains("25\u{202F}224 hab. (2023)") || card.contains("25\u{00A0}224 hab. (2023)")))
    }

    @Test func seedSpellingsFindTheirCommuneRows() async throws {
        for (spelling, slug) in [("Lambres", "lambres-lez-aire-62486"), ("Noeux-les-Mines", "noeux-les-mines-62617")] {
            let page = ShippedSite.mainText(try await ShippedSite.read("communes/\(slug)/index.html"))
            for table in ["cabbalr-production", "cabbalr-programme-lls"] {
                let rows = try ShippedSite.tableRows(table, commune: spelling)
                #expect(rows.count == 1, "\(table) prints one row for \(spelling)")
                for row in rows {
                    for (key, value) in row where !["niveau", "commune"].contains(key) && !value.isEmpty {
                        #expect(page.contains(">\(value)<") || page.contains(">\(value) <"), "\(slug) shows \(key) = \(value) of \(table)")
                    }
                }
            }
            #expect(page.contains(spelling), "the seed's spelling is shown")
        }
    }

    @Test func roubaixShowsThePDHAndNoLocalPlan() async throws {
        let page = ShippedSite.mainText(try await ShippedSite.read("communes/roubaix-59512/index.html"))
        #expect(page.contains("/plans/nord-pdh/"))
        #expect(page.contains("Aucun plan local de l'habitat en cours"))
        #expect(page.contains("ADIL du Nord"))
    }

    @Test func plansApplyByTheirPerimeter() async throws {
        let arras = ShippedSite.mainText(try await ShippedSite.read("communes/arras-62041/index.html"))
        #expect(arras.contains("/plans/cua-plh-2014-2020/"))
        #expect(arras.contains("plan achevé en 2020"))
        // Beaurains is in today's CUA, but the PLH 2014-2020 does not name it.
        let beaurains = ShippedSite.mainText(try await ShippedSite.read("communes/beaurains-62099/index.html"))
        #expect(!beaurains.contains("/plans/cua-plh-2014-2020/"))
        #expect(beaurains.contains("Aucun plan du portail ne s'applique"))
        let dunkerque = ShippedSite.mainText(try await ShippedSite.read("communes/dunkerque-59183/index.html"))
        #expect(dunkerque.contains("/plans/nord-pdh/"))
        #expect(!dunkerque.contains("/plans/cabbalr-plh-2019-2025/"))
    }

    @Test func everyURLPublishedBeforeStillAnswers() async throws {
        let root = try await ShippedSite.built.value
        let list = try String(contentsOfFile: TestSite.repo + "/Tests/Fixtures/urls-publiees-2026-11.txt", encoding: .utf8)
        let urls = list.split(separator: "\n").map(String.init)
        #expect(urls.count > 1600)
        #expect(urls.contains("/communes/bethune/"))
        for url in urls {
            let path = root + url + (url.hasSuffix("/") ? "index.html" : "")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                Issue.record("\(url) no longer answers")
                continue
            }
            // A redirect must lead to a page that exists.
            if let r = text.range(of: "content=\"0; url="), let end = text[r.upperBound...].firstIndex(of: "\"") {
                let target = String(text[r.upperBound..<end])
                #expect(FileManager.default.fileExists(atPath: root + target + "index.html"), "\(url) → \(target)")
            }
        }
        let old = try await ShippedSite.read("communes/bethune/index.html")
        #expect(old.contains("url=/communes/bethune-62119/"))
        let lambres = try await ShippedSite.read("communes/lambres/index.html")
        #expect(lambres.contains("url=/communes/lambres-lez-aire-62486/"))
    }

    @Test func renamedAndMergedCommunesRedirectToTheirSuccessor() async throws {
        let renamed = try await ShippedSite.read("communes/lambres-62486/index.html")
        #expect(renamed.contains("url=/communes/lambres-lez-aire-62486/"))
        let merged = try await ShippedSite.read("communes/tatinghem-62807/index.html")
        #expect(merged.contains("url=/communes/saint-martin-lez-tatinghem-62757/"))
    }

    @Test func communesIndexJSONListsEveryCommuneByCode() async throws {
        let text = try await ShippedSite.read("communes/index.json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let communes = try #require(doc["communes"] as? [[String: Any]])
        #expect(communes.count == 1534)
        let codes = communes.compactMap { $0["code"] as? String }
        #expect(codes == codes.sorted())
        let bethune = try #require(communes.first { $0["code"] as? String == "62119" })
        #expect(bethune["nom"] as? String == "Béthune")
        #expect(bethune["departement"] as? String == "62")
        #expect(bethune["nom_departement"] as? String == "Pas-de-Calais")
        #expect(bethune["epci"] as? String == "cabbalr")
        #expect(bethune["zone_abc"] as? String == "B1")
        #expect(bethune["population"] as? Int == 25224)
        #expect(bethune["url"] as? String == "/communes/bethune-62119/")
        #expect((bethune["plans"] as? [String])?.contains("cabbalr-plh-2019-2025") == true)
        #expect((bethune["aides"] as? [String])?.contains("ptz") == true)
        let roubaix = try #require(communes.first { $0["code"] as? String == "59512" })
        #expect(roubaix["plans"] as? [String] == ["nord-pdh"])
    }
}

/// Resolution against a small reference: homonyms, spellings, former names, perimeters.
@Suite struct CommuneReferenceResolution {
    static let files: [String: String] = [
        "site.yaml": "titre: \"Portail test\"\nurl: \"https://test.example\"\n",
        "territoires/region.yaml": "nom: \"Hauts-de-France\"\ntype: region\n",
        "territoires/nord.yaml": "nom: \"Nord\"\ntype: departement\nparent: region\ncode: \"59\"\n",
        "territoires/pdc.yaml": "nom: \"Pas-de-Calais\"\ntype: departement\nparent: region\ncode: \"62\"\n",
        "territoires/agglo.yaml": "nom: \"Agglo\"\nsiren: \"200000001\"\ntype: epci\nparent: pdc\n",
        "referentiel/communes.csv": """
            code_insee;nom;departement;nom_departement;region;nom_region;epci_siren;epci_nom;epci_nature;population_municipale;zone_abc
            59529;Saint-Aubin;59;Nord;32;Hauts-de-France;200000002;CC du Nord;CC;328;C
            62742;Saint-Aubin;62;Pas-de-Calais;32;Hauts-de-France;200000001;CA Agglo;CA;300;B2
            62486;Lambres-lez-Aire;62;Pas-de-Calais;32;Hauts-de-France;200000001;CA Agglo;CA;1070;C
            """,
        "referentiel/sources.yaml": """
            communes: "INSEE, Code officiel géographique au 1er janvier 2026"
            population: "population municipale, INSEE, populations légales 2023"
            population_annee: 2023
            zones: "zonage ABC, arrêté du 5 juillet 2024"
            """,
        "referentiel/mouvements.csv": """
            mod;date_effet;type_avant;code_avant;nom_avant;type_apres;code_apres;nom_apres
            10;2026-01-01;COM;62486;Lambres;COM;62486;Lambres-lez-Aire
            """,
        "plans/plh/plan.md": """
            ---
            titre: "PLH"
            type: plh
            territoire: agglo
            orientations:
              - numero: "1"
                titre: "Produire"
            source: {fichier: "t.txt", lignes: "1"}
            ---
            Texte.
            """,
        "tables/t.yaml": """
            titre: "T"
            plan: plh
            cle: commune
            colonnes:
              - {id: commune, libelle: "Commune", type: texte}
              - {id: n, libelle: "N", type: entier}
            source: {fichier: "t.txt", lignes: "1"}
            """,
        "tables/t.csv": "commune;n\nSaint-Aubin;4\nLambres;7\n",
    ]

    @Test func thePlanPerimeterSettlesAHomonymAndAFormerNameFindsItsCommune() async throws {
        let site = try TestSite(Self.files)
        let report = await site.build()
        #expect(report.succeeded, "\(site.messages(report))")
        let saintAubin = try #require(site.read("communes/saint-aubin-62742/index.html"))
        #expect(saintAubin.contains(">4<"))
        let other = try #require(site.read("communes/saint-aubin-59529/index.html"))
        #expect(!other.contains(">4<"))
        let lambres = try #require(site.read("communes/lambres-lez-aire-62486/index.html"))
        #expect(lambres.contains(">7<"))
        #expect(site.read("communes/cc-du-nord/index.html") == nil)
        #expect(site.read("territoires/cc-du-nord/index.html") != nil, "an EPCI without a file gets its territory page")
    }

    @Test func aNameOutsideEveryPerimeterIsAmbiguousWithItsCandidates() async throws {
        var files = Self.files
        files["tables/t.yaml"] = files["tables/t.yaml"]!.replacingOccurrences(of: "plan: plh\n", with: "")
        let site = try TestSite(files)
        let report = await site.build()
        #expect(!report.succeeded)
        #expect(site.messages(report).contains { $0.hasPrefix("Content/tables/t.csv:2:1: erreur : « Saint-Aubin » désigne plusieurs communes : Saint-Aubin (59529, Nord), Saint-Aubin (62742, Pas-de-Calais)") })
    }

    @Test func wellFormedCodes() {
        #expect(CommuneReference.isWellFormed("62119"))
        #expect(CommuneReference.isWellFormed("2A004"))
        #expect(!CommuneReference.isWellFormed("6211"))
        #expect(!CommuneReference.isWellFormed("2C004"))
        #expect(!CommuneReference.isWellFormed("62l19"))
        #expect(CommuneReference.departement(ofCode: "97411") == "974")
        #expect(CommuneReference.departement(ofCode: "62119") == "62")
    }
}
