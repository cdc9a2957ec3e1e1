import HabitatContent
import HabitatCore
import HabitatTemplate

/// `{{#simulateur}}` on an aid's page: the form, the barèmes it uses, what it cannot decide.
struct SimulatorView: TemplateObject {
    /// `{{#personas}}`: a worked example checked at every build.
    struct Persona: TemplateObject {
        let nom: String, source: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "source": .text(source)
            default: nil
            }
        }
    }

    let form: SimulatorFormView
    let baremes: [BaremeTableView], baremesAnterieurs: [BaremeTableView]
    let baremeNotes: [String]
    let terminee: Bool
    let limites: [String]
    let personas: [Persona]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "baremes": baremes.templateValue
        case "baremes_anterieurs": baremesAnterieurs.templateValue
        case "bareme_notes": .texts(baremeNotes)
        case "terminee": .bool(terminee)
        case "limites": .texts(limites)
        case "personas": personas.templateValue
        default: form.value(named: name)
        }
    }
}

extension Renderer {
    /// The simulator of one aid, with the barèmes in force and their earlier versions.
    func simulatorView(_ sim: CompiledSimulator) -> SimulatorView {
        let versions = baremeVersions(sim.baremeIds)
        return SimulatorView(
            form: simulatorForm([sim], formId: "sim-" + sim.aidId),
            baremes: baremeTables(versions.current), baremesAnterieurs: baremeTables(versions.earlier),
            baremeNotes: baremeNotes(sim), terminee: index.aids[sim.aidId]?.data.statut == .terminee,
            limites: sim.limits, personas: sim.personas.map { .init(nom: $0.nom.value, source: $0.source) })
    }
}
