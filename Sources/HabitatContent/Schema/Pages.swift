import HabitatCore

/// `pages/**/*.md` front matter: a free page (accessibility, legal notice, about).
public struct PageFile: Decodable, Sendable {
    public var titre: String
    public var description: String?
    public var alias: [Positioned<String>]?
    public var mis_a_jour: CalendarDay?
    public var menu: Int?
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
