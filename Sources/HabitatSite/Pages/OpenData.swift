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
        let title = index.planOrder.compactMap { index.plans[$0] }.first { $0.data.source.fichier == s.fichier }?.data.titre
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

    /// The Table Schema of a data table's CSV.
    func tableSchema(_ t: DataTable) -> JSONValue {
        let fields: [JSONValue] = t.schema.colonnes.map { c in
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

    /// Every commune the index knows, one row each.
    /// The INSEE code joins this file when communes are keyed by it.
    func communesCSV() -> String {
        var out = "commune;nom;epci;epci_nom;secteur;structuration;url\n"
        for slug in index.communeOrder {
            guard let c = index.communes[slug] else { continue }
            let epciName = index.territories[c.epciId]?.name ?? ""
            let sector = c.sectorId.flatMap { index.sectors[c.epciId + "/" + $0]?.name } ?? c.sectorId ?? ""
            out += [c.slug, c.name, c.epciId, epciName, sector, c.structuration ?? "", baseURL + c.url].map(Self.csvField).joined(separator: ";") + "\n"
        }
        return out
    }

    static let communesSchema: JSONValue = .object([
        ("fields", .array([
            ("commune", "Identifiant de la commune sur le portail"), ("nom", "Nom de la commune"), ("epci", "Identifiant de l'intercommunalité"),
            ("epci_nom", "Nom de l'intercommunalité"), ("secteur", "Secteur du PLH"), ("structuration", "Structuration territoriale (SCoT)"),
            ("url", "Page de la commune"),
        ].map { JSONValue.object([("name", .string($0.0)), ("title", .string($0.1)), ("type", .string($0.0 == "url" ? "string" : "string"))] + ($0.0 == "url" ? [("format", .string("uri"))] : [])) })),
        ("primaryKey", .string("commune")),
        ("missingValues", .array([.string("")])),
    ])

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
        var resources: [JSONValue] = [resource("communes", "communes.csv", "Les communes du portail", "Les fichiers Content/communes/*.csv du portail", Self.communesSchema)]
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
