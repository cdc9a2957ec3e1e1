import HabitatCore

/// `pages/**/*.md` front matter: a free page (accessibility, legal notice, about).
public struct PageFile: Decodable, Sendable {
    public var titre: String
    public var description: String?
    public var alias: [Positioned<String>]?
    public var mis_a_jour: CalendarDay?
    public var menu: Int?
    public var brouillon: Bool?
}

/// `documents/<id>.yaml`: what a source document is, published beside its text (`documents/<id>.txt`).
public struct DocumentFile: Decodable, Sendable {
    public var titre: String
    /// The file name sources cite (`000_fcc6e955cb7005fb.txt`).
    public var fichier: String
    public var emetteur: String?
    public var date: String?
    public var description: String?
}

/// `actualites/*.md` front matter: a dated news item.
public struct NewsFile: Decodable, Sendable {
    public var titre: String
    public var date: CalendarDay
    public var resume: String?
    public var brouillon: Bool?
    public var publication: CalendarDay?
    public var expiration: CalendarDay?
    public var alias: [Positioned<String>]?
}

/// `site.yaml`: the site's own settings.
public struct SiteFile: Decodable, Sendable {
    public struct MenuItem: Decodable, Sendable, Hashable {
        public var titre: String
        public var url: String
        public init(titre: String, url: String) { self.titre = titre; self.url = url }
    }
    public var titre: String
    public var sous_titre: String?
    public var description: String?
    public var url: String
    public var editeur: String?
    public var html_brut: Bool?
    public var date: CalendarDay?
    public var menu: [MenuItem]?
    public var territoires_accueil: [String]?
    /// Where `url` is written in site.yaml (line 0 when unknown), for the placeholder warning.
    public var urlLine = 0, urlColumn = 0

    private enum CodingKeys: String, CodingKey {
        case titre, sous_titre, description, url, editeur, html_brut, date, menu, territoires_accueil
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        titre = try c.decode(String.self, forKey: .titre)
        sous_titre = try c.decodeIfPresent(String.self, forKey: .sous_titre)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        let u = try c.decode(Positioned<String>.self, forKey: .url)
        (url, urlLine, urlColumn) = (u.value, u.line, u.column)
        editeur = try c.decodeIfPresent(String.self, forKey: .editeur)
        html_brut = try c.decodeIfPresent(Bool.self, forKey: .html_brut)
        date = try c.decodeIfPresent(CalendarDay.self, forKey: .date)
        menu = try c.decodeIfPresent([MenuItem].self, forKey: .menu)
        territoires_accueil = try c.decodeIfPresent([String].self, forKey: .territoires_accueil)
    }

    /// Why an address cannot be the public one (`example.*`, `localhost`, 127.x…), or nil.
    public static func placeholderReason(_ address: String) -> String? {
        var host = Substring(address.lowercased())
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        if let end = host.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { host = host[..<end] }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("[") { return host.hasPrefix("[::1]") ? "::1 ne désigne que votre ordinateur" : nil }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if host.isEmpty { return "elle n'a pas de nom de domaine" }
        if labels.contains("example") { return "« example » est un nom réservé aux exemples" }
        if labels.last == "localhost" || labels.last == "test" || labels.last == "invalid" || labels.last == "local" {
            return "« \(labels.last!) » ne désigne pas un site public"
        }
        if labels.count == 4, labels[0] == "127" || host == "0.0.0.0", labels.allSatisfy({ Int($0) != nil }) {
            return "\(host) ne désigne que votre ordinateur"
        }
        return nil
    }
}

/// `audit-accessibilite.json`: what the accessibility checks found, written by the browser
/// test suite (`test-artifacts/audit-accessibilite.json`) and copied here. The accessibility
/// statement computes its conformance status from it, never from a sentence.
public struct AccessibilityAuditFile: Decodable, Sendable {
    public struct PageType: Decodable, Sendable {
        public var type: String
        public var url: String
        public var violations: Int
    }
    public struct KeyboardPath: Decodable, Sendable {
        public var parcours: String
        public var reussi: Bool
    }
    public struct ManualAudit: Decodable, Sendable {
        public var date: CalendarDay
        public var auditeur: String
        public var criteres_respectes: Int
        public var criteres_applicables: Int
    }
    public var date: CalendarDay
    public var outils: [String]
    public var types_de_page: [PageType]
    public var pages_validees: Int
    public var erreurs_html: Int
    public var parcours_clavier: [KeyboardPath]
    public var audit_manuel: ManualAudit?
}
