import BriefModel

/// Why the writer could not put the new site in place. Each case carries the path as the user should see
/// it (`Site/…`, never the staging folder); `diagnostic` gives the text the command line prints. Whatever
/// the case, the previous site is left as it was, or, once the journal is written, for the next build to finish.
public enum OutputError: Error, DiagnosticConvertible, Equatable {
    /// The output folder cannot be looked at; `reason` is the system's.
    case unreadableOutput(path: String, reason: String)
    /// Something other than a folder is at the output path.
    case notAFolder(path: String)
    /// The output folder holds files but not brief's marker file, so it is not brief's to replace.
    case notBriefsFolder(path: String)
    /// The output folder cannot be written into; `reason` is the system's.
    case unwritableOutput(path: String, reason: String)
    /// The lock beside the output folder (in `path`, its parent) cannot be made; `reason` is the system's.
    case unwritableParent(path: String, reason: String)
    /// Another build holds the output folder's lock.
    case locked(path: String)
    /// The update a killed or failed build left could not be finished.
    case unfinishedUpdate(path: String, action: String, reason: String)
    /// The staging folder beside the output folder (in `path`, its parent) cannot be made.
    case unstageable(path: String, reason: String)
    /// A page or asset's path leads out of the output folder.
    case outsideOutput(path: String)
    /// A system call on a file of the output failed, worded by the failure.
    case fileFailure(path: String, action: String, reason: String)
    /// The new site cannot be renamed into place where there was none.
    case unmovable(path: String, reason: String)
    /// The old site cannot be swapped out; `aside` is where it was left, when it could not be put back.
    case irreplaceable(path: String, reason: String, aside: String?)

    /// The error as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .unreadableOutput(let path, let reason): .error(path, "cannot read the output folder: \(reason)")
        case .notAFolder(let path): .error(path, "the output path exists and is not a folder; refusing to replace it")
        case .notBriefsFolder(let path):
            .about(
                .error, path,
                "this folder was not made by brief (it has no \(SiteWriter.markerName) file), so brief will not "
                    + "replace it; choose another --output or empty the folder")
        case .unwritableOutput(let path, let reason): .error(path, "cannot write into the output folder: \(reason)")
        case .unwritableParent(let path, let reason): .error(path, "cannot write next to the output folder: \(reason)")
        case .locked(let path): .error(path, "another brief build is writing this folder right now")
        case .unfinishedUpdate(let path, let action, let reason):
            .error(path, "cannot finish the update a killed or failed build left: \(action): \(reason)")
        case .unstageable(let path, let reason): .error(path, "cannot create the staging folder: \(reason)")
        case .outsideOutput(let path): .error(path, "refusing to write outside the output folder")
        case .fileFailure(let path, let action, let reason): .error(path, "\(action): \(reason)")
        case .unmovable(let path, let reason): .error(path, "cannot move the new site into place: \(reason)")
        case .irreplaceable(let path, let reason, let aside):
            .error(
                path,
                "cannot replace the output folder: \(reason)" + (aside.map { "; the previous site is in \($0)" } ?? ""))
        }
    }
}
