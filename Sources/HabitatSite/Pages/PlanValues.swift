import HabitatContent
import HabitatCore

extension Renderer {
    func territoryCrumbs(_ id: String) -> [(String, String)] {
        (index.ancestors(of: id).reversed() + [id]).compactMap { tid in index.territories[tid].map { ($0.shortName, $0.url) } }
    }

    func planCrumbs(_ p: Plan) -> [(String, String)] {
        territoryCrumbs(p.data.territoire.value) + [(p.data.titre, p.url)]
    }

    /// TRANSITION: the typed links under their old names, for the views not yet typed.
    func ficheLink(_ f: Fiche, _ plan: Plan) -> FicheLinkView { ficheLinkView(f, plan) }
    func planSummary(_ p: Plan) -> PlanSummaryView { planSummaryView(p) }

    func planKindLabel(_ k: PlanFile.Kind) -> String {
        switch k {
        case .plh: return "Programme local de l'habitat"
        case .bilan: return "Bilan de PLH"
        case .pdh: return "Plan départemental de l'habitat"
        }
    }

    func planValues(_ p: Plan) -> [String: Any] {
        let orientations: [[String: Any]] = p.data.orientations.map { o in
            let fiches = p.fiches.filter { $0.data.orientation?.value == o.numero }
            let objectives: [[String: Any]] = (o.objectifs ?? []).map { obj in
                ["numero": obj.numero, "titre": obj.titre,
                 "fiches": list(fiches.filter { $0.data.objectif?.value == obj.numero }.map { ficheLink($0, p) })]
            }
            let loose = fiches.filter { f in f.data.objectif == nil || !(o.objectifs ?? []).contains { $0.numero == f.data.objectif?.value } }
            return [
                "numero": o.numero, "titre": o.titre, "resume": optText(o.resume),
                "mot": levelWord(p, \.orientation, "Orientation"),
                "mot_objectif": levelWord(p, \.objectif, "Objectif"),
                "enjeux": textList(o.enjeux), "objectifs": list(objectives),
                "fiches": list(loose.map { ficheLink($0, p) }),
                "ancre": "orientation-" + Slug.make(o.numero),
            ]
        }
        let unplaced = p.fiches.filter { f in f.data.orientation == nil }
        var matrix: Any = absent
        if p.fiches.contains(where: { !($0.data.liens ?? []).isEmpty }) && p.data.type == .plh && p.fiches.count <= 30 {
            matrix = [
                "colonnes": p.fiches.map { ["numero": $0.numero] as [String: Any] },
                "lignes": p.fiches.map { f in
                    let links = Set((f.data.liens ?? []).map(\.value))
                    return ["numero": f.numero, "titre": f.data.titre, "url": f.url,
                            "cellules": p.fiches.map { g in ["lie": links.contains(g.numero), "numero": g.numero] as [String: Any] }] as [String: Any]
                },
            ] as [String: Any]
        }
        var statusCounts: [[String: Any]] = []
        if p.data.type == .bilan {
            for s in FicheFile.Review.Status.allCases {
                let n = p.fiches.filter { $0.data.bilan?.statut == s }.count
                if n > 0 { statusCounts.append(["libelle": s.label, "code": s.rawValue, "nombre": n]) }
            }
        }
        let territory = index.territories[p.data.territoire.value]
        let tables = index.tableOrder.compactMap { index.tables[$0] }.filter { $0.schema.plan?.value == p.id }
        return [
            "plan": planSummary(p),
            "statut": optText(p.data.statut), "date_document": optText(p.data.date_document),
            "plan_evalue": optText(p.data.plan_evalue),
            "auteurs": optText(p.data.auteurs?.joined(separator: ", ")),
            "corps": p.body.html,
            "orientations": list(orientations),
            "hors_orientation": list(unplaced.map { ficheLink($0, p) }),
            "enjeux": textList(p.data.enjeux),
            "chiffres": linkingSources(Format.figures(p.data.chiffres_cles), in: p.data.source),
            "ecarts": linkingSources(Format.discrepancies(p.data.ecarts), in: p.data.source),
            "source": source(p.data.source),
            "matrice": matrix,
            "bilan": list(statusCounts),
            "est_bilan": p.data.type == .bilan,
            "territoire": opt(territory.map { ["nom": $0.name, "url": $0.url] as [String: Any] }),
            "perimetre_plan": [
                "nombre": French.plural(p.perimeter.count, "commune"),
                "texte": optText(p.data.perimetre?.texte),
                "communes": p.data.perimetre != nil ? list(p.perimeter.compactMap { index.communes[$0] }.map { ["nom": $0.displayName, "url": $0.url] as [String: Any] }) : absent,
            ] as [String: Any],
            "acheve": optText(planEnded(p) ? planStatus(p) : nil),
            "tableaux": list(tables.map { ["titre": $0.schema.titre, "url": "/donnees/#table-\($0.id)", "csv": "/donnees/\($0.id).csv"] as [String: Any] }),
            "registres": list((p.data.registres ?? []).map { r in
                ["titre": r.titre, "fiches": list(p.fiches.filter { ($0.data.registres ?? []).contains { $0.value == r.id } }.map { ficheLink($0, p) })] as [String: Any]
            }),
        ]
    }

