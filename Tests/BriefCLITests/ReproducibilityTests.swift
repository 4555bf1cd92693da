import Foundation
import XCTest

/// The same input gives the same site, byte for byte, whatever the machine's clock, time zone,
/// locale, number of cores or the order in which the file system lists the sources.
final class ReproducibilityTests: XCTestCase {
    private func makeSite(order: [Int]) throws -> URL {
        let folder = BriefRunner.temporaryFolder(self)
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for n in order {
            // Every fourth source undated, so that undated ordering is exercised too.
            let name =
                n % 4 == 0
                ? "undated-\(n).txt" : String(format: "2024-%02d-%02d-source-%d.txt", 1 + n % 12, 1 + n % 28, n)
            try IncrementalBuildTests.source(n).write(
                to: content.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try "title: Reproducible\nbase_url: https://example.org/\ntimezone: Europe/Berlin\n".write(
            to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    func testTwoBuildsOfTheSameInputAreIdentical() throws {
        let sources = Array(1...200)
        let a = try makeSite(order: sources)
        let b = try makeSite(order: sources.reversed())
        let first = try BriefRunner.run(
            ["build"], in: a, environment: ["BRIEF_JOBS": "1", "TZ": "UTC", "LANG": "C", "LC_ALL": "C"])
        XCTAssertEqual(first.status, 0, first.stderr)
        Thread.sleep(forTimeInterval: 1.1)  // a different wall clock
        let second = try BriefRunner.run(
            ["build"], in: b,
            environment: [
                "BRIEF_JOBS": "8", "TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8",
            ])
        XCTAssertEqual(second.status, 0, second.stderr)

        let siteA = a.appendingPathComponent("Site")
        let siteB = b.appendingPathComponent("Site")
        let files = BriefRunner.files(in: siteA)
        XCTAssertGreaterThan(files.count, 500)
        XCTAssertEqual(files, BriefRunner.files(in: siteB))
        for path in files {
            XCTAssertTrue(
                FileManager.default.contentsEqual(
                    atPath: siteA.appendingPathComponent(path).path, andPath: siteB.appendingPathComponent(path).path),
                path)
        }
        XCTAssertEqual(first.stderr, second.stderr, "the same diagnostics in the same order")
    }
}
