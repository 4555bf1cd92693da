import BriefModel
import BriefSite
import Foundation

/// Where a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    /// The site folder, holding `Content/`, optionally `Templates/` and `brief.yml`.
    public var root: URL
    public var output: URL
    /// Include sources marked `draft: true`.
    public var drafts = false
    /// A variable missing from a template's data is an error instead of empty text.
    public var strict = false
    /// Ignore the build cache and rebuild everything (the cache is written afresh).
    public var clean = false
    /// Takes the place of `brief.yml`'s `base_url` (deploy previews, `brief serve`); checked with
    /// `checkedBaseURL`.
    public var baseURL: String?
    /// `SOURCE_DATE_EPOCH`: the time to use where a date is needed and the content has none.
    public var sourceDateEpoch: String? = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
    /// The process ends right after the build (the command-line tool): the build's large values are
    /// left for the exit to reclaim instead of being freed one by one.
    public var exitsAfterBuild = false

    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("Site")).standardizedFileURL
    }

    /// An absolute http(s) address ending in `/`, as `baseURL` takes it; nil when `text` is not one.
    public static func checkedBaseURL(_ text: String) -> String? { SiteConfig.checkedBaseURL(text) }

    public var content: URL { root.appendingPathComponent("Content") }
    public var templates: URL { root.appendingPathComponent("Templates") }
    /// `brief.yml`, or `brief.yaml` when only that one is there.
    public var configFile: URL {
        let yml = root.appendingPathComponent("brief.yml")
        let yaml = root.appendingPathComponent("brief.yaml")
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        return !exists(yml) && exists(yaml) ? yaml : yml
    }
    public var companiesFile: URL { content.appendingPathComponent("companies.yml") }
    /// Where processed sources and the last build's state are kept (git-ignored, safe to delete).
    public var cacheFolder: URL { root.appendingPathComponent(".brief-cache") }

    /// A path as diagnostics show it: relative to the site folder when inside it.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if path == root.path { return "." }
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Why the output folder must not be used: it is, or is inside, `Content/` or `Templates/`, or holds them.
    public var outputProblem: Diagnostic? {
        let output = self.output.path
        func isInside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
        }
        for (folder, name) in [(content.path, "Content/"), (templates.path, "Templates/")] {
            if isInside(output, folder) {
                return .about(
                    .error, display(self.output),
                    "the output folder is inside \(name), which brief only reads; choose a folder outside Content/ and Templates/ (the default is Site/)"
                )
            }
            if isInside(folder, output) {
                return .about(
                    .error, display(self.output),
                    "the output folder holds \(name), which brief only reads; choose another folder (the default is Site/)"
                )
            }
        }
        return nil
    }
}

/// What a successful build did, for the one-line summary.
public struct BuildReport: Sendable {
    public var sources = 0
    public var stories = 0
    public var companies = 0
    /// Files in the new site, written anew or kept unchanged.
    public var filesWritten = 0
    public var filesUnchanged = 0
    /// Nothing changed since the last build, so nothing was written.
    public var upToDate = false
    public var seconds = 0.0
    public var diagnostics: [Diagnostic] = []
    /// Paths of the site's files that this build wrote anew or deleted (none when up to date), for live reload.
    public var changedFiles: [String] = []
    /// The paths among `changedFiles` that were deleted.
    public var deletedFiles: [String] = []
}
