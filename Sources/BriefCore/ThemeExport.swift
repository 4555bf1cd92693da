import BriefBuiltIn
import BriefModel
import BriefOutput
import Foundation

/// `brief theme export`: writes the built-in theme into a folder (`Templates/` by default), so that a site can
/// start its own theme from it. A file that exists is kept as it is: exporting never loses a change.
public enum ThemeExport {
    /// What an export did, as paths relative to the folder.
    public struct Result: Sendable {
        /// Files that did not exist and were written.
        public var written: [String] = []
        /// Files that already existed and were left as they were.
        public var kept: [String] = []
    }

    /// The built-in theme's files: path inside the theme, text.
    public static var files: [(path: String, text: String)] {
        EmbeddedFiles.files.filter { $0.key.hasPrefix("theme/") }
            .map { (String($0.key.dropFirst("theme/".count)), $0.value) }
            .sorted { $0.path < $1.path }
    }

    /// Writes every file of the built-in theme below `folder` that is not there yet.
    public static func export(to folder: URL) throws(DiagnosticError) -> Result {
        var result = Result()
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                result.kept.append(path)
                continue
            }
            do {
                let parent = url.deletingLastPathComponent()
                try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                let path = SiteWriter.display(url.path)
                throw DiagnosticError(BuildError.unwritableFile(path: path, reason: error.localizedDescription))
            }
            result.written.append(path)
        }
        return result
    }
}
