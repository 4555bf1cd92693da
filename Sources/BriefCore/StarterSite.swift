import BriefBuiltIn
import BriefModel
import BriefOutput
import Foundation

/// The files `brief init` writes: the sample briefing, a commented `brief.yml` and a `.gitignore`.
public enum StarterSite {
    /// Each file's text by path inside the new site; `create(in:)` writes them all, or none when one exists already.
    public static var files: [String: String] {
        var files: [String: String] = [
            "brief.yml": """
            # brief's settings; every key is optional.
            title: My Briefings
            description: News briefings made with brief.
            language: en
            # base_url: https://example.org/news/   # for absolute links in feeds and the sitemap
            # author: Your Name
            # timezone: UTC
            # stories_on_front_page: 12
            # feed_items: 50
            # page_size: 30

            """,
            ".gitignore": "/Site/\n.brief-cache/\n.*.brief-lock\n.*.brief-trash/\n.*.brief-journal\n",
        ]
        for (name, text) in EmbeddedFiles.files where name.hasPrefix("sample/") {
            files["Content/" + name.dropFirst("sample/".count)] = text
        }
        return files
    }

    /// Writes the starter files into `folder`, never over an existing file.
    /// - Returns: the paths written, relative to `folder`.
    public static func create(in folder: URL) throws(DiagnosticError) -> [String] {
        let display = SiteWriter.display(folder.standardizedFileURL.path)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Content").path) {
            throw DiagnosticError(BuildError.siteExists(path: display + "/Content"))
        }
        let existing = files.keys.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        if let clash = existing.sorted().first {
            throw DiagnosticError(BuildError.fileExists(path: display + "/" + clash))
        }
        var written: [String] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                let path = SiteWriter.display(url.path)
                throw DiagnosticError(BuildError.unwritableFile(path: path, reason: error.localizedDescription))
            }
            written.append(path)
        }
        return written
    }
}
