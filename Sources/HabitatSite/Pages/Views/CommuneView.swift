import HabitatContent
import HabitatCore
import HabitatTemplate

/// The commune page: what a resident can act on first (aids, contacts), then the plans, the
/// figures, the indicators and the embed codes.
struct CommuneView: TemplateObject {
    let identity: CommuneIdentityView
    let tableaux: [CommuneTableView]
    let plans: [CommunePlanView]
    let aides: [CommuneAidView], aidesTerminees: [CommuneAidView]
    let contacts: CommuneContactsView
    let indicateurs: [IndicatorValueRow]
    let hierarchie: [TerritoryLink]
    let codesIntegration: [EmbedCodeView]
    let sansPlanLocal: Bool, plansEnCours: Bool
    let adil: String, donneesJSON: String

    func value(named name: String) -> TemplateValue? {
        if let v = identity.value(named: name) { return v }
        switch name {
        case "tableaux": return tableaux.templateValue
        case "plans": return plans.templateValue
        case "aides": return aides.templateValue
        case "aides_terminees": return aidesTerminees.templateValue
        case "a_aides_terminees": return .bool(!aidesTerminees.isEmpty)
        case "contacts": return .object(contacts)
        case "indicateurs": return indicateurs.templateValue
        case "hierarchie": return hierarchie.templateValue
        case "codes_integration": return codesIntegration.templateValue
        case "sans_plan_local": return .bool(sansPlanLocal)
        case "plans_en_cours": return .bool(plansEnCours)
        case "adil": return .text(adil)
        case "donnees_json": return .text(donneesJSON)
        default: return nil
        }
    }
}

/// One row of a table about the commune, as the page shows it, with its source and CSV.
struct CommuneTableView: TemplateObject {
    let titre: String, id: String
    let cellules: [CommuneCellView]
    let source: SourceView?
    let phrase: String, csv: String, ligne: Int
    let fiche: FicheLinkView?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "id": .text(id)
        case "cellules": cellules.templateValue
        case "source": source.templateValue
        case "phrase": .text(phrase)
        case "csv": .text(csv)
        case "ligne": ligne.templateValue
        case "fiche": fiche.templateValue
        default: nil
        }
    }
}

/// A plan covering the commune, with its fiches that apply there.
struct CommunePlanView: TemplateObject {
    let plan: PlanSummaryView
    let specifiques: [FicheLinkView], generales: [FicheLinkView], textuelles: [FicheLinkView]
    let nombre: String, statut: String, acheve: Bool

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "plan": .object(plan)
        case "specifiques": specifiques.templateValue
        case "generales": generales.templateValue
        case "textuelles": textuelles.templateValue
        case "nombre": .text(nombre)
        case "statut": .text(statut)
        case "acheve": .bool(acheve)
        default: nil
        }
    }
}

/// One aid on a commune page: amount (as the aid states it), funder, status and simulator link.
struct CommuneAidView: TemplateObject {
    let titre: String, url: String, resume: String, statut: String
    let montant: String?, financeur: String
    let enVigueur: Bool
    let lienSimulateur: String?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "url": .text(url)
        case "resume": .text(resume)
        case "statut": .text(statut)
        case "montant": .nonEmpty(montant)
        case "financeur": .text(financeur)
        case "en_vigueur": .bool(enVigueur)
        case "lien_simulateur": lienSimulateur.templateValue
        default: nil
        }
    }
}

/// `{{#contacts}}`: the ADIL of the commune's département.
struct CommuneContactsView: TemplateObject {
    let adil: String, adilURL: String
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "adil": .text(adil)
        case "adil_url": .text(adilURL)
        default: nil
        }
    }
}

/// An embed snippet at one size: `{{format}}`, `{{largeur}}`, `{{hauteur}}`, `{{code}}`.
struct EmbedCodeView: TemplateObject {
    let format: String, largeur: Int, hauteur: Int, code: String
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "format": .text(format)
        case "largeur": largeur.templateValue
        case "hauteur": hauteur.templateValue
        case "code": .text(code)
        default: nil
        }
    }
}
