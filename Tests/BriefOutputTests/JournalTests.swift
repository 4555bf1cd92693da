import BriefFileSystem
import BriefTestSupport
import XCTest

@testable import BriefOutput

/// The update journal alone: what it moves and deletes, what a killed update leaves for the next
/// build, and what it refuses before touching the site.
final class JournalTests: XCTestCase {
    private var folder: URL!
    private var paths: SiteWriter.Paths!
    private var staging: String { folder.path + "/staging" }

    override func setUpWithError() throws {
        folder = Fixtures.temporaryFolder(self)
        paths = SiteWriter.Paths(folder.path + "/Site")
        try put("Site/index.html", "old home")
        try put("Site/stories/gone/index.html", "old story")
        try put("staging/index.html", "new home")
        try put("staging/stories/new/index.html", "new story")
    }

    private func put(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func read(_ path: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func testRunMovesFilesInDeletesTheGoneOnesAndTheirEmptiedFolders() throws {
        let moves = ["index.html", "stories/new/index.html"]
        let deletions = ["stories/gone/index.html"]
        try Journal.check(paths.output, moves: moves, deletions: deletions)
        try Journal.run(paths, staging: staging, moves: moves, deletions: deletions)
        XCTAssertEqual(read("Site/index.html"), "new home")
        XCTAssertEqual(read("Site/stories/new/index.html"), "new story")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path + "/Site/stories/gone"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path + "/Site/stories"), "still holds new/")
        XCTAssertFalse(Journal.exists(paths), "the record is removed once the update is done")
    }

    func testAnUpdateKilledAfterItsRecordIsFinishedByTheNextBuild() throws {
        // The record as `run` writes it, then a kill: one move done, the other and the deletion not.
        let record = [
            Journal.header, "S " + staging, "M index.html", "M stories/new/index.html", "D stories/gone/index.html",
        ]
        try Data((record.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: paths.journal))
        XCTAssertEqual(rename(staging + "/index.html", paths.output + "/index.html"), 0)

        XCTAssertTrue(try Journal.finish(paths))
        XCTAssertEqual(read("Site/index.html"), "new home")
        XCTAssertEqual(read("Site/stories/new/index.html"), "new story")
        XCTAssertNil(read("Site/stories/gone/index.html"))
        XCTAssertFalse(Journal.exists(paths))
        XCTAssertFalse(try Journal.finish(paths), "nothing left to finish")
    }

    func testARecordThatIsNotBriefsIsRemovedWithoutTouchingTheSite() throws {
        try Data("something else\nM index.html\n".utf8).write(to: URL(fileURLWithPath: paths.journal))
        XCTAssertFalse(try Journal.finish(paths))
        XCTAssertEqual(read("Site/index.html"), "old home")
        XCTAssertFalse(Journal.exists(paths))
    }

    func testCheckRefusesAFileWhereAFolderMustGoAndAFolderWhereAFileMustGo() throws {
        try put("Site/stories/new", "a file in the way")
        XCTAssertThrowsError(try Journal.check(paths.output, moves: ["stories/new/index.html"], deletions: [])) {
            XCTAssertTrue(String(describing: $0).contains("a file is in its place"), "\($0)")
        }
        try FileManager.default.createDirectory(
            atPath: paths.output + "/about.html", withIntermediateDirectories: true)
        XCTAssertThrowsError(try Journal.check(paths.output, moves: ["about.html"], deletions: [])) {
            XCTAssertTrue(String(describing: $0).contains("a folder is in its place"), "\($0)")
        }
        XCTAssertEqual(read("Site/index.html"), "old home", "a check changes nothing")
    }

    func testUnsafePathsAreNeverMovedOrDeleted() throws {
        try put("outside.txt", "keep me")
        try Journal.run(
            paths, staging: staging, moves: ["../outside.txt"], deletions: ["../outside.txt", "/etc/passwd"])
        XCTAssertEqual(read("outside.txt"), "keep me")
    }

    func testASafePathIsRelativeWithoutAWayOut() {
        for path in ["index.html", "stories/a-b/index.html", "assets/search/t/0f.js"] {
            XCTAssertTrue(SiteWriter.isSafe(path), path)
        }
        for path in ["", "/etc/passwd", "../x", "a/../x", "a/./x", "a//x", "a\\x", "a\0x", "a/"] {
            XCTAssertFalse(SiteWriter.isSafe(path), path)
        }
    }
}
