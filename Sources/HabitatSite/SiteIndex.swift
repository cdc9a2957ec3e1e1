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
    /// The reference of every commune (codes, names, spellings, old URLs), when the site has one.
    public var reference: CommuneReference?
    /// Plans whose perimeter includes a commune, by code.
    public var plansByCommune: [String: [String]] = [:]
    /// Codes of the communes of each département (by its code), when the site has a reference.
    public var communesByDepartement: [String: [String]] = [:]
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
    public var documents: [String: SourceDocument] = [:]
    public var documentOrder: [String] = []
    /// Document id by the file name sources cite.
    public var documentByFile: [String: String] = [:]
    public var baremes: [String: Bareme] = [:]
    /// Barème families: version ids in time order; the version in force at the build date.
    public var baremeFamilies: [String: [String]] = [:]
    public var baremeInForce: [String: String] = [:]
    /// Families whose next version is due but unknown (the last one is still used).
    public var baremePending: Set<String> = []
    /// Every output of the site, built once at the end of resolution.
    public internal(set) var siteMap = SiteMap.empty
    public var simulators: [String: CompiledSimulator] = [:]
    /// The recorded accessibility checks (axe-core, Nu HTML Checker, keyboard).
    public var accessibilityAudit: AccessibilityAuditFile?
    /// Look-ups by commune or territory, built once after resolution so that rendering tens of
    /// thousands of commune pages stays linear: table rows, indicator values, aids.
    public var rowsByCommune: [String: [(table: String, row: Int)]] = [:]
    public var valuesByTerritory: [String: [(indicator: String, value: Int)]] = [:]
    public var aidsByCommune: [String: [String]] = [:]
    public var nationalAids: [String] = []
    /// Position of each aid in `aidOrder`.
    public var aidRank: [String: Int] = [:]
    public var plansByTerritory: [String: [String]] = [:]
    /// The tables of each plan (`plan:` in their schema), in `tableOrder`.
    public var tablesByPlan: [String: [String]] = [:]
    /// The first département territory (in `territoryOrder`) with each code.
    public var departementByCode: [String: String] = [:]
    /// The title of the first plan (in `planOrder`) whose source is each file.
    public var planTitleBySourceFile: [String: String] = [:]
    /// Indicator ids by "plan|numero" of the fiche they follow.
    public var indicatorsByFiche: [String: [String]] = [:]

    /// The barème a simulator names: a version by its id, or a family's version in force.
    public func bareme(_ ref: String) -> Bareme? {
        if let b = baremes[ref] { return b }
        return baremeInForce[ref].flatMap { baremes[$0] }
    }

    /// Every name a rule can use for a barème: version ids and families (version in force).
    public func baremeRefs() -> [String: Bareme] {
        var out = baremes
        for (family, id) in baremeInForce where out[family] == nil { out[family] = baremes[id] }
        return out
    }

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
        // With a reference, a département is exactly its communes (an EPCI may straddle two).
        if t.file.type == .departement, let code = t.file.code, let codes = communesByDepartement[code] { return codes }
        var out = t.communeCodes
        for c in t.childIds { out += communes(under: c) }
        return out
    }

    /// The territory id of a commune's EPCI and everything above it.
    public func territoryChain(ofCommune code: String) -> [String] {
        guard let c = communes[code] else { return [] }
        return [c.epciId] + ancestors(of: c.epciId)
    }

    /// Rows of every commune-keyed table that concern this commune.
    public func rows(forCommune slug: String) -> [(DataTable, TableRow)] {
        (rowsByCommune[slug] ?? []).compactMap { ref in tables[ref.table].map { ($0, $0.rows[ref.row]) } }
    }

    /// The aids available in a commune (national ones and those whose scope includes it), in order.
    public func aids(forCommune slug: String) -> [Aid] {
        // Sorted by rank rather than by filtering every aid: a national site has thousands of aids
        // and tens of thousands of communes.
        let ids = Set(nationalAids + (aidsByCommune[slug] ?? []))
        return ids.sorted { (aidRank[$0] ?? .max, $0) < (aidRank[$1] ?? .max, $1) }.compactMap { aids[$0] }
    }

    /// Builds the look-up tables (after every reference is resolved).
    mutating func buildLookups() {
        rowsByCommune = [:]
        tablesByPlan = [:]
        for id in tableOrder {
            guard let t = tables[id] else { continue }
            for (i, row) in t.rows.enumerated() { if let c = row.communeCode { rowsByCommune[c, default: []].append((id, i)) } }
            if let plan = t.schema.plan?.value { tablesByPlan[plan, default: []].append(id) }
        }
        valuesByTerritory = [:]
        indicatorsByFiche = [:]
        for id in indicatorOrder {
            guard let ind = indicators[id] else { continue }
            for link in ind.data.plans { for f in link.fiches { indicatorsByFiche[link.plan.value + "|" + f.value, default: []].append(id) } }
            for (i, v) in ind.data.valeurs.enumerated() { valuesByTerritory[v.territoire.value, default: []].append((id, i)) }
        }
        plansByTerritory = [:]
        plansByCommune = [:]
        planTitleBySourceFile = [:]
        departementByCode = [:]
        for id in territoryOrder {
            guard let t = territories[id], t.file.type == .departement, let code = t.file.code, departementByCode[code] == nil else { continue }
            departementByCode[code] = id
        }
        for id in planOrder {
            guard let p = plans[id] else { continue }
            if planTitleBySourceFile[p.data.source.fichier] == nil { planTitleBySourceFile[p.data.source.fichier] = p.data.titre }
            plansByTerritory[p.data.territoire.value, default: []].append(id)
            for c in p.perimeter { plansByCommune[c, default: []].append(id) }
        }
        aidsByCommune = [:]
        nationalAids = []
        aidRank = Dictionary(aidOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for id in aidOrder {
            guard let a = aids[id] else { continue }
            if a.data.territoire.value == "france" { nationalAids.append(id); continue }
            for c in a.scopeCommunes ?? [] { aidsByCommune[c, default: []].append(id) }
        }
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
