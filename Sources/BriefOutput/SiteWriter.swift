// BriefOutput: writing the site — the writer that builds beside the old site and swaps it in, or moves
// changed files in under the update journal. Knows files and bytes only: depends on BriefModel and
// BriefFileSystem, nothing of stories, pages or templates.

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import BriefModel
import BriefFileSystem

/// Writes a build so that readers and deploy scripts never see a half-written site.
///
/// A full build goes into a staging folder beside the output folder, which is then swapped
/// in at once (`renameat2` with `RENAME_EXCHANGE`); a file whose bytes did not change is
/// hard-linked from the previous output instead of written, so it keeps its modification
/// time. An incremental build stages only the changed files and moves them in under a
/// journal: should the move be interrupted, the next build finishes it before anything
/// else. Only a folder that brief made (it holds the marker file) is ever written to.
public final class SiteWriter: @unchecked Sendable {
    /// The file that marks a folder as brief's output, safe to replace.
    public static let markerName = ".brief-site"
    static let markerText = "This folder is written by `brief build` and replaced as a whole on every build.\n"

    public enum Mode: Sendable {
        /// Build the whole site beside the old one and swap.
        case replace
        /// Move changed files into the existing site.
        case update
    }

    public let output: URL
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
    public var unchanged: Int { counters.unchanged }
    /// The paths written anew, in no particular order.
    public var writtenPaths: [String] { counters.paths }

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
    public init(output: URL, mode: Mode = .replace, previousHash: (@Sendable (String) -> UInt64?)? = nil) throws(DiagnosticError) {
        let path = output.standardizedFileURL.path
        self.output = URL(fileURLWithPath: path)
        self.mode = mode
        self.previousHash = previousHash
        let paths = Paths(path)
        self.paths = paths
        let display = Self.display(path)

        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw DiagnosticError(.error(display, "the output path exists and is not a folder; refusing to replace it"))
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                throw DiagnosticError(.error(display, "this folder was not made by brief (it has no \(Self.markerName) file), so brief will not replace it; choose another --output or empty the folder"))
            }
            previous = path
        } else {
            previous = nil
        }
        guard FileTree.makeFolders(paths.parent) else {
            throw DiagnosticError(.error(Self.display(paths.parent), "cannot create the folder: \(String(cString: strerror(errno)))"))
        }
        lockDescriptor = open(paths.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw DiagnosticError(.error(Self.display(paths.parent), "cannot write next to the output folder: \(String(cString: strerror(errno)))"))
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            throw DiagnosticError(.error(display, "another brief build is writing this folder right now"))
        }
        Journal.finish(paths)
        Self.clearLeftovers(paths)
        staging = paths.staging(getpid())
        guard mkdir(staging, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            flock(lockDescriptor, LOCK_UN)
            close(lockDescriptor)
            throw DiagnosticError(.error(Self.display(paths.parent), "cannot create the staging folder: \(reason)"))
        }
    }

    deinit {
        close(lockDescriptor)
    }

    /// Whether a full build can keep the previous file at `path`: it is there and has `hash`
    /// (or, without the previous build's hashes, the same bytes).
    private func keepsPrevious(_ relativePath: String, hash: UInt64, size: Int, sameBytes: (String) -> Bool) -> Bool {
        guard mode == .replace, let previous else { return false }
        let old = previous + "/" + relativePath
        var info = stat()
        guard stat(old, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else { return false }
        if let previousHash { return previousHash(relativePath) == hash }
        return sameBytes(old)
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
                try write(relativePath, size: bytes.count, hash: hash, sameBytes: { Self.sameContent($0, [bytes]) },
                          emit: { FileTree.write(bytes, to: $0) })
                return hash
            }
        }.get()
    }

    /// Writes a file made in pieces, as the search index is, without joining them first.
    public func write(_ relativePath: String, pieces: [[UInt8]], hash: UInt64) throws(DiagnosticError) {
        try write(relativePath, size: pieces.reduce(0) { $0 + $1.count }, hash: hash,
                  sameBytes: { Self.sameContent($0, pieces) },
                  emit: { descriptor in pieces.allSatisfy { $0.withUnsafeBufferPointer { FileTree.write($0, to: descriptor) } } })
    }

    /// - Parameters:
    ///   - sameBytes: whether the file at a path holds these bytes.
    ///   - emit: writes the bytes to a file descriptor; false when the system refused.
    private func write(_ relativePath: String, size: Int, hash: UInt64, sameBytes: (String) -> Bool,
                       emit: (Int32) -> Bool) throws(DiagnosticError) {
        guard Self.isSafe(relativePath) else {
            throw DiagnosticError(.error(relativePath, "refusing to write outside the output folder"))
        }
        let target = staging + "/" + relativePath
        if let slash = relativePath.lastIndex(of: "/"), !FileTree.makeFolders(staging + "/" + relativePath[..<slash]) {
            throw failure(relativePath, "cannot create the folder")
        }
        if let previous, keepsPrevious(relativePath, hash: hash, size: size, sameBytes: sameBytes),
           link(previous + "/" + relativePath, target) == 0 {
            counters.add(unchanged: 1)
            return
        }
        try Self.writeFile(target, emit: emit) { failure(relativePath, $0) }
        counters.add(written: relativePath)
    }

    static func writeFile(_ path: String, emit: (Int32) -> Bool, failure: (String) -> DiagnosticError) throws(DiagnosticError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write the file") }
        defer { close(descriptor) }
        guard emit(descriptor) else { throw failure("cannot write the file") }
    }

    /// An error about a file of the output, with the system's reason.
    private func failure(_ relativePath: String, _ what: String) -> DiagnosticError {
        DiagnosticError(.error(Self.display(output.path + "/" + relativePath), "\(what): \(String(cString: strerror(errno)))"))
    }

    // MARK: Committing

    /// Puts the new site in place. A full build swaps folders and removes the old one. An update
    /// moves the staged files in and deletes `deletions` (files the site no longer has); when
    /// it touches many files, it is made a full swap instead, linking `kept` (the files that stay)
    /// from the old site, so that a large change is never seen half done.
    public func commit(deletions: [String] = [], kept: [String] = []) throws(DiagnosticError) {
        defer { flock(lockDescriptor, LOCK_UN) }
        guard mode == .update, let previous else { return try swapIn() }
        let moves = FileTree.files(under: URL(fileURLWithPath: staging))
        if moves.count + deletions.count > max(64, (moves.count + kept.count) / 20) {
            for path in kept.sorted() where Self.isSafe(path) {
                if let slash = path.lastIndex(of: "/") { _ = FileTree.makeFolders(staging + "/" + path[..<slash]) }
                guard link(previous + "/" + path, staging + "/" + path) == 0 else { throw failure(path, "cannot keep the file") }
            }
            return try swapIn()
        }
        try Journal.run(paths, staging: staging, moves: moves, deletions: deletions)
        FileTree.remove(staging)  // only the emptied folders are left
    }

    private func swapIn() throws(DiagnosticError) {
        // The marker is not counted as one of the site's files.
        let marker = Array(Self.markerText.utf8)
        let emit = { (descriptor: Int32) in marker.withUnsafeBufferPointer { FileTree.write($0, to: descriptor) } }
        try Self.writeFile(staging + "/" + Self.markerName, emit: emit) { failure(Self.markerName, $0) }
        let path = output.path
        guard previous != nil else {
            if rename(staging, path) != 0 {
                throw DiagnosticError(.error(Self.display(path), "cannot move the new site into place: \(String(cString: strerror(errno)))"))
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
        guard rename(path, aside) == 0, rename(staging, path) == 0 else {
            throw DiagnosticError(.error(Self.display(path), "cannot replace the output folder: \(String(cString: strerror(errno)))"))
        }
        Self.discard(aside, paths)
    }

    /// Throws the staging folder away, leaving the previous output as it was.
    public func abandon() {
        Self.discard(staging, paths)
        flock(lockDescriptor, LOCK_UN)
    }

    // MARK: Leftovers

    /// A fresh name in the trash folder beside the output.
    private static func trashEntry(_ paths: Paths) -> String {
        _ = FileTree.makeFolders(paths.trash)
        return paths.trash + "/\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }

    /// Moves a folder into the trash and deletes it there in the background: a large site
    /// takes seconds to unlink, and nobody should wait for that.
    private static func discard(_ folder: String, _ paths: Paths) {
        let entry = trashEntry(paths)
        removeInBackground(rename(folder, entry) == 0 ? entry : folder)
    }

    /// Whether a killed build left a staging folder or an unfinished update journal beside the
    /// output folder, which only a build that takes the output folder clears. A build that is
    /// running (it holds the lock) has left nothing: those files are its own.
    public static func hasLeftovers(output: URL) -> Bool {
        let paths = Paths(output.standardizedFileURL.path)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: paths.parent)) ?? []
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
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: paths.parent)) ?? []
        where entry.hasPrefix(".\(paths.name).brief-staging-") || entry.hasPrefix(".\(paths.name).brief-old-") {
            discard(paths.parent + "/" + entry, paths)
        }
        if let trash = try? FileManager.default.contentsOfDirectory(atPath: paths.trash) {
            for entry in trash { removeInBackground(paths.trash + "/" + entry) }
        }
    }

    /// Deletes a folder with a detached `rm`; should that fail to start, it is done here.
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
        for descriptor in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0) }
        let arguments = ["rm", "-rf", "--", path]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        if posix_spawn(&pid, "/bin/rm", &actions, &attributes, &argv, environ) != 0 {
            FileTree.remove(path)
        }
    }

    // MARK: Helpers

    /// A relative path with no way out: no `..`, no absolute path, no NUL, no backslash.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\0") && !path.contains("\\")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// Whether the file at `path` holds exactly the pieces, one after the other.
    private static func sameContent<Piece: Collection<UInt8>>(_ path: String, _ pieces: [Piece]) -> Bool {
        guard let existing = FileTree.read(path), existing.count == pieces.reduce(0, { $0 + $1.count }) else { return false }
        var offset = 0
        for piece in pieces {
            guard existing[offset..<(offset + piece.count)].elementsEqual(piece) else { return false }
            offset += piece.count
        }
        return true
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

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
        private(set) var written = 0
        private(set) var unchanged = 0
        private(set) var paths: [String] = []

        func add(written path: String) {
            lock.lock()
            written += 1
            paths.append(path)
            lock.unlock()
        }

        func add(unchanged u: Int) {
            lock.lock()
            unchanged += u
            lock.unlock()
        }
    }
}
