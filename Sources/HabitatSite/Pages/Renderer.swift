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
        case .home: page("/", "accueil", index.site.titre, [], homeValues(), kind: "accueil")
        case .notFound: page("/", "404", "Page introuvable", [], [:], file: "404.html")
        case .search:
            let names = index.territoryOrder.compactMap { index.territories[$0]?.shortName } + ["France entière"]
            page("/recherche/", "recherche", "Rechercher", [("Rechercher", "/recherche/")], ["territoires_recherche": names, "csp_wasm": true])
        case .aids: page("/aides/", "aides", "Les aides au logement", [("Aides", "/aides/")], aidsValues())
        case .news:
            page("/actualites/", "actualites", "Actualités", [("Actualités", "/actualites/")], newsListValues())
            raw("actualites/atom.xml", atomFeed())
        case .dataIndex:
            page("/donnees/", "donnees", "Données ouvertes", [("Données", "/donnees/")], dataValues())
            for id in index.tableOrder {
                let t = index.tables[id]!
                raw("donnees/\(id).csv", tableCSV(t))
                raw("donnees/\(id).json", tableJSON(t))
            }
            for id in index.indicatorOrder {
                raw("donnees/indicateurs/\(id).csv", indicatorCSV(index.indicators[id]!))
                raw("donnees/indicateurs/\(id).json", indicatorJSON(index.indicators[id]!))
            }
            raw("donnees/communes.csv", communesCSV())
            raw("donnees/datapackage.json", dataPackage())
            raw("sitemap.xml", sitemap())
            raw("robots.txt", "User-agent: *\nAllow: /\nSitemap: \(baseURL)/sitemap.xml\n")
        case .discrepancies:
            page("/ecarts/", "ecarts", "Écarts relevés dans les documents sources", [("Écarts relevés", "/ecarts/")], discrepancyValues())
        case .indicators:
            page("/indicateurs/", "indicateurs", "Tableau de bord des indicateurs", [("Indicateurs", "/indicateurs/")], indicatorsValues(), kind: "indicateur")
        case .simulatorHub:
            page("/simulateur/", "simulateur", "Quelles aides pour moi ?", [("Quelles aides pour moi ?", "/simulateur/")], simulatorHubValues(), kind: "simulateur")
        case .plansIndex:
            page("/plans/", "plans", "Les plans", [("Plans", "/plans/")], ["plans": list(index.planOrder.compactMap { index.plans[$0] }.map(planSummary))])
        case .territory(let id):
            let t = index.territories[id]!
            page(t.url, "territoire", t.name, territoryCrumbs(id), territoryValues(t), kind: "territoire", territory: t.shortName)
        case .plan(let id):
            let p = index.plans[id]!
            page(p.url, "plan", p.data.titre, planCrumbs(p), planValues(p), kind: "plan", territory: index.territories[p.data.territoire.value]?.shortName)
        case .fiche(let planId, let i):
            let p = index.plans[planId]!
            let f = p.fiches[i]
            page(f.url, "fiche", "\(levelWord(p, \.action, "Action")) \(f.numero) — \(f.data.titre)", planCrumbs(p) + [("\(levelWord(p, \.action, "Action")) \(f.numero)", f.url)], ficheValues(f, plan: p), kind: "fiche", territory: index.territories[p.data.territoire.value]?.shortName)
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
        case .aid(let id):
            let a = index.aids[id]!
            page(a.url, "aide", a.data.titre, [("Aides", "/aides/"), (a.data.titre, a.url)], aidValues(a), kind: "aide", territory: a.data.territoire.value == "france" ? "France entière" : index.territories[a.data.territoire.value]?.shortName)
        case .indicator(let id):
            let ind = index.indicators[id]!
            page(ind.url, "indicateur", ind.data.titre, [("Indicateurs", "/indicateurs/"), (ind.data.titre, ind.url)], indicatorValues(ind), kind: "indicateur", territory: ind.data.plans.first.flatMap { index.plans[$0.plan.value] }.flatMap { index.territories[$0.data.territoire.value]?.shortName })
        case .page(let i):
            let p = index.pages[i]
            var values: [String: Any] = ["corps": p.body.html, "description": optText(p.data.description), "conformite": absent]
            if p.path == Self.accessibilityPage { values["conformite"] = conformanceValues() }
            page(p.url, "page", p.data.titre, [(p.data.titre, p.url)], values)
        case .newsItem(let i):
            let n = index.news[i]
            page(n.url, "actualite", n.data.titre, [("Actualités", "/actualites/"), (n.data.titre, n.url)], newsValues(n), kind: "actualite")
        case .documentsIndex:
            page("/documents/", "documents", "Documents sources", [("Documents sources", "/documents/")], documentsIndexValues())
        case .document(let id):
            let d = index.documents[id]!
            page(d.url, "document", d.data.titre, [("Documents sources", "/documents/"), (d.data.titre, d.url)], documentValues(d), kind: "document")
        case .alias(let from, let to):
            page(from, "alias", "Page déplacée", [], ["cible": to, "cible_absolue": baseURL + to], kind: "alias")
            // A commune's data file cannot redirect: its old address keeps serving the current data.
            if from.hasPrefix("/communes/"), !from.hasSuffix("/vignette/"), let code = to.split(separator: "-").last.map({ String($0.dropLast()) }),
               let c = index.communes[code], c.url == to {
                raw(String(from.dropFirst()) + "donnees.json", communeJSON(c))
            }
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
