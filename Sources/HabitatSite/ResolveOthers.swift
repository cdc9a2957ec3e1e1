import HabitatContent
import HabitatCore
import HabitatMarkdown

extension Resolver {
    mutating func resolveAids(_ aids: [(String, AidFile, MarkdownDocument, String)]) {
        for (id, aid, body, path) in aids {
            let t = aid.territoire
            var scope: [String]?
            // An aid of a plan applies within the plan's perimeter (the communes its document covers).
            let planPerimeter = aid.plan.flatMap { index.plans[$0.value]?.perimeter }
            if t.value != "france", index.territories[t.value] == nil, isBroken("territoires/\(t.value).yaml") {
                scope = nil
            } else if t.value != "france", index.territories[t.value] == nil {
                error(path, t.line, t.column, "territoire inconnu « \(t.value) »" + String.didYouMean(t.value, among: index.territoryOrder + ["france"]), code: "ref.unknown-territory")
            } else if let p = aid.perimetre {
                scope = evaluate(p, territory: t.value, file: path, perimeter: planPerimeter)
            } else if t.value != "france" {
                scope = planPerimeter ?? index.communes(under: t.value).sorted()
            }
            if let p = aid.plan {
                if let plan = index.plans[p.value] {
                    let numeros = plan.fiches.map(\.numero)
                    for f in aid.fiches ?? [] where !numeros.contains(f.value) {
                        error(path, f.line, f.column, "aucune fiche « \(f.value) » dans \(p.value)" + String.didYouMean(f.value, among: numeros), code: "ref.unknown-fiche")
                    }
                } else if !isBroken("plans/\(p.value)/plan.md") {
                    error(path, p.line, p.column, "plan inconnu « \(p.value) »" + String.didYouMean(p.value, among: index.planOrder), code: "ref.unknown-plan")
                }
            }
            index.aids[id] = Aid(id: id, data: aid, body: body, path: path, scopeCommunes: scope)
        }
        index.aidOrder = index.aids.keys.sorted()
        // Fiches name the aids they fund.
        for planId in index.planOrder {
            for fiche in index.plans[planId]!.fiches {
                for a in fiche.data.aides ?? [] where index.aids[a.value] == nil && !isBroken("aides/\(a.value).md") {
                    error(fiche.path, a.line, a.column, "aide inconnue « \(a.value) »" + String.didYouMean(a.value, among: index.aidOrder), code: "ref.unknown-aid")
                }
            }
        }
    }

    mutating func resolveIndicators(_ items: [(String, IndicatorFile, String)]) {
        for (id, ind, path) in items {
            for link in ind.plans {
                guard let plan = index.plans[link.plan.value] else {
                    if isBroken("plans/\(link.plan.value)/plan.md") { continue }
                    error(path, link.plan.line, link.plan.column, "plans[].plan : plan inconnu « \(link.plan.value) »" + String.didYouMean(link.plan.value, among: index.planOrder), code: "ref.unknown-plan")
                    continue
                }
                let numeros = plan.fiches.map(\.numero)
                for f in link.fiches where !numeros.contains(f.value) && !isBroken("plans/\(plan.id)/actions/\(Slug.make(f.value)).md") {
                    error(path, f.line, f.column, "plans[].fiches : aucune fiche « \(f.value) » dans \(plan.id)" + String.didYouMean(f.value, among: numeros), code: "ref.unknown-fiche")
                }
            }
            var seenValues: [String: Int] = [:]
            for (i, v) in ind.valeurs.enumerated() {
                let t = v.territoire.value
                let key = t + "|" + v.periode.value
                if let first = seenValues[key] {
                    error(path, v.periode.line, v.periode.column, "valeurs[\(i)] : une deuxième valeur pour \(t), \(v.periode.value) (la première est valeurs[\(first)] ; valeurs compte à partir de 0)", code: "indicator.duplicate-value")
                }
                seenValues[key] = seenValues[key] ?? i
                if index.territories[t] == nil && index.communes[t] == nil && !isBroken("territoires/\(t).yaml") && !isBroken("communes/") {
                    let sectorMatch = index.sectors.keys.contains { $0.hasSuffix("/" + t) }
                    if !sectorMatch {
                        error(path, v.territoire.line, v.territoire.column, "valeurs[\(i)].territoire : " + unknownTerritoryMessage(t), code: "ref.unknown-territory")
                    }
                }
                if !Self.isPeriod(v.periode.value) {
                    error(path, v.periode.line, v.periode.column, "valeurs[\(i)].periode : attendu « 2019 » ou « 2019-2021 », trouvé « \(v.periode.value) »", code: "indicator.bad-period")
                }
                if v.valeur == nil && v.cible == nil && v.masque != true && (v.statut ?? "").isEmpty {
                    error(path, v.territoire.line, v.territoire.column, "valeurs[\(i)] : il faut « valeur », « cible », « statut » ou « masque: true »", code: "indicator.empty-value")
                }
            }
            index.indicators[id] = Indicator(id: id, data: ind, path: path)
        }
        index.indicatorOrder = index.indicators.keys.sorted()
    }

