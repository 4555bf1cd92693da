/// Why a YAML file (front matter, `brief.yml`, `companies.yml`, the gazetteer) cannot be read the way
/// `YAMLReader` reads it: not YAML, or a value of the wrong shape. Each case carries the file's path as the
/// user should see it and the line and column of the node; `diagnostic` gives the printed text.
public enum YAMLError: Error, DiagnosticConvertible, Equatable {
    /// The text is not YAML; `detail` is the parser's words, with where the construct it was in began.
    case invalid(path: String, line: Int, column: Int, detail: String)
    /// A mapping has `keys` twice; the position is the second use of the first of them.
    case duplicateKeys(path: String, line: Int, column: Int, keys: [String])
    /// `what` (the file, "a company entry") is not a mapping of keys to values.
    case notAMapping(path: String, line: Int, column: Int, what: String)
    /// A key of `what` is not plain text.
    case keyNotText(path: String, line: Int, column: Int, what: String)
    /// The value of `key` is not text (a list, a mapping, null).
    case notText(path: String, line: Int, column: Int, key: String)
    /// The value of `key` is not an unquoted true, yes, on, false, no or off.
    case notTrueOrFalse(path: String, line: Int, column: Int, key: String)
    /// The value of `key` is not an unquoted whole number.
    case notAWholeNumber(path: String, line: Int, column: Int, key: String)
    /// The value of `key` is a whole number outside `range`.
    case outOfRange(path: String, line: Int, column: Int, key: String, range: ClosedRange<Int>)
    /// The value of `key` is neither a text nor a list of texts.
    case notAListOfTexts(path: String, line: Int, column: Int, key: String)

    /// The error as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalid(let path, let line, let column, let detail):
            .error(path, line: line, column: column, "invalid YAML: \(detail)")
        case .duplicateKeys(let path, let line, let column, let keys):
            .error(
                path, line: line, column: column, "duplicate key \(keys.map { "\"\($0)\"" }.joined(separator: ", "))")
        case .notAMapping(let path, let line, let column, let what):
            .error(path, line: line, column: column, "\(what) must be a mapping of keys to values")
        case .keyNotText(let path, let line, let column, let what):
            .error(path, line: line, column: column, "keys in \(what) must be plain text")
        case .notText(let path, let line, let column, let key):
            .error(path, line: line, column: column, "\"\(key)\" must be text")
        case .notTrueOrFalse(let path, let line, let column, let key):
            .error(path, line: line, column: column, "\"\(key)\" must be true or false")
        case .notAWholeNumber(let path, let line, let column, let key):
            .error(path, line: line, column: column, "\"\(key)\" must be a whole number")
        case .outOfRange(let path, let line, let column, let key, let range):
            .error(
                path, line: line, column: column,
                "\"\(key)\" must be between \(range.lowerBound) and \(range.upperBound)")
        case .notAListOfTexts(let path, let line, let column, let key):
            .error(path, line: line, column: column, "\"\(key)\" must be a list of texts")
        }
    }
}
