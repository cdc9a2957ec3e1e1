import ArgumentParser
import Foundation
import HabitatContent
import HabitatCore
import HabitatServe
import HabitatSite

@main
struct Habitat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "habitat",
        abstract: "Turns a housing policy (Content/) into a public portal (Site/).",
        discussion: """
        Examples:
          habitat build                         build Content/ with Themes/default into Site/
          habitat build --base-url https://habitat.example.fr
          habitat check                         check everything, write nothing
          habitat serve                         preview on http://127.0.0.1:8080/ with live reload
          habitat build --clock 2026-11-23      build as if today were 23 November 2026
          SOURCE_DATE_EPOCH=1795392000 habitat build
        """,
        subcommands: [Build.self, Check.self, Serve.self, Schema.self, New.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by build and check.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.") var content = "Content"
    @Option(help: "The theme folder.") var theme = "Themes/default"
    @Option(help: "Where the site is written.") var output = "Site"
    @Option(help: "The public address of the site (overrides 'url' in site.yaml).") var baseURL: String?
    @Flag(help: "Include drafts and news scheduled after the build date.") var drafts = false
    @Option(help: "The build date (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, then 'date' in site.yaml, then today.") var clock: String?
    @Option(help: "Parallel workers (default: the number of cores).") var jobs: Int?
    @Flag(help: "Print only diagnostics.") var quiet = false
    @Flag(help: "Skip the Pagefind search index.") var noSearch = false

    func buildOptions(write: Bool) throws -> BuildOptions {
        var date: CalendarDay?
        if let clock {
            guard let d = CalendarDay(iso: clock) else { throw ValidationError("--clock must be a date like 2026-11-23") }
            date = d
        }
        var options = BuildOptions(contentDir: content, themeDir: theme, outputDir: output, baseURL: baseURL, includeDrafts: drafts,
                                   buildDate: date, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, write: write, searchIndex: !noSearch)
        if !quiet {
            options.progress = { line in
                var err = StandardError()
                Swift.print("habitat: " + line, to: &err)
            }
        }
        return options
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into Site/ (the previous Site/ is kept if anything fails).")
    @OptionGroup var options: SiteOptions

    func run() async throws {
        let report = await SiteBuilder.run(try options.buildOptions(write: true))
        Report.print(report, quiet: options.quiet, verb: "écrit")
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check content, references and templates without writing anything.")
    @OptionGroup var options: SiteOptions
    @Option(help: "Output format: text or json.") var format = "text"

    func run() async throws {
        let report = await SiteBuilder.run(try options.buildOptions(write: false))
        if format == "json" {
            print(Report.json(report))
        } else {
            Report.print(report, quiet: options.quiet, verb: "vérifié")
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve Site/ on 127.0.0.1 and rebuild what a change touches; open pages reload by themselves.",
        discussion: "A build error does not stop the server: the pages show it over the content until it is fixed.")
    @OptionGroup var options: SiteOptions
    @Option(help: "Port (0 picks a free one).") var port = 8080
    @Option(help: "Address to listen on; only the loopback unless you say otherwise.") var bind = "127.0.0.1"
    @Option(help: "Where the preview is written (not Site/, so drafts never reach what you publish).") var previewOutput = ".habitat/apercu"

    func run() async throws {
        var build = try options.buildOptions(write: true)
        if options.output == "Site" { build.outputDir = previewOutput }
        try FileManager.default.createDirectory(atPath: FileSystem.dirname(build.outputDir).isEmpty ? "." : FileSystem.dirname(build.outputDir), withIntermediateDirectories: true)
        let server = PreviewServer(options: build, host: bind, port: port)
        try await server.run { line in
            var err = StandardError()
            Swift.print(line, to: &err)
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the reference of every content file and key (Markdown), generated from the code.")
    @Argument(help: "Only this kind: site, territoire, plan, fiche, table, aide, regles, bareme, indicateur, page, actualite.") var kind: String?

    func run() throws {
        if let kind, !ContentKind.all.contains(where: { $0.name == kind }) {
            throw ValidationError("unknown kind '\(kind)'; one of: \(ContentKind.all.map(\.name).joined(separator: ", "))")
        }
        print(SchemaReference.markdown(only: kind), terminator: "")
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a content file with every field of its schema, commented in French, ready to fill.",
        discussion: """
        Examples:
          habitat new fiche --plan cabbalr-plh-2019-2025 --numero 14 --titre "Nouvelle action"
          habitat new aide --id ma-prime --territoire cabbalr --titre "Ma prime"
          habitat new indicateur --id logements-livres --plan cabbalr-plh-2019-2025 --titre "Logements livrés"
          habitat new actualite --titre "Réunion publique" --date 2026-12-01
          habitat new page --id mentions --titre "Mentions légales"
        """)
    @Argument(help: "fiche, aide, indicateur, actualite or page.") var kind: String
    @Option(help: "The content folder.") var content = "Content"
    @Option(help: "Title.") var titre = "À compléter"
    @Option(help: "Plan id (fiche, indicateur).") var plan: String?
    @Option(help: "Fiche number (fiche).") var numero: String?
    @Option(help: "Id / slug of the new file (aide, indicateur, page, actualite).") var id: String?
    @Option(help: "Territory id (aide).") var territoire: String?
    @Option(help: "Date YYYY-MM-DD (actualite).") var date: String?

    func run() throws {
        let q = { (s: String) in "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var slug = Slug.make(id ?? titre)
        let day = date ?? CalendarDay(unixSeconds: Int64(Date().timeIntervalSince1970)).description
        if kind == "actualite", id == nil { slug = day + "-" + slug }
        var values: [String: String] = ["titre": q(titre)]
        let path: String
        var body = "Écrivez ici le texte, en français clair, pour les habitants.\n"
        switch kind {
        case "fiche":
            guard let plan, let numero else { throw ValidationError("a fiche needs --plan and --numero") }
            values["numero"] = q(numero)
            values["source.fichier"] = q("À compléter")
            let planFile = "\(content)/plans/\(plan)/plan.md"
            guard let text = try? String(contentsOfFile: planFile, encoding: .utf8) else { throw ValidationError("no plan at \(planFile)") }
            if let line = text.split(separator: "\n").first(where: { $0.contains("- numero:") }) {
                values["orientation"] = String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
            }
            path = "\(content)/plans/\(plan)/actions/\(Slug.make(numero)).md"
        case "aide":
            values["resume"] = q("À compléter : qui reçoit quoi.")
            values["publics"] = "tous"
            values["territoire"] = territoire ?? "france"
            values["financeur"] = q("À compléter")
            values["montant"] = q("Non chiffré dans le document")
            values["conditions"] = ""
            values["demarches"] = ""
            path = "\(content)/aides/\(slug).md"
        case "indicateur":
            guard let plan else { throw ValidationError("an indicator needs --plan") }
            let json = """
            {
              "titre": \(q(titre)),
              "description": "À compléter",
              "unite": "logements",
              "plans": [{"plan": \(q(plan)), "fiches": []}],
              "source": {"fichier": "À compléter", "lignes": ""},
              "frequence": "annuelle",
              "niveau": "epci",
              "affichage": "barres",
              "valeurs": []
            }

            """
            return try write(json, to: "\(content)/indicateurs/\(slug).json", note: "Les clés sont décrites par « habitat schema indicateur ». « valeurs » vide : l'indicateur apparaît « à renseigner ».")
        case "actualite":
            guard CalendarDay(iso: day) != nil else { throw ValidationError("--date must be a date like 2026-12-01") }
            values["date"] = day
            values["brouillon"] = "true"
            path = "\(content)/actualites/\(slug).md"
            body = "Écrivez ici l'actualité. Elle reste un brouillon tant que « brouillon: true ».\n"
        case "page":
            path = "\(content)/pages/\(slug).md"
        default:
            throw ValidationError("unknown kind '\(kind)': fiche, aide, indicateur, actualite or page")
        }
        let kindName = kind == "actualite" ? "actualite" : kind
        guard let yaml = SchemaReference.scaffold(kind: kindName, values: values) else { throw ValidationError("no schema for \(kind)") }
        try write("---\n" + yaml + "---\n" + body, to: path, note: "Remplissez les champs ; ôtez le # devant une clé facultative pour l'utiliser.")
    }

    func write(_ text: String, to path: String, note: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path) already exists") }
        try FileManager.default.createDirectory(atPath: FileSystem.dirname(path), withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        print("\(path) créé. \(note)")
    }
}

/// Prints diagnostics and the summary on stderr.
enum Report {
    static func print(_ report: BuildReport, quiet: Bool, verb: String) {
        var err = StandardError()
        for d in report.diagnostics { Swift.print(d.description, to: &err) }
        for line in omitted(report) { Swift.print(line, to: &err) }
        guard !quiet else { return }
        let errors = report.errorCount
        let warnings = report.warningCount
        let times = report.stageTimes.map { "\($0.0) \(String(format: "%.0f", $0.1 * 1000)) ms" }.joined(separator: ", ")
        if report.succeeded && verb == "vérifié" {
            Swift.print("habitat: tout est correct (\(report.pagesRendered) pages vérifiées, rien n'a été écrit); \(warnings) avertissement(s) (\(times))", to: &err)
        } else if report.succeeded {
            Swift.print("habitat: \(report.pagesRendered) pages rendues, \(report.filesWritten) fichiers \(verb)s; \(warnings) avertissement(s) (\(times))", to: &err)
        } else {
            Swift.print("habitat: \(errors) erreur(s), \(warnings) avertissement(s); Site/ n'a pas été modifié", to: &err)
        }
    }

    /// "… et 53 autres avertissements": what the list left out, by severity, errors first.
    static func omitted(_ report: BuildReport) -> [String] {
        var lines: [String] = []
        if report.omittedErrors > 0 {
            lines.append(report.omittedErrors == 1 ? "… et 1 autre erreur" : "… et \(report.omittedErrors) autres erreurs")
        }
        if report.omittedWarnings > 0 {
            lines.append(report.omittedWarnings == 1 ? "… et 1 autre avertissement" : "… et \(report.omittedWarnings) autres avertissements")
        }
        return lines
    }

    static func json(_ report: BuildReport) -> String {
        let items = report.diagnostics.map { d in
            "{\"file\":\(q(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),\"severity\":\"\(d.severity.rawValue)\",\"code\":\(q(d.code)),\"message\":\(q(d.message))}"
        }
        let counts = "\"errors\":\(report.errorCount),\"warnings\":\(report.warningCount),"
            + "\"omitted\":{\"errors\":\(report.omittedErrors),\"warnings\":\(report.omittedWarnings)},"
        return "{\"ok\":\(report.succeeded)," + counts + "\"diagnostics\":[" + items.joined(separator: ",") + "]}"
    }

    static func q(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { FileHandle.standardError.write(Data(string.utf8)) }
}
