import BriefModel
import BriefSite
import Foundation

/// Where a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    /// The site folder, holding `Content/`, optionally `Templates/` and `brief.yml`.
    public var root: URL
    /// The folder the site is written to; `Site/` in the site folder unless given.
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

    /// Options for the site at `root`, writing to `output` (default `root/Site`); paths are standardized once here.
    public init(root: URL, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("Site")).standardizedFileURL
    }

    /// An absolute http(s) address ending in `/`, as `baseURL` takes it; nil when `text` is not one.
    public static func checkedBaseURL(_ text: String) -> String? { SiteConfig.checkedBaseURL(text) }

    /// The folder of sources, `Content/`, which brief only reads.
    public var content: URL { root.appendingPathComponent("Content") }
    /// The site's own theme folder, `Templates/`, whose files replace the built-in theme's; optional.
    public var templates: URL { root.appendingPathComponent("Templates") }
    /// `brief.yml`, or `brief.yaml` when only that one is there.
    public var configFile: URL {
        let yml = root.appendingPathComponent("brief.yml")
        let yaml = root.appendingPathComponent("brief.yaml")
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        return !exists(yml) && exists(yaml) ? yaml : yml
    }
    /// The site's gazetteer changes, `Content/companies.yml`; optional.
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

    /// Checks that the output folder may be used.
    /// - Throws: why not: it is, or is inside, `Content/` or `Templates/`, or holds them.
    public func checkOutput() throws(BuildError) {
        let output = self.output.path
        func isInside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
        }
        for (folder, name) in [(content.path, "Content/"), (templates.path, "Templates/")] {
            if isInside(output, folder) { throw .outputInsideInput(path: display(self.output), folder: name) }
            if isInside(folder, output) { throw .outputHoldsInput(path: display(self.output), folder: name) }
        }
    }
}

/// What a successful build did, for the one-line summary.
public struct BuildReport: Sendable {
    /// How many briefings the site has (sources with at least one story).
    public var sources = 0
    /// How many stories the site has.
    public var stories = 0
    /// How many companies have pages.
    public var companies = 0
    /// Files in the new site, written anew or kept unchanged.
    public var filesWritten = 0
    /// Files in the new site that were the same as in the last build, and kept.
    public var filesUnchanged = 0
    /// Nothing changed since the last build, so nothing was written.
    public var upToDate = false
    /// Wall-clock time of the whole build.
    public var seconds = 0.0
    /// Warnings met during the build, for the command line to print; a build with errors returns no report.
    public var diagnostics: [Diagnostic] = []
    /// Paths of the site's files that this build wrote anew or deleted (none when up to date), for live reload.
    public var changedFiles: [String] = []
    /// The paths among `changedFiles` that were deleted.
    public var deletedFiles: [String] = []
}
