import BriefFileSystem
import BriefModel
import Foundation

/// Small questions about the site's own files that several steps ask.
enum SiteFiles {
    /// An optional file's bytes: nil when it does not exist; an error recorded when it exists but cannot be read.
    static func readOptional(_ url: URL, _ options: BuildOptions, into diagnostics: inout Diagnostics) -> [UInt8]? {
        if let bytes = FileTree.read(url.path) { return bytes }
        if errno != ENOENT { diagnostics.add(BuildError.unreadableFile(at: options.display(url))) }
        return nil
    }

    /// Whether there is a folder (or a link to one) at `url`.
    static func directoryExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
