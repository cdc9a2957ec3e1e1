import HabitatContent
import HabitatCore
import HabitatTemplate

/// A commune's page and its data file (`donnees.json`). Rendered for every commune of the site
/// (tens of thousands on a national one): everything it needs is looked up in the index's
/// per-commune tables, never searched for among all communes or aids.
struct CommunePage: PageKind {
    let code: String

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("territoires/"), .all("communes/"), .all("referentiel/"), .all("tables/"), .meta("aides/"), .all("indicateurs/")]
            + (index.plansByCommune[code] ?? []).sorted().map { .meta("plans/\($0)/") }
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer
        let c = r.index.communes[code]!
        // Looked up once for the page and its data file.
        let plans = r.plansCovering(c), aids = r.index.aids(forCommune: c.code)
        out.page(c.url, "commune", c.displayName, r.communeCrumbs(c), r.communeView(c, plans: plans, aids: aids), kind: "commune",
                 territory: r.index.territories[c.epciId]?.shortName)
        out.raw("communes/\(c.slug)/donnees.json", r.communeJSON(c, plans: plans, aids: aids))
    }
}

extension Renderer {
    func communeCrumbs(_ c: Commune) -> [(String, String)] {
        territoryCrumbs(c.epciId) + [(c.displayName, c.url)]
    }

    /// The page's view; `plans` are those covering the commune, `aids` those available there.
    func communeView(_ c: Commune, plans: [Plan], aids: [Aid]) -> CommuneView {
        let tables = communeTables(c)
        let ended = aids.filter { $0.data.statut == .terminee }
        let department = c.departement == "59" ? "du Nord" : c.departement == "62" ? "du Pas-de-Calais" : "de votre département"
        return CommuneView(
            identity: communeIdentity(c, keyFigures: Array(tables.first?.cellules.prefix(4) ?? [])),
            tableaux: tables,
            plans: plans.map { communePlan($0, c) },
            // What a resident can act on comes first: aids in force (or awaiting confirmation) here, with
            // their amount and simulator; ended aids only in a collapsed list further down.
            aides: aids.filter { $0.data.statut != .terminee }.map { communeAid($0, c) },
            aidesTerminees: ended.map { communeAid($0, c) },
            contacts: communeContacts(c),
            indicateurs: indicatorRows(at: c.code),
            hierarchie: index.territoryChain(ofCommune: c.code).compactMap { index.territories[$0] }.map(territoryLink),
            codesIntegration: Self.cardSizes.map { EmbedCodeView(format: $0.label, largeur: $0.width, hauteur: $0.height, code: embedSnippet(c, $0)) },
            sansPlanLocal: !plans.contains { !planEnded($0) && index.territories[$0.data.territoire.value]?.file.type == .epci },
            plansEnCours: plans.contains { !planEnded($0) },
            adil: "l'ADIL \(department)",
            donneesJSON: c.url + "donnees.json")
    }

    /// A plan covering the commune: its fiches whose scope names the commune (specific ones, then
    /// those for the whole territory) and those whose scope is only described in words.
    func communePlan(_ p: Plan, _ c: Commune) -> CommunePlanView {
        let applicable = p.fiches.filter { $0.scopeSet?.contains(c.code) ?? false }
        let textual = p.fiches.filter { $0.scopeCommunes == nil && $0.data.perimetre != nil }
        return CommunePlanView(
            plan: planSummaryView(p),
            specifiques: applicable.filter { $0.data.perimetre?.type != .tout }.map { ficheLinkView($0, p) },
            generales: applicable.filter { $0.data.perimetre?.type == .tout }.map { ficheLinkView($0, p) },
            textuelles: textual.map { f in
                var l = ficheLinkView(f, p)
                l.perimetre = .nonEmpty(f.data.perimetre?.texte)
                return l
            },
            nombre: French.plural(applicable.count, "fiche"), statut: planStatus(p), acheve: planEnded(p))
    }

    /// One aid on a commune page; the simulator link opens with the commune chosen.
    func communeAid(_ a: Aid, _ c: Commune) -> CommuneAidView {
        CommuneAidView(titre: a.data.titre, url: a.url, resume: a.data.resume, statut: a.data.statut.label,
                       montant: a.data.montant, financeur: a.data.financeur, enVigueur: a.data.statut == .enVigueur,
                       lienSimulateur: index.simulators[a.id] != nil ? a.url + "?commune=" + c.code + "#simulateur" : nil)
    }

    /// Whom a resident of the commune asks besides France Rénov' (national, in the template): the
    /// ADIL of the département.
    func communeContacts(_ c: Commune) -> CommuneContactsView {
        // The ANIL's public directory gives each ADIL's address and offices (not copied here: no seed
        // gives them, and an address typed from memory could be wrong).
        let name = c.departement == "59" ? "L'ADIL du Nord" : c.departement == "62" ? "L'ADIL du Pas-de-Calais" : "L'ADIL de votre département"
        return CommuneContactsView(adil: name, adilURL: "https://www.anil.org/lanil-et-les-adil/votre-adil/")
    }

    /// Every row of every table about the commune, as the page shows it.
    func communeTables(_ c: Commune) -> [CommuneTableView] {
        index.rows(forCommune: c.code).map { t, row in
            let cells: [CommuneCellView] = zip(t.schema.colonnes, row.cells).compactMap { col, cell in
                if col.id == t.schema.cle || col.id == t.schema.niveau { return nil }
                return CommuneCellView(libelle: col.libelle, valeur: cell.text.isEmpty ? "—" : cell.text, unite: col.unite, vide: cell.text.isEmpty)
            }
            let plan = t.schema.plan.flatMap { index.plans[$0.value] }
            let phrase = "Ce tableau\(plan.map { " du « \($0.data.titre) »" } ?? "") reprend la ligne de \(c.displayName) "
                + "telle que le document l'imprime : \(t.schema.titre.prefix(1).lowercased() + t.schema.titre.dropFirst()). Ce sont des chiffres du plan, "
                + "pas des aides : ils disent ce qui a été constaté ou prévu pour la commune."
            let fiche = t.schema.fiche.flatMap { f in plan.flatMap { p in p.fiches.first { $0.numero == f.value }.map { ficheLinkView($0, p) } } }
            return CommuneTableView(titre: t.schema.titre, id: t.id, cellules: cells, source: sourceView(t.schema.source), phrase: phrase,
                                    csv: "/donnees/\(t.id).csv", ligne: row.line, fiche: fiche)
        }
    }

    /// The sizes the embed card is offered at: each snippet declares one, and the card fits it with
    /// no inner scrollbar (checked in Chromium by Tests/browser/test_embed_card.py).
    static let cardSizes: [(label: String, width: Int, height: Int)] = [("standard", 320, 260), ("grand", 480, 360)]

    /// The iframe a commune pastes: always the configured site address.
    func embedSnippet(_ c: Commune, _ size: (label: String, width: Int, height: Int)) -> String {
        "<iframe src=\"\(HTML.escape(baseURL + c.url))vignette/\" title=\"Habitat : \(HTML.escape(c.displayName))\" width=\"\(size.width)\" height=\"\(size.height)\" loading=\"lazy\" style=\"border:0\"></iframe>"
    }
}
