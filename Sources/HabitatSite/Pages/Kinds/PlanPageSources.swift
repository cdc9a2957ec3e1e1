import HabitatContent
import HabitatCore

/// The sources the plan, fiche, indicator and document pages share.
enum PlanPageSources {
    /// Territory names, communes and their référentiel: every page with a breadcrumb or a perimeter.
    static let territory: [Dependencies.Selector] = [.all("territoires/"), .all("communes/"), .all("referentiel/")]

    /// Plan titles and fiche counts: the plan file and the list of its fiches' front matter.
    static func plans(_ ids: [String]) -> [Dependencies.Selector] { ids.map { .meta("plans/\($0)/") } }
}
