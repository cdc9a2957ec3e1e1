import HabitatCore

/// What rendering a template produced: the text, the names no context provided (with the
/// position of each tag) and the partials the library lacks.
public struct TemplateRendering {
    public var text: String
    public var unknownNames: [TemplateUnknownName]
    public var missingPartials: [String]
}

/// Renders parsed templates into one string, walking a stack of contexts.
///
/// A name is looked up from the innermost context outward (`TemplateObject.lookup`: nil means
/// "not mine", `.absent` means "mine, and empty"); a name no context has is recorded as unknown
/// at its tag's position and prints nothing. Indentation of standalone partials and blocks
/// follows swift-mustache 2.1.1, which rendered the site before.
struct TemplateRenderer {
    let library: TemplateLibrary
    var out = ""
    var stack: [TemplateValue]
    var unknown = Set<TemplateUnknownName>()
    var missingPartials: [String] = []

    /// What a partial, block or list item changes for the nodes inside it.
    struct Scope {
        /// Added to every line printed (standalone partials and blocks), or nil.
        var indentation: String?
        /// Blocks redefined by the `{{<…}}` tags being rendered, the outermost first.
        var overrides: [String: [TemplateNode]]?
        /// The list item being repeated, for `last()` and friends.
        var item: (index: Int, isLast: Bool)?
    }

