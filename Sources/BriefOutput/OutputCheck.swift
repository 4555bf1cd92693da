import BriefFileSystem
import BriefModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The cheap check of the output before a build says "Up to date": each file the last build wrote
/// is compared by inode, size and modification time with what that build recorded, one `stat` each,
/// on every core. A file deleted, truncated or overwritten since shows, and is written again.
package enum OutputCheck {
    /// The paths among `files` whose file in `folder` is missing or no longer has its recorded stamp.
    package static func changed(in folder: String, _ files: [(path: String, stamp: OutputStamp)]) -> Set<String> {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return Set(files.map(\.path)) }
        defer { close(descriptor) }
        // In runs of files rather than one task per file: a stat takes about a microsecond.
        let runs = min(files.count, Parallel.threads * 8)
        let found = Parallel.map(runs) { run -> [Int] in
            stride(from: run, to: files.count, by: runs).filter { i in
                OutputStamp.of(files[i].path, in: descriptor) != files[i].stamp
            }
        }
        return Set(found.joined().map { files[$0].path })
    }

    /// Starts `changed` on other threads, so that the caller does other work meanwhile.
    /// - Parameter files: made on those threads too.
    package static func start(
        in folder: String,
        _ files: @escaping @Sendable () -> [(path: String, stamp: OutputStamp)]
    ) -> Pending {
        let pending = Pending()
        pending.group.enter()
        DispatchQueue.global().async {
            pending.result = changed(in: folder, files())
            pending.group.leave()
        }
        return pending
    }

    /// A check under way.
    package final class Pending: @unchecked Sendable {
        fileprivate let group = DispatchGroup()
        fileprivate var result: Set<String> = []

        /// What `changed` found, once it has.
        package var changed: Set<String> {
            group.wait()
            return result
        }
    }
}
