@testable import BriefOutput
import XCTest

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
        let before = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/b/index.html").path)

        let second = try SiteWriter(output: output)
        try second.write("index.html", Array("two".utf8))
        try second.write("a/b/index.html", Array("same".utf8))
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "one")
        try second.commit()
        XCTAssertEqual(second.written, 1, "only index.html changed")
        XCTAssertEqual(second.unchanged, 1, "a/b/index.html (the marker is not counted)")
        XCTAssertEqual(second.writtenPaths, ["index.html"])
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "two")
        let after = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("a/b/index.html").path)
        XCTAssertEqual(before[.modificationDate] as? Date, after[.modificationDate] as? Date)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("staging") || $0.contains("old") }
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
