import HabitatContent
import HabitatCore
import HabitatTemplate

/// One kind of page (a fiche, a commune, an aid…): what it reads and what it writes.
///
/// A job (`PageJob`, the Sendable key of the build manifest) names its kind with
/// `PageJob.kind(in:)`; the kind declares the sources its outputs are made from and renders
/// them with its typed view. One kind per file under `Pages/Kinds/`.
protocol PageKind {
    /// The sources the outputs are made from, whole or front matter only: when none of them
    /// (nor the theme, nor `site.yaml`) changed, the previous outputs are kept.
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector]
    /// Renders the outputs: pages through the theme, data files as they are.
    func render(into out: inout PageOutput)
}

extension PageJob {
    /// The kind of page this job renders.
    func kind(in index: SiteIndex) -> any PageKind {
        switch self {
        default: return LegacyKind(job: self)
        }
    }
}

/// TRANSITION: a job whose kind has not moved to its own type yet.
struct LegacyKind: PageKind {
    let job: PageJob
    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] { Dependencies.selectors(job, index) }
    func render(into out: inout PageOutput) { out.renderer.renderLegacy(job, into: &out) }
}

/// What rendering one job produced: its files, the template variables no view provided and
/// the templates the theme lacks.
struct PageOutput {
    let renderer: Renderer
    var files: [OutputFile] = []
    var missingVariables: [String] = []
    var missingTemplates: [String] = []

    init(renderer: Renderer) { self.renderer = renderer }

    /// A page through the theme: `template` with `view` over the values every page has.
    mutating func page(_ url: String, _ template: String, _ title: String, _ crumbs: [(String, String)], _ view: any TemplateObject,
                       kind: String = "page", file: String = "index.html", territory: String? = nil) {
        let common = renderer.common(title: title, url: url, crumbs: crumbs, kind: kind, territory: territory)
        let root = PageRoot(page: view, common: common)
        let library = renderer.theme.library
        let html = Renderer.spacingCells(library.render(MustacheRoot(root: root), withTemplate: template) ?? "")
        if library.getTemplate(named: template) == nil { missingTemplates.append(template) }
        missingVariables += root.missing
        files.append(OutputFile(path: String(url.dropFirst()) + file, bytes: Array(html.utf8)))
    }

    /// A file written as it is (data, feeds).
    mutating func raw(_ path: String, _ text: String) {
        files.append(OutputFile(path: path, bytes: Array(text.utf8)))
    }
}