    static func isPeriod(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        let years = parts.compactMap { p -> Int? in p.count == 4 ? Int(p) : nil }
        guard years.count == parts.count else { return false }
        return years.count == 1 || years[0] <= years[1]
    }

    mutating func resolvePages(_ pages: [(String, PageFile, MarkdownDocument, String)], _ news: [(String, NewsFile, MarkdownDocument, String)]) {
        for (path, page, body, file) in pages {
            index.pages.append(FreePage(path: path, data: page, body: body, file: file))
        }
        for (slug, item, body, file) in news {
            if item.brouillon == true && !includeDrafts { continue }
            if let p = item.publication, p > buildDate, !includeDrafts { continue }
            if let e = item.expiration, e <= buildDate { continue }
            index.news.append(NewsItem(slug: slug, data: item, body: body, file: file))
        }
        index.news.sort { ($0.data.publication ?? $0.data.date, $0.slug) > ($1.data.publication ?? $1.data.date, $1.slug) }
    }

    /// Two sources claiming one URL, and aliases that are not clean paths.
    mutating func checkURLs() {
        var owners: [String: String] = [:]
        func claim(_ url: String, _ file: String, _ line: Int = 1, _ column: Int = 1) {
            if let other = owners[url], other != file {
                error(file, line, column, "deux pages à la même adresse \(url) (l'autre : \(other))", code: "url.duplicate")
            } else {
                owners[url] = file
            }
        }
        for page in index.pages { claim(page.url, page.file) }
        for id in index.planOrder {
            let plan = index.plans[id]!
            claim(plan.url, plan.path)
            // Two fiches with one number are already reported (ref.duplicate-id).
            for f in plan.fiches where owners[f.url] == nil { claim(f.url, f.path) }
        }
        for id in index.aidOrder { claim(index.aids[id]!.url, index.aids[id]!.path) }
        for n in index.news { claim(n.url, n.file) }
        for alias in index.siteMap.frontMatterAliases {
            guard let url = alias.url else {
                error(alias.file, alias.written.line, alias.written.column, "l'alias « \(alias.written.value) » doit être un chemin du site comme /ancienne-adresse/ (minuscules, chiffres, « - », sans « .. »)", code: "url.bad-alias")
                continue
            }
            claim(url, alias.file, alias.written.line, alias.written.column)
        }
    }

    /// `/a/b` → `/a/b/`; nil for anything unsafe or outside the site.
    static func normalizedAlias(_ alias: String) -> String? {
        guard alias.hasPrefix("/") else { return nil }
        let parts = alias.split(separator: "/")
        guard !parts.isEmpty else { return nil }
        for p in parts where p == ".." || p == "." || !Slug.isValid(String(p)) { return nil }
        return "/" + parts.joined(separator: "/") + "/"
    }
}

extension Resolver {
    /// An indicator's territory nobody has: a commune written by its name gets its INSEE code
    /// (the identity of a commune), anything else the nearest identifiers.
    func unknownTerritoryMessage(_ t: String) -> String {
        let codes = Array(Set((index.reference?.byName[t] ?? []) + (index.reference?.bySpelling[t] ?? []))).sorted()
        let communes = codes.compactMap { index.communes[$0] }
        guard !communes.isEmpty else {
            return "territoire ou commune inconnu « \(t) »" + String.didYouMean(t, among: index.territoryOrder + index.communeOrder)
        }
        let listed = communes.map { "\($0.code) (\($0.name), \($0.departementName ?? $0.departement ?? ""))" }.joined(separator: " ou ")
        return "« \(t) » est le nom d'une commune : une commune s'écrit par son code INSEE, ici " + listed
    }
}
