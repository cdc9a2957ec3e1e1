import Foundation
import HabitatCore
import HabitatTemplate
import Mustache

/// The root of a page's context: the page's own view, then the values every page has.
/// A name neither has is recorded so the build reports it as an unknown template variable.
final class PageRoot: TemplateObject {
    let page: any TemplateObject
    let common: CommonView
    private(set) var missing: [String] = []

    init(page: any TemplateObject, common: CommonView) {
        self.page = page
        self.common = common
    }

    func value(named name: String) -> TemplateValue? {
        page.lookup(name) ?? common.lookup(name)
    }

    /// The root's look-up: the last level of the context stack.
    func resolve(_ name: String) -> TemplateValue? {
        if let v = lookup(name) { return v }
        missing.append(name)
        return nil
    }
}

// MARK: - swift-mustache adapter (TRANSITION: goes when the theme renders with HabitatTemplate)

/// A typed view seen by swift-mustache as a `MustacheParent`.
struct MustacheView: MustacheParent {
    let object: any TemplateObject
    func child(named name: String) -> Any? { object.lookup(name).map(Self.bridge) }

    static func bridge(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let s): return s
        case .bool(let b): return b
        case .number(let d): return TemplateNumber(d)
        case .day(let d): return TemplateDay(d)
        case .list(let xs): return xs.isEmpty ? NSNull() : xs.map(bridge)
        case .object(let o): return MustacheView(object: o)
        case .absent: return NSNull()
        }
    }
}

/// The root as swift-mustache sees it.
struct MustacheRoot: MustacheParent {
    let root: PageRoot
    func child(named name: String) -> Any? { root.resolve(name).map(MustacheView.bridge) }
}
