import Foundation
import HabitatContent
import HabitatCore
import HabitatTemplate

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
        public var missingVariables: [TemplateUnknownName]
        public var missingTemplates: [String] = []
        /// CPU time the rendering took on its thread.
        public var seconds: Double = 0
    }

    public func render(_ job: PageJob) -> Result {
        var out = PageOutput(renderer: self)
        job.kind(in: index).render(into: &out)
        return Result(files: out.files, missingVariables: out.missingVariables, missingTemplates: out.missingTemplates)
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
