import HabitatContent
import HabitatCore
import HabitatRules
import HabitatTemplate

/// `{{> simulateur-formulaire}}`: the form of one simulator (an aid's page) or of several (the hub),
/// with the rules the page script runs.
struct SimulatorFormView: TemplateObject {
    /// One question (questions shared by id appear once; their choices merged).
    struct Question: TemplateObject {
        /// A choice of a `choix` or `commune` question.
        struct Option: TemplateObject {
            let valeur: String, libelle: String, optionId: String
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "valeur": .text(valeur)
                case "libelle": .text(libelle)
                case "option_id": .text(optionId)
                default: nil
                }
            }
        }

        let question: CompiledSimulator.Question
        /// The field's HTML id: `<form id>-<question id>`.
        let champ: String

        func value(named name: String) -> TemplateValue? {
            let q = question
            switch name {
            case "id": return .text(q.id)
            case "champ": return .text(champ)
            case "libelle": return .text(q.label)
            case "aide": return .nonEmpty(q.help)
            case "aide_id": return .text(champ + "-aide")
            case "erreur_id": return .text(champ + "-erreur")
            case "oui_non": return .bool(q.type == .ouiNon)
            case "choix": return .bool(q.type == .choix)
            case "commune": return .bool(q.type == .commune)
            case "nombre": return .bool(q.type == .entier || q.type == .euros)
            case "euros": return .bool(q.type == .euros)
            case "min": return q.min.map { RuleValue.number($0).description }.templateValue
            case "max": return q.max.map { RuleValue.number($0).description }.templateValue
            case "options":
                return q.options.enumerated().map { (i, o) in Option(valeur: o.valeur, libelle: o.libelle, optionId: "\(champ)-\(i)") }.templateValue
            case "conditionnelle": return .bool(q.condition != nil)
            default: return nil
            }
        }
    }

    /// `{{#chercheur_commune}}`: the commune finder's element ids.
    struct CommuneFinder: TemplateObject {
        let formId: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "champ": .text(formId + "-commune")
            case "aide_id": .text(formId + "-commune-aide")
            case "erreur_id": .text(formId + "-commune-erreur")
            case "liste_id": .text(formId + "-commune-choix")
            case "etat_id": .text(formId + "-commune-etat")
            default: nil
            }
        }
    }

    /// `{{#hub}}`: the hub's first two questions, who you are and what you plan.
    struct Hub: TemplateObject {
        /// A radio choice: `{{valeur}}`, `{{libelle}}`.
        struct Choice: TemplateObject {
            let valeur: String, libelle: String
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "valeur": .text(valeur)
                case "libelle": .text(libelle)
                default: nil
                }
            }
        }

        let profils: [Choice], projets: [Choice]
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "profils": profils.templateValue
            case "projets": projets.templateValue
            default: nil
            }
        }
    }

    let formId: String
    let questions: [Question]
    /// Only on the hub.
    var hub: Hub? = nil
    let chercheurCommune: CommuneFinder?
    let reglesJSON: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "form_id": .text(formId)
        case "questions": questions.templateValue
        case "hub": hub.templateValue
        case "chercheur_commune": chercheurCommune.templateValue
        case "regles_id": .text(formId + "-regles")
        case "resultat_id": .text(formId + "-resultat")
        case "regles_json": .text(reglesJSON)
        default: nil
        }
    }
}

extension Renderer {
    /// The form of a set of simulators: questions shared by id appear once, their choices merged.
    func simulatorForm(_ sims: [CompiledSimulator], formId: String) -> SimulatorFormView {
        var order: [String] = []
        var merged: [String: CompiledSimulator.Question] = [:]
        for sim in sims {
            for q in sim.questions where !sim.derived.contains(q.id) {
                if var existing = merged[q.id] {
                    for o in q.options where !existing.options.contains(where: { $0.valeur == o.valeur }) { existing.options.append(o) }
                    merged[q.id] = existing
                } else {
                    merged[q.id] = q
                    order.append(q.id)
                }
            }
        }
        // One commune finder (on /communes/index.json) when an answer comes from the commune and no
        // question already asks it (a local simulator's own list of its communes).
        let finder = sims.contains { $0.needsCommune } && !merged.values.contains { $0.type == .commune }
        return SimulatorFormView(formId: formId, questions: order.map { .init(question: merged[$0]!, champ: "\(formId)-\($0)") },
                                 chercheurCommune: finder ? .init(formId: formId) : nil, reglesJSON: simulatorJSON(sims))
    }
}
