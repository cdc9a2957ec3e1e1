import HabitatContent
import HabitatCore

extension Renderer {
    func homeValues() -> [String: Any] {
        let aids = index.aidOrder.compactMap { index.aids[$0] }.filter { $0.data.statut == .enVigueur }
        // Key indicators show values: those with a value and a target first, one plan after another.
        let valued = index.indicatorOrder.compactMap { index.indicators[$0] }.filter { latestValue($0)?.valeur != nil }
        let ranked = valued.filter { latestValue($0)?.cible != nil } + valued.filter { latestValue($0)?.cible == nil }
        var keyIndicators: [Indicator] = [], seenPlans: [String: Int] = [:]
        for ind in ranked where keyIndicators.count < 6 {
            let plan = ind.data.plans.first?.plan.value ?? ""
            if seenPlans[plan, default: 0] < 2 { keyIndicators.append(ind); seenPlans[plan, default: 0] += 1 }
        }
        for ind in ranked where keyIndicators.count < 6 && !keyIndicators.contains(where: { $0.id == ind.id }) { keyIndicators.append(ind) }
        return [
            "chercheur": finderValues(),
            "aides": list(aids.prefix(6).map { ["titre": $0.data.titre, "url": $0.url, "resume": $0.data.resume] as [String: Any] }),
            "actualites": list(index.news.prefix(3).map(newsSummary)),
            "indicateurs": list(keyIndicators.map(indicatorCard)),
            "plans": list(index.planOrder.compactMap { index.plans[$0] }.map(planSummary)),
            "nombre_communes": French.plural(index.communes.count, "commune"),
        ]
    }

    func aidsValues() -> [String: Any] {
        // "Vous êtes": the four situations of the questionnaire.
        let audiences: [(AidFile.Audience, String)] = [(.proprietaireOccupant, "Propriétaire occupant"), (.proprietaireBailleur, "Propriétaire bailleur"),
                                                       (.locataire, "Locataire"), (.primoAccedant, "Futur acheteur d'une première résidence")]
        func card(_ a: Aid) -> [String: Any] {
            ["id": a.id, "titre": a.data.titre, "url": a.url, "resume": a.data.resume, "montant": a.data.montant,
             "statut": a.data.statut == .terminee ? "Terminée" : a.data.statut.label, "statut_code": a.data.statut.rawValue,
             "en_vigueur": a.data.statut == .enVigueur, "terminee": a.data.statut == .terminee,
             "publics": a.data.publics.map(\.label).joined(separator: ", "),
             "publics_codes": a.data.publics.map(\.rawValue).joined(separator: " "),
             "territoire": a.data.territoire.value == "france" ? "France entière" : (index.territories[a.data.territoire.value]?.shortName ?? ""),
             "territoire_code": a.data.territoire.value,
             "simulateur": opt(index.simulators[a.id] != nil && a.data.statut != .terminee ? ["url": a.url] as [String: Any] : nil),
             "financeur": a.data.financeur]
        }
        let all = index.aidOrder.compactMap { index.aids[$0] }
        let groups: [(AidFile.Status, String, String, String)] = [
            (.enVigueur, "aides-en-vigueur", "En vigueur", "Les aides que l'on peut demander aujourd'hui."),
            (.aConfirmer, "aides-a-confirmer", "À confirmer", "Des aides dont le document ne permet pas de dire si elles sont encore ouvertes : renseignez-vous auprès du financeur."),
            (.terminee, "aides-terminees", "Terminées", "Conservées pour mémoire : on ne peut plus en bénéficier."),
        ]
        return [
            "groupes": list(groups.compactMap { (status, id, title, text) -> [String: Any]? in
                let aids = all.filter { $0.data.statut == status }
                guard !aids.isEmpty else { return nil }
                return ["id": id, "code": status.rawValue, "titre": title, "description": text, "nombre": String(aids.count), "aides": aids.map(card)]
            }),
            "publics": list(audiences.map { ["code": $0.0.rawValue, "libelle": $0.1] as [String: Any] }),
            "territoires": list((["france"] + index.territoryOrder.filter { t in index.aids.values.contains { $0.data.territoire.value == t } }).map { t in
                ["code": t, "libelle": t == "france" ? "France entière" : (index.territories[t]?.shortName ?? t)] as [String: Any]
            }),
        ]
    }

