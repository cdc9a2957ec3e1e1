import ArgumentParser
import CHabitatSys
import Foundation
import HabitatContent
import HabitatCore
import HabitatServe
import HabitatSite

@main
struct Habitat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "habitat",
        abstract: "Transforme une politique de l'habitat (Content/) en portail public (Site/).",
        discussion: """
        Exemples :
          habitat build                         publie Content/ avec Themes/default dans Site/
          habitat build --base-url https://habitat.exemple.fr
          habitat check                         vérifie tout, n'écrit rien
          habitat serve                         aperçu sur http://127.0.0.1:8080/, rechargé à chaque modification
          habitat build --clock 2026-11-23      publie comme si l'on était le 23 novembre 2026
          SOURCE_DATE_EPOCH=1795392000 habitat build
        """,
        subcommands: [Build.self, Check.self, Serve.self, Schema.self, New.self],
        defaultSubcommand: Build.self
    )
}

/// Process-wide settings, made by the command line and never by the library: the allocator keeps
/// freed memory for the next page instead of returning it to the system after each one.
enum ProcessTuning {
    static func apply() { habitat_tune_allocator() }
}

/// Options shared by build and check.
struct SiteOptions: ParsableArguments {
    @Option(help: "Le dossier du contenu.") var content = "Content"
    @Option(help: "Le dossier du thème.") var theme = "Themes/default"
    @Option(help: "Où le site est écrit.") var output = "Site"
    @Option(help: "L'adresse publique du site (remplace « url » de site.yaml).") var baseURL: String?
    @Flag(help: "Inclure les brouillons et les actualités programmées après la date de publication.") var drafts = false
    @Option(help: "La date de publication (AAAA-MM-JJ) ; par défaut : SOURCE_DATE_EPOCH, puis « date » de site.yaml, puis aujourd'hui.") var clock: String?
    @Option(help: "Nombre de tâches en parallèle (par défaut : le nombre de cœurs).") var jobs: Int?
    @Flag(help: "N'afficher que les erreurs et avertissements.") var quiet = false
    @Flag(help: "Ne pas construire l'index de recherche Pagefind.") var noSearch = false
    @Flag(help: "Afficher le temps de rendu par type de page (temps processeur).") var durees = false

