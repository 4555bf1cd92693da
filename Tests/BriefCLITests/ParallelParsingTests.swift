import Foundation
import XCTest

/// cmark-gfm shares tables of special characters between all its parsers; parsers racing on
/// them once dropped autolinks and strikethrough at random. Clean builds on every core must
/// give the bytes a one-core build gives, every time.
final class ParallelParsingTests: XCTestCase {
    /// Markdown sources full of autolinks, strikethrough and tables, and text sources full of autolinks.
    private func makeSite(sources: Int) throws -> URL {
        let folder = BriefRunner.temporaryFolder(self)
        for i in 0..<sources {
            var markdown = "---\ntitle: Links \(i)\n---\n"
            for section in 0..<3 {
                markdown += "\n## Section \(i).\(section)\n\n"
                for p in 0..<4 {
                    markdown += "See https://example.com/a\(i)/\(section)/\(p) and www.example.org/b\(i)-\(p) too,"
                    markdown += " ~~old~~ new.\n\n"
                }
                markdown += "| site | was |\n|---|---|\n| www.x\(i).com | ~~\(section)~~ |\n\n"
            }
            try E2E.write(markdown, "Content/links-\(i).md", in: folder)
            let text =
                "Plain \(i)\n\nVisit https://example.com/x\(i) today and www.example.org/y\(i) too.\n\n"
                + "More www.example.net/z\(i) here.\n"
            try E2E.write(text, "Content/plain-\(i).txt", in: folder)
        }
        return folder
    }

    func testCleanBuildsOnAllCoresGiveTheSameBytes() throws {
        let sources = 10
        let folder = try makeSite(sources: sources)
        let site = folder.appendingPathComponent("Site")
        let single = try BriefRunner.run(["build", "--clean"], in: folder, environment: ["BRIEF_JOBS": "1"])
        XCTAssertEqual(single.status, 0, single.stderr)
        let reference = E2E.snapshot(site)
        // The reference has every link, strikethrough and table, so that a missing one shows as a difference.
        let pages = reference.filter { $0.key.hasPrefix("briefings/") }.values
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        XCTAssertEqual(E2E.count("<a href=\"http://www.example.org/b", in: pages), sources * 3 * 4)
        XCTAssertEqual(E2E.count("<a href=\"http://www.example.net/z", in: pages), sources)
        XCTAssertEqual(E2E.count("<del>", in: pages), sources * 3 * 5)
        XCTAssertEqual(E2E.count("<table>", in: pages), sources * 3)

        var differing: [Int] = []
        for run in 1...50 {
            let result = try BriefRunner.run(["build", "--clean"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            let files = E2E.snapshot(site)
            if files != reference {
                differing.append(run)
                if differing.count == 1 {
                    E2E.assertSameFiles(files, reference, "Site/ of clean build \(run) on all cores")
                }
            }
        }
        XCTAssertEqual(differing, [], "clean builds on all cores that differ from the one-core build")
    }
}
