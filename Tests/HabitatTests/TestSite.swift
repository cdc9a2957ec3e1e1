import Foundation
import HabitatCore
@testable import HabitatSite

/// A small site written into a temporary folder, built with the real default theme.
struct TestSite {
    let root: String
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "habitat-test-" + UUID().uuidString
        for (path, text) in files {
            let full = root + "/Content/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: ((root + "/Content/" + path) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: root + "/Content/" + path, atomically: true, encoding: .utf8)
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/Content/" + path))
    }

    func build(theme: String? = nil, write: Bool = true, output: String = "Site", incremental: Bool = true, inPlace: Bool = false,
               session: BuildSession? = nil, baseURL: String? = nil, drafts: Bool = false,
               date: CalendarDay = CalendarDay(year: 2026, month: 11, day: 23), settle: Int64? = nil) async -> BuildReport {
        var options = BuildOptions(contentDir: root + "/Content", themeDir: theme ?? TestSite.repo + "/Themes/default",
                                           outputDir: root + "/" + output, baseURL: baseURL, includeDrafts: drafts,
                                           buildDate: date, workers: 2, write: write, searchIndex: false, incremental: incremental)
        options.inPlace = inPlace
        if let settle { options.settle = settle }
        return await SiteBuilder.run(options, session: session)
    }

    func read(_ path: String, output: String = "Site") -> String? {
        try? String(contentsOfFile: root + "/" + output + "/" + path, encoding: .utf8)
    }

    /// Every file of the output tree with its bytes.
    func tree(_ output: String = "Site") -> [String: Data] {
        var out: [String: Data] = [:]
        let base = root + "/" + output
        for rel in FileSystem.listFiles(under: base) { out[rel] = FileManager.default.contents(atPath: base + "/" + rel) }
        return out
    }

    /// Errors printed as the CLI prints them, with paths relative to the site folder; the French
    /// no-break spaces are shown as plain spaces so expectations stay readable (FrenchTests and
    /// the CLI test check the real characters). The test sites' address, https://test.example, is
    /// a placeholder on purpose: its warning is left out here and tested in PlaceholderAddressTests.
    func messages(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.code != "site.placeholder-url" }.map {
            $0.description.replacingOccurrences(of: root + "/", with: "")
                .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        }
    }

    static let minimal: [String: String] = [
        "site.yaml": "titre: \"Portail test\"\nurl: \"https://test.example\"\n",
        "territoires/region.yaml": "nom: \"Région Test\"\ntype: region\n",
        "territoires/dep.yaml": "nom: \"Département Test\"\ntype: departement\nparent: region\ncode: \"99\"\n",
        "territoires/epci.yaml": """
            nom: "Agglo Test"
            sigle: "AT"
            type: epci
            parent: dep
            secteurs:
              - id: nord
                nom: "Secteur Nord"
            """,
        "communes/epci.csv": """
            commune;secteur;structuration;profil;source
            Fouquières-lès-Béthune;Secteur Nord;Pôle;;L1
            L’Haÿ-les-Roses;;;;L2
            Ville-Sûre;Secteur Nord;;;L3
            """,
        "tables/sru.yaml": """
            titre: "Communes SRU"
            cle: commune
            colonnes:
              - {id: commune, libelle: "Commune", type: texte}
              - {id: sru, libelle: "SRU", type: oui-non}
              - {id: logements, libelle: "Logements", type: entier, unite: "logements"}
            source: {fichier: "test.txt", lignes: "1-3"}
            """,
        "tables/sru.csv": "commune;sru;logements\nFouquières-lès-Béthune;oui;11 624\nL’Haÿ-les-Roses;;2,0\nVille-Sûre;oui;12\n",
        "plans/plh/plan.md": """
            ---
            titre: "PLH Test"
            type: plh
            territoire: epci
            periode: "2020-2025"
            orientations:
              - numero: "1"
                titre: "Produire"
            source: {fichier: "test.txt", lignes: "1-10"}
            ---
            Le plan de test.
            """,
        "plans/plh/actions/1.md": """
            ---
            numero: "1"
            titre: "Aider les communes SRU"
            orientation: "1"
            perimetre:
              type: critere
              critere: {table: sru, colonne: sru, valeur: "oui"}
            budget:
              - libelle: "Prime"
                montant: 5000
                unite: par-logement
                plafond: 40000
                plafond_unite: par-an
                texte: "5 000 € par logement"
            liens: ["2"]
            source: {fichier: "test.txt", lignes: "5"}
            ---
            Une action.
            """,
        "plans/plh/actions/2.md": """
            ---
            numero: "2"
            titre: "Toutes les communes"
            orientation: "1"
            perimetre: {type: tout}
            source: {fichier: "test.txt", lignes: "6"}
            ---
            Une autre action.
            """,
    ]
}
