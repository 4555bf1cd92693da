import Foundation
import XCTest

/// Lists that grow are cut into pages of `page_size`: the first at the list's own address, the next ones at
/// `page/N/`, linked with rel="prev" and rel="next".
final class PaginatedListsTests: XCTestCase {
    private func build(_ briefings: Int, pageSize: Int?) throws -> URL {
        let days = (1...briefings).map { n in ("Notes \(n)", String(format: "2024-03-%02d", n), 1) }
        let folder = try Daily.site(self, days, config: pageSize.map { "page_size: \($0)\n" } ?? "")
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return folder.appendingPathComponent("Site")
    }

    private func titles(_ html: String) -> [String] {
        let list = E2E.sections(of: html, from: "<ul class=\"list\">", to: "</ul>").first ?? ""
        return E2E.sections(of: list, from: "<li><a href=\"", to: "</a>").compactMap {
            $0.components(separatedBy: "\">").last
        }
    }

    func testBriefingsArePagedNewestFirstWithLinksBetweenPages() throws {
        let site = try build(5, pageSize: 2)
        let first = E2E.read(site, "briefings/index.html")
        let second = E2E.read(site, "briefings/page/2/index.html")
        let third = E2E.read(site, "briefings/page/3/index.html")
        XCTAssertEqual(titles(first), ["Notes 5", "Notes 4"])
        XCTAssertEqual(titles(second), ["Notes 3", "Notes 2"])
        XCTAssertEqual(titles(third), ["Notes 1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("briefings/page/4").path))
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("briefings/page/1").path),
            "the first page stays at the list's own address")

        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("<link rel=\"next\" href=\"../briefings/page/2/index.html\">"), first)
        XCTAssertTrue(second.contains("<link rel=\"prev\" href=\"../../../briefings/index.html\">"), second)
        XCTAssertTrue(second.contains("<link rel=\"next\" href=\"../../../briefings/page/3/index.html\">"), second)
        XCTAssertTrue(second.contains("<a rel=\"prev\" href=\"../../../briefings/index.html\">← Newer</a>"), second)
        XCTAssertTrue(second.contains("<span class=\"page-number\">Page 2 of 3</span>"), second)
        XCTAssertTrue(second.contains("<title>Briefings, page 2 of 3 · Daily</title>"), second)
        XCTAssertFalse(third.contains("rel=\"next\""))
        for page in ["briefings/index.html", "briefings/page/2/index.html", "briefings/page/3/index.html"] {
            for link in E2E.attributeValues("href", in: E2E.read(site, page)) where !link.contains("://") {
                XCTAssertTrue(E2E.resolves(link, from: page, in: site), "\(page): \(link)")
            }
        }
    }

    func testAListOfExactlyOnePageHasNoPageLinks() throws {
        let site = try build(3, pageSize: 3)
        let list = E2E.read(site, "briefings/index.html")
        XCTAssertEqual(titles(list), ["Notes 3", "Notes 2", "Notes 1"])
        XCTAssertFalse(list.contains("class=\"pagination\""), list)
        XCTAssertFalse(list.contains("rel=\"next\""), list)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.appendingPathComponent("briefings/page").path))
    }

    func testACompanysStoriesArePagedAndThePageSizeDefaultsTo30() throws {
        let site = try build(31, pageSize: nil)
        XCTAssertEqual(E2E.count("<article class=\"card\">", in: E2E.read(site, "companies/tesla/index.html")), 30)
        let second = E2E.read(site, "companies/tesla/page/2/index.html")
        XCTAssertEqual(E2E.count("<article class=\"card\">", in: second), 1, "one more than a page")
        XCTAssertTrue(second.contains("Notes 1 Story 1</a></h3>"), "the oldest story last")
        XCTAssertTrue(second.contains("<link rel=\"prev\" href=\"../../../../companies/tesla/index.html\">"), second)
        XCTAssertTrue(
            second.contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Tesla · Daily (Atom)\" "
                    + "href=\"../../../../companies/tesla/feed.xml\">"), "every page names the feeds")
        XCTAssertEqual(titles(E2E.read(site, "briefings/page/2/index.html")), ["Notes 1"])
    }
}
