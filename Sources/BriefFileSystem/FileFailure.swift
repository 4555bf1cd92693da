import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A system call that refused, with the path it was about and the reason, so that whoever reports it
/// can say `Site/x: error: cannot create the folder: Permission denied`.
package struct FileFailure: Error, Equatable, CustomStringConvertible {
    package var path: String
    /// What brief was doing, as a diagnostic says it: "cannot create the folder".
    package var action: String
    /// The system's words for the `errno` of the call ("Permission denied"), or brief's own.
    package var reason: String

    package init(_ path: String, _ action: String, code: Int32 = errno) {
        self.init(path, action, reason: String(cString: strerror(code)))
    }

    package init(_ path: String, _ action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    package var description: String { "\(path): \(action): \(reason)" }
}
