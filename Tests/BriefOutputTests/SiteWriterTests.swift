import BriefFileSystem
import BriefTestSupport
import XCTest

@testable import BriefOutput

final class SiteWriterTests: XCTestCase {
    func testWritesAtomicallyAndKeepsUnchangedFiles() throws {
        let folder = Fixtures.temporaryFolder(self)
        let output = folder.appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        try first.write("index.html", Array("one".utf8))
        try first.write("a/b/index.html", Array("same".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path), "nothing visible before commit")
        try first.commit()
        XCTAssertEqual(Set(first.writtenPaths), ["index.html", "a/b/index.html"], "the marker is not a site file")
        let before = try FileManager.default.attributesOfItem(
            atPath: output.appendingPathComponent("a/b/index.html").path)

        let second = try SiteWriter(output: output)
        try second.write("index.html", Array("two".utf8))
        try second.write("a/b/index.html", Array("same".utf8))
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "one")
        try second.commit()
        XCTAssertEqual(second.written, 1, "only index.html changed")
        XCTAssertEqual(second.unchanged, 1, "a/b/index.html (the marker is not counted)")
        XCTAssertEqual(second.writtenPaths, ["index.html"])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "two")
        let after = try FileManager.default.attributesOfItem(
            atPath: output.appendingPathComponent("a/b/index.html").path)
        XCTAssertEqual(before[.modificationDate] as? Date, after[.modificationDate] as? Date)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("staging") || $0.contains("old")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testAbandonLeavesThePreviousSite() throws {
        let folder = Fixtures.temporaryFolder(self)
        let output = folder.appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        try first.write("index.html", Array("kept".utf8))
        try first.commit()
        let second = try SiteWriter(output: output)
        try second.write("index.html", Array("lost".utf8))
        second.abandon()
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "kept")
    }

    func testRefusesAFolderItDidNotMake() throws {
        let folder = Fixtures.temporaryFolder(self)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try SiteWriter(output: folder)) { error in
            XCTAssertTrue("\(error)".contains("not made by brief"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8), "mine")
    }

    func testRefusesPathsThatEscape() throws {
        let writer = try SiteWriter(output: Fixtures.temporaryFolder(self).appendingPathComponent("Site"))
        defer { writer.abandon() }
        for path in ["../x.html", "/etc/x", "a/../../x", "a\\b", "a\0b", "", "a//b"] {
            XCTAssertThrowsError(try writer.write(path, [1]), path)
        }
    }
}

/// Every call of the writer and the journal is checked, and what it puts in place is recorded.
final class SiteWriterFailureTests: XCTestCase {
    func testRecordsTheStampOfEveryFileItPutsInPlace() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        try first.write("index.html", Array("one".utf8))
        try first.write("a/b/index.html", Array("same".utf8))
        try first.commit()
        let second = try SiteWriter(output: output)
        try second.write("index.html", Array("two!".utf8))
        try second.write("a/b/index.html", Array("same".utf8))
        try second.commit()
        XCTAssertEqual(Set(second.stamps.keys), ["index.html", "a/b/index.html"])
        let folder = open(output.path, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        for (path, stamp) in second.stamps {
            XCTAssertEqual(OutputStamp.of(path, in: folder), stamp, path)
        }
        XCTAssertEqual(second.stamps["index.html"]?.size, 4)
    }

    /// A journal the last build could not carry out stops the next build, naming what is in the way,
    /// until the way is clear; then it is finished first.
    func testAnUnfinishedUpdateIsFinishedOnceItCanBe() throws {
        let folder = Fixtures.temporaryFolder(self)
        let output = folder.appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        try first.write("index.html", Array("one".utf8))
        try first.commit()
        let staging = folder.path + "/.Site.brief-staging-1"
        try FileTree.makeFolders(staging + "/a")
        try FileTree.writeAtomically(Array("new".utf8), to: staging + "/a/new.html")
        try FileTree.writeAtomically(Array("in the way".utf8), to: output.path + "/a")
        let journal = "brief-journal 1\nS \(staging)\nM a/new.html\nD index.html\n"
        try FileTree.writeAtomically(Array(journal.utf8), to: folder.path + "/.Site.brief-journal")

        XCTAssertThrowsError(try SiteWriter(output: output)) { error in
            XCTAssertTrue(
                "\(error)".contains(
                    "/Site/a:1:1: error: cannot finish the update a killed or failed build left: "
                        + "cannot create the folder: a file is in its place"), "\(error)")
        }
        XCTAssertEqual(
            FileTree.read(output.path + "/index.html"), Array("one".utf8), "nothing deleted before the moves")
        try FileTree.remove(output.path + "/a")
        let writer = try SiteWriter(output: output)
        writer.abandon()
        XCTAssertTrue(writer.finishedInterruptedUpdate)
        XCTAssertEqual(FileTree.read(output.path + "/a/new.html"), Array("new".utf8))
        XCTAssertNil(FileTree.read(output.path + "/index.html"))
        XCTAssertNil(FileTree.read(folder.path + "/.Site.brief-journal"))
    }
}

final class OutputCheckTests: XCTestCase {
    func testFindsExactlyTheFilesChangedSinceTheyWereWritten() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let writer = try SiteWriter(output: output)
        let names = ["index.html", "feed.xml", "a/b/index.html", "c/index.html", "d.txt", "same-size.txt"]
        for name in names { try writer.write(name, Array("content of \(name)".utf8)) }
        try writer.commit()
        let recorded = writer.stamps.map { (path: $0.key, stamp: $0.value) }
        XCTAssertEqual(OutputCheck.changed(in: output.path, recorded), [], "nothing touched")

        try FileManager.default.removeItem(at: output.appendingPathComponent("c/index.html"))
        try FileTree.writeAtomically([], to: output.path + "/feed.xml")
        // The same size, written in place: only the modification time tells.
        let handle = try FileHandle(forWritingTo: output.appendingPathComponent("same-size.txt"))
        usleep(20_000)
        try handle.write(contentsOf: Data("CONTENT".utf8))
        try handle.close()
        // The same bytes in a new file put in its place: only the inode tells.
        try FileTree.writeAtomically(Array("content of d.txt".utf8), to: output.path + "/d.txt")
        XCTAssertEqual(
            OutputCheck.changed(in: output.path, recorded), ["c/index.html", "feed.xml", "same-size.txt", "d.txt"])
        XCTAssertEqual(OutputCheck.changed(in: output.path + "-missing", recorded), Set(names), "no folder: every file")
    }
}
