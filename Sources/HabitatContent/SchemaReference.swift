/// The field reference (`habitat schema`) and the scaffolds (`habitat new`), both generated
/// from the schema types and their descriptions.
public enum SchemaReference {
    public static func markdown(only: String? = nil) -> String {
        var out = "# Référence des fichiers de contenu\n\nGénérée par `habitat schema` à partir du code : chaque clé listée ici est exactement ce que la publication accepte. Une clé inconnue est une erreur, avec une suggestion.\n"
        for kind in ContentKind.all where only == nil || only == kind.name {
            out += "\n## \(kind.name)\n\n\(kind.summary) Emplacement : `\(kind.place)`.\n\n"
            out += "| clé | obligatoire | type | description |\n|---|---|---|---|\n"
            for (path, field) in kind.fields {
                let desc = FieldDescriptions.describe(kind: kind.name, path: path) ?? ""
                out += "| `\(path)` | \(field.required ? "oui" : "non") | \(field.shape.label) | \(desc) |\n"
            }
        }
        return out
    }

    /// Keys without a description (must be empty: tested).
    public static var undocumented: [String] {
        ContentKind.all.flatMap { kind in
            kind.fields.filter { FieldDescriptions.describe(kind: kind.name, path: $0.path) == nil }.map { kind.name + "." + $0.path }
        }
    }

    /// A YAML scaffold with every field: required ones filled from `values` (by path) or a
    /// placeholder, optional ones commented out; each with its French description.
    public static func scaffold(kind name: String, values: [String: String]) -> String? {
        guard let kind = ContentKind.all.first(where: { $0.name == name }), case .object(let fields) = kind.shape else { return nil }
        var out = ""
        func emit(_ fields: [SchemaField], prefix: String, indent: String, commented: Bool) {
            for f in fields {
                let path = prefix.isEmpty ? f.key : prefix + "." + f.key
                let off = commented || (!f.required && values[path] == nil)
                let hash = off ? "# " : ""
                if let desc = FieldDescriptions.describe(kind: kind.name, path: path) { out += "\(indent)# \(desc)\n" }
                switch f.shape {
                case .object(let inner):
                    out += "\(indent)\(hash)\(f.key):\n"
                    emit(inner, prefix: path, indent: indent + "  ", commented: off)
                case .list(.object(let inner)):
                    out += "\(indent)\(hash)\(f.key):\n"
                    out += "\(indent)\(hash)  -\n"
                    emit(inner, prefix: path + "[]", indent: indent + "    ", commented: off)
                case .list(let inner):
                    out += "\(indent)\(hash)\(f.key): [\(values[path] ?? placeholder(inner))]\n"
                default:
                    out += "\(indent)\(hash)\(f.key): \(values[path] ?? placeholder(f.shape))\n"
                }
            }
        }
        emit(fields, prefix: "", indent: "", commented: false)
        return out
    }

    static func placeholder(_ shape: SchemaShape) -> String {
        switch shape {
        case .text, .any: return "\"À compléter\""
        case .integer, .number: return "0"
        case .boolean: return "false"
        case .date: return "2026-01-01"
        case .choice(let values): return values.first ?? "\"\""
        case .list(let inner): return placeholder(inner)
        case .object, .map: return "{}"
        }
    }
}
