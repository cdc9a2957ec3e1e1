import HabitatContent
import HabitatCore

/// Open data a reuser can trust: the licence, machine numbers, sources that name the document,
/// and a Frictionless Data Package (`/donnees/datapackage.json`, one Table Schema per CSV, as
/// schema.data.gouv.fr describes them).
extension Renderer {
    static let licenceName = "etalab-2.0"
    static let licenceTitle = "Licence Ouverte / Open Licence version 2.0"
    static let licenceURL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

    static var licenceJSON: JSONValue {
        .object([("name", .string(licenceName)), ("title", .string(licenceTitle)), ("path", .string(licenceURL))])
    }

    /// A number as a machine reads it: `.` for decimals, no grouping, no unit (`3.4`, `1070`).
    static func machineNumber(_ d: Double) -> String {
        if d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(d)
        if s.contains("e") { s = String(format: "%.10f", d); while s.hasSuffix("0") { s.removeLast() } }
        return s
    }

    static func csvField(_ s: String) -> String {
        s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// `« Programme local de l'habitat 2019-2025 » (fichier 000_….txt, lignes 219-347)`: the
    /// document's title when a plan cites the same file, then the file and its lines.
    func sourceDescription(_ s: SourceRef) -> String {
        let title = index.documentByFile[s.fichier].flatMap { index.documents[$0]?.data.titre }
            ?? index.planTitleBySourceFile[s.fichier]
        let lines = s.lignes.flatMap { $0.isEmpty ? nil : ($0.contains("-") || $0.contains(",") ? "lignes \($0)" : "ligne \($0)") }
        let position = "fichier \(s.fichier)" + (lines.map { ", " + $0 } ?? "")
        return title.map { "« \($0) » (\(position))" } ?? position
    }

    /// Whether a column holds only numbers (a `texte_libre` column keeps the document's words).
    func isNumeric(_ c: TableSchemaFile.Column) -> Bool {
        c.type != .texte && c.type != .ouiNon && !(c.texte_libre ?? false)
    }

    func unitOf(_ c: TableSchemaFile.Column) -> String? {
        if let u = c.unite, !u.isEmpty { return u }
        switch c.type {
        case .pourcentage: return "%"
        case .euros: return "€"
        default: return nil
        }
    }

    /// A table whose rows name communes: its CSV and JSON lead with the commune's INSEE code
    /// (only on a site with the reference; a small site keys communes by name).
    func keyedByCommune(_ t: DataTable) -> Bool {
        index.reference != nil && t.rows.contains { $0.communeCode != nil }
    }

    /// The Table Schema of a data table's CSV.
    func tableSchema(_ t: DataTable) -> JSONValue {
        let code: [JSONValue] = keyedByCommune(t) ? [.object([
            ("name", .string("code_insee")), ("title", .string("Code INSEE de la commune")), ("type", .string("string")),
            ("description", .string("Code officiel géographique de la commune de la ligne ; vide pour une ligne de total ou de secteur")),
        ])] : []
        let fields: [JSONValue] = code + t.schema.colonnes.map { c in
            var pairs: [(String, JSONValue)] = [("name", .string(c.id)), ("title", .string(c.libelle))]
            let unit = unitOf(c)
            var description = c.libelle
            if let unit { description += " (unité : \(unit))" }
            if c.texte_libre ?? false { description += " ; certaines cellules sont du texte, comme dans le document" }
            pairs.append(("description", .string(description)))
            if isNumeric(c) {
                pairs.append(("type", .string(c.type == .entier ? "integer" : "number")))
            } else if c.type == .ouiNon {
                pairs.append(("type", .string("boolean")))
                pairs.append(("trueValues", .array([.string("oui")])))
                pairs.append(("falseValues", .array([.string("non")])))
            } else {
                pairs.append(("type", .string("string")))
            }
            if let unit { pairs.append(("unit", .string(unit))) }
            return .object(pairs)
        }
        var schema: [(String, JSONValue)] = [("fields", .array(fields)), ("missingValues", .array([.string("")]))]
        if let key = t.schema.cle { schema.append(("x-cle", .string(key))) }
        return .object(schema)
    }

    func indicatorSchema(_ ind: Indicator) -> JSONValue {
        let unit = ind.data.unite
        func field(_ name: String, _ title: String, _ type: String, unit u: String? = nil) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("name", .string(name)), ("title", .string(title)), ("type", .string(type))]
            if let u { pairs.append(("description", .string("\(title) (unité : \(u))"))); pairs.append(("unit", .string(u))) }
            return .object(pairs)
        }
        return .object([
            ("fields", .array([
                field("territoire", "Territoire ou commune (identifiant)", "string"),
                field("periode", "Période (année ou années)", "string"),
                field("valeur", "Valeur", "number", unit: unit),
                field("cible", "Objectif", "number", unit: unit),
                field("unite", "Unité", "string"),
                .object([("name", .string("masque")), ("title", .string("Secret statistique")), ("type", .string("boolean")),
                         ("trueValues", .array([.string("oui")])), ("falseValues", .array([.string("non")]))]),
                field("statut", "Statut en mots", "string"),
            ])),
            ("missingValues", .array([.string("")])),
        ])
    }

    /// Every commune the index knows, one row each, keyed by its INSEE code: the bulk file a
    /// reuser joins to other data (`code_insee`, as INSEE and data.gouv.fr name it).
    func communesCSV() -> String {
        var out = Self.communesColumns(nil).map(\.name).joined(separator: ";") + "\n"
        for code in index.communeOrder {
            guard let c = index.communes[code] else { continue }
            let epci = index.territories[c.epciId]
            let sector = c.sectorId.flatMap { index.sectors[c.epciId + "/" + $0]?.name } ?? c.sectorId ?? ""
            let plans = plansCovering(c).map(\.id).joined(separator: " ")
            let aids = index.aids(forCommune: c.code).filter { $0.data.statut == .enVigueur }.count
            let fields = [c.code, c.name, c.displayName, c.departement ?? "", c.departementName ?? "", epci?.file.siren?.value ?? "", epci?.name ?? "",
                          c.population.map(String.init) ?? "", c.zoneABC ?? "", sector, c.structuration ?? "", baseURL + c.url, plans, String(aids)]
            out += fields.map(Self.csvField).joined(separator: ";") + "\n"
        }
        return out
    }

    struct CommuneColumn { let name, title, type: String; var unit: String? = nil; var description: String? = nil }

    /// The columns of `/donnees/communes.csv`, their sources as `referentiel/sources.yaml` gives them.
    static func communesColumns(_ ref: CommuneReference?) -> [CommuneColumn] { [
        CommuneColumn(name: "code_insee", title: "Code INSEE de la commune", type: "string", description: "Code officiel géographique, 5 caractères"),
        CommuneColumn(name: "nom", title: "Nom officiel de la commune", type: "string"),
        CommuneColumn(name: "nom_affiche", title: "Nom affiché", type: "string", description: "Le nom suivi du département pour les communes homonymes"),
        CommuneColumn(name: "departement", title: "Code du département", type: "string"),
        CommuneColumn(name: "nom_departement", title: "Nom du département", type: "string"),
        CommuneColumn(name: "epci_siren", title: "SIREN de l'intercommunalité", type: "string", description: "9 chiffres ; vide pour une commune hors intercommunalité"),
        CommuneColumn(name: "epci_nom", title: "Nom de l'intercommunalité", type: "string"),
        CommuneColumn(name: "population", title: "Population municipale", type: "integer", unit: "habitants", description: "Population municipale (unité : habitants)" + (ref.map { " ; " + $0.populationSource } ?? "")),
        CommuneColumn(name: "zone_abc", title: "Zone ABC", type: "string", description: ref?.zoneSource),
        CommuneColumn(name: "secteur", title: "Secteur du PLH", type: "string"),
        CommuneColumn(name: "structuration", title: "Structuration territoriale (SCoT)", type: "string"),
        CommuneColumn(name: "url", title: "Page de la commune sur le portail", type: "string"),
        CommuneColumn(name: "plans", title: "Plans qui s'appliquent à la commune", type: "string", description: "Identifiants des plans, séparés par une espace (page /plans/<identifiant>/)"),
        CommuneColumn(name: "aides_en_vigueur", title: "Nombre d'aides en vigueur", type: "integer", unit: "aides", description: "Aides en vigueur dans la commune, nationales comprises (unité : aides)"),
    ] }

    static func communesSchema(_ ref: CommuneReference?) -> JSONValue {
        .object([
            ("fields", .array(communesColumns(ref).map { c in
                var pairs: [(String, JSONValue)] = [("name", .string(c.name)), ("title", .string(c.title)), ("type", .string(c.type))]
                if let d = c.description { pairs.append(("description", .string(d))) }
                if let u = c.unit { pairs.append(("unit", .string(u))) }
                if c.name == "url" { pairs.append(("format", .string("uri"))) }
                if c.name == "code_insee" { pairs.append(("constraints", .object([("required", .bool(true)), ("unique", .bool(true))]))) }
                if c.name == "population" || c.name == "aides_en_vigueur" { pairs.append(("constraints", .object([("minimum", .number(0))]))) }
                return .object(pairs)
            })),
            ("primaryKey", .string("code_insee")),
            ("missingValues", .array([.string("")])),
        ])
    }

    /// `/donnees/datapackage.json`.
    func dataPackage() -> String {
        func resource(_ name: String, _ path: String, _ title: String, _ source: String?, _ schema: JSONValue) -> JSONValue {
            var pairs: [(String, JSONValue)] = [
                ("name", .string(name)), ("path", .string(path)), ("title", .string(title)),
                ("format", .string("csv")), ("mediatype", .string("text/csv")), ("encoding", .string("utf-8")),
                ("dialect", .object([("delimiter", .string(";")), ("header", .bool(true))])),
            ]
            if let source { pairs.append(("sources", .array([.object([("title", .string(source))])]))) }
            pairs.append(("licenses", .array([Self.licenceJSON])))
            pairs.append(("schema", schema))
            return .object(pairs)
        }
        var resources: [JSONValue] = [resource("communes", "communes.csv", "Les communes du portail, par code INSEE", referenceSourceLine, Self.communesSchema(index.reference))]
        for id in index.tableOrder {
            guard let t = index.tables[id] else { continue }
            resources.append(resource(id, "\(id).csv", t.schema.titre, sourceDescription(t.schema.source), tableSchema(t)))
        }
        for id in index.indicatorOrder {
            guard let i = index.indicators[id] else { continue }
            resources.append(resource("indicateur-" + id, "indicateurs/\(id).csv", i.data.titre, sourceDescription(i.data.source), indicatorSchema(i)))
        }
        let name = Slug.make(index.site.titre).isEmpty ? "habitat" : Slug.make(index.site.titre)
        return JSONValue.object([
            ("name", .string(name)),
            ("title", .string(index.site.titre + " — données ouvertes")),
            ("homepage", .string(baseURL + "/donnees/")),
            ("created", .string(buildDate.description + "T00:00:00Z")),
            ("licenses", .array([Self.licenceJSON])),
            ("resources", .array(resources)),
        ]).serialized() + "\n"
    }
}

extension Renderer {
    /// Where the communes' codes, populations and zones come from (`referentiel/sources.yaml`);
    /// a site without the reference names its own `communes/` files.
    var referenceSourceLine: String {
        index.reference.map { [$0.cogSource, $0.populationSource, $0.zoneSource].joined(separator: " ; ") } ?? "fichiers communes/*.csv du site"
    }
}
