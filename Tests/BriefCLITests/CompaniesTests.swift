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
        let story = BriefRunner.read(
            folder.appendingPathComponent("Site/stories/elon-musks-supercomputer-freaks-out-ai-rivals/index.html"))
        for slug in ["xai", "nvidia", "microsoft", "meta", "google", "amazon"] {
            XCTAssertTrue(story.contains("href=\"../../companies/\(slug)/index.html\""), slug)
        }
    }

    /// Front matter's `companies:` adds to what brief finds, a story's own line tags that story,
    /// `companies_only: true` turns finding off; a story lists its subject first.
    func testCompaniesAnAuthorNamesJoinTheOnesFound() throws {
        let folder = BriefRunner.temporaryFolder(self)
        func source(_ only: Bool) -> String {
            """
            ---
            title: Air travel
            companies: [Delta Air Lines, Ryanair, Skyward Tiles]
            \(only ? "companies_only: true" : "")
            ---

            ## CATL to supply Delta

            companies: Acme Planes

            Delta Air Lines said Boeing jets will need batteries. Boeing agreed, and Boeing shares rose. CATL said so.

            ## Ryanair cuts fares

            Ryanair cut fares on Monday, the airline said.
            """
        }
        try E2E.write(source(false), "Content/2024-05-01-air.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                "Content/2024-05-01-air.md:3:1: warning: companies: lists \"Skyward Tiles\", but no story of this "
                    + "source names it, so it tags none"), result.stderr)
        func companies(_ slug: String) -> [String] {
            let page = E2E.read(folder.appendingPathComponent("Site"), "stories/\(slug)/index.html")
            XCTAssertFalse(page.contains("companies:"), "the story's own line is not shown")
            let aside = E2E.sections(of: page, from: "<h2 id=\"companies-title\">", to: "</section>").first ?? ""
            return E2E.sections(of: aside, from: "class=\"tag\" href=\"../../companies/", to: "/index.html")
        }
        XCTAssertEqual(
            companies("catl-to-supply-delta"), ["catl", "boeing", "delta-air-lines", "acme-planes"],
            "the heading's company first, then by mentions; Boeing, not listed, is found")
        XCTAssertEqual(companies("ryanair-cuts-fares"), ["ryanair"], "a listed company only where it is named")
        let site = folder.appendingPathComponent("Site")
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("companies/skyward-tiles").path))

        try E2E.write(source(true), "Content/2024-05-01-air.md", in: folder)
        let only = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(only.status, 0, only.stderr)
        XCTAssertFalse(only.stderr.contains("companies: lists"), "with companies_only, every listed name tags")
        XCTAssertEqual(companies("catl-to-supply-delta"), ["acme-planes"], "companies_only: the story's own line")
        XCTAssertEqual(companies("ryanair-cuts-fares"), ["delta-air-lines", "ryanair", "skyward-tiles"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("companies/boeing").path))
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
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/companies/meta").path))
        let colossus = BriefRunner.read(folder.appendingPathComponent("Site/companies/colossus-labs/index.html"))
        XCTAssertTrue(colossus.contains("A made-up company for this test."))
    }

    func testBrokenCompaniesFileIsAnErrorWithItsLine() throws {
        let folder = try BriefRunner.sampleSite(self)
        try "companies:\n  - name: Ok\n  - slug: nameless\n".write(
            to: folder.appendingPathComponent("Content/companies.yml"), atomically: true, encoding: .utf8)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains("Content/companies.yml:3:5: error: company entry has no name"), result.stderr)
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
