import HabitatContent
import HabitatCore
import HabitatTemplate

/// `/simulateur/`: one questionnaire over every aid in force that has a simulator.
struct SimulatorHubPage: PageKind {
    /// The hub's form (with its `hub` questions) and the aids it takes into account.
    struct View: TemplateObject {
        let form: SimulatorFormView
        let aides: [TitledLink]
        func value(named name: String) -> TemplateValue? {
            name == "aides" ? aides.templateValue : form.value(named: name)
        }
    }

    static let profiles: [SimulatorFormView.Hub.Choice] = [
        .init(valeur: "proprietaire-occupant", libelle: "Propriétaire du logement que vous occupez"),
        .init(valeur: "proprietaire-bailleur", libelle: "Propriétaire d'un logement que vous louez"),
        .init(valeur: "locataire", libelle: "Locataire"),
        .init(valeur: "futur-acheteur", libelle: "Futur acheteur de votre première résidence principale"),
    ]
    static let projects: [SimulatorFormView.Hub.Choice] = [
        .init(valeur: "renover", libelle: "Rénover (chauffage, isolation, énergie)"),
        .init(valeur: "adapter", libelle: "Adapter le logement à l'âge ou au handicap"),
        .init(valeur: "acheter", libelle: "Acheter un logement"),
        .init(valeur: "louer", libelle: "Louer un logement"),
    ]

    func dependencies(_ index: SiteIndex) -> [Dependencies.Selector] {
        [.all("territoires/"), .all("communes/"), .all("referentiel/"), .all("aides/"), .all("baremes/")]
    }

    func render(into out: inout PageOutput) {
        let r = out.renderer, index = r.index
        let sims = index.aidOrder.compactMap { index.simulators[$0] }.filter { index.aids[$0.aidId]?.data.statut == .enVigueur && !$0.profiles.isEmpty }
        var form = r.simulatorForm(sims, formId: "hub")
        form.hub = .init(profils: Self.profiles, projets: Self.projects)
        let aids = sims.map { s in TitledLink(titre: index.aids[s.aidId]!.data.titre, url: index.aids[s.aidId]!.url) }
        out.page("/simulateur/", "simulateur", "Quelles aides pour moi ?", [("Quelles aides pour moi ?", "/simulateur/")],
                 View(form: form, aides: aids), kind: "simulateur")
    }
}
