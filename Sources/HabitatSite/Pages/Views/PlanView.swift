import HabitatContent
import HabitatCore
import HabitatTemplate

/// A plan's page: identity, key figures, orientations with their fiches, the fiche matrix.
struct PlanView: TemplateObject {
    /// An orientation (or axe): its objectives, then the fiches placed under no objective.
    struct Orientation: TemplateObject {
        let numero: String, titre: String, resume: String?
        let mot: String, motObjectif: String
        let enjeux: [String]?
        let objectifs: [FicheGroup]
        let fiches: [FicheLinkView]

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "numero": .text(numero)
            case "titre": .text(titre)
            case "resume": .nonEmpty(resume)
            case "mot": .text(mot)
            case "mot_objectif": .text(motObjectif)
            case "enjeux": .texts(enjeux)
            case "objectifs": objectifs.templateValue
            case "fiches": fiches.templateValue
            case "ancre": .text("orientation-" + Slug.make(numero))
            default: nil
            }
        }
    }

    /// An objective of an orientation, or a register of intervention: a title and its fiches.
    struct FicheGroup: TemplateObject {
        var numero: String? = nil
        let titre: String
        let fiches: [FicheLinkView]

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "numero": numero.map(TemplateValue.text)
            case "titre": .text(titre)
            case "fiches": fiches.templateValue
            default: nil
            }
        }
    }

    /// How many fiches a bilan gives each status.
    struct StatusCount: TemplateObject {
        let status: FicheFile.Review.Status
        let nombre: Int
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "libelle": .text(status.label)
            case "code": .text(status.rawValue)
            case "nombre": nombre.templateValue
            default: nil
            }
        }
    }

    /// The communes the plan covers.
    struct Perimeter: TemplateObject {
        let nombre: String, texte: String?
        /// nil when the plan gives no perimeter of its own (its territory's communes are not listed).
        let communes: [NamedLink]?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nombre": .text(nombre)
            case "texte": .nonEmpty(texte)
            case "communes": communes.templateValue
            default: nil
            }
        }
    }

    /// A data table of the plan: its section of `/donnees/` and its CSV.
    struct TableLink: TemplateObject {
        let titre: String, id: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "titre": .text(titre)
            case "url": .text("/donnees/#table-\(id)")
            case "csv": .text("/donnees/\(id).csv")
            default: nil
            }
        }
    }

    let plan: PlanSummaryView
    let data: PlanFile
    let corps: String
    let orientations: [Orientation]
    let horsOrientation: [FicheLinkView]
    let chiffres: [FigureView], ecarts: [DiscrepancyView]
    let source: SourceView?
    let matrice: FicheMatrix?
    let bilan: [StatusCount]
    let territoire: NamedLink?
    let perimetrePlan: Perimeter
    let acheve: String?
    let tableaux: [TableLink]
    let registres: [FicheGroup]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "plan": .object(plan)
        case "statut": .nonEmpty(data.statut)
        case "date_document": .nonEmpty(data.date_document)
        case "plan_evalue": .nonEmpty(data.plan_evalue)
        case "auteurs": .nonEmpty(data.auteurs?.joined(separator: ", "))
        case "corps": .text(corps)
        case "orientations": orientations.templateValue
        case "hors_orientation": horsOrientation.templateValue
        case "enjeux": .texts(data.enjeux)
        case "chiffres": chiffres.templateValue
        case "ecarts": ecarts.templateValue
        case "source": source.templateValue
        case "matrice": matrice.templateValue
        case "bilan": bilan.templateValue
        case "est_bilan": .bool(data.type == .bilan)
        case "territoire": territoire.templateValue
        case "perimetre_plan": .object(perimetrePlan)
        case "acheve": .nonEmpty(acheve)
        case "tableaux": tableaux.templateValue
        case "registres": registres.templateValue
        default: nil
        }
    }
}

/// Which fiches each fiche of a plan is linked to: a row per fiche, a column per fiche.
struct FicheMatrix: TemplateObject {
    struct Column: TemplateObject {
        let numero: String
        func value(named name: String) -> TemplateValue? { name == "numero" ? .text(numero) : nil }
    }

