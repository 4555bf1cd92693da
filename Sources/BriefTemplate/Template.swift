// BriefTemplate: the Mustache engine — lexer, parser, AST, renderer — and its data type, read from JSON.
// Knows nothing of briefings or stories. Depends on nothing.

/// A parsed Mustache template. Parsing happens once, here, so rendering only walks a ready-made tree.
public struct Template: Sendable {
    /// Lookup name, e.g. "story" or "partials/card".
    public let name: String
    /// Shown in diagnostics, e.g. "Templates/story.mustache".
    public let path: String
    let origin: TemplateSource
    let nodes: [Node]

    /// Parses `source`; syntax errors carry `path`, line and column.
    public init(name: String, path: String? = nil, source: String) throws(TemplateError) {
        self.name = name
        self.path = path ?? name
        let origin = TemplateSource(name: name, path: path ?? name, text: source)
        self.origin = origin
        self.nodes = try TemplateParser.parse(origin)
    }

    /// The template's source text.
    public var source: String { origin.text }

    /// Renders this template alone: partials and parents resolve only to itself.
    public func render(_ data: TemplateValue, options: RenderOptions = .init()) throws(TemplateError) -> String {
        try TemplateLibrary([self]).render(name, data, options: options)
    }
}

/// Where parsed nodes came from, kept so errors found at render time can still name a file, line and column.
final class TemplateSource: Sendable {
    let name: String
    let path: String
    let text: String

    init(name: String, path: String, text: String) {
        self.name = name
        self.path = path
        self.text = text
    }

    /// 1-based line and character column of a UTF-8 offset; computed only when an error needs it.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let bytes = Array(text.utf8)
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }

    func error(_ kind: TemplateError.Kind, at offset: Int, _ message: String) -> TemplateError {
        let (line, column) = location(of: offset)
        return TemplateError(kind: kind, path: path, line: line, column: column, message: message)
    }
}
