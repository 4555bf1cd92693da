import BriefFileSystem
import BriefModel
import Foundation

/// What the cache warns about: the build is right, but the next one does work this one could have saved it.
/// The case carries the path as the user should see it, relative to the site folder (`.brief-cache/…`).
package enum CacheWarning: DiagnosticConvertible, Equatable {
    /// A file of the cache at `path` could not be written or removed (`action`, for the system's `reason`).
    case notWritten(path: String, action: String, reason: String)

    /// The cache's failure, its path relative to the site folder (the cache folder's parent).
    package static func notWritten(_ failure: FileFailure, cacheFolder: URL) -> CacheWarning {
        let root = cacheFolder.deletingLastPathComponent().path
        let path = failure.path.hasPrefix(root + "/") ? String(failure.path.dropFirst(root.count + 1)) : failure.path
        return .notWritten(path: path, action: failure.action, reason: failure.reason)
    }

    /// The warning as the command line prints it.
    package var diagnostic: Diagnostic {
        switch self {
        case .notWritten(let path, let action, let reason):
            .warning(path, "\(action): \(reason); the next build does again the work it would have saved")
        }
    }
}
