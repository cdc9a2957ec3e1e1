import HabitatContent
import HabitatCore
import HabitatTemplate

/// `{{#conformite}}`: the accessibility statement's computed part — status, reasons, and what was checked.
struct ConformanceView: TemplateObject {
    /// `{{#audit}}`: the recorded checks.
    struct Audit: TemplateObject {
        /// One page type checked with axe-core.
        struct PageType: TemplateObject {
            let type: String, url: String, violations: String
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "type": .text(type)
                case "url": .text(url)
                case "violations": .text(violations)
                default: nil
                }
            }
        }

        /// One keyboard-only path and whether it succeeded.
        struct KeyboardPath: TemplateObject {
            let parcours: String, reussi: Bool
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "parcours": .text(parcours)
                case "reussi": .bool(reussi)
                default: nil
                }
            }
        }

        /// `{{#manuel}}`: the manual audit, when there is one.
        struct Manual: TemplateObject {
            let date: String, auditeur: String, criteres: String
            func value(named name: String) -> TemplateValue? {
                switch name {
                case "date": .text(date)
                case "auditeur": .text(auditeur)
                case "criteres": .text(criteres)
                default: nil
                }
            }
        }

        let file: AccessibilityAuditFile

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "date": .text(French.date(file.date))
            case "date_iso": .text(file.date.description)
            case "outils": .texts(file.outils)
            case "types": file.types_de_page.map { PageType(type: $0.type, url: $0.url, violations: French.integer($0.violations)) }.templateValue
            case "nombre_types": .text(French.plural(file.types_de_page.count, "type"))
            case "pages_validees": .text(French.plural(file.pages_validees, "page"))
            case "erreurs_html": .text(French.plural(file.erreurs_html, "erreur"))
            case "parcours": file.parcours_clavier.map { KeyboardPath(parcours: $0.parcours, reussi: $0.reussi) }.templateValue
            case "manuel":
                file.audit_manuel.map { m in
                    Manual(date: French.date(m.date), auditeur: m.auditeur, criteres: "\(m.criteres_respectes) sur \(m.criteres_applicables)")
                }.templateValue
            default: nil
            }
        }
    }

    let result: Conformance
    let audit: AccessibilityAuditFile?

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "statut": .text(result.status.rawValue)
        case "totale": .bool(result.status == .total)
        case "partielle": .bool(result.status == .partial)
        case "aucune": .bool(result.status == .none)
        case "raisons": .texts(result.reasons)
        case "taux": result.rate.map { French.percent($0) }.templateValue
        case "audit": audit.map(Audit.init).templateValue
        default: nil
        }
    }
}

extension Renderer {
    /// The free page that carries the accessibility statement (`pages/accessibilite.md`).
    static let accessibilityPage = "accessibilite"

    /// The statement's computed part, from the recorded checks at the build date.
    func conformanceView() -> ConformanceView {
        let audit = index.accessibilityAudit
        return ConformanceView(result: Conformance.compute(audit: audit, buildDate: buildDate), audit: audit)
    }
}
