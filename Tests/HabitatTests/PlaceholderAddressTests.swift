import Foundation
import HabitatContent
import HabitatCore
import Testing
@testable import HabitatSite

/// `check` and `build` warn when the site's address is a placeholder, and every embed snippet
/// uses the address the site is built for.
@Suite struct PlaceholderAddressTests {
    @Test(arguments: ["https://habitat.example.fr", "https://example.com/", "http://localhost:8080", "http://127.0.0.1/",
                      "https://test.example", "https://portail.test", "http://[::1]:8080/", "https://user@www.example.org/x"])
    func placeholders(_ address: String) {
        #expect(SiteFile.placeholderReason(address) != nil, "\(address)")
    }

    @Test(arguments: ["https://habitat.hautsdefrance.fr", "https://www.bethune.fr/habitat/", "https://exemples.fr", "https://127.org",
                      "https://notexample.com"])
    func publicAddresses(_ address: String) {
        #expect(SiteFile.placeholderReason(address) == nil, "\(address)")
    }

    @Test func warnsWithThePositionOfUrlInSiteYaml() async throws {
        var files = TestSite.minimal
        files["site.yaml"] = "titre: \"Portail test\"\nurl:   \"https://habitat.example.fr\"\n"
        let site = try TestSite(files)
        let report = await site.build(write: false)
        #expect(report.succeeded)
        let warnings = report.diagnostics.filter { $0.code == "site.placeholder-url" }
        #expect(warnings.count == 1)
        let w = try #require(warnings.first)
        #expect(w.severity == .warning)
        #expect(w.location.file.hasSuffix("Content/site.yaml"))
        #expect((w.location.line, w.location.column) == (2, 9))  // the first character of the address
        #expect(w.message.hasPrefix("l'adresse du site « https://habitat.example.fr » n'est pas une adresse publique"))
    }

    @Test func aPublicBaseURLSilencesItAndAPlaceholderOneIsReported() async throws {
        let site = try TestSite(TestSite.minimal)
        let good = await site.build(write: false, baseURL: "https://habitat.hautsdefrance.fr")
        #expect(!good.diagnostics.contains { $0.code == "site.placeholder-url" })
        let local = await site.build(write: false, baseURL: "http://localhost:8080")
        let w = try #require(local.diagnostics.first { $0.code == "site.placeholder-url" })
        #expect(w.location.file == "--base-url")
    }

    @Test func embedSnippetsUseTheConfiguredAddress() async throws {
        let site = try TestSite(TestSite.minimal)
        let report = await site.build(baseURL: "https://habitat.hautsdefrance.fr")
        #expect(report.succeeded)
        var snippets = 0
        for rel in FileSystem.listFiles(under: site.root + "/Site") where rel.hasSuffix(".html") {
            let html = site.read(rel) ?? ""
            var rest = Substring(html)
            while let r = rest.range(of: "iframe src=&quot;") {
                snippets += 1
                #expect(rest[r.upperBound...].hasPrefix("https://habitat.hautsdefrance.fr/"), "\(rel)")
                rest = rest[r.upperBound...]
            }
        }
        #expect(snippets > 0, "no embed snippet found")
    }
}