    func buildOptions(write: Bool) throws -> BuildOptions {
        var date: CalendarDay?
        if let clock {
            guard let d = CalendarDay(iso: clock) else { throw ValidationError("--clock doit être une date comme 2026-11-23") }
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
    static let configuration = CommandConfiguration(abstract: "Publie le site dans Site/ (le Site/ précédent est gardé si quelque chose échoue).")
    @OptionGroup var options: SiteOptions

    func run() async throws {
        ProcessTuning.apply()
        let report = await SiteBuilder.run(try options.buildOptions(write: true))
        Report.print(report, quiet: options.quiet, verb: "écrit")
        if options.durees { Report.printRenderTimes(report) }
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Vérifie le contenu, les références et les gabarits sans rien écrire.")
    @OptionGroup var options: SiteOptions
    @Option(help: "Format de sortie : text ou json.") var format = "text"

    func run() async throws {
        ProcessTuning.apply()
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
        abstract: "Aperçu : publie dans .habitat/apercu, le sert sur 127.0.0.1 et refait ce qu'une modification touche ; les pages ouvertes se rechargent seules.",
        discussion: "Une erreur n'arrête pas l'aperçu : les pages l'affichent par-dessus le contenu jusqu'à ce qu'elle soit corrigée. Rien n'est écrit dans Site/.")
    @OptionGroup var options: SiteOptions
    @Option(help: "Port (0 en choisit un libre).") var port = 8080
    @Option(help: "Adresse d'écoute ; seulement la machine locale, sauf indication contraire.") var bind = "127.0.0.1"
    @Option(help: "Où l'aperçu est écrit (pas Site/ : les brouillons n'atteignent jamais ce que vous publiez).") var previewOutput = ".habitat/apercu"

    func run() async throws {
        var build = try options.buildOptions(write: true)
        if options.output == "Site" { build.outputDir = previewOutput }
        try FileManager.default.createDirectory(atPath: FileSystem.dirname(build.outputDir).isEmpty ? "." : FileSystem.dirname(build.outputDir), withIntermediateDirectories: true)
        ProcessTuning.apply()
        // Hummingbird logs each start at "info"; staff only need our own lines.
        if ProcessInfo.processInfo.environment["LOG_LEVEL"] == nil { setenv("LOG_LEVEL", "warning", 1) }
        let server = PreviewServer(options: build, host: bind, port: port)
        try await server.run { line in
            var err = StandardError()
            Swift.print(line, to: &err)
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Affiche la référence de chaque fichier de contenu et de chaque clé (Markdown), produite à partir du code.")
    @Argument(help: "Seulement cette sorte : site, territoire, plan, fiche, table, aide, regles, bareme, indicateur, page, actualite.") var kind: String?

    func run() throws {
        if let kind, !ContentKind.all.contains(where: { $0.name == kind }) {
            throw ValidationError("sorte inconnue « \(kind) » ; sortes possibles : \(ContentKind.all.map(\.name).joined(separator: ", "))")
        }
        print(SchemaReference.markdown(only: kind), terminator: "")
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Crée un fichier de contenu avec tous les champs de son schéma, commentés en français, prêt à remplir.",
        discussion: """
        Exemples :
          habitat new fiche --plan cabbalr-plh-2019-2025 --numero 14 --titre "Nouvelle action"
          habitat new aide --id ma-prime --territoire cabbalr --titre "Ma prime"
          habitat new indicateur --id logements-livres --plan cabbalr-plh-2019-2025 --titre "Logements livrés"
          habitat new actualite --titre "Réunion publique" --date 2026-12-01
          habitat new page --id mentions --titre "Mentions légales"
        """)
    @Argument(help: "fiche, aide, indicateur, actualite ou page.") var kind: String
    @Option(help: "Le dossier du contenu.") var content = "Content"
    @Option(help: "Titre.") var titre = "À compléter"
    @Option(help: "Identifiant du plan (fiche, indicateur).") var plan: String?
    @Option(help: "Numéro de la fiche (fiche).") var numero: String?
    @Option(help: "Identifiant du nouveau fichier (aide, indicateur, page, actualite).") var id: String?
    @Option(help: "Identifiant du territoire (aide).") var territoire: String?
    @Option(help: "Date AAAA-MM-JJ (actualite).") var date: String?

    func run() throws {
        let q = { (s: String) in "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var slug = Slug.make(id ?? titre)
        let day = date ?? CalendarDay(unixSeconds: Int64(Date().timeIntervalSince1970)).description
        if kind == "actualite", id == nil { slug = day + "-" + slug }
        // Every scaffold is a draft: it is not published until its author removes « brouillon: true ».
        var values: [String: String] = ["titre": q(titre), "brouillon": "true"]
        let path: String
        var body = "Écrivez ici le texte, en français clair, pour les habitants.\n"
        switch kind {
        case "fiche":
            guard let plan, let numero else { throw ValidationError("une fiche demande --plan et --numero") }
            values["numero"] = q(numero)
            values["source.fichier"] = q("À compléter")
            let planFile = "\(content)/plans/\(plan)/plan.md"
            guard let text = try? String(contentsOfFile: planFile, encoding: .utf8) else { throw ValidationError("aucun plan en \(planFile)") }
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
            guard let plan else { throw ValidationError("un indicateur demande --plan") }
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
              "valeurs": [],
              "brouillon": true
            }

            """
            return try write(json, to: "\(content)/indicateurs/\(slug).json", note: "Les clés sont décrites par « habitat schema indicateur ». C'est un brouillon : il sera publié quand vous aurez ôté « \"brouillon\": true ».")
        case "actualite":
            guard CalendarDay(iso: day) != nil else { throw ValidationError("--date doit être une date comme 2026-12-01") }
            values["date"] = day
            path = "\(content)/actualites/\(slug).md"
            body = "Écrivez ici l'actualité. Elle reste un brouillon tant que « brouillon: true ».\n"
        case "page":
            path = "\(content)/pages/\(slug).md"
        default:
            throw ValidationError("sorte inconnue « \(kind) » : fiche, aide, indicateur, actualite ou page")
        }
        let kindName = kind == "actualite" ? "actualite" : kind
        guard let yaml = SchemaReference.scaffold(kind: kindName, values: values) else { throw ValidationError("aucun schéma pour \(kind)") }
        try write("---\n" + yaml + "---\n" + body, to: path, note: "Remplissez les champs ; ôtez le # devant une clé facultative pour l'utiliser. C'est un brouillon : il sera publié quand vous aurez ôté « brouillon: true ».")
    }

    func write(_ text: String, to path: String, note: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path) existe déjà") }
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
            Swift.print("habitat: tout est correct (\(report.pagesRendered) pages vérifiées, rien n'a été écrit) ; \(warnings) avertissement(s) (\(times))", to: &err)
        } else if report.succeeded {
            Swift.print("habitat: \(report.pagesRendered) pages rendues, \(report.filesWritten) fichiers \(verb)s ; \(warnings) avertissement(s) (\(times))", to: &err)
        } else {
            Swift.print("habitat: \(errors) erreur(s), \(warnings) avertissement(s) ; Site/ n'a pas été modifié", to: &err)
        }
    }

    /// `--durees`: the render time per kind of page, slowest first, on stderr.
    static func printRenderTimes(_ report: BuildReport) {
        var err = StandardError()
        let total = report.renderTimes.reduce(0) { $0 + $1.seconds }
        Swift.print("habitat: rendu par type de page (temps processeur, total \(String(format: "%.3f", total)) s) :", to: &err)
        for t in report.renderTimes {
            let perPage = t.pages > 0 ? t.seconds / Double(t.pages) * 1000 : 0
            Swift.print("  \(t.kind)\t\(t.pages) pages\t\(String(format: "%.3f", t.seconds)) s\t\(String(format: "%.3f", perPage)) ms/page", to: &err)
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
