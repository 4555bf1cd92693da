import Foundation
import XCTest

/// `brief init`, and a copied binary that needs nothing beside it.
final class InitCommandTests: XCTestCase {
    func testInitStartsASiteThatBuilds() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let result = try BriefRunner.run(["init", "news"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("news")
        XCTAssertTrue(result.stdout.contains("created news/brief.yml"), result.stdout)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: site.appendingPathComponent("Content/tesla-unmatched-speed-of-innovation.txt").path))
        XCTAssertTrue(BriefRunner.read(site.appendingPathComponent(".gitignore")).contains("/Site/"))
        let build = try BriefRunner.run(["build"], in: site)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(
            BriefRunner.read(site.appendingPathComponent("Site/index.html")).contains("<title>My Briefings</title>"))
    }

    func testInitOverwritesNothing() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try "mine".write(to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        let result = try BriefRunner.run(["init"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: there is a Content/ folder here already"), result.stderr)
        XCTAssertEqual(BriefRunner.read(folder.appendingPathComponent("brief.yml")), "mine")
    }

    func testCopiedBinaryBuildsWithItsBuiltInTheme() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let copy = folder.appendingPathComponent("bin/brief")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BriefRunner.binary, to: copy)
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for arguments in [["init"], ["build"]] {
            let process = Process()
            process.executableURL = copy
            process.arguments = arguments
            process.currentDirectoryURL = site
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(arguments)")
        }
        XCTAssertTrue(
            BriefRunner.read(site.appendingPathComponent("Site/assets/style.css")).contains("prefers-color-scheme"))
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: site.appendingPathComponent("Site/stories/tesla-energy-sets-new-record/index.html").path))
    }
}
