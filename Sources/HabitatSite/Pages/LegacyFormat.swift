import HabitatContent
import HabitatCore

// TRANSITION: the dictionary forms of budget rows, discrepancies and key figures, for the
// plan and territory views not yet typed (their typed forms are `budgetRows`, `discrepancyRows`,
// `figureRows`). This file goes once those views are typed.
extension Format {
    /// A budget line as a table row for templates.
    static func budgetRow(_ b: BudgetLine) -> [String: Any] {
        [
            "libelle": b.libelle,
            "montant": amount(b),
            "montant_valeur": opt(b.montant.map(TemplateNumber.init)),
            "plafond_valeur": opt(b.plafond.map(TemplateNumber.init)),
            "plafond": optText(cap(b)),
            "financeur": optText(b.financeur),
            "validite": optText(b.validite),
            "texte": b.texte,
            "source": optText(b.source),
        ]
    }

    static func discrepancies(_ items: [Discrepancy]?) -> Any {
        list((items ?? []).map { d in
            [
                "sujet": d.sujet,
                "valeurs": d.valeurs.map { ["valeur": $0.valeur, "source": optText($0.source)] as [String: Any] },
                "note": optText(d.note),
            ] as [String: Any]
        })
    }

    static func figures(_ items: [KeyFigure]?) -> Any {
        list((items ?? []).map { ["libelle": $0.libelle, "valeur": $0.valeur, "source": optText($0.source)] as [String: Any] })
    }
}
