import Foundation
import HabitatContent
import HabitatCore
import HabitatTemplate
import Mustache

/// Stage 4: renders one page job with the theme. A pure function of (job, index, theme).
public struct Renderer: Sendable {
    public let index: SiteIndex
    public let theme: Theme
    public let buildDate: CalendarDay
    public let baseURL: String
    /// `{{assets.style_css}}` → hashed URL, the same for every page.
    let assetValues: [String: String]

    public init(index: SiteIndex, theme: Theme, buildDate: CalendarDay, baseURL: String) {
        self.index = index
        self.theme = theme
        self.buildDate = buildDate
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var assets: [String: String] = [:]
        for (name, u) in theme.assetURLs { assets[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "/", with: "_")] = u }
        self.assetValues = assets
    }

    /// The result of rendering one job: files, the variables no context provided and the
    /// templates the theme lacks.
    public struct Result: Sendable {
        public var files: [OutputFile]
        public var missingVariables: [String]
        public var missingTemplates: [String] = []
        /// CPU time the rendering took on its thread.
        public var seconds: Double = 0
    }

    public func render(_ job: PageJob) -> Result {
        var out = PageOutput(renderer: self)
        job.kind(in: index).render(into: &out)
        return Result(files: out.files, missingVariables: out.missingVariables, missingTemplates: out.missingTemplates)
    }

    /// TRANSITION: the page kinds not yet moved to their own type (`LegacyKind`).
    func renderLegacy(_ job: PageJob, into out: inout PageOutput) {
        func page(_ url: String, _ template: String, _ title: String, _ crumbs: [(String, String)], _ values: [String: Any], kind: String = "page", file: String = "index.html", territory: String? = nil) {
            out.page(url, template, title, crumbs, LegacyView(values), kind: kind, file: file, territory: territory)
        }
        func raw(_ path: String, _ text: String) { out.raw(path, text) }

        switch job {
        case .territory(let id):
            let t = index.territories[id]!
            page(t.url, "territoire", t.name, territoryCrumbs(id), territoryValues(t), kind: "territoire", territory: t.shortName)
        case .commune(let code):
            let c = index.communes[code]!
            page(c.url, "commune", c.displayName, communeCrumbs(c), communeValues(c), kind: "commune", territory: index.territories[c.epciId]?.shortName)
            raw("communes/\(c.slug)/donnees.json", communeJSON(c))
        case .card(let code):
            let c = index.communes[code]!
            page(c.url + "vignette/", "vignette", c.displayName, [], communeCardValues(c), kind: "vignette")
        case .communesIndex:
            page("/communes/", "communes", "Toutes les communes", [("Communes", "/communes/")], communesIndexValues())
            raw("communes/index.json", communesIndexJSON())
        default: preconditionFailure("\(job.key) renders with its own page kind")
        }
    }

    /// A space between adjacent table cells and definition terms, so that text extracted from the
    /// page (search excerpts, reader modes) reads "Unité actes", not "Unitéactes". Layout ignores it.
    static func spacingCells(_ html: String) -> String {
        guard html.contains("</t") || html.contains("</d") else { return html }
        var out = html
        for closing in ["</td>", "</th>", "</dd>", "</dt>"] where out.contains(closing) {
            for opening in ["<td", "<th", "<dd", "<dt"] {
                out = out.replacingOccurrences(of: closing + opening, with: closing + " " + opening)
            }
        }
        return out
    }

    /// Values every page has: site, navigation, breadcrumb, assets, dates, search filters.
    func common(title: String, url: String, crumbs: [(String, String)], kind: String, territory: String?) -> CommonView {
        let site = index.site
        return CommonView(
            site: .init(titre: site.titre, sousTitre: site.sous_titre, editeur: site.editeur, description: site.description, url: baseURL),
            titre: French.typography(title), titreBrut: title, url: url, urlAbsolue: baseURL + url, typePage: kind,
            menu: (site.menu ?? defaultMenu).map { .init(titre: $0.titre, url: $0.url, actif: url.hasPrefix($0.url) && $0.url != "/") },
            fil: crumbs.enumerated().map { .init(titre: $0.element.0, url: $0.element.1, dernier: $0.offset == crumbs.count - 1) },
            assets: .init(urls: assetValues), jour: buildDate, documentsPublies: !index.documentOrder.isEmpty,
            rechercheFiltres: searchFilters(kind: kind, territory: territory))
    }

    /// Pagefind filters for a page: its type and its territory (`type:Commune`, `territoire:CABBALR`).
    func searchFilters(kind: String, territory: String?) -> CommonView.SearchFilters? {
        let types = ["fiche": "Fiche-action", "commune": "Commune", "aide": "Aide", "indicateur": "Indicateur", "actualite": "Actualité",
                     "plan": "Plan", "territoire": "Territoire", "page": "Page"]
        guard let type = types[kind] else { return nil }
        return .init(type: "type:" + type, territoire: territory.map { "territoire:" + $0 })
    }

    var defaultMenu: [SiteFile.MenuItem] {
        [.init(titre: "Ma commune", url: "/#trouver-ma-commune"), .init(titre: "Aides", url: "/aides/"), .init(titre: "Quelles aides pour moi ?", url: "/simulateur/"),
         .init(titre: "Plans", url: "/plans/"), .init(titre: "Indicateurs", url: "/indicateurs/"),
         .init(titre: "Actualités", url: "/actualites/"), .init(titre: "Rechercher", url: "/recherche/")]
    }

    func levelWord(_ plan: Plan, _ key: KeyPath<PlanFile.Levels, String?>, _ fallback: String) -> String {
        plan.data.niveaux?[keyPath: key] ?? fallback
    }
}
