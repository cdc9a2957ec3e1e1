import HabitatCore
import HabitatTemplate

/// What rendering one job produced: its files, the template variables no view provided and
/// the templates the theme lacks.
struct PageOutput {
    let renderer: Renderer
    var files: [OutputFile] = []
    var missingVariables: [TemplateUnknownName] = []
    var missingTemplates: [String] = []

    init(renderer: Renderer) { self.renderer = renderer }

    /// A page through the theme: `template` with `view` over the values every page has.
    mutating func page(_ url: String, _ template: String, _ title: String, _ crumbs: [(String, String)], _ view: any TemplateObject,
                       kind: String = "page", file: String = "index.html", territory: String? = nil) {
        let common = renderer.common(title: title, url: url, crumbs: crumbs, kind: kind, territory: territory)
        let root = PageRoot(page: view, common: common)
        var html: [UInt8] = []
        if let rendering = renderer.theme.library.render(template, root: .object(root)) {
            html = CellSpacing.apply(rendering.text)
            missingVariables += rendering.unknownNames
            missingTemplates += rendering.missingPartials
        } else {
            missingTemplates.append(template)
        }
        files.append(OutputFile(path: String(url.dropFirst()) + file, bytes: html))
    }

    /// A file written as it is (data, feeds).
    mutating func raw(_ path: String, _ text: String) {
        files.append(OutputFile(path: path, bytes: Array(text.utf8)))
    }

    /// A file whose bytes are already written (`JSONWriter`).
    mutating func raw(_ path: String, _ bytes: [UInt8]) {
        files.append(OutputFile(path: path, bytes: bytes))
    }
}
