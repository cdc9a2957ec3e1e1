import HabitatContent
import HabitatCore

/// The RGAA conformance status of the accessibility statement, computed from the recorded
/// checks (`audit-accessibilite.json`), never written by hand.
///
/// RGAA 4.1: "totalement conforme" when every applicable criterion is met, "partiellement
/// conforme" from 50 %, "non conforme" below 50 % or without an audit. Automated checks
/// cover only part of the 106 criteria, so without a manual audit the best status they can
/// support is "partiellement conforme", and only when they find nothing.
public struct Conformance: Sendable, Equatable {
    public enum Status: String, Sendable { case total = "totalement conforme", partial = "partiellement conforme", none = "non conforme" }
    public var status: Status
    /// Why, in French, one sentence per finding.
    public var reasons: [String]
    /// Manual audit rate (0…100) when there is one.
    public var rate: Double?

    /// - Parameter maxAgeDays: older results no longer describe the site.
    public static func compute(audit: AccessibilityAuditFile?, buildDate: CalendarDay, maxAgeDays: Int = 365) -> Conformance {
        guard let audit else {
            return Conformance(status: .none, reasons: ["Aucun résultat de vérification n'est enregistré (fichier audit-accessibilite.json absent)."], rate: nil)
        }
        var problems: [String] = []
        let violations = audit.types_de_page.reduce(0) { $0 + $1.violations }
        if violations > 0 {
            let pages = audit.types_de_page.filter { $0.violations > 0 }.map(\.type).joined(separator: ", ")
            problems.append("axe-core relève \(French.plural(violations, "non-conformité")) (\(pages)).")
        }
        if audit.types_de_page.isEmpty { problems.append("Aucun type de page n'a été contrôlé avec axe-core.") }
        if audit.erreurs_html > 0 { problems.append("Le validateur HTML relève \(French.plural(audit.erreurs_html, "erreur")).") }
        if audit.pages_validees == 0 { problems.append("Aucune page n'a été passée au validateur HTML.") }
        let failed = audit.parcours_clavier.filter { !$0.reussi }.map(\.parcours)
        if !failed.isEmpty { problems.append("Parcours au clavier en échec : \(failed.joined(separator: ", ")).") }
        let age = buildDate.daysSince(audit.date)
        if age > maxAgeDays { problems.append("Les vérifications datent de plus d'un an (\(French.date(audit.date))).") }
        if age < 0 { problems.append("La date des vérifications (\(French.date(audit.date))) est postérieure à la publication.") }

        var rate: Double?
        var status: Status = problems.isEmpty ? .partial : .none
        if let manual = audit.audit_manuel, manual.criteres_applicables > 0 {
            let r = Double(manual.criteres_respectes) / Double(manual.criteres_applicables) * 100
            rate = r
            if !problems.isEmpty || r < 50 { status = .none } else if r >= 100 { status = .total } else { status = .partial }
        }
        return Conformance(status: status, reasons: problems, rate: rate)
    }
}
