import BriefModel

/// What the normalizer warns about: the source still gives a document, but the user should know what was left
/// out or changed. Each case carries the source's path and the line and column where it was found; `diagnostic`
/// gives the printed text.
public enum NormalizeWarning: DiagnosticConvertible, Equatable {
    /// Front matter's `slug` is not a valid slug; the title's is used.
    case invalidSlug(path: String, line: Int, column: Int, slug: String)
    /// A known front matter key's value could not be read (`problem`, a YAML error); the key is ignored.
    case unreadableKey(key: String, problem: Diagnostic)
    /// Raw HTML or a script link (`what`) in Markdown, which the site leaves out.
    case unsafeMarkdown(path: String, line: Int, column: Int, what: String)
    /// A paragraph stops mid-sentence in every copy; `ending` is how it ends. It is kept, marked with "…".
    case cutParagraph(path: String, line: Int, column: Int, ending: String)
    /// A heading with no text under it; left out.
    case emptyHeading(path: String, line: Int, heading: String)
    /// Nothing is left of the source once chrome and empty lines are gone.
    case noText(path: String)

    /// The warning as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalidSlug(let path, let line, let column, let slug):
            .warning(
                path, line: line, column: column,
                "slug \"\(slug)\" may only hold a-z, 0-9 and single hyphens; the title's slug is used instead")
        case .unreadableKey(let key, let problem):
            Diagnostic(
                .warning, file: problem.file, line: problem.line, column: problem.column,
                problem.message + "; \"\(key)\" is ignored")
        case .unsafeMarkdown(let path, let line, let column, let what):
            .warning(path, line: line, column: column, "\(what) is not passed through to the site")
        case .cutParagraph(let path, let line, let column, let ending):
            .warning(
                path, line: line, column: column,
                "paragraph is cut off in every copy (\"\(ending)\"); kept and marked with \"…\"")
        case .emptyHeading(let path, let line, let heading):
            .warning(path, line: line, "heading \"\(heading)\" has no text under it; left out")
        case .noText(let path):
            .warning(path, "no text left after cleaning; the source has no stories")
        }
    }
}
