import BriefModel
import Foundation

/// Symbolic links in `Content/` that lead outside the site folder. A folder of sources that came
/// from elsewhere (an archive, a repository, a shared drive) could otherwise publish `/etc/passwd`
/// or `/proc/self/status` as a briefing; such links are skipped with a warning unless `brief.yml`
/// says `follow_symlinks: true`. Links within the site folder are read as always.
struct ContentLinks {
    /// The site folder and `Content/`, with their own links resolved.
    private let roots: [String]
    private let options: BuildOptions

    init(_ options: BuildOptions) {
        self.options = options
        roots = [options.root, options.content].compactMap { Self.resolve($0.path) }
    }

    /// Where the link at `path` says it leads (as `ls -l` shows it), when that is outside the site
    /// folder; nil for a link that stays inside or leads nowhere (reading it then says so).
    func outsideTarget(_ path: String) -> String? {
        guard let target = Self.resolve(path) else { return nil }
        let inside = roots.contains { root in target == root || target.hasPrefix(root == "/" ? "/" : root + "/") }
        return inside ? nil : (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? target
    }

    /// Where the file at `path` leads, when it is a link that leads outside the site folder.
    func outsideTarget(ofFileAt path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
        return outsideTarget(path)
    }

    /// The warning for a link left unread.
    func skipped(_ url: URL, target: String) -> BuildWarning {
        .skippedLink(path: options.display(url), target: target)
    }

    private static func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
