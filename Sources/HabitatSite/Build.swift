import Foundation
import HabitatContent
import HabitatCore

/// Options of one build, as the CLI gathers them.
public struct BuildOptions: Sendable {
    public var contentDir: String
    public var themeDir: String
    public var outputDir: String
    public var baseURL: String?
    public var includeDrafts: Bool
    public var buildDate: CalendarDay?
    public var workers: Int
    /// `check` stops before writing.
    public var write: Bool
    /// Build the Pagefind search index (off in unit tests, which build many small sites).
    public var searchIndex: Bool
    /// Reuse the previous build's output for pages whose sources did not change.
    public var incremental: Bool
    /// Write changed files straight into the output folder, each by an atomic rename, instead of
    /// swapping a whole new folder in (the preview server: fast, and never published).
    public var inPlace = false
    /// Files modified less than this many nanoseconds before a build are not trusted to the
    /// "nothing to do" check (`SourceSnapshot`); tests set it to avoid depending on time.
    var settle = SourceSnapshot.defaultSettle
    /// Called as each stage ends (the CLI prints it on stderr unless --quiet).
    public var progress: (@Sendable (String) -> Void)?

    public init(contentDir: String = "Content", themeDir: String = "Themes/default", outputDir: String = "Site",
                baseURL: String? = nil, includeDrafts: Bool = false, buildDate: CalendarDay? = nil,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount, write: Bool = true, searchIndex: Bool = true, incremental: Bool = true) {
        self.contentDir = contentDir
        self.themeDir = themeDir
        self.outputDir = outputDir
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.buildDate = buildDate
        self.workers = workers
        self.write = write
        self.searchIndex = searchIndex
        self.incremental = incremental
    }
}

/// What a build reports: diagnostics, counts and time per stage.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pagesWritten = 0
    /// Page jobs rendered this time (all of them on a full build, the dependents of a change otherwise).
    public var pagesRendered = 0
    /// Nothing changed since the previous build (`SourceSnapshot`): nothing was read, rendered or written.
    public var upToDate = false
    public var filesWritten = 0
    public var stageTimes: [(String, Double)] = []
    /// Per kind of page rendered: how many and the CPU time they took, slowest kind first.
    public var renderTimes: [RenderTime] = []
    /// Errors and warnings left out of `diagnostics` because there were too many to list.
    public var omittedErrors = 0
    public var omittedWarnings = 0
    /// Every error of the build, listed or omitted.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } + omittedErrors }
    /// Every warning of the build, listed or omitted.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } + omittedWarnings }
    /// True only when the build had no error at all, listed or omitted.
    public var succeeded: Bool { errorCount == 0 }

    /// Takes the build's diagnostics: the kept ones, sorted, and the counts of the others.
    mutating func take(_ all: Diagnostics) {
        diagnostics = all.sorted
        omittedErrors = all.droppedErrors
        omittedWarnings = all.droppedWarnings
    }
}

/// The whole pipeline: discover, parse, resolve, render, write, report.
public enum SiteBuilder {
    /// A warning when the address the site is built for is a placeholder: absolute links, the
    /// sitemap and the communes' embed snippets would point nowhere.
    static func placeholderAddress(site: SiteFile, override: String?, display: String) -> Diagnostic? {
        let address = override ?? site.url
        guard let reason = SiteFile.placeholderReason(address) else { return nil }
        let at = override != nil ? SourceLocation(file: "--base-url")
            : SourceLocation(file: display + "site.yaml", line: site.urlLine, column: site.urlColumn)
        return .warning(at, "l'adresse du site « \(address) » n'est pas une adresse publique (\(reason)) : les liens absolus, le plan du site "
                        + "et le code d'intégration des communes y mèneraient ; écrivez la vraie adresse dans « url » de site.yaml "
                        + "ou donnez-la avec --base-url", code: "site.placeholder-url")
    }

    public static func run(_ options: BuildOptions) async -> BuildReport {
        await run(options, session: nil)
    }

    /// A build that reuses the parses of unchanged files from the previous build of the session.
    /// Parse → Resolve → Plan (the site map, less what is unchanged) → Render → Write → Report.
    public static func run(_ options: BuildOptions, session: BuildSession?) async -> BuildReport {
        var build = BuildRun(options: options, session: session)
        if build.upToDate() { return build.finish() }
        guard let parsed = await build.parse(),
              let resolved = build.resolve(parsed) else { return build.finish() }
        let plan = await build.plan(resolved, parsed)
        let rendered = await build.render(plan, resolved)
        guard build.shouldWrite else {
            rendered.staged?.discard()
            return build.finish()
        }
        await build.write(rendered, plan, resolved, parsed)
        return build.finish()
    }

    /// Identifies the running Habitat binary (size and modification time), so that a new version
    /// of the engine re-renders every page instead of trusting the previous manifest.
    static let engineIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec)-\(st.st_mtim.tv_nsec)"
    }()

    /// Renders `jobs` on `workers` threads; with `staged`, each job's files are written there
    /// as soon as rendered (the time per kind of page counts the rendering only).
    static func render(_ jobs: [PageJob], with renderer: Renderer, workers: Int, staged: StagedOutput? = nil) async -> [Renderer.Result] {
        let n = max(1, workers)
        var results = [Renderer.Result?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: [(Int, Renderer.Result)].self) { group in
            for w in 0..<n {
                group.addTask {
                    var out: [(Int, Renderer.Result)] = []
                    var i = w
                    while i < jobs.count {
                        let start = ThreadClock.seconds()
                        var result = renderer.render(jobs[i])
                        result.seconds = ThreadClock.seconds() - start
                        staged?.put(&result.files)
                        out.append((i, result))
                        i += n
                    }
                    return out
                }
            }
            for await chunk in group { for (i, r) in chunk { results[i] = r } }
        }
        return results.compactMap { $0 }
    }

    /// The build date: `SOURCE_DATE_EPOCH`, else `date` in site.yaml, else today (UTC).
    static func defaultBuildDate(_ parsed: [ParsedFile]) -> CalendarDay {
        if let s = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let secs = Int64(s) { return CalendarDay(unixSeconds: secs) }
        for f in parsed { if case .site(let site)? = f.item, let d = site.date { return d } }
        return CalendarDay(unixSeconds: Int64(Date().timeIntervalSince1970))
    }
}

