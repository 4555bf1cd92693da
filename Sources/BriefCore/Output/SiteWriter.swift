import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a staging folder beside the output folder and then swaps it in
/// at once, so that readers and deploy scripts never see a half-written site.
///
/// A file whose bytes did not change is hard-linked from the previous output instead of
/// written, so it keeps its modification time and date-based syncs skip it. Only a
/// folder that brief made (it holds the marker file) is ever replaced.
public final class SiteWriter: @unchecked Sendable {
    /// The file that marks a folder as brief's output, safe to replace.
    public static let markerName = ".brief-site"
    static let markerText = "This folder is written by `brief build` and replaced as a whole on every build.\n"

    public let output: URL
    private let staging: String
    private let previous: String?
    private let lockDescriptor: Int32
    private let counters = Counters()

    /// Files written anew and files kept from the previous build.
    public var written: Int { counters.written }
    public var unchanged: Int { counters.unchanged }

    /// Prepares the staging folder.
    /// - Throws: when the output folder exists but was not made by brief, another build holds it, or the disk refuses.
    public init(output: URL) throws(DiagnosticError) {
        let path = output.standardizedFileURL.path
        self.output = URL(fileURLWithPath: path)
        let parent = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
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
        guard Self.makeFolders(parent) else {
            throw DiagnosticError(.error(Self.display(parent), "cannot create the folder: \(String(cString: strerror(errno)))"))
        }

        let lockPath = parent + "/.\(name).brief-lock"
        lockDescriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockDescriptor >= 0 else {
            throw DiagnosticError(.error(Self.display(parent), "cannot write next to the output folder: \(String(cString: strerror(errno)))"))
        }
        guard flock(lockDescriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(lockDescriptor)
            throw DiagnosticError(.error(display, "another brief build is writing this folder right now"))
        }
        // Staging folders of builds that were killed are removed now that no build can be using them.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        where entry.hasPrefix(".\(name).brief-staging-") || entry.hasPrefix(".\(name).brief-old-") {
            FileTree.remove(parent + "/" + entry)
        }
        staging = parent + "/.\(name).brief-staging-\(getpid())"
        guard mkdir(staging, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            flock(lockDescriptor, LOCK_UN)
            close(lockDescriptor)
            throw DiagnosticError(.error(Self.display(parent), "cannot create the staging folder: \(reason)"))
        }
    }

    deinit {
        close(lockDescriptor)
    }

    /// Writes one file of the new site; safe to call from many threads at once.
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        try bytes.withUnsafeBufferPointer { buffer in Result { () throws(DiagnosticError) in try write(relativePath, buffer) } }.get()
    }

    /// Writes a text file of the new site without copying the text first.
    public func write(_ relativePath: String, text: String) throws(DiagnosticError) {
        var text = text
        try text.withUTF8 { buffer in Result { () throws(DiagnosticError) in try write(relativePath, buffer) } }.get()
    }

    private func write(_ relativePath: String, _ bytes: UnsafeBufferPointer<UInt8>) throws(DiagnosticError) {
        guard Self.isSafe(relativePath) else {
            throw DiagnosticError(.error(relativePath, "refusing to write outside the output folder"))
        }
        let target = staging + "/" + relativePath
        if let slash = relativePath.lastIndex(of: "/"), !Self.makeFolders(staging + "/" + relativePath[..<slash]) {
            throw failure(relativePath, "cannot create the folder")
        }
        if let previous, Self.sameContent(previous + "/" + relativePath, bytes), link(previous + "/" + relativePath, target) == 0 {
            counters.add(unchanged: 1)
            return
        }
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(relativePath, "cannot write the file") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(relativePath, "cannot write the file")
            }
            offset += n
        }
        counters.add(written: 1)
    }

    /// An error about a file of the output, with the system's reason.
    private func failure(_ relativePath: String, _ what: String) -> DiagnosticError {
        DiagnosticError(.error(Self.display(output.path + "/" + relativePath), "\(what): \(String(cString: strerror(errno)))"))
    }

    /// Swaps the new site in and removes the old one.
    public func commit() throws(DiagnosticError) {
        try write(Self.markerName, Array(Self.markerText.utf8))
        let path = output.path
        if previous != nil {
            if Self.exchange(staging, path) != 0 {
                // File systems without RENAME_EXCHANGE: two renames, with a moment where the old folder is aside.
                let aside = (staging as NSString).deletingLastPathComponent + "/.\((path as NSString).lastPathComponent).brief-old-\(getpid())"
                guard rename(path, aside) == 0, rename(staging, path) == 0 else {
                    throw DiagnosticError(.error(Self.display(path), "cannot replace the output folder: \(String(cString: strerror(errno)))"))
                }
                Self.removeInBackground(aside)
            } else {
                // The old site now sits at the staging path; give it a name the next build recognizes.
                let old = (staging as NSString).deletingLastPathComponent + "/.\((path as NSString).lastPathComponent).brief-old-\(getpid())"
                Self.removeInBackground(rename(staging, old) == 0 ? old : staging)
            }
        } else if rename(staging, path) != 0 {
            throw DiagnosticError(.error(Self.display(path), "cannot move the new site into place: \(String(cString: strerror(errno)))"))
        }
        flock(lockDescriptor, LOCK_UN)
    }

    /// Throws the staging folder away, leaving the previous output as it was.
    public func abandon() {
        FileTree.remove(staging)
        flock(lockDescriptor, LOCK_UN)
    }

    // MARK: Helpers

    /// Deletes the previous site without making the user wait: a large tree takes seconds to
    /// unlink. A detached `rm` does it; should that fail to start, it is done here. Anything left
    /// behind (the machine stopped) is removed by the next build.
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

    /// A relative path with no way out: no `..`, no absolute path, no NUL, no backslash.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\0") && !path.contains("\\")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    private static func sameContent(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let n = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if n <= 0 { return false }
            offset += n
        }
        return existing.withUnsafeBufferPointer { $0.elementsEqual(bytes) }
    }

    /// Creates a folder and its missing parents.
    static func makeFolders(_ path: String) -> Bool {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty, makeFolders(parent) else { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
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
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }

    private final class Counters: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var written = 0
        private(set) var unchanged = 0

        func add(written w: Int = 0, unchanged u: Int = 0) {
            lock.lock()
            written += w
            unchanged += u
            lock.unlock()
        }
    }
}
