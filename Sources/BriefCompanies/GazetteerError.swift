import BriefModel

/// What is wrong in a companies file (`Content/companies.yml`, or the built-in `Gazetteer.yml`): an entry
/// with one of these is left out, except for `companiesNotAList`, which stops the reading. Each case carries
/// the file's path as the user should see it and the line and column of the entry or value.
public enum GazetteerError: Error, DiagnosticConvertible, Equatable {
    /// `companies:` holds something other than a list.
    case companiesNotAList(path: String, line: Int, column: Int)
    /// An entry has no `name:`, or an empty one.
    case unnamedEntry(path: String, line: Int, column: Int)
    /// An entry's `slug:` is not made of a-z, 0-9 and single hyphens.
    case invalidSlug(path: String, line: Int, column: Int, slug: String)
    /// An entry's slug is taken by an entry at `firstLine` of the same file.
    case duplicateSlug(path: String, line: Int, column: Int, slug: String, firstLine: Int)
    /// The entry `name` spells itself (by name or alias) as `owner`, another company, does.
    case spellingClaimedTwice(path: String, line: Int, column: Int, spelling: String, owner: String, name: String)

    /// The error as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .companiesNotAList(let path, let line, let column):
            .error(path, line: line, column: column, "\"companies\" must be a list of entries")
        case .unnamedEntry(let path, let line, let column):
            .error(path, line: line, column: column, "company entry has no name; entry left out")
        case .invalidSlug(let path, let line, let column, let slug):
            .error(
                path, line: line, column: column,
                "slug \"\(slug)\" may only hold a-z, 0-9 and single hyphens; entry left out")
        case .duplicateSlug(let path, let line, let column, let slug, let firstLine):
            .error(
                path, line: line, column: column,
                "duplicate slug \"\(slug)\" (first used at line \(firstLine)); entry left out")
        case .spellingClaimedTwice(let path, let line, let column, let spelling, let owner, let name):
            .error(
                path, line: line, column: column,
                "\"\(spelling)\" is claimed by both \"\(owner)\" and \"\(name)\"; entry left out")
        }
    }
}
