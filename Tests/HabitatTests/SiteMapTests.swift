import Foundation
import HabitatCore
import Testing
@testable import HabitatSite

/// Issue 15: `sitemap.xml` lists every published page — no more, no less.
@Suite struct SiteMapTests {
    /// The addresses `sitemap.xml` lists, without the site's address.
    static func listed(_ root: String) throws -> Set<String> {
        let xml = try String(contentsOfFile: root + "/sitemap.xml", encoding: .utf8)
        var urls = Set<String>()
        for part in xml.components(separatedBy: "<loc>").dropFirst() {
            let loc = String(part.prefix { $0 != "<" })
            guard let scheme = loc.range(of: "://"), let slash = loc[scheme.upperBound...].firstIndex(of: "/") else { continue }
            urls.insert(String(loc[slash...]))
        }
        return urls
    }

    /// The published HTML pages of a built site: every `index.html` that is neither a redirect
    /// (an old address) nor a commune's embed card; `404.html` is not a page of its own.
    static func publishedPages(_ root: String) -> Set<String> {
        var urls = Set<String>()
        for rel in FileSystem.listFiles(under: root) where rel == "index.html" || rel.hasSuffix("/index.html") {
            guard let html = try? String(contentsOfFile: root + "/" + rel, encoding: .utf8) else { continue }
            if html.contains("<meta http-equiv=\"refresh\"") || html.contains("<body class=\"vignette\">") { continue }
            urls.insert("/" + String(rel.dropLast("index.html".count)))
        }
        return urls
    }

    @Test func goldenSitemapListsEveryPublishedPage() throws {
        let root = GoldenTests.golden
        let listed = try Self.listed(root)
        let published = Self.publishedPages(root)
        #expect(published.count > 10)
        #expect(listed.sorted() == published.sorted())
        #expect(listed.contains("/plans/") && listed.contains("/simulateur/"))
    }

    @Test func shippedSitemapListsEveryPublishedPage() async throws {
        let root = try await ShippedSite.built.value
        let listed = try Self.listed(root)
        let published = Self.publishedPages(root)
        #expect(Set(listed.subtracting(published)).sorted() == [])
        #expect(Set(published.subtracting(listed)).sorted() == [])
        for url in ["/plans/", "/simulateur/", "/communes/", "/documents/"] { #expect(listed.contains(url), "\(url)") }
    }

    /// The site map is the only list of outputs: every file a build writes (but theme assets,
    /// media and the manifest) is an output of one of its entries.
    @Test func everyWrittenFileIsAnOutputOfTheMap() async throws {
        let site = try TestSite(TestSite.minimal)
        let report = await site.build()
        #expect(report.succeeded)
        let files = Set(FileSystem.listFiles(under: site.root + "/Site"))
        let parsed = await ParseStage.run(contentDir: site.root + "/Content", displayPrefix: "Content/", workers: 1, cache: [:])
        let (index, _) = Resolver.resolve(parsed, buildDate: CalendarDay(year: 2026, month: 11, day: 23), includeDrafts: false, contentDisplay: "Content/")
        let map = try #require(index).siteMap
        let outputs = Set(map.entries.flatMap(\.outputs))
        let generated = files.filter { !$0.hasPrefix("assets/") && !$0.hasPrefix("medias/") && $0 != BuildManifest.fileName }
        #expect(generated.subtracting(outputs).sorted() == [])
        #expect(outputs.subtracting(files).sorted() == [])
    }
}
