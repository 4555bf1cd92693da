import Foundation

/// Lists and removes folders, without following symbolic links out of them.
enum FileTree {
    /// Regular files below `folder`, as sorted relative paths; hidden files and folders are skipped.
    static func files(under folder: URL) -> [String] {
        var result: [String] = []
        collect(folder.path, prefix: "", into: &result)
        return result.sorted()
    }

    private static func collect(_ path: String, prefix: String, into result: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let full = path + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR: collect(full, prefix: relative, into: &result)
            case S_IFREG: result.append(relative)
            case S_IFLNK:
                // A link to a file is read through; a dangling one is listed so that reading it reports it.
                // Links to folders are not followed, which rules out loops.
                var target = stat()
                if stat(full, &target) != 0 || target.st_mode & S_IFMT == S_IFREG { result.append(relative) }
            default: continue
            }
        }
    }

    /// A file's bytes, read straight into an array (no `Data` in between), or nil with `errno` set.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else { errno = EISDIR; return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            offset += n
        }
        bytes.removeSubrange(offset...)
        return bytes
    }

    /// Removes a folder and everything in it; symbolic links are removed, not followed.
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
                for name in names { remove(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
