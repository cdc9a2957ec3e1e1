import ArgumentParser
import Foundation
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
        subcommands: [Build.self, Check.self, Serve.self],
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
        return BuildOptions(contentDir: content, themeDir: theme, outputDir: output, baseURL: baseURL, includeDrafts: drafts,
                            buildDate: date, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, write: write, searchIndex: !noSearch)
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

    func run() async throws {
        let server = PreviewServer(options: try options.buildOptions(write: true), host: bind, port: port)
        try await server.run { line in
            var err = StandardError()
            Swift.print(line, to: &err)
        }
    }
}

/// Prints diagnostics and the summary on stderr.
enum Report {
    static func print(_ report: BuildReport, quiet: Bool, verb: String) {
        var err = StandardError()
        for d in report.diagnostics { Swift.print(d.description, to: &err) }
        guard !quiet else { return }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        let times = report.stageTimes.map { "\($0.0) \(String(format: "%.0f", $0.1 * 1000)) ms" }.joined(separator: ", ")
        if report.succeeded {
            Swift.print("habitat: \(report.pagesRendered) pages rendues, \(report.filesWritten) fichiers \(verb)s; \(warnings) avertissement(s) (\(times))", to: &err)
        } else {
            Swift.print("habitat: \(errors) erreur(s), \(warnings) avertissement(s); Site/ n'a pas été modifié", to: &err)
        }
    }

    static func json(_ report: BuildReport) -> String {
        let items = report.diagnostics.map { d in
            "{\"file\":\(q(d.location.file)),\"line\":\(d.location.line),\"column\":\(d.location.column),\"severity\":\"\(d.severity.rawValue)\",\"code\":\(q(d.code)),\"message\":\(q(d.message))}"
        }
        return "{\"ok\":\(report.succeeded),\"diagnostics\":[" + items.joined(separator: ",") + "]}"
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
