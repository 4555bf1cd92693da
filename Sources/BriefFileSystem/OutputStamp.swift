import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `stat` says of a file brief wrote: the same inode, size and modification time at the next
/// build mean nobody touched it since. (The status-change time is left out: linking a kept file into
/// the new site changes it.)
package struct OutputStamp: Equatable, Sendable {
    /// The file's inode: a file replaced by another gets a new one.
    package var inode: UInt64
    /// The file's size in bytes.
    package var size: UInt64
    /// In nanoseconds since 1970.
    package var modified: UInt64

    /// Matches no file: a file recorded with it is written again by the next build.
    package static let unknown = OutputStamp(inode: 0, size: 0, modified: 0)

    /// A stamp from its parts, for the cache reader and tests.
    package init(inode: UInt64, size: UInt64, modified: UInt64) {
        (self.inode, self.size, self.modified) = (inode, size, modified)
    }

    /// The stamp of what `stat` returned.
    package init(_ info: stat) {
        self.init(
            inode: UInt64(info.st_ino), size: UInt64(max(0, info.st_size)),
            modified: UInt64(max(0, info.st_mtim.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, info.st_mtim.tv_nsec)))
    }

    /// The stamp of the regular file at `path` relative to the open folder `folder`, without following a
    /// symbolic link; nil when there is none.
    package static func of(_ path: String, in folder: Int32) -> OutputStamp? {
        var info = stat()
        guard fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return nil
        }
        return OutputStamp(info)
    }
}
