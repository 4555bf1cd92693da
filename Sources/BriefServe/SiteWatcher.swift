import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches what a build reads — `brief.yml`, `Content/` and `Templates/`, with every folder inside
/// them, including folders made later — and hands over the changes of one save at a time.
///
/// Hidden files and folders are left out, as builds leave them out; so is everything else in
/// the site folder (`Site/`, the cache), which builds write. One thread calls `nextChanges`;
/// only `stop()` may come from another.
final class SiteWatcher: @unchecked Sendable {
    /// The names in the site folder that builds read.
    static let inputs: Set<String> = ["brief.yml", "brief.yaml", "Content", "Templates"]

    private let inotify: Inotify
    private let root: String
    /// Each watch's folder, relative to the site folder ("" for the site folder itself).
    private var folders: [Int32: String] = [:]

    /// Starts watching. Changes made from now on are reported by `nextChanges`.
    /// - Throws: when the system has no inotify instance to give.
    init(root: URL) throws {
        self.root = root.standardizedFileURL.path
        inotify = try Inotify()
        let watch = inotify.watch(self.root, follow: true)
        if watch >= 0 { folders[watch] = "" }
        watchTree("Content")
        watchTree("Templates")
    }

    /// Waits for a change, then until no further change came for `quiet` seconds (at most `longest`),
    /// so that a save touching several files gives one build.
    /// - Returns: the changed paths, relative to the site folder, in order; nil once `stop()` was called.
    func nextChanges(quiet: Double = 0.05, longest: Double = 1) -> [String]? {
        var changed: [String] = []
        while changed.isEmpty {
            guard let events = inotify.read(milliseconds: -1) else { return nil }
            changed += relevant(events)
        }
        let start = Date()
        var lastChange = start
        while true {
            let left = min(quiet - Date().timeIntervalSince(lastChange), longest - Date().timeIntervalSince(start))
            if left <= 0 { break }
            guard let events = inotify.read(milliseconds: Int32((left * 1000).rounded(.up))) else { return nil }
            let more = relevant(events)
            if !more.isEmpty {
                changed += more
                lastChange = Date()
            }
        }
        var seen = Set<String>()
        return changed.filter { seen.insert($0).inserted }
    }

    /// Makes a waiting `nextChanges` return nil; safe from any thread.
    func stop() {
        inotify.wake()
    }

    /// The changes among `events` that a build would see; starts watching folders made or moved in.
    private func relevant(_ events: [Inotify.Event]) -> [String] {
        var changed: [String] = []
        for event in events {
            if event.overflowed {
                // Changes were lost: look at every folder again, and rebuild.
                watchTree("Content")
                watchTree("Templates")
                changed.append("Content")
                continue
            }
            guard let folder = folders[event.watch] else { continue }
            if event.endsWatch {
                folders[event.watch] = nil
                continue
            }
            let name = event.name
            guard !name.isEmpty, !name.hasPrefix("."), !folder.isEmpty || Self.inputs.contains(name) else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            let arrived = event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
            if event.isFolder && arrived && path != "brief.yml" && path != "brief.yaml" { watchTree(path) }
            changed.append(path)
        }
        return changed
    }

    /// Watches a folder and every folder inside it; the top folders may be symbolic links, the
    /// others are not followed (builds do not follow them either).
    private func watchTree(_ relative: String) {
        let path = root + "/" + relative
        let watch = inotify.watch(path, follow: !relative.contains("/"))
        guard watch >= 0 else { return }
        folders[watch] = relative
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in entries where !name.hasPrefix(".") {
            var info = stat()
            if lstat(path + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                watchTree(relative + "/" + name)
            }
        }
    }
}
