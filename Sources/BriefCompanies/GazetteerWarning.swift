import BriefModel

/// What a companies file holds that brief does not read: the rest of the file is used. Each case carries
/// the file's path as the user should see it and the line and column of the key.
public enum GazetteerWarning: DiagnosticConvertible, Equatable {
    /// A key at the top of the file other than `companies`, `suppress` and `never`.
    case unknownKey(path: String, line: Int, column: Int, key: String)
    /// A key of a company entry brief does not know.
    case unknownEntryKey(path: String, line: Int, column: Int, key: String)

    /// The warning as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .unknownKey(let path, let line, let column, let key):
            .warning(path, line: line, column: column, "unknown key \"\(key)\"; expected companies, suppress or never")
        case .unknownEntryKey(let path, let line, let column, let key):
            .warning(
                path, line: line, column: column,
                "unknown key \"\(key)\" in a company entry; known keys: "
                    + GazetteerFile.entryKeys.sorted().joined(separator: ", "))
        }
    }
}