    struct Cell: TemplateObject {
        let lie: Bool, numero: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "lie": .bool(lie)
            case "numero": .text(numero)
            default: nil
            }
        }
    }

    struct Row: TemplateObject {
        let numero: String, titre: String, url: String
        let cellules: [Cell]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "numero": .text(numero)
            case "titre": .text(titre)
            case "url": .text(url)
            case "cellules": cellules.templateValue
            default: nil
            }
        }
    }

    let colonnes: [Column], lignes: [Row]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "colonnes": colonnes.templateValue
        case "lignes": lignes.templateValue
        default: nil
        }
    }

    /// The matrix of a PLH of at most 30 fiches of which one at least is linked; nil otherwise.
    init?(_ p: Plan) {
        guard p.fiches.contains(where: { !($0.data.liens ?? []).isEmpty }) && p.data.type == .plh && p.fiches.count <= 30 else { return nil }
        colonnes = p.fiches.map { Column(numero: $0.numero) }
        lignes = p.fiches.map { f in
            let links = Set((f.data.liens ?? []).map(\.value))
            return Row(numero: f.numero, titre: f.data.titre, url: f.url, cellules: p.fiches.map { Cell(lie: links.contains($0.numero), numero: $0.numero) })
        }
    }
}

extension Renderer {
    /// The kind of plan in words: "Programme local de l'habitat".
    func planKindLabel(_ k: PlanFile.Kind) -> String {
        switch k {
        case .plh: return "Programme local de l'habitat"
        case .bilan: return "Bilan de PLH"
        case .pdh: return "Plan départemental de l'habitat"
        }
    }

    /// The view of a plan's page.
    func planView(_ p: Plan) -> PlanView {
        let territory = index.territories[p.data.territoire.value]
        let tables = (index.tablesByPlan[p.id] ?? []).compactMap { index.tables[$0] }
        let registers = (p.data.registres ?? []).map { r in
            PlanView.FicheGroup(titre: r.titre, fiches: p.fiches.filter { ($0.data.registres ?? []).contains { $0.value == r.id } }.map { ficheLinkView($0, p) })
        }
        return PlanView(
            plan: planSummaryView(p), data: p.data, corps: p.body.html,
            orientations: p.data.orientations.map { orientationView($0, of: p) },
            horsOrientation: p.fiches.filter { $0.data.orientation == nil }.map { ficheLinkView($0, p) },
            chiffres: figureRows(p.data.chiffres_cles, citing: p.data.source),
            ecarts: discrepancyRows(p.data.ecarts, citing: p.data.source),
            source: sourceView(p.data.source),
            matrice: FicheMatrix(p),
            bilan: statusCounts(p),
            territoire: territory.map { NamedLink(nom: $0.name, url: $0.url) },
            perimetrePlan: .init(nombre: French.plural(p.perimeter.count, "commune"), texte: p.data.perimetre?.texte,
                                 communes: p.data.perimetre.map { _ in p.perimeter.compactMap { index.communes[$0] }.map { NamedLink(nom: $0.displayName, url: $0.url) } }),
            acheve: planEnded(p) ? planStatus(p) : nil,
            tableaux: tables.map { .init(titre: $0.schema.titre, id: $0.id) },
            registres: registers)
    }

    /// An orientation with its objectives' fiches, and the fiches under none of its objectives.
    func orientationView(_ o: PlanFile.Orientation, of p: Plan) -> PlanView.Orientation {
        let fiches = p.fiches.filter { $0.data.orientation?.value == o.numero }
        let objectives = (o.objectifs ?? []).map { obj in
            PlanView.FicheGroup(numero: obj.numero, titre: obj.titre, fiches: fiches.filter { $0.data.objectif?.value == obj.numero }.map { ficheLinkView($0, p) })
        }
        let loose = fiches.filter { f in f.data.objectif == nil || !(o.objectifs ?? []).contains { $0.numero == f.data.objectif?.value } }
        return .init(numero: o.numero, titre: o.titre, resume: o.resume,
                     mot: levelWord(p, \.orientation, "Orientation"), motObjectif: levelWord(p, \.objectif, "Objectif"),
                     enjeux: o.enjeux, objectifs: objectives, fiches: loose.map { ficheLinkView($0, p) })
    }

    /// A bilan's count of fiches per status, the statuses no fiche has left out.
    func statusCounts(_ p: Plan) -> [PlanView.StatusCount] {
        guard p.data.type == .bilan else { return [] }
        return FicheFile.Review.Status.allCases.compactMap { s in
            let n = p.fiches.filter { $0.data.bilan?.statut == s }.count
            return n > 0 ? .init(status: s, nombre: n) : nil
        }
    }
}