    func aidValues(_ a: Aid) -> [String: Any] {
        let d = a.data
        let plan = d.plan.flatMap { index.plans[$0.value] }
        let fiches = plan.map { p in (d.fiches ?? []).compactMap { n in p.fiches.first { $0.numero == n.value } }.map { ficheLink($0, p) } } ?? []
        let communes: [[String: Any]] = (d.perimetre != nil ? (a.scopeCommunes ?? []) : []).compactMap { index.communes[$0] }.map { ["nom": $0.displayName, "url": $0.url] }
        return [
            "aide": ["titre": d.titre, "resume": d.resume, "montant": d.montant, "financeur": d.financeur,
                     "statut": d.statut.label, "en_vigueur": d.statut == .enVigueur, "terminee": d.statut == .terminee,
                     "periode": optText(d.periode), "publics": d.publics.map(\.label).joined(separator: ", ")] as [String: Any],
            "territoire": d.territoire.value == "france" ? ["nom": "France entière", "url": absent] as [String: Any]
                : opt(index.territories[d.territoire.value].map { ["nom": $0.name, "url": $0.url] as [String: Any] }),
            "plan": opt(plan.map(planSummary)),
            "fiches": list(fiches),
            "montants": linkingSources(list((d.montants ?? []).map(Format.budgetRow)), in: d.source),
            "conditions": textList(d.conditions),
            "inconnues": textList(d.inconnues),
            "demarches": textList(d.demarches),
            "cumul": textList(d.cumul),
            "perimetre": scopeValues(d.perimetre, communes: communes, territory: d.territoire.value),
            "corps": a.body.html,
            "source": source(d.source),
            "ecarts": linkingSources(Format.discrepancies(d.ecarts), in: d.source),
            "simulateur": opt(index.simulators[a.id].map(simulatorValues)),
            "remplacee_par": list((d.remplacee_par ?? []).compactMap { index.aids[$0.value] }.map { ["titre": $0.data.titre, "url": $0.url] as [String: Any] }),
            "lien_officiel": optText(d.lien_officiel),
        ]
    }

    func newsSummary(_ n: NewsItem) -> [String: Any] {
        ["titre": n.data.titre, "url": n.url, "date": French.date(n.data.publication ?? n.data.date),
         "date_iso": (n.data.publication ?? n.data.date).description, "resume": optText(n.data.resume)]
    }

    func newsListValues() -> [String: Any] { ["actualites": list(index.news.map(newsSummary))] }

    func newsValues(_ n: NewsItem) -> [String: Any] {
        var v = newsSummary(n)
        v["corps"] = n.body.html
        return ["actualite": v]
    }

    func dataValues() -> [String: Any] {
        [
            "tableaux": list(index.tableOrder.compactMap { index.tables[$0] }.map { t in
                ["id": t.id, "titre": t.schema.titre, "description": optText(t.schema.description),
                 "csv": "/donnees/\(t.id).csv", "json": "/donnees/\(t.id).json", "lignes": French.plural(t.rows.count, "ligne"),
                 "source": source(t.schema.source),
                 "colonnes": t.schema.colonnes.map { ["id": $0.id, "libelle": $0.libelle, "type": $0.type.rawValue, "unite": optText(unitOf($0))] as [String: Any] },
                 "totaux": list((t.schema.totaux ?? []).map { ["ligne": $0.ligne, "colonne": $0.colonne, "imprime": $0.imprime, "recalcule": $0.recalcule] as [String: Any] })] as [String: Any]
            }),
            "indicateurs": list(index.indicatorOrder.compactMap { index.indicators[$0] }.map { i in
                ["titre": i.data.titre, "url": i.url, "csv": "/donnees/indicateurs/\(i.id).csv", "json": "/donnees/indicateurs/\(i.id).json"] as [String: Any]
            }),
            "communes": French.plural(index.communes.count, "commune"),
            "licence": ["titre": Self.licenceTitle, "url": Self.licenceURL] as [String: Any],
            "datapackage": "/donnees/datapackage.json",
            "communes_csv": "/donnees/communes.csv",
        ]
    }

    func discrepancyValues() -> [String: Any] {
        var groups: [[String: Any]] = []
        func add(_ title: String, _ url: String?, _ items: [Discrepancy]?, _ source: SourceRef?) {
            guard let items, !items.isEmpty else { return }
            groups.append(["titre": title, "url": opt(url), "ecarts": linkingSources(Format.discrepancies(items), in: source), "source": self.source(source)])
        }
        for id in index.territoryOrder { let t = index.territories[id]!; add(t.name, t.url, t.file.ecarts, t.file.source) }
        for id in index.planOrder {
            let p = index.plans[id]!
            add(p.data.titre, p.url, p.data.ecarts, p.data.source)
            for f in p.fiches { add("\(p.data.titre) — \(levelWord(p, \.action, "Action")) \(f.numero) : \(f.data.titre)", f.url, f.data.ecarts, f.data.source) }
        }
        for id in index.tableOrder { let t = index.tables[id]!; add("Tableau : " + t.schema.titre, "/donnees/#table-\(id)", t.schema.ecarts, t.schema.source) }
        for id in index.aidOrder { let a = index.aids[id]!; add("Aide : " + a.data.titre, a.url, a.data.ecarts, a.data.source) }
        let count = groups.reduce(0) { $0 + (($1["ecarts"] as? [[String: Any]])?.count ?? 0) }
        return ["groupes": list(groups), "nombre": French.plural(count, "écart relevé", "écarts relevés")]
    }

