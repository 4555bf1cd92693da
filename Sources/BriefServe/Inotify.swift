import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The one file that talks to Linux's inotify: the kernel tells us when a watched folder's
/// entries change, so that `brief serve` never polls.
///
/// A pipe beside the inotify descriptor lets another thread wake a waiting `read` to stop it.
final class Inotify: @unchecked Sendable {
    /// One change the kernel reported: a watch, what happened (`IN_…` bits) and the entry's name.
    struct Event: Sendable {
        var watch: Int32
        var mask: UInt32
        var name: String

        var isFolder: Bool { mask & UInt32(IN_ISDIR) != 0 }
        /// The kernel dropped the watch: its folder was deleted or moved away.
        var endsWatch: Bool { mask & UInt32(IN_IGNORED) != 0 }
        /// The kernel's queue overflowed: changes were lost, so everything must be looked at again.
        var overflowed: Bool { mask & UInt32(IN_Q_OVERFLOW) != 0 }
    }

    /// What a watched folder reports: entries created, deleted, moved in or out, and files closed after
    /// writing (a save is over then; the writes before it are not reported one by one).
    static let changes = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE)

    private let descriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// - Throws: `POSIXError` when the system has no inotify instance to give.
    init() throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(descriptor)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        close(descriptor)
        close(wakeRead)
        close(wakeWrite)
    }

    /// Starts watching one folder (not the folders inside it); -1 when the system refused.
    /// - Parameter follow: whether a symbolic link to a folder is watched as that folder.
    func watch(_ path: String, follow: Bool) -> Int32 {
        var mask = Self.changes | UInt32(IN_ONLYDIR)
        if !follow { mask |= UInt32(IN_DONT_FOLLOW) }
        return inotify_add_watch(descriptor, path, mask)
    }

    /// Waits up to `milliseconds` (-1: without end) for changes.
    /// - Returns: the events, empty when the time ran out, nil once `wake()` was called.
    func read(milliseconds: Int32) -> [Event]? {
        var fds = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, 2, milliseconds)
        if fds[1].revents != 0 { return nil }
        guard ready > 0, fds[0].revents != 0 else { return [] }
        return drain()
    }

    /// Makes a waiting or later `read` return nil.
    func wake() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    /// Reads every queued event without blocking.
    private func drain() -> [Event] {
        var events: [Event] = []
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(descriptor, buffer, capacity)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return events }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = buffer.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                let name = event.len > 0 ? String(cString: nameStart) : ""
                events.append(Event(watch: event.wd, mask: event.mask, name: name))
                offset += header + Int(event.len)
            }
        }
    }
}
