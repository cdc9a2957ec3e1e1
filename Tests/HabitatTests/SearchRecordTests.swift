import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// Issue 20: the text Habitat hands Pagefind as a custom record is the text Pagefind's own
/// parser would have indexed from the page.
@Suite struct SearchRecordTests {
    func record(_ body: String, head: String = "<title>Titre — Site</title>") -> SearchRecord? {
        SearchRecord.extract(Array("<!DOCTYPE html><html lang=\"fr\"><head>\(head)</head><body><nav>Menu</nav>\(body)<footer>Pied</footer></body></html>".utf8))
    }

    @Test func pagesWithoutBodyAreNotIndexed() {
        #expect(record("<main><h1>Rien</h1></main>") == nil)
    }

    @Test func blocksAreSentencesAndHeadingsWeighted() throws {
        let r = try #require(record("<main data-pagefind-body><h1>Lens</h1><p>Une <em>aide</em></p><p>Deux ?</p>un<br>deux</main>"))
        #expect(r.content == "___PAGEFIND_AUTO_WEIGHT___7 Lens. ___END_PAGEFIND_WEIGHT___ Une aide. Deux ? un deux")
        #expect(r.title == "Lens")
    }

    @Test func entitiesAreDecodedOnceAndTagsInTextIgnored() throws {
        let r = try #require(record("<main data-pagefind-body><p>l&#39;Artois &amp;amp; &lt;b&gt; &eacute;t&#xE9; &unknown; a < b</p></main>"))
        #expect(r.content == "l'Artois &amp; <b> été &unknown; a < b.")
    }

    @Test func scriptStyleFormsAndIgnoredElementsAreSkipped() throws {
        let html = """
        <main data-pagefind-body><script>var s = "</p><h1>faux</h1>";</script><style>p{}</style>
        <form><label>Nom</label><input value="x"></form><svg><text>graphe</text></svg>
        <div data-pagefind-ignore>caché</div><div data-pagefind-ignore="all"><span data-pagefind-filter="type:X"></span>tout</div>
        <!-- <p>commentaire</p> --><p>Reste</p></main>
        """
        let r = try #require(record(html))
        #expect(r.content == "Reste.")
        #expect(r.filters.isEmpty)
        #expect(r.title == "Titre — Site")
    }

    @Test func filtersAndMetaAreRead() throws {
        let html = "<main data-pagefind-body><span data-pagefind-filter=\"type:Commune\"></span><span data-pagefind-filter='territoire:CC de l&#39;Artois'></span><b data-pagefind-filter=\"auteur\">Ana  B.</b><h2 data-pagefind-meta=\"title\">Autre</h2></main>"
        let r = try #require(record(html))
        #expect(r.filters == ["type": ["Commune"], "territoire": ["CC de l'Artois"], "auteur": ["Ana B."]])
        #expect(r.title == "Autre")
    }

    @Test func hostileMarkupDoesNotTrapTheScanner() {
        for html in ["<main data-pagefind-body", "<main data-pagefind-body><p", "<main data-pagefind-body>&#xFFFFFFFF; &#0;<a href='x", "<main data-pagefind-body=></p></div><p>x</main>",
                     "<MAIN DATA-PAGEFIND-BODY><P>Majuscules</P></MAIN>", "<main data-pagefind-body><script>sans fin"] {
            _ = record(html)
        }
        #expect(record("<MAIN data-pagefind-body><P>Majuscules</P></MAIN>")?.content == "Majuscules.")
    }

    @Test func wholeBodyWhenNoPageMarksOne() throws {
        let r = try #require(SearchRecord.extract(Array("<html><head><title>T</title></head><body><nav>x</nav><h1>Titre</h1><p>Texte</p></body></html>".utf8), wholeBody: true))
        #expect(r.content == "___PAGEFIND_AUTO_WEIGHT___7 Titre. ___END_PAGEFIND_WEIGHT___ Texte.")
    }
}

/// Pagefind's work alone for the three modes, on a site already built (issue 20):
/// `HABITAT_SEARCH_BENCH_SITE=DIR [HABITAT_SEARCH_BENCH_RUNS=3] swift test --filter SearchIndexBench`.
/// Rounds alternate the order of the modes after one warm-up; each line gives the wall time,
/// the CPU time of the Pagefind child (user + system) and of this process.
/// A benchmark, not a test: reported as skipped unless asked for.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HABITAT_SEARCH_BENCH_SITE"] != nil, "benchmark: set HABITAT_SEARCH_BENCH_SITE"))
struct SearchIndexBench {
    @Test func modes() throws {
        let env = ProcessInfo.processInfo.environment
        let site = try #require(env["HABITAT_SEARCH_BENCH_SITE"])
        let runs = Int(env["HABITAT_SEARCH_BENCH_RUNS"] ?? "") ?? 3
        var pages: [(path: String, bytes: [UInt8])] = []
        let files = FileManager.default.enumerator(atPath: site)!
        while let rel = files.nextObject() as? String {
            guard rel.hasSuffix(".html"), !rel.hasPrefix("pagefind/") else { continue }
            pages.append((rel, [UInt8](FileManager.default.contents(atPath: site + "/" + rel)!)))
        }
        if env["HABITAT_SEARCH_BENCH_EXTRACT"] == "1" {
            let wholeBody = !pages.contains { $0.bytes.firstRange(of: Array("data-pagefind-body".utf8)) != nil }
            for round in 1...3 {
                let own = SearchTiming.cpu(children: false)
                let bytes = pages.reduce(0) { $0 + (SearchRecord.extract($1.bytes, wholeBody: wholeBody)?.content.utf8.count ?? 0) }
                print(String(format: "bench %@ extract round %d: cpu %.2f s, %d bytes of text from %d pages", site, round, SearchTiming.cpu(children: false) - own, bytes, pages.count))
            }
            return
        }
        let modes: [SearchIndex.Mode] = [.cli, .service, .records]
        var results: [SearchIndex.Mode: [(wall: Double, pagefind: Double, own: Double)]] = [:]
        for round in 0...runs {
            for mode in round % 2 == 0 ? modes : modes.reversed() {
                FileSystem.removeTree(site + "/pagefind")
                let start = DispatchTime.now().uptimeNanoseconds
                let child = SearchTiming.cpu(children: true), own = SearchTiming.cpu(children: false)
                let d = SearchIndex.build(siteDir: site, pages: mode == .cli ? [] : pages, keptPages: [], mode: mode)
                #expect(d == nil || d?.severity != .error)
                let r = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, SearchTiming.cpu(children: true) - child, SearchTiming.cpu(children: false) - own)
                print(String(format: "bench %@ round %d %@: wall %.2f s, pagefind cpu %.2f s, habitat cpu %.2f s", site, round, mode.rawValue, r.0, r.1, r.2))
                if round > 0 { results[mode, default: []].append(r) }
            }
        }
        for mode in modes {
            let rs = results[mode] ?? []
            func stat(_ v: [Double]) -> String {
                let s = v.sorted()
                return String(format: "median %.2f (%.2f–%.2f)", s[s.count / 2], s.first!, s.last!)
            }
            print("bench \(site) \(mode.rawValue) (\(pages.count) pages): wall \(stat(rs.map(\.wall))), pagefind cpu \(stat(rs.map(\.pagefind))), habitat cpu \(stat(rs.map(\.own)))")
        }
    }
}
