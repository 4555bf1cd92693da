import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A system call that refused, with the path it was about and the reason, so that whoever reports it
/// can say `Site/x: error: cannot create the folder: Permission denied`.
package struct FileFailure: Error, Equatable, CustomStringConvertible {
    /// The path the call was about, as the diagnostic shows it.
    package var path: String
    /// What brief was doing, as a diagnostic says it: "cannot create the folder".
    package var action: String
    /// The system's words for the `errno` of the call ("Permission denied"), or brief's own.
    package var reason: String

    /// A failure whose reason is the system's words for `code` (by default the current `errno`).
    package init(_ path: String, _ action: String, code: Int32 = errno) {
        self.init(path, action, reason: String(cString: strerror(code)))
    }

    /// A failure with brief's own reason, where no `errno` explains it.
    package init(_ path: String, _ action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    /// `path: action: reason`, the message a diagnostic carries.
    package var description: String { "\(path): \(action): \(reason)" }
}
