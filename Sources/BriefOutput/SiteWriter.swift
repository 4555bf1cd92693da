// BriefOutput: writing the site — the file plan (`FilePlan`: every output file with its fingerprint and its
// maker) and its execution, which makes only what changed; the writer that builds beside the old site and
// swaps it in, or moves changed files in under the update journal. Knows files and bytes only: depends on
// BriefModel and BriefFileSystem, nothing of stories, pages or templates.

import BriefFileSystem
import BriefModel
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a build so that readers and deploy scripts never see a half-written site.
///
/// A full build goes into a staging folder beside the output folder, which is then swapped
/// in at once (`renameat2` with `RENAME_EXCHANGE`); a file whose bytes did not change is
/// hard-linked from the previous output instead of written, so it keeps its modification
/// time. An incremental build stages only the changed files and moves them in under a
/// journal: should the move be interrupted, the next build finishes it before anything
/// else. Only a folder that brief made (it holds the marker file) is ever written to.
///
/// Every system call is checked: a failure is an error naming the path and the system's reason,
/// and leaves the previous site in place (or, once the journal is written, each file the old one
/// or the new one, for the next build to finish).
public final class SiteWriter: @unchecked Sendable {
    /// The file that marks a folder as brief's output, safe to replace.
    public static let markerName = ".brief-site"
    static let markerText = "This folder is written by `brief build` and replaced as a whole on every build.\n"

    /// How a build reaches the output folder: whole, or file by file.
    public enum Mode: Sendable {
        /// Build the whole site beside the old one and swap.
        case replace
        /// Move changed files into the existing site.
        case update
    }

    /// The output folder the site ends up in.
    public let output: URL
    /// Whether this build replaces the whole folder or moves changed files in.
    public let mode: Mode
    private let staging: String
    private let previous: String?
    private let paths: Paths
    private let lockDescriptor: Int32
    private let counters = Counters()
    /// Tells whether the previous site's file at a path has the given content hash, without reading it.
    private let previousHash: (@Sendable (String) -> UInt64?)?

    /// Files written anew and files kept from the previous build.
    public var written: Int { counters.written }
    /// Files whose bytes were the same as in the previous build, kept rather than written.
    public var unchanged: Int { counters.unchanged }
    /// The paths written anew, in no particular order.
    public var writtenPaths: [String] { counters.paths }
    /// The stamp of every file put into the new site, by relative path: what the next build
    /// compares the disk with.
    package var stamps: [String: OutputStamp] { counters.stamps }
    /// Whether taking the folder finished an update that a killed build left.
    public private(set) var finishedInterruptedUpdate = false
    /// Files of the previous output that must not be kept: they changed on disk since it was written.
    private var distrusted: Set<String> = []

    /// The names brief uses beside the output folder.
    struct Paths {
        let output: String
        let parent: String
        let name: String

        init(_ output: String) {
            self.output = output
            parent = (output as NSString).deletingLastPathComponent
            name = (output as NSString).lastPathComponent
        }

        var lock: String { parent + "/.\(name).brief-lock" }
        var journal: String { parent + "/.\(name).brief-journal" }
        var trash: String { parent + "/.\(name).brief-trash" }
        func staging(_ pid: Int32) -> String { parent + "/.\(name).brief-staging-\(pid)" }
    }

    /// Takes the output folder: checks it is brief's, locks it, finishes an interrupted update,
    /// clears what killed builds left, and prepares the staging folder.
    /// - Parameter previousHash: the content hash each file of the existing output has, when known.
    /// - Throws: when the output folder exists but was not made by brief, another build holds it, or the disk refuses.
    public init(output: URL, mode: Mode = .replace, previousHash: (@Sendable (String) -> UInt64?)? = nil)
        throws(DiagnosticError)
    {
        let path = output.standardizedFileURL.path
        self.output = URL(fileURLWithPath: path)
        self.mode = mode
        self.previousHash = previousHash
        let paths = Paths(path)
        self.paths = paths
        let display = Self.display(path)

        previous = try Self.checkOutput(path)
        do { try FileTree.makeFolders(paths.parent) } catch { throw Self.diagnostic(error) }
        lockDescriptor = open(paths.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(OutputError.unwritableParent(path: Self.display(paths.parent), reason: reason))
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            throw DiagnosticError(OutputError.locked(path: display))
        }
        staging = paths.staging(getpid())
        do {
            finishedInterruptedUpdate = try Journal.finish(paths)
        } catch {
            flock(lockDescriptor, LOCK_UN)
            close(lockDescriptor)
            throw DiagnosticError(
                OutputError.unfinishedUpdate(path: Self.display(error.path), action: error.action, reason: error.reason)
            )
        }
        Self.clearLeftovers(paths)
        guard mkdir(staging, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            flock(lockDescriptor, LOCK_UN)
            close(lockDescriptor)
            throw DiagnosticError(OutputError.unstageable(path: Self.display(paths.parent), reason: reason))
        }
    }

