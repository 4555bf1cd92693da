@testable import BriefFileSystem
import Foundation
import XCTest

final class FileTreeTests: XCTestCase {
    private func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    private func write(_ text: String, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    func testListsFilesSortedWithoutHiddenOnes() throws {
        let folder = temporaryFolder()
        for path in ["c.txt", "a/b.txt", "a/.hidden.txt", ".git/config", "d/e/f.md"] {
            try write("x", path, in: folder)
        }
        let link = folder.appendingPathComponent("a/loop").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "..")
        XCTAssertEqual(FileTree.files(under: folder), ["a/b.txt", "c.txt", "d/e/f.md"],
                       "hidden files and links to folders are left out")
    }

    func testReadGivesTheBytesOrNilWithTheReason() throws {
        let folder = temporaryFolder()
        try write("héllo", "a.txt", in: folder)
        XCTAssertEqual(FileTree.read(folder.appendingPathComponent("a.txt").path), Array("héllo".utf8))
        XCTAssertNil(FileTree.read(folder.path))
        XCTAssertEqual(errno, EISDIR)
        XCTAssertNil(FileTree.read(folder.appendingPathComponent("missing.txt").path))
        XCTAssertEqual(errno, ENOENT)
    }

    func testMakesFoldersAndWritesAtomically() throws {
        let folder = temporaryFolder()
        let nested = folder.appendingPathComponent("x/y/z").path
        XCTAssertTrue(FileTree.makeFolders(nested))
        XCTAssertTrue(FileTree.makeFolders(nested), "an existing folder is fine")
        FileTree.writeAtomically(Array("one".utf8), to: nested + "/f.bin")
        FileTree.writeAtomically(Array("two".utf8), to: nested + "/f.bin")
        XCTAssertEqual(FileTree.read(nested + "/f.bin"), Array("two".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: nested), ["f.bin"], "no temporary file left")
        FileTree.remove(folder.appendingPathComponent("x").path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }

    func testAStampSettlesAfterTheMargin() throws {
        let folder = temporaryFolder()
        try write("x", "a.txt", in: folder)
        var info = stat()
        XCTAssertEqual(stat(folder.appendingPathComponent("a.txt").path, &info), 0)
        let stamp = FileStamp(info)
        XCTAssertEqual(stamp.size, 1)
        XCTAssertFalse(stamp.isSettled(before: FileStamp.now()), "changed just now: may change again in the same tick")
        XCTAssertTrue(stamp.isSettled(before: FileStamp.now() + 2 * FileStamp.margin))
        XCTAssertNotEqual(stamp, .unknown)
    }
}
