import HabitatContent
import HabitatCore
import HabitatMarkdown

/// Aids: their territory, plan, fiches and scope checked.
extension Resolver {
    mutating func resolveAids(_ aids: [(String, AidFile, MarkdownDocument, String)]) {
        for (id, aid, body, path) in aids {
            let t = aid.territoire
            var scope: [String]?
            // An aid of a plan applies within the plan's perimeter (the communes its document covers).
            let planPerimeter = aid.plan.flatMap { index.plans[$0.value]?.perimeter }
            if t.value != "france", index.territories[t.value] == nil, isBroken("territoires/\(t.value).yaml") {
                scope = nil
            } else if t.value != "france", index.territories[t.value] == nil {
                error(path, t.line, t.column, "territoire inconnu « \(t.value) »" + String.didYouMean(t.value, among: index.territoryOrder + ["france"]), code: "ref.unknown-territory")
            } else if let p = aid.perimetre {
                scope = evaluate(p, territory: t.value, file: path, perimeter: planPerimeter)
            } else if t.value != "france" {
                scope = planPerimeter ?? index.communes(under: t.value).sorted()
            }
            if let p = aid.plan {
                if let plan = index.plans[p.value] {
                    let numeros = plan.fiches.map(\.numero)
                    for f in aid.fiches ?? [] where !numeros.contains(f.value) {
                        error(path, f.line, f.column, "aucune fiche « \(f.value) » dans \(p.value)" + String.didYouMean(f.value, among: numeros), code: "ref.unknown-fiche")
                    }
                } else if !isBroken("plans/\(p.value)/plan.md") {
                    error(path, p.line, p.column, "plan inconnu « \(p.value) »" + String.didYouMean(p.value, among: index.planOrder), code: "ref.unknown-plan")
                }
            }
            index.aids[id] = Aid(id: id, data: aid, body: body, path: path, scopeCommunes: scope)
        }
        index.aidOrder = index.aids.keys.sorted()
        // Fiches name the aids they fund.
        for planId in index.planOrder {
            for fiche in index.plans[planId]!.fiches {
                for a in fiche.data.aides ?? [] where index.aids[a.value] == nil && !isBroken("aides/\(a.value).md") {
                    error(fiche.path, a.line, a.column, "aide inconnue « \(a.value) »" + String.didYouMean(a.value, among: index.aidOrder), code: "ref.unknown-aid")
                }
            }
        }
    }
}