    /// Whether `path` may be the output folder: nothing there, or a folder brief made that it can
    /// read and write. - Returns: the path when there is a previous output.
    private static func checkOutput(_ path: String) throws(DiagnosticError) -> String? {
        let display = Self.display(path)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            // Nothing there, or a file where a folder above it should be (which making that folder reports).
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw DiagnosticError(OutputError.unreadableOutput(path: display, reason: String(cString: strerror(errno))))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw DiagnosticError(OutputError.notAFolder(path: display))
        }
        let entries: [String]
        do { entries = try FileTree.entries(of: path) } catch { throw Self.diagnostic(error) }
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            throw DiagnosticError(OutputError.notBriefsFolder(path: display))
        }
        // A full build swaps the folder out and deletes it, an update writes into it: both need to write.
        guard access(path, R_OK | W_OK | X_OK) == 0 else {
            throw DiagnosticError(OutputError.unwritableOutput(path: display, reason: String(cString: strerror(errno))))
        }
        return path
    }

    /// Files of the previous output the writer must not keep (link into the new site), because
    /// they changed on disk since the last build wrote them.
    package func distrust(_ paths: Set<String>) {
        distrusted = paths
    }

    deinit {
        close(lockDescriptor)
    }

    /// The stamp of the previous file at `path` when a full build can keep it: it is there and has
    /// `hash` (or, without the previous build's hashes, the same bytes), and did not change since.
    private func keptStamp(_ relativePath: String, hash: UInt64, size: Int, sameBytes: (String) -> Bool) -> OutputStamp?
    {
        guard mode == .replace, let previous, !distrusted.contains(relativePath) else { return nil }
        let old = previous + "/" + relativePath
        var info = stat()
        guard lstat(old, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return nil }
        if let previousHash { return previousHash(relativePath) == hash ? OutputStamp(info) : nil }
        return sameBytes(old) ? OutputStamp(info) : nil
    }

    // MARK: Writing

    /// Writes one file of the new site; safe to call from many threads at once.
    /// - Returns: the content hash of the bytes.
    /// - Parameter hash: the content hash of `bytes`, when the caller has it already.
    @discardableResult
    public func write(_ relativePath: String, _ bytes: [UInt8], hash: UInt64? = nil) throws(DiagnosticError) -> UInt64 {
        let hash = hash ?? ContentHash.of(bytes)
        try write(relativePath, pieces: [bytes], hash: hash)
        return hash
    }

    /// Writes a text file of the new site without copying the text first.
    @discardableResult
    public func write(_ relativePath: String, text: String, hash: UInt64? = nil) throws(DiagnosticError) -> UInt64 {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(DiagnosticError) -> UInt64 in
                let hash = hash ?? ContentHash.of(bytes)
                try write(
                    relativePath, size: bytes.count, hash: hash, sameBytes: { Self.sameContent($0, [bytes]) },
                    emit: { FileTree.write(bytes, to: $0) })
                return hash
            }
        }.get()
    }

    /// Writes a file made in pieces, as the search index is, without joining them first.
    public func write(_ relativePath: String, pieces: [[UInt8]], hash: UInt64) throws(DiagnosticError) {
        try write(
            relativePath, size: pieces.reduce(0) { $0 + $1.count }, hash: hash,
            sameBytes: { Self.sameContent($0, pieces) },
            emit: { descriptor in
                pieces.allSatisfy { $0.withUnsafeBufferPointer { FileTree.write($0, to: descriptor) } }
            })
    }

    /// - Parameters:
    ///   - sameBytes: whether the file at a path holds these bytes.
    ///   - emit: writes the bytes to a file descriptor; false when the system refused.
    private func write(
        _ relativePath: String, size: Int, hash: UInt64, sameBytes: (String) -> Bool,
        emit: (Int32) -> Bool
    ) throws(DiagnosticError) {
        guard Self.isSafe(relativePath) else {
            throw DiagnosticError(OutputError.outsideOutput(path: relativePath))
        }
        let target = staging + "/" + relativePath
        do {
            if let slash = relativePath.lastIndex(of: "/") {
                try FileTree.makeFolders(staging + "/" + relativePath[..<slash])
            }
            // A failed link (another file system, say) is not a failure: the file is written instead.
            if let previous, let stamp = keptStamp(relativePath, hash: hash, size: size, sameBytes: sameBytes),
                link(previous + "/" + relativePath, target) == 0
            {
                counters.add(relativePath, stamp, unchanged: 1)
                return
            }
            counters.add(relativePath, try Self.writeFile(target, emit: emit), written: 1)
        } catch {
            throw diagnostic(error)
        }
    }

    /// Writes a new file with `emit` and closes it, checking both.
    /// - Returns: the stamp of the file written.
    static func writeFile(_ path: String, emit: (Int32) -> Bool) throws(FileFailure) -> OutputStamp {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure(path, "cannot write the file") }
        var info = stat()
        var failure: FileFailure?
        if !emit(descriptor) || fstat(descriptor, &info) != 0 { failure = FileFailure(path, "cannot write the file") }
        // Some file systems report a failed write only when the file is closed.
        if close(descriptor) != 0 && failure == nil { failure = FileFailure(path, "cannot write the file") }
        if let failure { throw failure }
        return OutputStamp(info)
    }

    /// An error about a path of the output, shown as the user knows it: `Site/…`, not the staging folder.
    private func diagnostic(_ failure: FileFailure) -> DiagnosticError {
        var failure = failure
        if failure.path == staging || failure.path.hasPrefix(staging + "/") {
            failure.path = output.path + failure.path.dropFirst(staging.count)
        }
        return Self.diagnostic(failure)
    }

    static func diagnostic(_ failure: FileFailure) -> DiagnosticError {
        DiagnosticError(
            OutputError.fileFailure(path: display(failure.path), action: failure.action, reason: failure.reason))
    }

    // MARK: Committing

    /// Puts the new site in place. A full build swaps folders and removes the old one. An update
    /// moves the staged files in and deletes `deletions` (files the site no longer has); when
    /// it touches many files, it is made a full swap instead, linking `kept` (the files that stay)
    /// from the old site, so that a large change is never seen half done.
    /// - Parameter beforeChanging: runs once the new site is ready and its targets are checked, right
    ///   before the output folder changes; what it throws stops the commit with nothing changed.
    public func commit(
        deletions: [String] = [], kept: [String] = [],
        beforeChanging: () throws(DiagnosticError) -> Void = {}
    ) throws(DiagnosticError) {
        defer { flock(lockDescriptor, LOCK_UN) }
        guard mode == .update, let previous else { return try swapIn(beforeChanging) }
        let moves = stamps.keys.sorted()
        if moves.count + deletions.count > max(64, (moves.count + kept.count) / 20) {
            do throws(FileFailure) {
                for path in kept.sorted() where Self.isSafe(path) {
                    if let slash = path.lastIndex(of: "/") { try FileTree.makeFolders(staging + "/" + path[..<slash]) }
                    guard link(previous + "/" + path, staging + "/" + path) == 0 else {
                        throw FileFailure(previous + "/" + path, "cannot keep the file")
                    }
                }
            } catch {
                throw diagnostic(error)
            }
            return try swapIn(beforeChanging)
        }
        do { try Journal.check(paths.output, moves: moves, deletions: deletions) } catch { throw diagnostic(error) }
        try beforeChanging()
        do { try Journal.run(paths, staging: staging, moves: moves, deletions: deletions) } catch {
            throw diagnostic(error)
        }
        // Only the emptied folders are left.
        if (try? FileTree.remove(staging)) == nil { Self.discard(staging, paths) }
    }

    private func swapIn(_ beforeChanging: () throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        // The marker is not counted as one of the site's files.
        let marker = Array(Self.markerText.utf8)
        let emit = { (descriptor: Int32) in marker.withUnsafeBufferPointer { FileTree.write($0, to: descriptor) } }
        do { _ = try Self.writeFile(staging + "/" + Self.markerName, emit: emit) } catch { throw diagnostic(error) }
        try beforeChanging()
        let path = output.path
        guard previous != nil else {
            if rename(staging, path) != 0 {
                let reason = String(cString: strerror(errno))
                throw DiagnosticError(OutputError.unmovable(path: Self.display(path), reason: reason))
            }
            return
        }
        if Self.exchange(staging, path) == 0 {
            // The old site now sits at the staging path.
            Self.discard(staging, paths)
            return
        }
        // File systems without RENAME_EXCHANGE: two renames, with a moment where the old folder is aside.
        let aside = Self.trashEntry(paths)
        guard rename(path, aside) == 0 else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(OutputError.irreplaceable(path: Self.display(path), reason: reason, aside: nil))
        }
        guard rename(staging, path) == 0 else {
            let reason = String(cString: strerror(errno))
            let left = rename(aside, path) == 0 ? nil : Self.display(aside)
            throw DiagnosticError(OutputError.irreplaceable(path: Self.display(path), reason: reason, aside: left))
        }
        Self.discard(aside, paths)
    }

    /// Throws the staging folder away, leaving the previous output as it was. An update that failed
    /// after its journal was written keeps it: the next build finishes that update from it.
    public func abandon() {
        if !Journal.exists(paths) { Self.discard(staging, paths) }
        flock(lockDescriptor, LOCK_UN)
    }

    // MARK: Leftovers

    /// A fresh name in the trash folder beside the output (which a rename into it then makes or fails).
    private static func trashEntry(_ paths: Paths) -> String {
        try? FileTree.makeFolders(paths.trash)
        return paths.trash + "/\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// Moves a folder into the trash and deletes it there in the background: a large site
    /// takes seconds to unlink, and nobody should wait for that. Deleting what is left over is
    /// done as well as can be: what stays is tried again by the next build.
    private static func discard(_ folder: String, _ paths: Paths) {
        let entry = trashEntry(paths)
        removeInBackground(rename(folder, entry) == 0 ? entry : folder)
    }

    /// Whether a killed build left a staging folder or an unfinished update journal beside the
    /// output folder, which only a build that takes the output folder clears. A build that is
    /// running (it holds the lock) has left nothing: those files are its own.
    public static func hasLeftovers(output: URL) -> Bool {
        let paths = Paths(output.standardizedFileURL.path)
        let entries = (try? FileTree.entries(of: paths.parent)) ?? []
        let prefixes = [".\(paths.name).brief-staging-", ".\(paths.name).brief-old-"]
        let journal = (paths.journal as NSString).lastPathComponent
        guard entries.contains(where: { entry in entry == journal || prefixes.contains { entry.hasPrefix($0) } }) else {
            return false
        }
        let descriptor = open(paths.lock, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }

    /// What killed builds left: staging folders, and trash not yet deleted.
    private static func clearLeftovers(_ paths: Paths) {
        for entry in (try? FileTree.entries(of: paths.parent)) ?? []
        where entry.hasPrefix(".\(paths.name).brief-staging-") || entry.hasPrefix(".\(paths.name).brief-old-") {
            discard(paths.parent + "/" + entry, paths)
        }
        if let trash = try? FileTree.entries(of: paths.trash) {
            for entry in trash { removeInBackground(paths.trash + "/" + entry) }
        }
    }

    /// Deletes a folder with a detached `rm`; should that fail to start, it is done here. Folders
    /// made read-only in the old site are made writable first, should `rm` fail on them.
    static func removeInBackground(_ path: String) {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group, so that a Ctrl-C meant for a later command does not stop it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
        }
        let script = #"rm -rf -- "$1" 2>/dev/null || { chmod -R u+rwx -- "$1"; rm -rf -- "$1"; }"#
        let arguments = ["sh", "-c", script, "sh", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        if posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ) != 0 {
            try? FileTree.remove(path)
        }
    }

    // MARK: Helpers

    /// A relative path with no way out: no `..`, no absolute path, no NUL, no backslash.
    /// On bytes: Foundation's `contains` would cost more than writing the file.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.utf8.contains(0) && !path.utf8.contains(UInt8(ascii: "\\"))
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0 == "." || $0 == ".."
            }
    }

    /// Whether the file at `path` holds exactly the pieces, one after the other.
    private static func sameContent<Piece: Collection<UInt8>>(_ path: String, _ pieces: [Piece]) -> Bool {
        guard let existing = FileTree.read(path), existing.count == pieces.reduce(0, { $0 + $1.count }) else {
            return false
        }
        var offset = 0
        for piece in pieces {
            guard sameBytes(existing, at: offset, piece) else { return false }
            offset += piece.count
        }
        return true
    }

    /// `memcmp` where the piece is contiguous: the generic `elementsEqual` showed in builds over an existing `Site/`.
    private static func sameBytes<Piece: Collection<UInt8>>(_ existing: [UInt8], at offset: Int, _ piece: Piece) -> Bool
    {
        let fast = piece.withContiguousStorageIfAvailable { bytes in
            existing.withUnsafeBufferPointer { whole in
                bytes.isEmpty || memcmp(whole.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
            }
        }
        return fast ?? existing[offset..<(offset + piece.count)].elementsEqual(piece)
    }

    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2(…, RENAME_EXCHANGE)`: swaps two paths in one step. Looked up at run time,
    /// since Swift's Glibc module does not declare it; -1 where it is missing or unsupported.
    private static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return -1 }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange)
    }

    /// A path as the user gave it, relative to the working folder when inside it.
    package static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path == cwd { return "." }
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    private final class Counters: @unchecked Sendable {
        private let lock = NSLock()
        private var counts = (written: 0, unchanged: 0)
        private var files: [String: OutputStamp] = [:]
        private var writtenFiles: [String] = []

        var written: Int { lock.withLock { counts.written } }
        var unchanged: Int { lock.withLock { counts.unchanged } }
        var stamps: [String: OutputStamp] { lock.withLock { files } }
        var paths: [String] { lock.withLock { writtenFiles } }

        func add(_ path: String, _ stamp: OutputStamp, written w: Int = 0, unchanged u: Int = 0) {
            lock.lock()
            counts.written += w
            counts.unchanged += u
            files[path] = stamp
            if w > 0 { writtenFiles.append(path) }
            lock.unlock()
        }
    }
}
