import Foundation
import XCTest

/// Company pages, `Content/companies.yml` and `brief companies`, through the built binary.
final class CompaniesTests: XCTestCase {
    func testCompanyPagesTellWhoTheCompanyIs() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let tesla = BriefRunner.read(folder.appendingPathComponent("Site/companies/tesla/index.html"))
        XCTAssertTrue(tesla.contains("<h1>Tesla</h1>"))
        XCTAssertTrue(tesla.contains("electric vehicles"), "description from the gazetteer")
        XCTAssertTrue(tesla.contains("href=\"https://www.tesla.com\""), "website")
        XCTAssertTrue(tesla.contains("Mentioned 13 times in 3 stories"), "mention count")
        XCTAssertTrue(tesla.contains("href=\"../../companies/xiaomi/index.html\""), "mentioned with Xiaomi")
        let index = BriefRunner.read(folder.appendingPathComponent("Site/companies/index.html"))
        let teslaRow = try XCTUnwrap(index.range(of: ">Tesla</a>"))
        let xaiRow = try XCTUnwrap(index.range(of: ">xAI</a>"))
        XCTAssertLessThan(teslaRow.lowerBound, xaiRow.lowerBound, "most stories first")
        let story = BriefRunner.read(folder.appendingPathComponent("Site/stories/elon-musks-supercomputer-freaks-out-ai-rivals/index.html"))
        for slug in ["xai", "nvidia", "microsoft", "meta", "google", "amazon"] {
            XCTAssertTrue(story.contains("href=\"../../companies/\(slug)/index.html\""), slug)
        }
    }

    func testSiteCompaniesFileChangesTagging() throws {
        let folder = try BriefRunner.sampleSite(self)
        try """
            companies:
              - name: Colossus Labs
                aliases: [Colossus H100]
                description: A made-up company for this test.
            suppress: [Meta]
            """.write(to: folder.appendingPathComponent("Content/companies.yml"), atomically: true, encoding: .utf8)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/companies/meta").path))
        let colossus = BriefRunner.read(folder.appendingPathComponent("Site/companies/colossus-labs/index.html"))
        XCTAssertTrue(colossus.contains("A made-up company for this test."))
    }

    func testBrokenCompaniesFileIsAnErrorWithItsLine() throws {
        let folder = try BriefRunner.sampleSite(self)
        try "companies:\n  - name: Ok\n  - slug: nameless\n".write(to: folder.appendingPathComponent("Content/companies.yml"), atomically: true, encoding: .utf8)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Content/companies.yml:3:5: error: company entry has no name"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))
    }

    func testCompaniesCommandListsCountsAndUnknownNames() throws {
        let folder = try BriefRunner.sampleSite(self)
        let list = try BriefRunner.run(["companies"], in: folder)
        XCTAssertEqual(list.status, 0, list.stderr)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[1].hasPrefix("Tesla") && lines[1].hasSuffix("3        13"), lines[1])
        XCTAssertTrue(list.stdout.contains("8 companies in 4 stories of 1 briefing."))

        try "Chinese EV maker Zeekr grew, while Acme Robotics Inc. cut jobs and the CEO of Globex resigned.\n"
            .write(to: folder.appendingPathComponent("Content/extra.txt"), atomically: true, encoding: .utf8)
        let unknown = try BriefRunner.run(["companies", "--unknown"], in: folder)
        XCTAssertEqual(unknown.status, 0, unknown.stderr)
        XCTAssertTrue(unknown.stdout.contains("Content/extra.txt:1:"), unknown.stdout)
        XCTAssertTrue(unknown.stdout.contains(": Acme Robotics (1 mention)"), unknown.stdout)
        XCTAssertTrue(unknown.stdout.contains(": Globex (1 mention)"), unknown.stdout)
        XCTAssertFalse(unknown.stdout.contains(": Zeekr ("), "known to the gazetteer")
        XCTAssertFalse(unknown.stdout.contains(": Tesla ("))
    }
}
