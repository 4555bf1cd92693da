import BriefFileSystem
import BriefModel
import Foundation

/// Finds the sources of `Content/`: every `.txt` and `.md` file below it, sorted, except `companies.yml`.
enum SourceListing {
    /// The source files' paths below `Content/`, sorted. Other files there are recorded as warnings, and so are
    /// links that `links` says lead outside the site folder.
    /// - Throws: when there is no `Content/`, it cannot be read, or it holds no source.
    static func list(_ options: BuildOptions, links: ContentLinks?, into diagnostics: inout Diagnostics)
        throws(DiagnosticError) -> [String]
    {
        let folder = options.content
        let display = options.display(folder)
        guard SiteFiles.directoryExists(folder) else { throw diagnostics.failing(with: missingContent(options)) }
        guard access(folder.path, R_OK | X_OK) == 0 else {
            throw diagnostics.failing(with: BuildError.unreadableFolder(at: display))
        }
        var sources: [String] = []
        let listing = FileTree.filesAndLinks(under: folder)
        var outside: [String: String] = [:]
        for link in listing.links {
            if let target = links?.outsideTarget(folder.path + "/" + link) { outside[link] = target }
        }
        for file in listing.files where file != "companies.yml" {
            let url = folder.appendingPathComponent(file)
            if let links, let target = outside[file] {
                diagnostics.add(links.skipped(url, target: target))
            } else if SourceText.isSourceFileName((file as NSString).lastPathComponent) {
                sources.append(file)
            } else {
                diagnostics.add(BuildWarning.ignoredFile(path: options.display(url)))
            }
        }
        if sources.isEmpty { throw diagnostics.failing(with: BuildError.noSources(folder: display)) }
        return sources
    }

    /// Why there is no `Content/`: no site folder at all, a lowercase `content/`, or none.
    static func missingContent(_ options: BuildOptions) -> BuildError {
        guard SiteFiles.directoryExists(options.root) else { return .noSiteFolder(path: options.root.path) }
        let lowercase = options.root.appendingPathComponent("content")
        return .noContentFolder(
            folder: options.display(options.content), lowercaseFound: SiteFiles.directoryExists(lowercase))
    }
}
