/// Where a tag starts in a template, as parsed: the template's name, then line and column
/// (1-based, columns counted in characters), for diagnostics.
public struct TemplatePosition: Hashable, Sendable {
    public let template: String
    public let line: Int
    public let column: Int

    public init(template: String, line: Int, column: Int) {
        self.template = template
        self.line = line
        self.column = column
    }
}

/// A name in a tag, split at parse time: `{{site.titre}}` is `["site", "titre"]`, `{{.}}` is
/// `[]`, `{{euros(montant)}}` is `["montant"]` with the transform `euros`.
public struct TemplateName: Sendable {
    /// The name's parts; empty for `.` (the current context) and for `last()`-style tags.
    public let parts: [String]
    /// Transforms in source order: `a(b(x))` is `["a", "b"]`, applied last to first.
    public let transforms: [String]
    /// The name as written, without spaces (`site.titre`, `euros(montant)`).
    public let written: String
    /// `last()`, `first()`, `index()`, `even()`, `odd()`: the position of the list item being repeated.
    public var isItemPosition: Bool { parts.isEmpty && !transforms.isEmpty && written.hasSuffix("()") }
    public let position: TemplatePosition
}

/// One piece of a parsed template.
public indirect enum TemplateNode: Sendable {
    /// Text copied as is.
    case text(String)
    /// `{{x}}` (escaped) or `{{{x}}}` / `{{&x}}` (raw).
    case variable(TemplateName, escaped: Bool)
    /// `{{#x}}…{{/x}}`, or `{{^x}}…{{/x}}` when inverted.
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{> p}}` (`overrides` nil) or `{{< p}}…{{/p}}` (the blocks it redefines). `indentation`
    /// is the whitespace before a standalone tag, added to every line the partial prints.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?, position: TemplatePosition)
    /// `{{$b}}default{{/b}}` outside a `{{<…}}`: the block a child template may redefine.
    case block(String, body: [TemplateNode], indentation: String)
}

/// A parsed template.
public struct Template: Sendable {
    public let name: String
    public let nodes: [TemplateNode]

    public init(name: String, nodes: [TemplateNode]) {
        self.name = name
        self.nodes = nodes
    }

    /// Parses `text`; errors carry the line and column of the faulty tag and a French message.
    public init(name: String, text: String) throws(TemplateSyntaxError) {
        self.init(name: name, nodes: try TemplateParser.parse(text, name: name))
    }
}

/// A template that cannot be parsed: where, and why in words a theme author understands.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: String
}

/// A name no context provided, where it is used.
public struct TemplateUnknownName: Hashable, Sendable {
    public let name: String
    public let position: TemplatePosition

    public init(name: String, position: TemplatePosition) {
        self.name = name
        self.position = position
    }
}
