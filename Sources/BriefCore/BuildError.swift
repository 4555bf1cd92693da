import BriefFileSystem
import BriefModel
import Foundation

/// Why brief could not do what it was asked: every error BriefCore itself words (the stages word their
/// own). Each case carries the path as the user should see it (and the line and column, where there is
/// one); `diagnostic` gives the text the command line prints.
public enum BuildError: Error, DiagnosticConvertible, Equatable {
    /// There is no site folder at the path given as `--root`.
    case noSiteFolder(path: String)
    /// The site folder has no `Content/` (`folder` is where it should be); `lowercaseFound` when it has a `content/`.
    case noContentFolder(folder: String, lowercaseFound: Bool)
    /// `Content/` holds no `.txt` or `.md` file.
    case noSources(folder: String)
    /// Every source of `Content/` (`sources` of them) was left empty by processing.
    case nothingToPublish(folder: String, sources: Int)
    /// Both `brief.yml` and `brief.yaml` exist; `path` is the one brief does not read.
    case twoSettingsFiles(path: String)
    /// The output folder is inside `Content/` or `Templates/` (`folder`, with its slash), which brief only reads.
    case outputInsideInput(path: String, folder: String)
    /// The output folder holds `Content/` or `Templates/` (`folder`, with its slash), so replacing it would lose them.
    case outputHoldsInput(path: String, folder: String)
    /// A file exists but cannot be read; `reason` is the system's.
    case unreadableFile(path: String, reason: String)
    /// A folder exists but cannot be listed; `reason` is the system's.
    case unreadableFolder(path: String, reason: String)
    /// A file is not UTF-8; `name` is how the message calls it (nil: "the file").
    case notUTF8(path: String, name: String?)
    /// A JSON file given to `brief template render` does not parse, at `line` and `column`.
    case invalidJSON(path: String, line: Int, column: Int, message: String)
    /// `brief init` found a `Content/` folder where it would start a site.
    case siteExists(path: String)
    /// `brief init` found one of its files there already.
    case fileExists(path: String)
    /// A file could not be written; `reason` is the system's.
    case unwritableFile(path: String, reason: String)
    /// A system call on a file failed, worded by the failure (`path` as the user should see it).
    case fileFailure(path: String, action: String, reason: String)

    /// A file that cannot be read, for the system's reason in `errno` just now.
    static func unreadableFile(at path: String) -> BuildError {
        .unreadableFile(path: path, reason: String(cString: strerror(errno)))
    }

    /// A folder that cannot be listed, for the system's reason in `errno` just now.
    static func unreadableFolder(at path: String) -> BuildError {
        .unreadableFolder(path: path, reason: String(cString: strerror(errno)))
    }

    /// The error as the command line prints it, with the same words for the same problem everywhere.
    public var diagnostic: Diagnostic {
        switch self {
        case .noSiteFolder(let path):
            .about(.error, path, "no such folder: the site folder (--root) must exist and hold Content/")
        case .noContentFolder(let folder, let lowercaseFound):
            .about(.error, folder + "/", Self.noContentMessage(folder, lowercaseFound: lowercaseFound))
        case .noSources(let folder): .about(.error, folder + "/", Self.noSourcesMessage)
        case .nothingToPublish(let folder, let count):
            .about(.error, folder + "/", Self.nothingToPublishMessage(count))
        case .twoSettingsFiles(let path):
            .error(path, "both brief.yml and brief.yaml are here; brief reads brief.yml: remove one")
        case .outputInsideInput(let path, let folder):
            .about(
                .error, path,
                "the output folder is inside \(folder), which brief only reads; "
                    + "choose a folder outside Content/ and Templates/ (the default is Site/)")
        case .outputHoldsInput(let path, let folder):
            .about(
                .error, path,
                "the output folder holds \(folder), which brief only reads; "
                    + "choose another folder (the default is Site/)")
        case .unreadableFile(let path, let reason): .error(path, "cannot read the file: \(reason)")
        case .unreadableFolder(let path, let reason): .error(path, "cannot read the folder: \(reason)")
        case .notUTF8(let path, let name): .error(path, "\(name ?? "the file") is not valid UTF-8")
        case .invalidJSON(let path, let line, let column, let message):
            .error(path, line: line, column: column, "invalid JSON: \(message)")
        case .siteExists(let path):
            .error(
                path, "there is a Content/ folder here already; brief init only starts new sites and overwrites nothing"
            )
        case .fileExists(let path): .error(path, "the file exists already; brief init overwrites nothing")
        case .unwritableFile(let path, let reason): .error(path, "cannot write the file: \(reason)")
        case .fileFailure(let path, let action, let reason): .error(path, "\(action): \(reason)")
        }
    }

    private static let noSourcesMessage =
        "no sources: add .txt or .md files (scraped articles, transcripts, notes), or run `brief init` for a sample"

    private static func nothingToPublishMessage(_ count: Int) -> String {
        let sources = count == 1 ? "the source has" : "none of the \(count) sources has"
        return "no stories to publish: \(sources) any text left; see the warnings above"
    }

    private static func noContentMessage(_ folder: String, lowercaseFound: Bool) -> String {
        guard !lowercaseFound else {
            return "no Content/ folder here, but a content/ folder: brief reads Content/, with a capital C; "
                + "rename it (mv content Content)"
        }
        return "no Content/ folder here: put your source texts (.txt or .md) into \(folder)/, "
            + "or run `brief init` to start a new site"
    }
}
