// BriefFileSystem: reading, listing, writing and removing files with plain system calls, and the stamps
// that tell a rebuild which sources are unchanged. Shared by the reading of inputs, the theme, the cache
// and the writer. Depends on nothing of brief.

import Foundation

#if canImport(Glibc)
    import Glibc
#else
    #error("brief builds on Linux: its file calls are Glibc's (see Package.swift)")
#endif

/// Reads, writes, lists and removes files with plain system calls, without following symbolic links
/// out of folders; shared by the reading of the inputs, the writer and the build cache.
package enum FileTree {
    /// Regular files below `folder`, as sorted relative paths; hidden files and folders are skipped.
    package static func files(under folder: URL) -> [String] {
        filesAndLinks(under: folder).files
    }

    /// The files `files(under:)` lists, and which of them are symbolic links.
    package static func filesAndLinks(under folder: URL) -> (files: [String], links: [String]) {
        var result: [String] = []
        var links: [String] = []
        collect(folder.path, prefix: "", into: &result, links: &links)
        return (result.sorted(), links.sorted())
    }

    private static func collect(_ path: String, prefix: String, into result: inout [String], links: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let full = path + "/" + name
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            // The entry's type saves a stat per file; some file systems leave it unknown.
            var mode: mode_t
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): mode = S_IFREG
            case Int32(DT_DIR): mode = S_IFDIR
            default:
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
            }
            switch mode {
            case S_IFDIR: collect(full, prefix: relative, into: &result, links: &links)
            case S_IFREG: result.append(relative)
            case S_IFLNK:
                // A link to a file is read through; a dangling one is listed so that reading it reports it.
                // Links to folders are not followed, which rules out loops.
                var target = stat()
                if stat(full, &target) != 0 || target.st_mode & S_IFMT == S_IFREG {
                    result.append(relative)
                    links.append(relative)
                }
            default: continue
            }
        }
    }

    /// A file's bytes, read straight into an array (no `Data` in between), or nil with `errno` set.
    package static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else {
            errno = EISDIR
            return nil
        }
        // One byte more than the size: reading 0 bytes into it shows the end without growing the array.
        var bytes: [UInt8] = []
        var capacity = Int(info.st_size) + 1
        while true {
            var failed = false
            let old = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                if !old.isEmpty { _ = buffer.initialize(from: old) }
                count = old.count
                while count < buffer.count {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failed = true }
                    if n <= 0 { return }
                    count += n
                }
            }
            if failed { return nil }
            if bytes.count < capacity { return bytes }
            capacity *= 2  // the file grew since fstat
        }
    }

    /// Writes all of `bytes` to an open file, resuming after interruptions; false (with `errno` set) when
    /// the system refused.
    package static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return false }
            if n == 0 {
                errno = EIO  // a regular file that takes no byte at all: no reason given
                return false
            }
            offset += n
        }
        return true
    }

    /// Creates a folder and its missing parents. An existing folder (or link to one) is fine; a file
    /// in its place is a failure (`ENOTDIR`).
    package static func makeFolders(_ path: String) throws(FileFailure) {
        if mkdir(path, 0o755) == 0 { return }
        if errno == EEXIST {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw FileFailure(path, "cannot create the folder", reason: "a file is in its place")
            }
            return
        }
        guard errno == ENOENT else { throw FileFailure(path, "cannot create the folder") }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, !parent.isEmpty else { throw FileFailure(path, "cannot create the folder") }
        try makeFolders(parent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileFailure(path, "cannot create the folder") }
    }

    /// Writes to a temporary name and renames, so a reader never sees half a file. On failure the
    /// file is as it was and no temporary file is left.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileFailure) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure(path, "cannot write the file") }
        let written = bytes.withUnsafeBufferPointer { write($0, to: descriptor) }
        var failure = written ? nil : FileFailure(path, "cannot write the file")
        // Some file systems report a failed write only when the file is closed.
        if close(descriptor) != 0 && failure == nil { failure = FileFailure(path, "cannot write the file") }
        if failure == nil && rename(temporary, path) != 0 { failure = FileFailure(path, "cannot replace the file") }
        guard let failure else { return }
        unlink(temporary)
        throw failure
    }

    /// The names in a folder, hidden ones too, without `.` and `..`, in no particular order.
    package static func entries(of path: String) throws(FileFailure) -> [String] {
        guard let directory = opendir(path) else { throw FileFailure(path, "cannot read the folder") }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0  // readdir's end and its failure differ only in errno
            guard let entry = readdir(directory) else { break }
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        guard errno == 0 else { throw FileFailure(path, "cannot read the folder") }
        return names
    }

    /// Removes a file, or a folder and everything in it; symbolic links are removed, not followed.
    /// Nothing there is fine; the first entry that stays is the failure.
    package static func remove(_ path: String) throws(FileFailure) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw FileFailure(path, "cannot remove")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            if unlink(path) != 0 && errno != ENOENT { throw FileFailure(path, "cannot remove the file") }
            return
        }
        for name in try entries(of: path) { try remove(path + "/" + name) }
        if rmdir(path) != 0 && errno != ENOENT { throw FileFailure(path, "cannot remove the folder") }
    }
}
