import Foundation
import HabitatContent
import HabitatCore
import HabitatTemplate

/// What the resolve stage hands on: the index (with its site map), the theme and the build's settings.
struct ResolvedSite {
    let index: SiteIndex
    let theme: Theme
    let buildDate: CalendarDay
    let baseURL: String
}

/// What the plan stage hands on: the jobs of the site map to render, and what is kept from the
/// previous build (a job whose sources, theme and options are unchanged keeps its output).
struct RenderPlan {
    var toRender: [(job: PageJob, key: String, fingerprint: UInt64)] = []
    var kept: [String] = []
    var manifest = BuildManifest()
    var previous: BuildManifest?
    /// The preview session's own manifest: the folder is trusted without checking each file.
    var remembered = false
}

/// The output of the render stage.
struct RenderedSite {
    /// The rendered files; when `staged`, already written there and (but for the pages the
    /// search index reads) without their bytes.
    var files: [OutputFile]
    var manifest: BuildManifest
    var staged: StagedOutput?
}

/// One build, stage by stage: each stage takes the previous one's output, adds its diagnostics
/// and its time, and `finish` makes the report.
struct BuildRun {
    let options: BuildOptions
    let session: BuildSession?
    let display: String
    var report = BuildReport()
    var diagnostics = Diagnostics()
    var clock = StageClock()
    /// The CLI's snapshot of the sources, taken before anything is read (nil in a preview
    /// session and for `check`).
    var snapshot: SourceSnapshot?
    /// Warnings the recorded report of an unchanged site had left out.
    var omittedWarnings = 0

    init(options: BuildOptions, session: BuildSession?) {
        self.options = options
        self.session = session
        display = options.contentDir.hasSuffix("/") ? options.contentDir : options.contentDir + "/"
    }

    /// Whether the build goes on to the write stage.
    var shouldWrite: Bool { options.write && !diagnostics.hasErrors }

    /// Stage 6: the report, diagnostics sorted.
    mutating func finish() -> BuildReport {
        report.take(diagnostics)
        report.omittedWarnings += omittedWarnings
        return report
    }

    mutating func lap(_ stage: String) { report.stageTimes.append((stage, clock.lap())) }

    /// Stages 1–2: discover and parse every file (unchanged ones keep the session's parse).
    mutating func parse() async -> [ParsedFile]? {
        guard FileSystem.isDirectory(options.contentDir) else {
            diagnostics.append(.error(SourceLocation(file: options.contentDir), "dossier de contenu introuvable", code: "site.missing-content"))
            return nil
        }
        let started = SourceSnapshot.now()
        var cache = await session?.parseCache ?? ParseCache()
        cache.trustedBefore = cache.trustedBefore == .min ? .min : cache.trustedBefore - options.settle
        let (parsed, statuses) = await ParseStage.run(contentDir: options.contentDir, displayPrefix: display,
                                                      workers: options.workers, cache: cache)
        await session?.remember(parsed, statuses: statuses, readAt: started)
        lap("analyse")
        options.progress?("analyse : \(parsed.count) fichiers lus")
        for f in parsed { diagnostics.append(contentsOf: f.diagnostics) }
        return parsed
    }

    /// Stage 3: the index, its site map and the theme; nil on any error so far.
    mutating func resolve(_ parsed: [ParsedFile]) -> ResolvedSite? {
        let buildDate = options.buildDate ?? SiteBuilder.defaultBuildDate(parsed)
        let (indexOrNil, resolveDiagnostics) = Resolver.resolve(parsed, buildDate: buildDate, includeDrafts: options.includeDrafts, contentDisplay: display)
        diagnostics.append(contentsOf: resolveDiagnostics)
        if let site = indexOrNil?.site, let d = SiteBuilder.placeholderAddress(site: site, override: options.baseURL, display: display) { diagnostics.append(d) }
        let (themeOrNil, themeDiagnostics) = Theme.load(dir: options.themeDir, displayDir: options.themeDir, cache: session?.themes)
        diagnostics.append(contentsOf: themeDiagnostics)
        lap("résolution")
        options.progress?("résolution : références vérifiées")
        guard let index = indexOrNil, let theme = themeOrNil, !diagnostics.hasErrors else { return nil }
        return ResolvedSite(index: index, theme: theme, buildDate: buildDate, baseURL: options.baseURL ?? index.site.url)
    }

