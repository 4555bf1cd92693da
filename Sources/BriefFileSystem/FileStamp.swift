import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `stat` says of a source file. A file with the same stamp as at the last build, last
/// changed well before that build read it, still has the bytes read then: a rebuild need not
/// read it again. This is git's rule for its index; the margin covers a change made in the same
/// clock tick as the read, which would leave the stamp as it was.
package struct FileStamp: Equatable, Sendable {
    /// The device the file is on.
    package var device: UInt64
    /// The file's inode: a file replaced by another gets a new one.
    package var inode: UInt64
    /// The file's size in bytes.
    package var size: UInt64
    /// Modification and status-change times, in nanoseconds since 1970.
    package var modified: UInt64
    /// The status-change time, which catches changes that keep the modification time (`touch -d`, a rename).
    package var changed: UInt64

    /// Two seconds, in nanoseconds: longer than the coarsest file-system clock tick brief expects.
    package static let margin: UInt64 = 2_000_000_000
    /// Matches no file: its source is read on the next build.
    package static let unknown = FileStamp(device: 0, inode: 0, size: 0, modified: 0, changed: 0)

    /// A stamp from its parts, for the cache reader and tests.
    package init(device: UInt64, inode: UInt64, size: UInt64, modified: UInt64, changed: UInt64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    /// The stamp of what `stat` returned.
    package init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: UInt64(max(0, info.st_size)),
            modified: Self.nanoseconds(info.st_mtim), changed: Self.nanoseconds(info.st_ctim))
    }

    /// Whether the file was last changed more than the margin before `time` (nanoseconds since 1970).
    package func isSettled(before time: UInt64) -> Bool {
        modified &+ Self.margin < time && changed &+ Self.margin < time
    }

    /// The wall clock now, in nanoseconds since 1970, as file times count.
    package static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return nanoseconds(time)
    }

    private static func nanoseconds(_ time: timespec) -> UInt64 {
        UInt64(max(0, time.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, time.tv_nsec))
    }
}
