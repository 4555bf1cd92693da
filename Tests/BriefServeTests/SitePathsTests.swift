import Foundation
import XCTest

@testable import BriefServe

/// Request targets map to files of the output folder, and never to anything outside it.
final class SitePathsTests: XCTestCase {
    private var folder: URL!
    private var paths: SitePaths!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-paths-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("Site")
        for path in ["index.html", "stories/a b/index.html", "assets/style.css", "empty/.keep", ".brief-site"] {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("out.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("in.css").path, withDestinationPath: "assets/style.css")
        paths = SitePaths(root: site.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var root: String { SitePaths.realPath(paths.root)! }

    func testFilesAndFolders() {
        XCTAssertEqual(paths.resolve("/"), .file(path: root + "/index.html", relative: "index.html"))
        XCTAssertEqual(paths.resolve("/index.html?x=1#top"), .file(path: root + "/index.html", relative: "index.html"))
        XCTAssertEqual(
            paths.resolve("/stories/a%20b/"),
            .file(path: root + "/stories/a b/index.html", relative: "stories/a b/index.html"))
        XCTAssertEqual(paths.resolve("/stories/a%20b?q=1"), .redirect(location: "/stories/a%20b/?q=1"))
        XCTAssertEqual(paths.resolve("/in.css"), .file(path: root + "/assets/style.css", relative: "in.css"))
        XCTAssertEqual(paths.resolve("/empty/"), .notFound, "a folder without index.html")
        XCTAssertEqual(paths.resolve("/nope.html"), .notFound)
        XCTAssertEqual(paths.resolve("/.brief-site"), .notFound, "hidden files are not the site's")
        XCTAssertEqual(paths.resolve("//evil.example"), .notFound)
    }

    func testWaysOut() {
        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/secret.txt", "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/./index.html", "/out.txt", "/a\\b",
        ] {
            XCTAssertEqual(paths.resolve(target), .forbidden, target)
        }
        for target in ["index.html", "*", "/%zz", "/a%00b", "/%ff"] {
            XCTAssertEqual(paths.resolve(target), .badRequest, target)
        }
    }

    func testNoSiteYet() {
        XCTAssertEqual(SitePaths(root: folder.appendingPathComponent("Missing").path).resolve("/"), .notFound)
    }

    func testAFolderBriefDidNotWriteIsNotServed() throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Site/.brief-site"))
        XCTAssertEqual(paths.resolve("/index.html"), .notFound)
        XCTAssertEqual(paths.resolve("/"), .notFound)
    }
}
