import BriefModel
import Foundation

/// What BriefCore itself warns about: the build goes on, and the result is right, but the user should
/// know. Each case carries the path as the user should see it; `diagnostic` gives the printed text.
public enum BuildWarning: DiagnosticConvertible, Equatable {
    /// A file in `Content/` that is not a `.txt` or `.md` source.
    case ignoredFile(path: String)
    /// A symbolic link in `Content/` to `target`, outside the site folder, left unread.
    case skippedLink(path: String, target: String)
    /// `base_url` is not set; `settingsFile` is the settings file's path when there is one, `name` its name.
    case baseURLNotSet(settingsFile: String?, name: String)
    /// The source's front matter lists `names` under `companies:` (at `line`), but none of its stories names them,
    /// so they tag no story.
    case untaggedCompanies(path: String, line: Int, names: [String])

    /// The warning that feeds and the sitemap get relative links: at the settings file when there is one.
    static func baseURLNotSet(_ options: BuildOptions, hasConfig: Bool) -> BuildWarning {
        .baseURLNotSet(
            settingsFile: hasConfig ? options.display(options.configFile) : nil,
            name: options.configFile.lastPathComponent)
    }

    /// The warning as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .ignoredFile(let path): .warning(path, "ignored: brief reads .txt and .md sources only")
        case .skippedLink(let path, let target):
            .warning(
                path,
                "skipped: a symbolic link to \(target), outside the site folder; "
                    + "set follow_symlinks: true in brief.yml to read such links")
        case .baseURLNotSet(let settingsFile, let name): Self.baseURL(settingsFile, name: name)
        case .untaggedCompanies(let path, let line, let names):
            .warning(
                path, line: line,
                "companies: lists " + names.map { "\"\($0)\"" }.joined(separator: ", ")
                    + (names.count == 1
                        ? ", but no story of this source names it, so it tags none"
                        : ", but no story of this source names them, so they tag none"))
        }
    }

    private static func baseURL(_ settingsFile: String?, name: String) -> Diagnostic {
        let message =
            "base_url is not set: feeds and the sitemap get relative links, but feed readers and search "
            + "engines need absolute ones"
        guard let settingsFile else {
            return .about(
                .warning, "",
                message + "; create brief.yml with a line such as "
                    + "`base_url: https://example.org/news/`, or pass --base-url")
        }
        return .warning(settingsFile, message + "; set base_url in \(name)")
    }
}