    init(library: TemplateLibrary, root: TemplateValue, capacity: Int) {
        self.library = library
        self.stack = [root]
        stack.reserveCapacity(16)
        out.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode], _ scope: Scope) {
        if let indentation = scope.indentation, !indentation.isEmpty {
            renderIndented(nodes, scope, indentation)
            return
        }
        for node in nodes { render(node, scope) }
    }

    private mutating func render(_ node: TemplateNode, _ scope: Scope) {
        switch node {
        case .text(let t):
            out += t
        case .variable(let name, let escaped):
            guard let v = resolve(name, scope) else { return }
            let s: String
            if case .text(let t) = v { s = t } else { s = v.text }
            out += escaped ? HTML.escape(s) : s
        case .section(let name, let inverted, let body):
            let v = resolve(name, scope)
            if inverted { renderInverted(v, body, scope) } else { renderSection(v, body, scope) }
        case .partial(let name, let indentation, let overrides, _):
            guard let template = library.template(named: name) else {
                if !missingPartials.contains(name) { missingPartials.append(name) }
                return
            }
            var inner = scope
            inner.item = nil
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            if let overrides {
                inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(template.nodes, inner)
        case .block(let name, let body, let indentation):
            var inner = scope
            inner.item = nil
            inner.indentation = (scope.indentation ?? "") + indentation
            render(scope.overrides?[name] ?? body, inner)
        }
    }

    /// `{{#x}}`: a list repeats, true renders once, any other value renders once pushed.
    private mutating func renderSection(_ value: TemplateValue?, _ body: [TemplateNode], _ scope: Scope) {
        guard let value else { return }
        switch value {
        case .list(let xs):
            var inner = scope
            for (i, x) in xs.enumerated() {
                stack.append(x)
                inner.item = (i, i == xs.count - 1)
                render(body, inner)
                stack.removeLast()
            }
        case .bool(let b):
            if b { render(body, scope) }
        case .absent:
            return
        case .text, .number, .day, .object:
            stack.append(value)
            var inner = scope
            inner.item = nil
            render(body, inner)
            stack.removeLast()
        }
    }

    /// `{{^x}}`: renders, in the same context, when the value is missing, absent, false or an empty list.
    private mutating func renderInverted(_ value: TemplateValue?, _ body: [TemplateNode], _ scope: Scope) {
        switch value {
        case nil, .absent?: render(body, scope)
        case .bool(let b)?: if !b { render(body, scope) }
        case .list(let xs)?: if xs.isEmpty { render(body, scope) }
        case .text?, .number?, .day?, .object?: return
        }
    }

    /// swift-mustache's indentation: before each node that prints something, when what this
    /// call printed so far ends a line; and after each newline inside a text.
    private mutating func renderIndented(_ nodes: [TemplateNode], _ scope: Scope, _ indentation: String) {
        let base = out.utf8.count
        for node in nodes {
            let atLineStart = out.utf8.count > base && out.utf8.last == 0x0A
            if atLineStart { out += indentation }
            let mark = out.utf8.count
            if case .text(let t) = node {
                appendIndented(t, indentation)
            } else {
                render(node, scope)
            }
            if atLineStart && out.utf8.count == mark { out.removeLast(indentation.count) }
        }
    }

    private mutating func appendIndented(_ text: String, _ indentation: String) {
        var rest = text[...]
        while let nl = rest.utf8.firstIndex(of: 0x0A) {
            let next = rest.utf8.index(after: nl)
            out += rest[..<next]
            rest = rest[next...]
            if !rest.isEmpty { out += indentation }
        }
        out += rest
    }

    // MARK: - Look-up

    /// The value of a name: its first part from the innermost context outward, the next parts
    /// inside it, then the transforms. nil when there is none; a first part no context has is
    /// also recorded as unknown.
    private mutating func resolve(_ name: TemplateName, _ scope: Scope) -> TemplateValue? {
        if name.isItemPosition { return itemPosition(name, scope) }
        guard let first = name.parts.first else { return transformed(stack[stack.count - 1], name) }
        var found: TemplateValue?
        for level in stack.reversed() {
            if case .object(let o) = level, let v = o.lookup(first) { found = v; break }
        }
        guard var value = found else { return missing(name) }
        // The next parts are read in that value only; a broken chain is empty, as in Mustache
        // (`{{#assets.marque_css}}` tests an optional asset), not an unknown name.
        for part in name.parts.dropFirst() {
            guard case .object(let o) = value, let v = o.lookup(part) else { return nil }
            value = v
        }
        return transformed(value, name)
    }

    private func transformed(_ value: TemplateValue, _ name: TemplateName) -> TemplateValue? {
        var v = value
        for t in name.transforms.reversed() {
            guard let next = v.transformed(t) else { return nil }
            v = next
        }
        return v
    }

    /// `first()`, `last()`, `index()`, `even()`, `odd()` of the list item being repeated (nothing outside a list).
    private func itemPosition(_ name: TemplateName, _ scope: Scope) -> TemplateValue? {
        guard let item = scope.item else { return nil }
        let v: TemplateValue
        switch name.transforms[name.transforms.count - 1] {
        case "first": v = .bool(item.index == 0)
        case "last": v = .bool(item.isLast)
        case "index": v = .text(String(item.index))
        case "even": v = .bool(item.index % 2 == 0)
        case "odd": v = .bool(item.index % 2 == 1)
        default: return nil
        }
        var rest = name.transforms
        rest.removeLast()
        return rest.reversed().reduce(v as TemplateValue?) { $0?.transformed($1) }
    }

    private mutating func missing(_ name: TemplateName) -> TemplateValue? {
        unknown.insert(TemplateUnknownName(name: name.parts[0], position: name.position))
        return nil
    }
}

/// Parsed templates by name: the theme's pages, layouts and partials.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template) {
        templates[template.name] = template
    }

    public func template(named name: String) -> Template? { templates[name] }

    /// Renders the template `name` over `root`; nil when the library has no such template.
    public func render(_ name: String, root: TemplateValue, capacity: Int = 32_768) -> TemplateRendering? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: root, capacity: capacity)
        renderer.render(template.nodes, TemplateRenderer.Scope())
        let unknown = renderer.unknown.sorted {
            ($0.position.template, $0.position.line, $0.position.column, $0.name) < ($1.position.template, $1.position.line, $1.position.column, $1.name)
        }
        return TemplateRendering(text: renderer.out, unknownNames: unknown, missingPartials: renderer.missingPartials)
    }
}
