import HabitatContent
import HabitatCore
import HabitatTemplate

/// What the commune page and its embeddable card share: names, reference, EPCI, sector, key
/// figures (the first four cells of the commune's first table).
struct CommuneIdentityView: TemplateObject {
    /// `{{commune.nom}}`, `{{commune.url}}`…: the commune as the site names it.
    struct Names: TemplateObject {
        let nom: String, slug: String, code: String, url: String
        let structuration: String?, profil: String?
        let source: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "slug": .text(slug)
            case "code": .text(code)
            case "url": .text(url)
            case "structuration": .nonEmpty(structuration)
            case "profil": .nonEmpty(profil)
            case "source": .text(source)
            default: nil
            }
        }
    }

    /// `{{#epci}}`: the commune's intercommunality.
    struct Epci: TemplateObject {
        let nom: String, sigle: String, url: String
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "sigle": .text(sigle)
            case "url": .text(url)
            default: nil
            }
        }
    }

    /// `{{#secteur}}`: the sector of the EPCI the commune belongs to.
    struct SectorLabel: TemplateObject {
        let nom: String, type: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "nom": .text(nom)
            case "type": .nonEmpty(type)
            default: nil
            }
        }
    }

    let reference: CommuneReferenceView?
    let commune: Names
    let epci: Epci?
    let secteur: SectorLabel?
    let chiffresVignette: [CommuneCellView]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "reference": reference.templateValue
        case "commune": .object(commune)
        case "epci": epci.templateValue
        case "secteur": secteur.templateValue
        case "chiffres_vignette": chiffresVignette.templateValue
        default: nil
        }
    }
}

/// `{{#reference}}`: what the reference says of a commune — code, population with its year and
/// source, zone ABC with its arrêté, département.
struct CommuneReferenceView: TemplateObject {
    /// `{{#reference.departement}}`, linked to its territory page when the site has one.
    struct Departement: TemplateObject {
        let code: String, nom: String, url: String?
        func value(named name: String) -> TemplateValue? {
            switch name {
            case "code": .text(code)
            case "nom": .text(nom)
            case "url": url.templateValue
            default: nil
            }
        }
    }

    let code: String, nomOfficiel: String, nomAffiche: String
    let graphieDocument: String?, anciensNoms: String?
    let population: String?, zoneABC: String?
    /// The sources `referentiel/sources.yaml` gives for the population and the zone.
    let populationSource: String, zoneSource: String
    let departement: Departement?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "code": .text(code)
        case "nom_officiel": .text(nomOfficiel)
        case "nom_affiche": .text(nomAffiche)
        case "graphie_document": .nonEmpty(graphieDocument)
        case "anciens_noms": .nonEmpty(anciensNoms)
        case "population": population.templateValue
        case "population_source": .text(populationSource)
        case "zone_abc": .nonEmpty(zoneABC)
        case "zone_source": .text(zoneSource)
        case "departement": departement.templateValue
        default: nil
        }
    }
}

/// One cell of a commune's table row: `{{libelle}}`, `{{valeur}}` ("—" when empty), `{{unite}}`.
struct CommuneCellView: TemplateObject {
    let libelle: String, valeur: String, unite: String?, vide: Bool
    func value(named name: String) -> TemplateValue? {
        switch name {
        case "libelle": .text(libelle)
        case "valeur": .text(valeur)
        case "unite": .nonEmpty(unite)
        case "vide": .bool(vide)
        default: nil
        }
    }
}

extension Renderer {
    /// The identity of a commune; `keyFigures` are the cells the card would show.
    func communeIdentity(_ c: Commune, keyFigures: [CommuneCellView]) -> CommuneIdentityView {
        let epci = index.territories[c.epciId]
        let sector = c.sectorId.flatMap { index.sectors["\(c.epciId)/\($0)"] }
        return CommuneIdentityView(
            reference: index.reference != nil ? communeReference(c) : nil,
            commune: .init(nom: c.displayName, slug: c.slug, code: c.code, url: c.url, structuration: c.structuration, profil: c.profil, source: c.source),
            epci: epci.map { .init(nom: $0.name, sigle: $0.shortName, url: $0.url) },
            secteur: sector.map { .init(nom: $0.name, type: $0.kind) },
            chiffresVignette: keyFigures)
    }

    /// What the reference says of a commune.
    func communeReference(_ c: Commune) -> CommuneReferenceView {
        CommuneReferenceView(
            code: c.code, nomOfficiel: c.name, nomAffiche: c.displayName, graphieDocument: c.seedName,
            anciensNoms: c.formerNames.isEmpty ? nil : c.formerNames.joined(separator: ", "),
            population: c.population.map { French.integer($0) + " habitants" }, zoneABC: c.zoneABC,
            populationSource: index.reference?.populationSource ?? "", zoneSource: index.reference?.zoneSource ?? "",
            departement: c.departement.map { code in .init(code: code, nom: c.departementName ?? code, url: departementPage(code)?.url) })
    }

    /// The territory page of a département, by its code.
    func departementPage(_ code: String) -> Territory? {
        index.departementByCode[code].flatMap { index.territories[$0] }
    }
}
