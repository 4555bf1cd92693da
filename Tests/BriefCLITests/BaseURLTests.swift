import Foundation
import XCTest

/// `brief build --base-url` takes the place of brief.yml's `base_url`, for deploy previews.
final class BaseURLTests: XCTestCase {
    func testTheOptionOverridesTheSetting() throws {
        let folder = try BriefRunner.sampleSite(self)
        try "title: Preview\nbase_url: https://example.org/news/\n".write(
            to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        let preview = try BriefRunner.run(["build", "--base-url", "https://preview-42.example.net/site"], in: folder)
        XCTAssertEqual(preview.status, 0, preview.stderr)
        let feed = BriefRunner.read(folder.appendingPathComponent("Site/feed.xml"))
        XCTAssertTrue(
            feed.contains("https://preview-42.example.net/site/stories/"), "a slash is added, as for base_url")
        XCTAssertFalse(feed.contains("example.org/news"))
        XCTAssertTrue(
            BriefRunner.read(folder.appendingPathComponent("Site/index.html")).contains(
                #"<link rel="canonical" href="https://preview-42.example.net/site/">"#))

        // Without the option, brief.yml's address is back, in every page.
        let plain = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(
            BriefRunner.read(folder.appendingPathComponent("Site/feed.xml")).contains(
                "https://example.org/news/stories/"))
        XCTAssertFalse(BriefRunner.read(folder.appendingPathComponent("Site/index.html")).contains("preview-42"))
    }

    func testTheOptionSilencesTheMissingBaseURLWarning() throws {
        let folder = try BriefRunner.sampleSite(self)
        let result = try BriefRunner.run(["build", "--base-url", "http://localhost:8000/"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("base_url is not set"), result.stderr)
        XCTAssertTrue(
            BriefRunner.read(folder.appendingPathComponent("Site/sitemap.xml")).contains(
                "<loc>http://localhost:8000/</loc>"))
    }

    func testAnUpToDateBuildRepeatsTheWarningAsTheFirstPrintedIt() throws {
        let folder = try BriefRunner.sampleSite(self)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("brief.yml"))
        let first = try BriefRunner.run(["build"], in: folder)
        let again = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.hasPrefix("Up to date"), again.stdout)
        let warning = first.stderr.split(separator: "\n").first { $0.contains("base_url is not set") }
        XCTAssertEqual(warning?.hasPrefix("warning: base_url is not set"), true, first.stderr)
        XCTAssertEqual(again.stderr, first.stderr, "no position where the first build printed none")
    }

    func testABadAddressIsAUsageError() throws {
        let folder = try BriefRunner.sampleSite(self)
        for bad in ["example.org", "ftp://example.org/", "/news/"] {
            let result = try BriefRunner.run(["build", "--base-url", bad], in: folder)
            XCTAssertEqual(result.status, 64, bad)
            XCTAssertTrue(result.stderr.contains("--base-url must be an absolute http(s) address"), result.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))
        }
    }
}
