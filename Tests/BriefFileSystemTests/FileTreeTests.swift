import Foundation
import XCTest

@testable import BriefFileSystem

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
        XCTAssertEqual(
            FileTree.files(under: folder), ["a/b.txt", "c.txt", "d/e/f.md"],
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
        try FileTree.makeFolders(nested)
        try FileTree.makeFolders(nested)  // an existing folder is fine
        try FileTree.writeAtomically(Array("one".utf8), to: nested + "/f.bin")
        try FileTree.writeAtomically(Array("two".utf8), to: nested + "/f.bin")
        XCTAssertEqual(FileTree.read(nested + "/f.bin"), Array("two".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: nested), ["f.bin"], "no temporary file left")
        try FileTree.remove(folder.appendingPathComponent("x").path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        try FileTree.remove(folder.appendingPathComponent("x").path)  // nothing there is fine
    }

    /// Failures name the path and the reason; they work as root too, who may write anywhere.
    func testFailuresNameThePathAndTheReason() throws {
        let folder = temporaryFolder()
        let file = folder.appendingPathComponent("file").path
        try FileTree.writeAtomically(Array("x".utf8), to: file)
        XCTAssertThrowsError(try FileTree.makeFolders(file)) { error in
            XCTAssertEqual("\(error)", "\(file): cannot create the folder: a file is in its place")
        }
        XCTAssertThrowsError(try FileTree.makeFolders(file + "/a/b")) { error in
            XCTAssertEqual("\(error)", "\(file)/a/b: cannot create the folder: Not a directory")
        }
        XCTAssertThrowsError(try FileTree.writeAtomically([1], to: file + "/a.bin")) { error in
            XCTAssertEqual("\(error)", "\(file)/a.bin: cannot write the file: Not a directory")
        }
        let folderInTheWay = folder.appendingPathComponent("taken")
        try FileTree.makeFolders(folderInTheWay.path + "/inside")
        XCTAssertThrowsError(try FileTree.writeAtomically([1], to: folderInTheWay.path)) { error in
            XCTAssertEqual("\(error)", "\(folderInTheWay.path): cannot replace the file: Is a directory")
        }
        XCTAssertEqual(try FileTree.entries(of: folder.path).sorted(), ["file", "taken"], "no temporary file left")
        XCTAssertThrowsError(try FileTree.entries(of: file)) { error in
            XCTAssertEqual("\(error)", "\(file): cannot read the folder: Not a directory")
        }
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
