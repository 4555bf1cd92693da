import ArgumentParser
import BriefCore
import Foundation

/// The options `brief build` and `brief serve` share: which site, where its output goes, and how strictly
/// it is built. Declared once, so the two commands spell and explain them the same way.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding Content/.", valueName: "folder"))
    var root: String = "."

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Where to write the site (default: Site/ in the site folder).", valueName: "folder"))
    var output: String?

    @Flag(help: "Include sources marked `draft: true`.")
    var drafts = false

    @Flag(help: "Treat a variable missing from a template's data as an error.")
    var strict = false

    func validate() throws {
        if let output, output.isEmpty { throw ValidationError("--output needs a folder") }
    }

    /// The build these options describe; `baseURL` (already validated) replaces brief.yml's `base_url`.
    func buildOptions(baseURL: String?) -> BuildOptions {
        var options = BuildOptions(root: URL(fileURLWithPath: root), output: output.map { URL(fileURLWithPath: $0) })
        options.drafts = drafts
        options.strict = strict
        options.baseURL = baseURL.flatMap(BuildOptions.checkedBaseURL)
        return options
    }

    /// Fails unless `url` is an address `--base-url` accepts.
    static func validate(baseURL url: String?) throws {
        if let url, BuildOptions.checkedBaseURL(url) == nil {
            throw ValidationError("--base-url must be an absolute http(s) address such as https://example.org/news/")
        }
    }
}
