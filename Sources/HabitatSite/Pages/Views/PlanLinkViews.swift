import HabitatContent
import HabitatCore
import HabitatTemplate

/// A link to a fiche, as lists of fiches show it: number, title, plan, status.
struct FicheLinkView: TemplateObject {
    let numero: String, titre: String, url: String, mot: String
    let plan: String, planURL: String
    let statut: String?, statutCode: String?
    let sousAction: Bool
    /// Only in the lists of fiches whose scope is a text: that text (`{{perimetre}}`).
    var perimetre: TemplateValue? = nil

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "numero": .text(numero)
        case "titre": .text(titre)
        case "url": .text(url)
        case "mot": .text(mot)
        case "plan": .text(plan)
        case "plan_url": .text(planURL)
        case "statut": statut.templateValue
        case "statut_code": statutCode.templateValue
        case "sous_action": .bool(sousAction)
        case "perimetre": perimetre
        default: nil
        }
    }
}

/// A plan as lists of plans show it.
struct PlanSummaryView: TemplateObject {
    let id: String, titre: String, url: String, type: String, typeLibelle: String
    let periode: String?, territoire: String?, territoireURL: String?
    let nombreFiches: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": .text(id)
        case "titre": .text(titre)
        case "url": .text(url)
        case "type": .text(type)
        case "type_libelle": .text(typeLibelle)
        case "periode": .nonEmpty(periode)
        case "territoire": territoire.templateValue
        case "territoire_url": territoireURL.templateValue
        case "nombre_fiches": .text(nombreFiches)
        default: nil
        }
    }
}

/// A commune or a territory in a list of links: `{{nom}}`, `{{url}}`.
struct NamedLink: TemplateObject {
    let nom: String, url: String?
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "nom": .text(nom)
        case "url": url.templateValue
        default: nil
        }
    }
}

/// A page in a list of links: `{{titre}}`, `{{url}}`, and a summary when the list shows one.
struct TitledLink: TemplateObject {
    let titre: String, url: String
    var resume: String? = nil
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "url": .text(url)
        case "resume": resume.map(TemplateValue.text)
        default: nil
        }
    }
}

/// Which communes a fiche or an aid applies to, in words, with the communes listed.
struct ScopeView: TemplateObject {
    let type: String, libelle: String, texte: String?
    let communes: [NamedLink]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "type": .text(type)
        case "libelle": .text(libelle)
        case "texte": .nonEmpty(texte)
        case "communes": communes.templateValue
        case "nombre": .text(French.plural(communes.count, "commune"))
        default: nil
        }
    }
}

extension Renderer {
    func ficheLinkView(_ f: Fiche, _ plan: Plan) -> FicheLinkView {
        FicheLinkView(numero: f.numero, titre: f.data.titre, url: f.url, mot: levelWord(plan, \.action, "Action"),
                      plan: plan.data.titre, planURL: plan.url,
                      statut: f.data.bilan.map { $0.statut.label }, statutCode: f.data.bilan.map { $0.statut.rawValue },
                      sousAction: f.data.parent != nil)
    }

    func planSummaryView(_ p: Plan) -> PlanSummaryView {
        let t = index.territories[p.data.territoire.value]
        return PlanSummaryView(id: p.id, titre: p.data.titre, url: p.url, type: p.data.type.rawValue, typeLibelle: planKindLabel(p.data.type),
                               periode: p.data.periode, territoire: t?.name, territoireURL: t?.url,
                               nombreFiches: French.plural(p.fiches.count, "fiche"))
    }

    /// The scope of a fiche or an aid of `territory`, with the communes it names.
    func scopeView(_ scope: Scope?, communes: [NamedLink], territory: String) -> ScopeView? {
        guard let scope else { return nil }
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
        return ScopeView(type: scope.type.rawValue, libelle: French.typography(label), texte: scope.texte, communes: communes)
    }
}