    func atomFeed() -> String {
        let updated = (index.news.first.map { $0.data.publication ?? $0.data.date } ?? buildDate).description
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n"
        out += "  <title>\(HTML.escape(index.site.titre)) — Actualités</title>\n"
        out += "  <id>\(HTML.escape(baseURL))/actualites/</id>\n"
        out += "  <link rel=\"self\" href=\"\(HTML.escape(baseURL))/actualites/atom.xml\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(baseURL))/actualites/\"/>\n"
        out += "  <updated>\(updated)T00:00:00Z</updated>\n"
        out += "  <author><name>\(HTML.escape(index.site.editeur ?? index.site.titre))</name></author>\n"
        for n in index.news {
            let date = (n.data.publication ?? n.data.date).description
            out += "  <entry>\n    <title>\(HTML.escape(n.data.titre))</title>\n"
            out += "    <id>\(HTML.escape(baseURL + n.url))</id>\n    <link href=\"\(HTML.escape(baseURL + n.url))\"/>\n"
            out += "    <updated>\(date)T00:00:00Z</updated>\n"
            if let r = n.data.resume { out += "    <summary>\(HTML.escape(r))</summary>\n" }
            out += "    <content type=\"html\">\(HTML.escape(n.body.html))</content>\n  </entry>\n"
        }
        return out + "</feed>\n"
    }

    func sitemap() -> String {
        let urls = index.siteMap.listedURLs
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for u in urls { out += "  <url><loc>\(HTML.escape(baseURL + u))</loc><lastmod>\(buildDate)</lastmod></url>\n" }
        return out + "</urlset>\n"
    }

    /// Numbers as numbers (`3.4`, not `3,4%`; units are in the Table Schema), yes/no as `oui`/`non`,
    /// text as printed.
    func tableCSV(_ t: DataTable) -> String {
        let q = Self.csvField
        let keyed = keyedByCommune(t)
        var out = ((keyed ? ["code_insee"] : []) + t.schema.colonnes.map { q($0.id) }).joined(separator: ";") + "\n"
        let numeric = t.schema.colonnes.map(isNumeric)
        for r in t.rows {
            if keyed { out += (r.communeCode ?? "") + ";" }
            out += r.cells.enumerated().map { i, cell in
                if i < numeric.count, numeric[i] { return cell.number.map(Self.machineNumber) ?? "" }
                if i < t.schema.colonnes.count, t.schema.colonnes[i].type == .ouiNon { return cell.text.lowercased() }
                return q(cell.text)
            }.joined(separator: ";") + "\n"
        }
        return out
    }

    func tableJSON(_ t: DataTable) -> String {
        JSONValue.object([
            ("id", .string(t.id)), ("titre", .string(t.schema.titre)), ("source", .string(sourceDescription(t.schema.source))),
            ("licence", Self.licenceJSON), ("schema", .string(baseURL + "/donnees/datapackage.json")),
            ("colonnes", .array((keyedByCommune(t) ? [.object([("id", .string("code_insee")), ("libelle", .string("Code INSEE de la commune")), ("type", .string("texte")), ("unite", .null)])] : []) + t.schema.colonnes.map { .object([("id", .string($0.id)), ("libelle", .string($0.libelle)), ("type", .string($0.type.rawValue)), ("unite", unitOf($0).map(JSONValue.string) ?? .null)]) })),
            ("lignes", .array(t.rows.map { r in
                let code: [(String, JSONValue)] = keyedByCommune(t) ? [("code_insee", r.communeCode.map(JSONValue.string) ?? .null)] : []
                return .object(code + zip(t.schema.colonnes, r.cells).map { ($0.id, $1.number.map(JSONValue.number) ?? ($1.text.isEmpty ? .null : .string($1.text))) })
            })),
        ]).serialized() + "\n"
    }
}

extension Renderer {
    /// The free page that carries the accessibility statement (`pages/accessibilite.md`).
    static let accessibilityPage = "accessibilite"

    /// The statement's computed part: status, reasons, and what was checked.
    func conformanceValues() -> [String: Any] {
        let audit = index.accessibilityAudit
        let result = Conformance.compute(audit: audit, buildDate: buildDate)
        return [
            "statut": result.status.rawValue,
            "totale": result.status == .total,
            "partielle": result.status == .partial,
            "aucune": result.status == .none,
            "raisons": textList(result.reasons),
            "taux": opt(result.rate.map { French.percent($0) }),
            "audit": opt(audit.map { a -> [String: Any] in
                [
                    "date": French.date(a.date),
                    "date_iso": a.date.description,
                    "outils": textList(a.outils),
                    "types": list(a.types_de_page.map { ["type": $0.type, "url": $0.url, "violations": French.integer($0.violations)] as [String: Any] }),
                    "nombre_types": French.plural(a.types_de_page.count, "type"),
                    "pages_validees": French.plural(a.pages_validees, "page"),
                    "erreurs_html": French.plural(a.erreurs_html, "erreur"),
                    "parcours": list(a.parcours_clavier.map { ["parcours": $0.parcours, "reussi": $0.reussi] as [String: Any] }),
                    "manuel": opt(a.audit_manuel.map { m in
                        ["date": French.date(m.date), "auditeur": m.auditeur,
                         "criteres": "\(m.criteres_respectes) sur \(m.criteres_applicables)"] as [String: Any]
                    }),
                ]
            }),
        ]
    }
}