    /// Stage 4a: the site map's jobs, less those whose fingerprint matches the previous build's.
    mutating func plan(_ site: ResolvedSite, _ parsed: [ParsedFile]) async -> RenderPlan {
        // Every page's footer links to /documents/ once a document is published.
        let optionsHash = StableHash.fnv1a(Array("\(site.baseURL)|\(site.buildDate)|\(options.includeDrafts)|\(SiteBuilder.engineIdentity)|\(site.index.documentOrder.isEmpty)".utf8),
                                           seed: site.theme.fingerprint)
        var dependencies = Dependencies(files: parsed, base: optionsHash)
        // In a preview session the manifest this session last wrote describes the folder: it is
        // neither read again nor checked file by file.
        let reusesOutput = options.write && options.incremental
        let remembered = reusesOutput ? await session?.manifest(for: options.outputDir) : nil
        var plan = RenderPlan(previous: remembered ?? (reusesOutput ? BuildManifest.load(from: options.outputDir) : nil), remembered: remembered != nil)
        await session?.forgetManifest()
        for job in site.index.siteMap.jobs {
            let key = job.key
            let fp = dependencies.fingerprint(job, key: key, site.index)
            if let p = plan.previous?.jobs[key], p.fingerprint == fp,
               plan.remembered || p.outputs.allSatisfy({ FileSystem.exists(options.outputDir + "/" + $0) }) {
                plan.manifest.jobs[key] = p
                plan.kept += p.outputs
            } else {
                plan.toRender.append((job, key, fp))
            }
        }
        lap("plan")
        options.progress?("rendu : \(plan.toRender.count) page(s) sur \(site.index.siteMap.entries.count) à produire")
        return plan
    }

    /// Stage 4b: renders the planned jobs in parallel; unknown variables and missing templates are errors.
    mutating func render(_ plan: RenderPlan, _ site: ResolvedSite) async -> RenderedSite {
        let renderer = Renderer(index: site.index, theme: site.theme, buildDate: site.buildDate, baseURL: site.baseURL)
        let staged = stagedOutput(plan)
        let results = await SiteBuilder.render(plan.toRender.map(\.job), with: renderer, workers: options.workers, staged: staged)
        var rendered = RenderedSite(files: [], manifest: plan.manifest, staged: staged)
        var missing = Set<TemplateUnknownName>(), missingTemplates = Set<String>()
        for (i, r) in results.enumerated() {
            rendered.files += r.files
            missing.formUnion(r.missingVariables)
            missingTemplates.formUnion(r.missingTemplates)
            rendered.manifest.jobs[plan.toRender[i].key] = (plan.toRender[i].fingerprint, r.files.map(\.path))
        }
        report.pagesRendered = plan.toRender.count
        report.renderTimes = RenderTime.byKind(plan.toRender.map(\.job), results)
        for name in missingTemplates.sorted() {
            diagnostics.append(.error(SourceLocation(file: options.themeDir + "/templates"), "gabarit « \(name).mustache » absent", code: "template.missing"))
        }
        // Each unknown name at the tag where it is used, as parsed (once, however many pages use it).
        let byPosition = missing.sorted { ($0.position.template, $0.position.line, $0.position.column, $0.name) < ($1.position.template, $1.position.line, $1.position.column, $1.name) }
        for unknown in byPosition {
            diagnostics.append(.error(site.theme.location(of: unknown.position), "variable « \(unknown.name) » inconnue dans un gabarit", code: "template.unknown-variable"))
        }
        lap("rendu")
        return rendered
    }

    /// Where the render workers write a full build's files as they go (`StagedOutput`): when the
    /// build writes a fresh folder (not the preview's in-place updates) and keeps no file of the
    /// previous one. nil otherwise, or when the folder cannot be made (the write stage reports it).
    func stagedOutput(_ plan: RenderPlan) -> StagedOutput? {
        guard options.write, !(options.inPlace && plan.previous != nil), plan.kept.isEmpty, !plan.toRender.isEmpty,
              let folder = try? SiteWriter.prepareStaging(for: options.outputDir) else { return nil }
        return StagedOutput(folder: folder, keepsPages: options.searchIndex)
    }
}