extension BuildRun {
    /// Stage 5: writes what changed — into a fresh folder swapped in at the end (with the search
    /// index), or file by file for the preview — and records the manifest. A full build's pages
    /// are already in the fresh folder, written by the render workers (`StagedOutput`).
    mutating func write(_ rendered: RenderedSite, _ plan: RenderPlan, _ site: ResolvedSite, _ parsed: [ParsedFile]) async {
        defer { lap("écriture") }
        let theme = site.theme, index = site.index, files = rendered.files
        var manifest = rendered.manifest
        recordSnapshot(in: &manifest, parsed)
        // Staging folders of killed builds are removed even when nothing needs writing.
        let outputParent = FileSystem.dirname(options.outputDir)
        SiteWriter.removeAbandonedStaging(in: outputParent.isEmpty ? "." : outputParent, base: FileSystem.basename(options.outputDir))
        // Theme assets and media form one more job: they change with the theme or a media file.
        var assetsFP = theme.fingerprint
        for f in parsed { if case .asset? = f.item { assetsFP = StableHash.fnv1a(Array(f.relativePath.utf8), seed: assetsFP ^ f.contentHash) } }
        let mediaOutputs = index.assets.map { "medias/" + String($0.dropFirst("medias/".count)) }
        manifest.jobs["assets"] = (assetsFP, theme.assetFiles.map { String($0.url.dropFirst()) } + mediaOutputs)
        let media = index.assets.map { (String($0.dropFirst("medias/".count)), options.contentDir + "/" + $0) }
        let assetsChanged = plan.previous?.jobs["assets"]?.fingerprint != assetsFP
        if let previous = plan.previous, plan.toRender.isEmpty, !assetsChanged, Set(previous.jobs.keys) == Set(manifest.jobs.keys) {
            // Nothing changed: the site on disk is already this build's output (only the snapshot may be new).
            if previous.snapshot != manifest.snapshot || previous.warnings != manifest.warnings {
                do { try SiteWriter.replace(manifest.serialized(), at: options.outputDir + "/" + BuildManifest.fileName) } catch {
                    diagnostics.append(.error(SourceLocation(file: options.outputDir), "\(error)", code: "write.failed"))
                }
            }
            await session?.remember(manifest, for: options.outputDir)
            return
        }
        do {
            if options.inPlace, let previous = plan.previous {
                report.filesWritten = try SiteWriter.writeInPlace(files, previous: previous, manifest: manifest, assets: assetsChanged ? theme.assetFiles : [],
                                                                  media: assetsChanged ? media : [], to: options.outputDir)
            } else {
                var searchDiagnostic: Diagnostic?
                let htmlChanged = files.contains { $0.path.hasSuffix(".html") } || plan.previous == nil
                let searchIndex = options.searchIndex
                try rendered.staged?.check()
                report.filesWritten = try SiteWriter.write(files, keeping: plan.kept + (htmlChanged && searchIndex ? [] : [SiteWriter.searchFolder]),
                                                           manifest: manifest, assets: theme.assetFiles, media: media,
                                                           to: options.outputDir, staged: rendered.staged != nil) { staging in
                    guard searchIndex, htmlChanged else { return }
                    searchDiagnostic = SearchIndex.build(siteDir: staging, pages: files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, $0.bytes) },
                                                         keptPages: plan.kept.filter { $0.hasSuffix(".html") })
                    if let d = searchDiagnostic, d.severity == .error { throw SiteError.io(d.message) }
                }
                if let d = searchDiagnostic { diagnostics.append(d) }
            }
            report.pagesWritten = files.filter { $0.path.hasSuffix(".html") }.count
            await session?.remember(manifest, for: options.outputDir)
        } catch {
            diagnostics.append(.error(SourceLocation(file: options.outputDir), "\(error)", code: "write.failed"))
        }
    }
}

/// State kept between the builds of one `serve` session: the last parse of every file.
public actor BuildSession {
    /// The last parse of every file, with the status each had when read; `trustedBefore` holds
    /// the time that read began (the settle margin is taken off by the build).
    private(set) var parseCache = ParseCache()
    /// The templates of the session's previous build.
    nonisolated let themes = ThemeCache()
    /// The manifest of the last successful write, and the folder it describes.
    private var written: (folder: String, manifest: BuildManifest)?
    public init() {}

    func manifest(for folder: String) -> BuildManifest? { written?.folder == folder ? written?.manifest : nil }
    func remember(_ manifest: BuildManifest, for folder: String) { written = (folder, manifest) }
    func forgetManifest() { written = nil }
    func remember(_ files: [ParsedFile], statuses: [String: FileStatus], readAt: Int64) {
        parseCache = ParseCache(files: Dictionary(files.map { ($0.relativePath, $0) }, uniquingKeysWith: { a, _ in a }),
                                statuses: statuses, trustedBefore: readAt)
    }
}

/// Measures the time of each stage.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
