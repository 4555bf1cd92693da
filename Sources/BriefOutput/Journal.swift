import BriefFileSystem
import BriefModel
import Foundation

/// The record of an incremental update in progress, beside the output folder: once written,
/// the update is committed, and a build that finds it (the last one was killed mid-way)
/// finishes the moves before doing anything else. Each move is a `rename`, so every file
/// of the site is always either the old one or the new one, never a half-written one.
///
/// Every call is checked. Before the record is written, every folder the update touches is
/// checked to be a folder brief may write into, so that a read-only folder or a file in the way
/// fails the update while the site is still the previous one.
enum Journal {
    static let header = "brief-journal 1"

    /// Records the moves and deletions, carries them out, then removes the record. `check` them first.
    /// - Throws: when the record cannot be written, with the site untouched; after, with the record
    ///   left for the next build to finish.
    static func run(_ paths: SiteWriter.Paths, staging: String, moves: [String], deletions: [String])
        throws(FileFailure)
    {
        var lines = [header, "S " + staging]
        lines += moves.map { "M " + $0 }
        lines += deletions.map { "D " + $0 }
        try FileTree.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: paths.journal)
        try apply(paths, staging: staging, moves: moves, deletions: deletions)
        try remove(paths)
    }

    /// Finishes an update that was interrupted, if there is one.
    /// - Returns: whether there was one.
    static func finish(_ paths: SiteWriter.Paths) throws(FileFailure) -> Bool {
        guard let bytes = FileTree.read(paths.journal) else {
            if errno == ENOENT { return false }
            throw FileFailure(paths.journal, "cannot read the update journal")
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        // Written under a temporary name and renamed, a journal is whole; anything else is not brief's.
        guard lines.first == header, lines.count >= 2, lines[1].hasPrefix("S ") else {
            try remove(paths)
            return false
        }
        let staging = String(lines[1].dropFirst(2))
        let moves = lines.filter { $0.hasPrefix("M ") }.map { String($0.dropFirst(2)) }
        let deletions = lines.filter { $0.hasPrefix("D ") }.map { String($0.dropFirst(2)) }
        try apply(paths, staging: staging, moves: moves, deletions: deletions)
        try remove(paths)
        return true
    }

    /// Whether the journal is there: an update failed after it was committed, and its staging
    /// folder must stay for the next build to finish it.
    static func exists(_ paths: SiteWriter.Paths) -> Bool {
        access(paths.journal, F_OK) == 0
    }

    private static func remove(_ paths: SiteWriter.Paths) throws(FileFailure) {
        if unlink(paths.journal) != 0 && errno != ENOENT {
            throw FileFailure(paths.journal, "cannot remove the update journal")
        }
    }

    /// Moves what is still in staging into the site and deletes what must go; safe to repeat.
    /// New files come first and deletions last, so that no link in the site points nowhere
    /// at any moment of the update.
    private static func apply(
        _ paths: SiteWriter.Paths, staging: String, moves: [String],
        deletions: [String]
    ) throws(FileFailure) {
        var isNew: [String: Bool] = [:]
        for path in moves { isNew[path] = access(paths.output + "/" + path, F_OK) != 0 }
        let ordered = moves.filter { isNew[$0] == true } + moves.filter { isNew[$0] != true }
        for path in ordered where SiteWriter.isSafe(path) {
            let source = staging + "/" + path
            let target = paths.output + "/" + path
            if let slash = path.lastIndex(of: "/") { try FileTree.makeFolders(paths.output + "/" + path[..<slash]) }
            // A file no longer in staging was moved by the build that was killed.
            if rename(source, target) != 0 && !(errno == ENOENT && access(source, F_OK) != 0) {
                throw FileFailure(target, "cannot move the file into place")
            }
        }
        for path in deletions where SiteWriter.isSafe(path) {
            let target = paths.output + "/" + path
            if unlink(target) != 0 && errno != ENOENT { throw FileFailure(target, "cannot remove the file") }
            // Remove the folders the deletion left empty ("stories/old-slug/").
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                if rmdir(paths.output + "/" + folder) != 0 {
                    if [ENOTEMPTY, EEXIST, ENOENT].contains(errno) { break }
                    throw FileFailure(paths.output + "/" + folder, "cannot remove the emptied folder")
                }
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }

    /// Fails unless every folder the update writes into, or deletes from, is a real folder brief
    /// may write (or can be made in one), and no folder stands where a file goes.
    static func check(_ output: String, moves: [String], deletions: [String]) throws(FileFailure) {
        var checked = Set<String>()
        for path in moves where SiteWriter.isSafe(path) {
            try checkFolder(output, (path as NSString).deletingLastPathComponent, checked: &checked)
            var info = stat()
            if lstat(output + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                throw FileFailure(output + "/" + path, "cannot replace the file", reason: "a folder is in its place")
            }
        }
        for path in deletions where SiteWriter.isSafe(path) {
            // The file's folder, and the one above it, which loses the folder should it become empty.
            let folder = (path as NSString).deletingLastPathComponent
            try checkFolder(output, folder, checked: &checked)
            try checkFolder(output, (folder as NSString).deletingLastPathComponent, checked: &checked)
        }
    }

    /// Walks down from the output folder to `folder`: each part that exists must be a folder, not a
    /// file or a link, and the deepest existing one (where the rest would be made) must be writable.
    private static func checkFolder(_ output: String, _ folder: String, checked: inout Set<String>) throws(FileFailure)
    {
        guard checked.insert(folder).inserted else { return }
        var current = output
        for part in folder.split(separator: "/") {
            let next = current + "/" + part
            var info = stat()
            if lstat(next, &info) != 0 {
                guard errno == ENOENT else { throw FileFailure(next, "cannot read the folder") }
                break
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw FileFailure(next, "cannot create the folder", reason: "a file is in its place")
            }
            current = next
        }
        guard access(current, W_OK | X_OK) == 0 else { throw FileFailure(current, "cannot write into the folder") }
    }
}
