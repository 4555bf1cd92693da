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
            default: continue
            }
        }
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
