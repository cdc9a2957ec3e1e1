import HabitatCore

/// `pages/**/*.md` front matter: a free page (accessibility, legal notice, about).
public struct PageFile: Decodable, Sendable {
    public var titre: String
    public var description: String?
    public var alias: [Positioned<String>]?
    public var mis_a_jour: CalendarDay?
    public var menu: Int?
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
