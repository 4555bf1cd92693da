/// A template problem tied to a file position, printed compiler-style so editors and CI logs can jump to it.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, so callers can react without parsing messages.
    public enum Kind: Sendable, Equatable, Hashable {
        /// A section, inverted section, parent or block tag is never closed.
        case unclosedSection
        /// A closing tag names a different section than the innermost open one.
        case mismatchedClose
        /// A closing tag appears where nothing is open.
        case unexpectedClose
        /// A tag's opening delimiter has no closing delimiter after it.
        case unclosedTag
        /// A set-delimiter tag does not hold exactly two delimiters free of whitespace and "=".
        case badDelimiters
        /// A tag that needs a name (variable, section, partial, parent, block, close) has none.
        case emptyTagName
        /// Sections, parents and blocks are nested deeper than one template may nest them.
        case nestingTooDeep
        /// A partial or parent template does not exist (render-time only with `missingPartialIsError`).
        case missingPartial
        /// The template asked of `TemplateLibrary.render` does not exist.
        case missingTemplate
        /// Partials, parents or blocks expand into one another too deeply (usually endless recursion).
        case recursionTooDeep
        /// Strict mode: a variable or dynamic name resolves to nothing.
        case missingVariable
        /// One render produced more text than any page should (nested sections over lists multiply).
        case outputTooLarge
        /// One render expanded more partials, blocks and list items than any page should.
        case tooManyExpansions
    }

    /// What went wrong, for callers and tests to check without reading the message.
    public let kind: Kind
    /// The template's path, as given to `Template.init`.
    public let path: String
    /// 1-based line of the offending tag.
    public let line: Int
    /// 1-based column, in characters, of the offending tag's opening delimiter.
    public let column: Int
    /// What went wrong, in words, naming the tag or template involved.
    public let message: String

    /// Makes an error at a template position.
    public init(kind: Kind, path: String, line: Int, column: Int, message: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: error: message`, the compiler format editors and CI annotate.
    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}
