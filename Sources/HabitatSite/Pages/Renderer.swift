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
    /// The values that are the same on every page (site, menu, assets, date).
    let siteCommon: SiteCommon

    public init(index: SiteIndex, theme: Theme, buildDate: CalendarDay, baseURL: String) {
        self.index = index
        self.theme = theme
        self.buildDate = buildDate
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var assets: [String: String] = [:]
        for (name, u) in theme.assetURLs { assets[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "/", with: "_")] = u }
        let site = index.site
        siteCommon = SiteCommon(
            site: .init(titre: site.titre, sousTitre: site.sous_titre, editeur: site.editeur, description: site.description, url: self.baseURL),
            menu: site.menu ?? Self.defaultMenu, assets: .init(urls: assets), jour: buildDate, documentsPublies: !index.documentOrder.isEmpty)
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

    /// Values every page has: the site-wide ones, and the page's title, address, breadcrumb and search filters.
    func common(title: String, url: String, crumbs: [(String, String)], kind: String, territory: String?) -> CommonView {
        CommonView(
            shared: siteCommon,
            titre: French.typography(title), titreBrut: title, url: url, urlAbsolue: baseURL + url, typePage: kind,
            fil: crumbs.enumerated().map { .init(titre: $0.element.0, url: $0.element.1, dernier: $0.offset == crumbs.count - 1) },
            rechercheFiltres: searchFilters(kind: kind, territory: territory))
    }

    /// Pagefind's type filter of each kind of page that has one.
    private static let searchTypes = ["fiche": "Fiche-action", "commune": "Commune", "aide": "Aide", "indicateur": "Indicateur", "actualite": "Actualité",
                                      "plan": "Plan", "territoire": "Territoire", "page": "Page"]

    /// Pagefind filters for a page: its type and its territory (`type:Commune`, `territoire:CABBALR`).
    func searchFilters(kind: String, territory: String?) -> CommonView.SearchFilters? {
        guard let type = Self.searchTypes[kind] else { return nil }
        return .init(type: "type:" + type, territoire: territory.map { "territoire:" + $0 })
    }

    static var defaultMenu: [SiteFile.MenuItem] {
        [.init(titre: "Ma commune", url: "/#trouver-ma-commune"), .init(titre: "Aides", url: "/aides/"), .init(titre: "Quelles aides pour moi ?", url: "/simulateur/"),
         .init(titre: "Plans", url: "/plans/"), .init(titre: "Indicateurs", url: "/indicateurs/"),
         .init(titre: "Actualités", url: "/actualites/"), .init(titre: "Rechercher", url: "/recherche/")]
    }

    func levelWord(_ plan: Plan, _ key: KeyPath<PlanFile.Levels, String?>, _ fallback: String) -> String {
        plan.data.niveaux?[keyPath: key] ?? fallback
    }
}
