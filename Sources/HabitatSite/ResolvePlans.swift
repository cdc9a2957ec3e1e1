import HabitatContent
import HabitatCore
import HabitatMarkdown

extension Resolver {
    /// The communes each plan covers, before tables and fiches are read: its own `perimetre` when its
    /// document gives one, otherwise every commune of its territory.
    mutating func resolvePlanPerimeters(_ plans: [(String, PlanFile, MarkdownDocument, String)]) {
        for (id, plan, _, path) in plans {
            let territory = plan.territoire.value
            guard let scope = plan.perimetre else {
                planPerimeters[id] = Array(Set(index.communes(under: territory))).sorted()
                continue
            }
            switch scope.type {
            case .tout:
                planPerimeters[id] = Array(Set(index.communes(under: territory))).sorted()
            case .liste:
                let names = scope.communes ?? []
                if names.isEmpty { error(path, 1, 1, "« perimetre: type: liste » demande « communes »", code: "scope.missing-communes") }
                let within = Set(index.communes(under: territory))
                planPerimeters[id] = Array(Set(names.compactMap { communeCode($0, file: path, within: within) })).sorted()
            default:
                error(path, 1, 1, "le périmètre d'un plan est « tout » ou « liste » (codes INSEE ou noms des communes)", code: "scope.bad-plan-perimeter")
                planPerimeters[id] = []
            }
        }
    }

    mutating func resolvePlans(_ plans: [(String, PlanFile, MarkdownDocument, String)],
                               _ fiches: [(String, String, FicheFile, MarkdownDocument, String)]) {
        for (id, plan, body, path) in plans {
            let t = plan.territoire
            if index.territories[t.value] == nil, !isBroken("territoires/\(t.value).yaml") {
                error(path, t.line, t.column, "territoire inconnu « \(t.value) »" + String.didYouMean(t.value, among: index.territoryOrder), code: "ref.unknown-territory")
            }
            var p = Plan(id: id, data: plan, body: body, path: path)
            p.perimeter = planPerimeters[id] ?? []
            index.plans[id] = p
        }
        index.planOrder = index.plans.keys.sorted()

        for (planId, stem, fiche, body, path) in fiches {
            guard index.plans[planId] != nil else {
                if isBroken("plans/\(planId)/plan.md") { continue }
                error(path, 1, 1, "fiche d'un plan inconnu « \(planId) » : créez plans/\(planId)/plan.md", code: "ref.unknown-plan")
                continue
            }
            if Slug.make(fiche.numero) != stem {
                error(path, 2, 1, "le nom du fichier doit suivre le numéro : renommez-le « \(Slug.make(fiche.numero)).md » (« numero: \(fiche.numero) »)", code: "fiche.file-name")
            }
            index.plans[planId]?.fiches.append(Fiche(planId: planId, fileStem: stem, data: fiche, body: body, path: path))
        }
        for planId in index.planOrder {
            var plan = index.plans[planId]!
            plan.fiches.sort { compareNumeros($0.numero, $1.numero) }
            var seen: [String: String] = [:]
            for fiche in plan.fiches {
                if let other = seen[fiche.slug] {
                    error(fiche.path, 2, 1, "deux fiches de \(planId) ont le numéro « \(fiche.numero) » (l'autre : \(other))", code: "ref.duplicate-id")
                }
                seen[fiche.slug] = fiche.path
            }
            let numeros = plan.fiches.map(\.numero)
            for i in plan.fiches.indices {
                checkFiche(&plan.fiches[i], in: plan, numeros: numeros)
            }
            for i in plan.fiches.indices {
                let citing = plan.fiches.filter { f in (f.data.liens ?? []).contains { $0.value == plan.fiches[i].numero } }.map(\.numero)
                plan.fiches[i].citedBy = citing
            }
            index.plans[planId] = plan
        }
    }

