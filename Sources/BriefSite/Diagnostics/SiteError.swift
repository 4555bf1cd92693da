import BriefModel

/// Why the site stage cannot use what it was given: a value of `brief.yml` that is the right type but
/// not a usable value (a wrong type is worded by `YAMLReader`), or a file of the site's theme it cannot read
/// (a template that does not parse is worded by `TemplateError`). Each case carries the file's path as the
/// user should see it (and the line and column of the value); `diagnostic` gives the printed text.
public enum SiteError: Error, DiagnosticConvertible, Equatable {
    /// `language:` is not a BCP 47 language tag.
    case invalidLanguage(path: String, line: Int, column: Int, tag: String)
    /// `base_url:` is not an absolute http(s) address.
    case invalidBaseURL(path: String, line: Int, column: Int)
    /// `timezone:` names no time zone the system knows.
    case unknownTimeZone(path: String, line: Int, column: Int, name: String)
    /// A pattern of `ignore:` does not parse; `reason` is the pattern reader's.
    case invalidIgnorePattern(path: String, line: Int, column: Int, reason: String)
    /// A file of the site's `Templates/` cannot be read.
    case unreadableThemeFile(path: String)
    /// A template of the site's `Templates/` is not UTF-8.
    case templateNotUTF8(path: String)

    /// The error as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalidLanguage(let path, let line, let column, let tag):
            .error(
                path, line: line, column: column,
                "\"language\" must be a BCP 47 language tag such as en, de or pt-BR, not \"\(tag)\"")
        case .invalidBaseURL(let path, let line, let column):
            .error(
                path, line: line, column: column,
                "\"base_url\" must be an absolute http(s) address such as https://example.org/news/")
        case .unknownTimeZone(let path, let line, let column, let name):
            .error(
                path, line: line, column: column,
                "unknown time zone \"\(name)\"; use a name such as UTC or Europe/Berlin")
        case .invalidIgnorePattern(let path, let line, let column, let reason):
            .error(path, line: line, column: column, "\"ignore\": \(reason)")
        case .unreadableThemeFile(let path): .error(path, "cannot read the file")
        case .templateNotUTF8(let path): .error(path, "template is not valid UTF-8")
        }
    }
}
