import HabitatContent
import HabitatCore
import HabitatMarkdown

/// Everything the site knows once every file is parsed and every reference resolved.
/// Built once (stage 3); rendering only reads it.
public struct SiteIndex: Sendable {
    public var site: SiteFile
    public var territories: [String: Territory] = [:]
    public var territoryOrder: [String] = []
    public var sectors: [String: Sector] = [:]
    public var communes: [String: Commune] = [:]
    public var communeOrder: [String] = []
    public var plans: [String: Plan] = [:]
    public var planOrder: [String] = []
    public var tables: [String: DataTable] = [:]
    public var tableOrder: [String] = []
    public var aids: [String: Aid] = [:]
    public var aidOrder: [String] = []
    public var indicators: [String: Indicator] = [:]
    public var indicatorOrder: [String] = []
    public var pages: [FreePage] = []
    public var news: [NewsItem] = []
    public var assets: [String] = []
    public var baremes: [String: Bareme] = [:]
    public var simulators: [String: CompiledSimulator] = [:]

    /// The territory ids from `id` up to the région.
    public func ancestors(of id: String) -> [String] {
        var out: [String] = []
        var current = territories[id]?.file.parent?.value
        while let c = current, let t = territories[c], !out.contains(c) {
            out.append(c)
            current = t.file.parent?.value
        }
        return out
    }

    /// Every commune under a territory (its own and its descendants').
    public func communes(under id: String) -> [String] {
        guard let t = territories[id] else { return [] }
        var out = t.communeSlugs
        for c in t.childIds { out += communes(under: c) }
        return out
    }

    /// The territory id of a commune's EPCI and everything above it.
    public func territoryChain(ofCommune slug: String) -> [String] {
        guard let c = communes[slug] else { return [] }
        return [c.epciId] + ancestors(of: c.epciId)
    }

    /// Rows of every commune-keyed table that concern this commune.
    public func rows(forCommune slug: String) -> [(DataTable, TableRow)] {
        var out: [(DataTable, TableRow)] = []
        for id in tableOrder {
            guard let t = tables[id] else { continue }
            for row in t.rows where row.communeSlug == slug { out.append((t, row)) }
        }
        return out
    }
}

/// Orders document numbers the way readers expect: 2 before 10, 1-2 before 1-2-1.
public func compareNumeros(_ a: String, _ b: String) -> Bool {
    let pa = a.split(whereSeparator: { $0 == "-" || $0 == "." }), pb = b.split(whereSeparator: { $0 == "-" || $0 == "." })
    for (x, y) in zip(pa, pb) {
        switch (Int(x), Int(y)) {
        case let (i?, j?): if i != j { return i < j }
        case (_?, nil): return true
        case (nil, _?): return false
        default: if x != y { return x < y }
        }
    }
    return pa.count < pb.count
}