    mutating func checkFiche(_ fiche: inout Fiche, in plan: Plan, numeros: [String]) {
        let data = fiche.data
        let path = fiche.path
        let orientations = plan.data.orientations
        if let o = data.orientation {
            if let orientation = orientations.first(where: { $0.numero == o.value }) {
                if let obj = data.objectif, !(orientation.objectifs ?? []).contains(where: { $0.numero == obj.value }) {
                    error(path, obj.line, obj.column, "l'orientation \(o.value) de \(plan.id) n'a pas d'objectif « \(obj.value) »"
                          + String.didYouMean(obj.value, among: (orientation.objectifs ?? []).map(\.numero)), code: "ref.unknown-objective")
                }
            } else {
                error(path, o.line, o.column, "le plan \(plan.id) n'a pas d'orientation « \(o.value) »" + String.didYouMean(o.value, among: orientations.map(\.numero)), code: "ref.unknown-orientation")
            }
        } else if !orientations.isEmpty {
            error(path, 2, 1, "clé obligatoire « orientation » absente (les orientations du plan \(plan.id) : \(orientations.map(\.numero).joined(separator: ", ")))", code: "front-matter.missing-key")
        }
        let brokenStems = Set(broken.filter { $0.hasPrefix("plans/\(plan.id)/actions/") }.map { String($0.dropFirst("plans/\(plan.id)/actions/".count).dropLast(3)) })
        func brokenFiche(_ n: String) -> Bool { brokenStems.contains(Slug.make(n)) }
        if let p = data.parent, !numeros.contains(p.value), !brokenFiche(p.value) {
            error(path, p.line, p.column, "aucune fiche « \(p.value) » dans \(plan.id) pour être la fiche parente" + String.didYouMean(p.value, among: numeros), code: "ref.unknown-fiche")
        }
        let registers = (plan.data.registres ?? []).map(\.id)
        for r in data.registres ?? [] where !registers.contains(r.value) {
            error(path, r.line, r.column, "le plan \(plan.id) n'a pas de registre « \(r.value) »" + String.didYouMean(r.value, among: registers), code: "ref.unknown-register")
        }
        for l in data.liens ?? [] {
            if !numeros.contains(l.value) {
                if brokenFiche(l.value) { continue }
                error(path, l.line, l.column, "aucune fiche « \(l.value) » dans \(plan.id)" + String.didYouMean(l.value, among: numeros), code: "ref.unknown-fiche")
            } else if l.value == data.numero {
                warning(path, l.line, l.column, "la fiche se cite elle-même", code: "ref.self-link")
            }
        }
        if let scope = data.perimetre {
            fiche.scopeCommunes = evaluate(scope, territory: plan.data.territoire.value, file: path, perimeter: plan.perimeter)
        } else {
            fiche.scopeCommunes = nil
        }
    }

    /// The communes a scope covers, or nil when it is free text.
    mutating func evaluate(_ scope: Scope, territory: String, file: String, perimeter: [String]? = nil) -> [String]? {
        switch scope.type {
        case .tout:
            return perimeter ?? index.communes(under: territory).sorted()
        case .liste:
            guard let names = scope.communes, !names.isEmpty else {
                error(file, 1, 1, "« perimetre: type: liste » demande « communes »", code: "scope.missing-communes")
                return []
            }
            let within = Set(perimeter ?? index.communes(under: territory))
            var codes: [String] = []
            for n in names {
                guard let code = communeCode(n, file: file, within: within) else { continue }
                if !within.contains(code), index.territories[territory] != nil {
                    warning(file, n.line, n.column, "la commune « \(n.value) » n'est pas dans \(territory), le territoire de ce plan", code: "scope.outside-territory")
                }
                codes.append(code)
            }
            return Array(Set(codes)).sorted()
        case .secteurs:
            guard let ids = scope.secteurs, !ids.isEmpty else {
                error(file, 1, 1, "« perimetre: type: secteurs » demande « secteurs »", code: "scope.missing-sectors")
                return []
            }
            var out: [String] = []
            let known = index.sectors.values.filter { $0.territoryId == territory }.map(\.id).sorted()
            for s in ids {
                if let sector = index.sectors["\(territory)/\(s.value)"] {
                    out += sector.communeCodes
                } else {
                    error(file, s.line, s.column, "secteur inconnu « \(s.value) » de \(territory)" + String.didYouMean(s.value, among: known), code: "ref.unknown-sector")
                }
            }
            return Array(Set(out)).sorted()
        case .critere:
            let all = (scope.critere.map { [$0] } ?? []) + (scope.criteres ?? [])
            guard !all.isEmpty else {
                error(file, 1, 1, "« perimetre: type: critere » demande « critere: {table, colonne, valeur} » ou une liste « criteres »", code: "scope.missing-criterion")
                return []
            }
            var union = Set<String>()
            for c in all { union.formUnion(matching(c, file: file)) }
            return union.sorted()
        case .texte:
            return nil
        }
    }

    /// The communes whose row in the criterion's table has its value in its column.
    mutating func matching(_ c: Scope.Criterion, file: String) -> [String] {
        guard let table = index.tables[c.table.value] else {
                if isBroken("tables/\(c.table.value).csv") || isBroken("tables/\(c.table.value).yaml") { return [] }
                error(file, c.table.line, c.table.column, "tableau inconnu « \(c.table.value) »" + String.didYouMean(c.table.value, among: index.tableOrder), code: "ref.unknown-table")
                return []
            }
            guard let col = table.columnIndex(c.colonne.value) else {
                error(file, c.colonne.line, c.colonne.column, "le tableau « \(table.id) » n'a pas de colonne « \(c.colonne.value) »"
                      + String.didYouMean(c.colonne.value, among: table.schema.colonnes.map(\.id)), code: "ref.unknown-column")
                return []
            }
            let matched = table.rows.filter { $0.communeCode != nil && $0.cells[col].text.lowercased() == c.valeur.lowercased() }.compactMap(\.communeCode).sorted()
            let seen = Set(table.rows.map { $0.cells[col].text }.filter { !$0.isEmpty }).sorted()
            if matched.isEmpty, !seen.contains(where: { $0.lowercased() == c.valeur.lowercased() }) {
                warning(file, c.colonne.line, c.colonne.column, "aucune commune n'a « \(c.valeur) » dans la colonne « \(c.colonne.value) » de « \(table.id) » (valeurs trouvées : \(seen.prefix(6).joined(separator: ", ")))", code: "scope.empty")
            }
            return matched
    }
}
