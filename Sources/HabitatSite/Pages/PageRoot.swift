import Foundation
import HabitatCore
import HabitatTemplate

/// The root of a page's context: the page's own view, then the values every page has.
/// A name neither has reaches the bottom of the renderer's context stack, which records it with
/// its tag's position so the build reports it as an unknown template variable.
struct PageRoot: TemplateObject {
    let page: any TemplateObject
    let common: CommonView

    func value(named name: String) -> TemplateValue? {
        page.lookup(name) ?? common.lookup(name)
    }
}
