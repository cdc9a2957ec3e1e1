import HabitatCore

/// Every kind of content file, its place under `Content/` and its schema type.
public struct ContentKind: Sendable {
    public var name: String
    public var place: String
    public var summary: String
    public var shape: SchemaShape

    public static let all: [ContentKind] = [
        .init(name: "site", place: "Content/site.yaml", summary: "Les réglages du site.", shape: SchemaProbe.shape(of: SiteFile.self)),
        .init(name: "territoire", place: "Content/territoires/<id>.yaml", summary: "Une région, un département ou une intercommunalité (EPCI), avec ses secteurs.", shape: SchemaProbe.shape(of: TerritoryFile.self)),
        .init(name: "plan", place: "Content/plans/<plan>/plan.md (en-tête YAML, puis le texte)", summary: "Un PLH, son bilan ou un PDH.", shape: SchemaProbe.shape(of: PlanFile.self)),
        .init(name: "fiche", place: "Content/plans/<plan>/actions/<numero>.md (en-tête YAML, puis le texte)", summary: "Une fiche-action.", shape: SchemaProbe.shape(of: FicheFile.self)),
        .init(name: "table", place: "Content/tables/<id>.yaml, à côté de Content/tables/<id>.csv", summary: "Le schéma d'un tableau de données CSV.", shape: SchemaProbe.shape(of: TableSchemaFile.self)),
        .init(name: "aide", place: "Content/aides/<id>.md (en-tête YAML, puis le guide)", summary: "Le guide d'une aide.", shape: SchemaProbe.shape(of: AidFile.self)),
        .init(name: "regles", place: "Content/aides/<id>.regles.yaml", summary: "Le simulateur d'une aide : questions, règles, résultats, exemples vérifiés.", shape: SchemaProbe.shape(of: SimulatorFile.self)),
        .init(name: "bareme", place: "Content/baremes/<id>.yaml", summary: "Un barème daté (plafonds de ressources…).", shape: SchemaProbe.shape(of: BaremeFile.self)),
        .init(name: "indicateur", place: "Content/indicateurs/<id>.json", summary: "Un indicateur : définition et valeurs.", shape: SchemaProbe.shape(of: IndicatorFile.self)),
        .init(name: "page", place: "Content/pages/<chemin>.md (en-tête YAML, puis le texte)", summary: "Une page libre.", shape: SchemaProbe.shape(of: PageFile.self)),
        .init(name: "sources-referentiel", place: "Content/referentiel/sources.yaml, à côté de Content/referentiel/communes.csv", summary: "Les sources des chiffres du référentiel des communes, citées sur chaque page de commune, chaque vignette et dans les données ouvertes.", shape: SchemaProbe.shape(of: ReferenceSourcesFile.self)),
        .init(name: "audit-accessibilite", place: "Content/audit-accessibilite.json (écrit par les tests du navigateur dans test-artifacts/)", summary: "Les résultats des vérifications d'accessibilité, dont la déclaration d'accessibilité calcule son état de conformité.", shape: SchemaProbe.shape(of: AccessibilityAuditFile.self)),
        .init(name: "document", place: "Content/documents/<id>.yaml, à côté du texte Content/documents/<id>.txt", summary: "Un document source, publié ligne à ligne : les citations « lignes N-M » y renvoient.", shape: SchemaProbe.shape(of: DocumentFile.self)),
        .init(name: "actualite", place: "Content/actualites/<slug>.md (en-tête YAML, puis le texte)", summary: "Une actualité datée.", shape: SchemaProbe.shape(of: NewsFile.self)),
    ]

    /// Every key path of the kind (`budget[].libelle`) with its field.
    public var fields: [(path: String, field: SchemaField)] {
        var out: [(String, SchemaField)] = []
        func walk(_ shape: SchemaShape, _ prefix: String) {
            switch shape {
            case .object(let fields):
                for f in fields {
                    let path = prefix.isEmpty ? f.key : prefix + "." + f.key
                    out.append((path, f))
                    walk(f.shape, path)
                }
            case .list(let inner): walk(inner, prefix + "[]")
            default: break
            }
        }
        walk(shape, "")
        return out.map { (path: $0.0, field: $0.1) }
    }
}

extension SchemaShape {
    /// How the type reads in the reference, in French.
    public var label: String {
        switch self {
        case .text: return "texte"
        case .integer: return "nombre entier"
        case .number: return "nombre"
        case .boolean: return "oui / non"
        case .date: return "date AAAA-MM-JJ"
        case .any: return "valeur libre"
        case .choice(let values): return "un de : " + values.joined(separator: ", ")
        case .list(let inner):
            if case .object = inner { return "liste d'objets" }
            return "liste de " + inner.label
        case .object: return "objet"
        case .map(let inner): return "colonnes : " + inner.label
        }
    }
}
