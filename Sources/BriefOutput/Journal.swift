import Foundation
import BriefModel
import BriefFileSystem

/// The record of an incremental update in progress, beside the output folder: once written,
/// the update is committed, and a build that finds it (the last one was killed mid-way)
/// finishes the moves before doing anything else. Each move is a `rename`, so every file
/// of the site is always either the old one or the new one, never a half-written one.
enum Journal {
    static let header = "brief-journal 1"

    /// Records the moves and deletions, then carries them out, then removes the record.
    static func run(_ paths: SiteWriter.Paths, staging: String, moves: [String], deletions: [String]) throws(DiagnosticError) {
        var lines = [header, "S " + staging]
        lines += moves.map { "M " + $0 }
        lines += deletions.map { "D " + $0 }
        FileTree.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: paths.journal)
        guard FileManager.default.fileExists(atPath: paths.journal) else {
            throw DiagnosticError(.error(SiteWriter.display(paths.journal), "cannot write the update journal: \(String(cString: strerror(errno)))"))
        }
        apply(paths, staging: staging, moves: moves, deletions: deletions)
        unlink(paths.journal)
    }

    /// Finishes an update that was interrupted, if there is one.
    static func finish(_ paths: SiteWriter.Paths) {
        guard let bytes = FileTree.read(paths.journal), let text = String(validating: bytes, as: UTF8.self) else { return }
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.first == header, lines.count >= 2, lines[1].hasPrefix("S ") else {
            unlink(paths.journal)
            return
        }
        let staging = String(lines[1].dropFirst(2))
        let moves = lines.filter { $0.hasPrefix("M ") }.map { String($0.dropFirst(2)) }
        let deletions = lines.filter { $0.hasPrefix("D ") }.map { String($0.dropFirst(2)) }
        apply(paths, staging: staging, moves: moves, deletions: deletions)
        unlink(paths.journal)
    }

    /// Moves what is still in staging into the site and deletes what must go; safe to repeat.
    /// New files come first and deletions last, so that no link in the site points nowhere
    /// at any moment of the update.
    private static func apply(_ paths: SiteWriter.Paths, staging: String, moves: [String], deletions: [String]) {
        var isNew: [String: Bool] = [:]
        for path in moves { isNew[path] = access(paths.output + "/" + path, F_OK) != 0 }
        let ordered = moves.filter { isNew[$0] == true } + moves.filter { isNew[$0] != true }
        for path in ordered where SiteWriter.isSafe(path) {
            let target = paths.output + "/" + path
            if let slash = path.lastIndex(of: "/") { _ = FileTree.makeFolders(paths.output + "/" + path[..<slash]) }
            rename(staging + "/" + path, target)
        }
        for path in deletions where SiteWriter.isSafe(path) {
            unlink(paths.output + "/" + path)
            // Remove the folders the deletion left empty ("stories/old-slug/").
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(paths.output + "/" + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
    }
}
