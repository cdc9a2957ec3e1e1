import HabitatContent
import HabitatCore
import HabitatTemplate

/// A territory in a list: `{{nom}}`, `{{url}}` and its kind (`Intercommunalité`).
struct TerritoryLink: TemplateObject {
    let nom: String, url: String, type: String
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "nom": .text(nom)
        case "url": .text(url)
        case "type": .text(type)
        default: nil
        }
    }
}

/// One row of `tableau-indicateurs`: an indicator's value for a territory or a commune.
struct IndicatorValueRow: TemplateObject {
    let titre: String, url: String, periode: String
    let valeur: String?, cible: String?
    let masque: Bool
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "titre": .text(titre)
        case "url": .text(url)
        case "periode": .text(periode)
        case "valeur": valeur.templateValue
        case "cible": cible.templateValue
        case "masque": .bool(masque)
        default: nil
        }
    }
}

extension Renderer {
    func territoryKindLabel(_ k: TerritoryFile.Kind) -> String {
        switch k {
        case .region: return "Région"
        case .departement: return "Département"
        case .epci: return "Intercommunalité"
        }
    }

    func territoryLink(_ t: Territory) -> TerritoryLink {
        TerritoryLink(nom: t.name, url: t.url, type: territoryKindLabel(t.file.type))
    }

    /// Indicator values recorded for a territory or commune id (looked up, not searched).
    func indicatorRows(at id: String) -> [IndicatorValueRow] {
        (index.valuesByTerritory[id] ?? []).map { ref in
            let ind = index.indicators[ref.indicator]!
            let v = ind.data.valeurs[ref.value]
            return IndicatorValueRow(titre: ind.data.titre, url: ind.url, periode: v.periode.value,
                                     valeur: v.valeur.map { Format.number($0, unit: ind.data.unite) },
                                     cible: v.cible.map { Format.number($0, unit: ind.data.unite) },
                                     masque: v.masque ?? false)
        }
    }
}