    func ficheValues(_ f: Fiche, plan p: Plan) -> [String: Any] {
        let d = f.data
        let orientation = p.data.orientations.first { $0.numero == d.orientation?.value }
        let objective = orientation?.objectifs?.first { $0.numero == d.objectif?.value }
        let linked = (d.liens ?? []).compactMap { l in p.fiches.first { $0.numero == l.value } }
        let citedBy = f.citedBy.compactMap { n in p.fiches.first { $0.numero == n } }
        let children = p.fiches.filter { $0.data.parent?.value == f.numero }
        let parent = d.parent.flatMap { pr in p.fiches.first { $0.numero == pr.value } }
        let aids = (d.aides ?? []).compactMap { index.aids[$0.value] }
        let communes: [[String: Any]] = (f.scopeCommunes ?? []).compactMap { index.communes[$0] }.map { ["nom": $0.displayName, "url": $0.url] }
        var seenIndicators = Set<String>()
        let indicators = (index.indicatorsByFiche[p.id + "|" + f.numero] ?? []).filter { seenIndicators.insert($0).inserted }.compactMap { index.indicators[$0] }
        let registers = (d.registres ?? []).compactMap { r in p.data.registres?.first { $0.id == r.value }?.titre }
        let position = p.fiches.firstIndex { $0.numero == f.numero } ?? 0
        return [
            "plan": planSummary(p),
            "numero": d.numero, "titre_fiche": d.titre,
            "mot": levelWord(p, \.action, "Action"),
            "orientation": opt(orientation.map { ["numero": $0.numero, "titre": $0.titre, "mot": levelWord(p, \.orientation, "Orientation"),
                                                  "url": p.url + "#orientation-" + Slug.make($0.numero)] as [String: Any] }),
            "objectif": opt(objective.map { ["numero": $0.numero, "titre": $0.titre, "mot": levelWord(p, \.objectif, "Objectif")] as [String: Any] }),
            "parent": opt(parent.map { ficheLink($0, p) }),
            "sous_actions": list(children.map { ficheLink($0, p) }),
            "variantes": textList(d.titre_variantes),
            "registres": optText(registers.isEmpty ? nil : registers.joined(separator: ", ")),
            "nature": optText(d.nature),
            "objectifs": textList(d.objectifs),
            "modalites": textList(d.modalites),
            "publics": textList(d.publics),
            "pilotes": textList(d.pilotes),
            "partenaires": textList(d.partenaires),
            "moyens_humains": textList(d.moyens_humains),
            "calendrier": list((d.calendrier ?? []).map { ["quand": $0.quand, "quoi": $0.quoi] as [String: Any] }),
            "budget": linkingSources(list((d.budget ?? []).map(Format.budgetRow)), in: d.source),
            "indicateurs_libelles": textList(d.indicateurs),
            "indicateurs": list(indicators.map { ["titre": $0.data.titre, "url": $0.url] as [String: Any] }),
            "liens": list(linked.map { ficheLink($0, p) }),
            "cite_par": list(citedBy.map { ficheLink($0, p) }),
            "aides": list(aids.map { ["titre": $0.data.titre, "url": $0.url, "resume": $0.data.resume] as [String: Any] }),
            "perimetre": scopeValues(d.perimetre, communes: communes, territory: p.data.territoire.value),
            "bilan": opt(d.bilan.map { b in
                ["statut": b.statut.label, "code": b.statut.rawValue, "resultats": textList(b.resultats), "perspectives": textList(b.perspectives)] as [String: Any]
            }),
            "chiffres": linkingSources(Format.figures(d.chiffres), in: d.source),
            "ecarts": linkingSources(Format.discrepancies(d.ecarts), in: d.source),
            "source": source(d.source),
            "corps": f.body.html,
            "precedente": position > 0 ? ficheLink(p.fiches[position - 1], p) : absent,
            "suivante": position + 1 < p.fiches.count ? ficheLink(p.fiches[position + 1], p) : absent,
        ]
    }

    func scopeValues(_ scope: Scope?, communes: [[String: Any]], territory: String) -> Any {
        guard let scope else { return absent }
        let label: String
        switch scope.type {
        case .tout: label = "Tout le territoire" + (index.territories[territory].map { " (\($0.shortName))" } ?? "")
        case .liste: label = "Une liste de communes"
        case .secteurs:
            let names = (scope.secteurs ?? []).compactMap { index.sectors["\(territory)/\($0.value)"]?.name }
            label = "Secteurs : " + names.joined(separator: ", ")
        case .critere:
            let parts: [String] = ((scope.critere.map { [$0] } ?? []) + (scope.criteres ?? [])).compactMap { c in
                guard let t = index.tables[c.table.value], let col = t.schema.colonnes.first(where: { $0.id == c.colonne.value }) else { return nil }
                return "« \(col.libelle) » vaut « \(c.valeur) » (tableau « \(t.schema.titre) »)"
            }
            label = parts.isEmpty ? "Selon un critère" : "Communes où " + parts.joined(separator: ", ou ")
        case .texte: label = "Décrit dans le document (sans liste de communes)"
        }
        return [
            "type": scope.type.rawValue,
            "libelle": French.typography(label),
            "texte": optText(scope.texte),
            "communes": list(communes),
            "nombre": French.plural(communes.count, "commune"),
        ] as [String: Any]
    }
}
