import HabitatContent
import HabitatCore

/// What a simulator says about the barèmes it uses.
extension Renderer {
    /// "Barème en vigueur au 6 décembre 2026 : … (source)", one sentence per barème a simulator uses,
    /// with what is known only second-hand or still pending.
    func baremeNotes(_ sim: CompiledSimulator) -> [String] {
        var current: [String] = [], pinned: [String] = [], notes: [String] = []
        var secondHand = false
        for ref in sim.baremeIds {
            guard let b = index.bareme(ref) else { continue }
            let isPinned = index.baremes[ref] != nil && index.baremeInForce[b.family] != b.id && (index.baremeFamilies[b.family]?.count ?? 0) > 1
            let text = b.data.titre + " (" + (b.data.reference ?? b.data.source.label) + ")"
            if isPinned { pinned.append(text) } else { current.append(text) }
            if b.data.seconde_main != nil { secondHand = true }
            if index.baremePending.contains(b.family), let next = b.data.suite_en_attente, !notes.contains(next) { notes.append(next) }
        }
        var out: [String] = []
        if !current.isEmpty { out.append("Barème en vigueur au \(French.date(buildDate)) : " + current.joined(separator: " ; ") + ".") }
        if !pinned.isEmpty { out.append("Barème choisi : " + pinned.joined(separator: " ; ") + ".") }
        if secondHand { out.append("Certains de ces chiffres ne sont connus que de seconde main : vérifiez-les auprès de France Rénov' ou du financeur (détails sous les barèmes, sur la page de l'aide).") }
        return out + notes
    }

    /// The barèmes a simulator uses (the versions in force), and the earlier versions of their families.
    func baremeVersions(_ ids: [String]) -> (current: [Bareme], earlier: [Bareme]) {
        let current = ids.compactMap { index.bareme($0) }
        let shown = Set(current.map(\.id))
        var earlier: [Bareme] = []
        for b in current {
            for id in (index.baremeFamilies[b.family] ?? []).reversed() where !shown.contains(id) && !earlier.contains(where: { $0.id == id }) {
                if let old = index.baremes[id], old.data.valide_du < b.data.valide_du { earlier.append(old) }
            }
        }
        return (current, earlier)
    }
}
