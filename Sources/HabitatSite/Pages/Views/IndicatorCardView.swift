import HabitatContent
import HabitatCore
import HabitatTemplate

/// An indicator as a card (`carte-indicateur`): its latest value and how far it is from its target.
struct IndicatorCardView: TemplateObject {
    /// The value the card shows, with its territory and period.
    struct Latest: TemplateObject {
        let periode: String, territoire: String
        let valeur: String?, cible: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "periode": .text(periode)
            case "territoire": .text(territoire)
            case "valeur": valeur.templateValue
            case "cible": cible.templateValue
            default: nil
            }
        }
    }

    /// The share of the target reached: the gauge's width class (0-100) and the percentage.
    struct Progress: TemplateObject {
        let pourcent: Int, libelle: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "pourcent": pourcent.templateValue
            case "libelle": .text(libelle)
            default: nil
            }
        }
    }

    let titre: String, url: String, unite: String
    /// No value at all yet, not even a target.
    let aRenseigner: Bool
    let aValeur: Bool
    let planTerritoire: String?
    let derniere: Latest?
    let progression: Progress?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "url": .text(url)
        case "unite": .text(unite)
        case "a_renseigner": .bool(aRenseigner)
        case "a_valeur": .bool(aValeur)
        case "plan_territoire": planTerritoire.templateValue
        case "derniere": derniere.templateValue
        case "progression": progression.templateValue
        default: nil
        }
    }
}

extension Renderer {
    /// An indicator's card: its latest value, and the share of the target reached when it has one.
    func indicatorCardView(_ ind: Indicator) -> IndicatorCardView {
        let latest = latestValue(ind)
        let unit = ind.data.unite
        var progress: IndicatorCardView.Progress?
        if let l = latest, let v = l.valeur, let c = l.cible, c > 0 {
            let ratio = min(max(v / c, 0), 1)
            progress = .init(pourcent: Int((ratio * 100).rounded()), libelle: French.percent(v / c * 100, maxFractionDigits: 0))
        }
        return IndicatorCardView(
            titre: ind.data.titre, url: ind.url, unite: unit,
            aRenseigner: ind.data.valeurs.isEmpty, aValeur: latest?.valeur != nil,
            planTerritoire: ind.data.plans.first.flatMap { index.plans[$0.plan.value] }.flatMap { index.territories[$0.data.territoire.value]?.shortName },
            derniere: latest.map { v in
                .init(periode: v.periode.value, territoire: territoryName(v.territoire.value),
                      valeur: v.valeur.map { Format.number($0, unit: unit) }, cible: v.cible.map { Format.number($0, unit: unit) })
            },
            progression: progress)
    }
}
