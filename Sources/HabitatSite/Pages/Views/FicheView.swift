import HabitatContent
import HabitatCore
import HabitatTemplate

/// A fiche-action's page: where it sits in its plan, every field of the fiche, its neighbours.
struct FicheView: TemplateObject {
    /// The orientation, or the objective, a fiche belongs to: `{{mot}} {{numero}}`.
    struct Level: TemplateObject {
        let numero: String, titre: String, mot: String
        /// The orientation's anchor on the plan page; nil for an objective.
        var url: String? = nil
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "numero": .text(numero)
            case "titre": .text(titre)
            case "mot": .text(mot)
            case "url": url.map(TemplateValue.text)
            default: nil
            }
        }
    }

    /// A step of the fiche's calendar.
    struct Step: TemplateObject {
        let step: CalendarStep
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "quand": .text(step.quand)
            case "quoi": .text(step.quoi)
            default: nil
            }
        }
    }

    /// What a bilan says of the fiche.
    struct Review: TemplateObject {
        let review: FicheFile.Review
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "statut": .text(review.statut.label)
            case "code": .text(review.statut.rawValue)
            case "resultats": .texts(review.resultats)
            case "perspectives": .texts(review.perspectives)
            default: nil
            }
        }
    }

    /// The fiche's place in its plan and the fiches around it.
    struct Links {
        var orientation: Level?, objectif: Level?
        var parent: FicheLinkView?, sousActions: [FicheLinkView] = []
        var liens: [FicheLinkView] = [], citePar: [FicheLinkView] = []
        var precedente: FicheLinkView?, suivante: FicheLinkView?
    }

    let plan: PlanSummaryView
    let data: FicheFile
    let mot: String
    let corps: String
    let links: Links
    let registres: String?
    let budget: [BudgetRowView], chiffres: [FigureView], ecarts: [DiscrepancyView]
    let source: SourceView?
    let indicateurs: [TitledLink], aides: [TitledLink]
    let perimetre: ScopeView?

    func value(named name: String) -> TemplateValue? {
        linkValue(named: name) ?? fieldValue(named: name)
    }

    /// The values that place the fiche: plan, orientation, parent, linked fiches, neighbours.
    private func linkValue(named name: String) -> TemplateValue? {
        switch name {
        case "plan": .object(plan)
        case "orientation": links.orientation.templateValue
        case "objectif": links.objectif.templateValue
        case "parent": links.parent.templateValue
        case "sous_actions": links.sousActions.templateValue
        case "liens": links.liens.templateValue
        case "cite_par": links.citePar.templateValue
        case "precedente": links.precedente.templateValue
        case "suivante": links.suivante.templateValue
        default: nil
        }
    }

    /// The fiche's own fields.
    private func fieldValue(named name: String) -> TemplateValue? {
        switch name {
        case "numero": .text(data.numero)
        case "titre_fiche": .text(data.titre)
        case "mot": .text(mot)
        case "variantes": .texts(data.titre_variantes)
        case "registres": .nonEmpty(registres)
        case "nature": .nonEmpty(data.nature)
        case "objectifs": .texts(data.objectifs)
        case "modalites": .texts(data.modalites)
        case "publics": .texts(data.publics)
        case "pilotes": .texts(data.pilotes)
        case "partenaires": .texts(data.partenaires)
        case "moyens_humains": .texts(data.moyens_humains)
        case "calendrier": (data.calendrier ?? []).map(Step.init).templateValue
        case "budget": budget.templateValue
        case "indicateurs_libelles": .texts(data.indicateurs)
        case "indicateurs": indicateurs.templateValue
        case "aides": aides.templateValue
        case "perimetre": perimetre.templateValue
        case "bilan": data.bilan.map(Review.init).templateValue
        case "chiffres": chiffres.templateValue
        case "ecarts": ecarts.templateValue
        case "source": source.templateValue
        case "corps": .text(corps)
        default: nil
        }
    }
}

extension Renderer {
    /// The view of a fiche's page.
    func ficheView(_ f: Fiche, plan p: Plan) -> FicheView {
        let d = f.data
        let communes = (f.scopeCommunes ?? []).compactMap { index.communes[$0] }.map { NamedLink(nom: $0.displayName, url: $0.url) }
        var seenIndicators = Set<String>()
        let indicators = (index.indicatorsByFiche[p.id + "|" + f.numero] ?? []).filter { seenIndicators.insert($0).inserted }.compactMap { index.indicators[$0] }
        let registers = (d.registres ?? []).compactMap { r in p.data.registres?.first { $0.id == r.value }?.titre }
        return FicheView(
            plan: planSummaryView(p), data: d, mot: levelWord(p, \.action, "Action"), corps: f.body.html,
            links: ficheLinks(f, plan: p),
            registres: registers.isEmpty ? nil : registers.joined(separator: ", "),
            budget: budgetRows(d.budget, citing: d.source),
            chiffres: figureRows(d.chiffres, citing: d.source),
            ecarts: discrepancyRows(d.ecarts, citing: d.source),
            source: sourceView(d.source),
            indicateurs: indicators.map { TitledLink(titre: $0.data.titre, url: $0.url) },
            aides: (d.aides ?? []).compactMap { index.aids[$0.value] }.map { TitledLink(titre: $0.data.titre, url: $0.url, resume: $0.data.resume) },
            perimetre: scopeView(d.perimetre, communes: communes, territory: p.data.territoire.value))
    }

    /// Where a fiche sits in its plan and the fiches it is linked to.
    func ficheLinks(_ f: Fiche, plan p: Plan) -> FicheView.Links {
        let d = f.data
        let orientation = p.data.orientations.first { $0.numero == d.orientation?.value }
        let objective = orientation?.objectifs?.first { $0.numero == d.objectif?.value }
        let position = p.fiches.firstIndex { $0.numero == f.numero } ?? 0
        func fiche(_ numero: String) -> Fiche? { p.fiches.first { $0.numero == numero } }
        return FicheView.Links(
            orientation: orientation.map { .init(numero: $0.numero, titre: $0.titre, mot: levelWord(p, \.orientation, "Orientation"),
                                                 url: p.url + "#orientation-" + Slug.make($0.numero)) },
            objectif: objective.map { .init(numero: $0.numero, titre: $0.titre, mot: levelWord(p, \.objectif, "Objectif")) },
            parent: d.parent.flatMap { fiche($0.value) }.map { ficheLinkView($0, p) },
            sousActions: p.fiches.filter { $0.data.parent?.value == f.numero }.map { ficheLinkView($0, p) },
            liens: (d.liens ?? []).compactMap { fiche($0.value) }.map { ficheLinkView($0, p) },
            citePar: f.citedBy.compactMap(fiche).map { ficheLinkView($0, p) },
            precedente: position > 0 ? ficheLinkView(p.fiches[position - 1], p) : nil,
            suivante: position + 1 < p.fiches.count ? ficheLinkView(p.fiches[position + 1], p) : nil)
    }
}
