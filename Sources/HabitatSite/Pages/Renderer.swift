import Foundation
import HabitatContent
import HabitatCore
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
    }

    public func render(_ job: PageJob) -> Result {
        var missing: [String] = []
        var missingTemplates: [String] = []
        var files: [OutputFile] = []
        func page(_ url: String, _ template: String, _ title: String, _ crumbs: [(String, String)], _ values: [String: Any], kind: String = "page", file: String = "index.html", territory: String? = nil) {
            var context = common(title: title, url: url, crumbs: crumbs, kind: kind)
            context["recherche_filtres"] = searchFilters(kind: kind, territory: territory)
            for (k, v) in values { context[k] = v }
            let root = RenderContext(withListFlags(context))
            let html = Self.spacingCells(theme.library.render(root, withTemplate: template) ?? "")
            if theme.library.getTemplate(named: template) == nil { missingTemplates.append(template) }
            missing += root.missing
            files.append(OutputFile(path: String(url.dropFirst()) + file, bytes: Array(html.utf8)))
        }
        func raw(_ path: String, _ text: String) { files.append(OutputFile(path: path, bytes: Array(text.utf8))) }

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
        return Result(files: files, missingVariables: missing, missingTemplates: missingTemplates)
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

    /// Values every page has: site, navigation, breadcrumb, assets, dates.
    func common(title: String, url: String, crumbs: [(String, String)], kind: String) -> [String: Any] {
        let menu: [[String: Any]] = (index.site.menu ?? defaultMenu).map { item in
            ["titre": item.titre, "url": item.url, "actif": url.hasPrefix(item.url) && item.url != "/"]
        }
        let breadcrumb: [[String: Any]] = crumbs.enumerated().map { (i, c) in
            ["titre": c.0, "url": c.1, "dernier": i == crumbs.count - 1]
        }
        return [
            "site": ["titre": index.site.titre, "sous_titre": optText(index.site.sous_titre), "editeur": optText(index.site.editeur),
                     "description": optText(index.site.description), "url": baseURL] as [String: Any],
            "titre": French.typography(title),
            "titre_brut": title,
            "url": url,
            "url_absolue": baseURL + url,
            "type_page": kind,
            "menu": menu,
            "fil": list(breadcrumb),
            "assets": assetValues,
            "date_maj": French.date(buildDate),
            "date_maj_iso": buildDate.description,
            "jour": TemplateDay(buildDate),
            // Only the search page runs WebAssembly (Pagefind); every page forbids inline script.
            "csp_wasm": false,
            "annee": String(buildDate.year),
            "documents_publies": !index.documentOrder.isEmpty,
        ]
    }

    /// Pagefind filters for a page: its type and its territory (`type:Commune`, `territoire:CABBALR`).
    func searchFilters(kind: String, territory: String?) -> Any {
        let types = ["fiche": "Fiche-action", "commune": "Commune", "aide": "Aide", "indicateur": "Indicateur", "actualite": "Actualité",
                     "plan": "Plan", "territoire": "Territoire", "page": "Page"]
        guard let type = types[kind] else { return absent }
        return ["type": "type:" + type, "territoire": opt(territory.map { "territoire:" + $0 })] as [String: Any]
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
