import Foundation
import XCTest

/// The date archives: years and months with their counts, a month's editions by day (paged), the undated
/// briefings on a page of their own, and every briefing linked to the editions before and after its own.
final class ArchiveTests: XCTestCase {
    private func build() throws -> URL {
        let folder = try Daily.site(
            self,
            [
                ("Morning Notes", "2024-06-03T07:00:00Z", 1), ("Noon Notes", "2024-06-03T12:00:00Z", 1),
                ("Evening Notes", "2024-06-03T18:00:00Z", 1), ("Sunday Notes", "2024-06-02", 1),
                ("Sunday Extra", "2024-06-01", 1), ("May Notes", "2024-05-31", 2), ("Old Notes", "2023-12-31", 1),
                ("Loose Notes", nil, 1), ("Other Loose Notes", nil, 1),
            ], config: "page_size: 2\n")
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        return folder.appendingPathComponent("Site")
    }

    private func main(_ site: URL, _ path: String) -> String {
        E2E.sections(of: E2E.read(site, path), from: "<main id=\"main\" class=\"wrap\">", to: "</main>").first ?? ""
    }

    func testTheArchiveCountsYearsAndMonths() throws {
        let site = try build()
        let archive = main(site, "archive/index.html")
        XCTAssertTrue(
            archive.contains(
                "<h2 id=\"year-2024\"><a href=\"../archive/2024/index.html\">2024</a> <span class=\"meta\">6 briefings</span></h2>"
            ), archive)
        XCTAssertTrue(
            archive.contains(
                "<li><a href=\"../archive/2024/06/index.html\">June</a> <span class=\"meta\">5</span></li>"), archive)
        XCTAssertTrue(
            archive.contains(
                "<li><a href=\"../archive/2024/05/index.html\">May</a> <span class=\"meta\">1</span></li>"), archive)
        XCTAssertTrue(
            archive.contains("<a href=\"../archive/2023/index.html\">2023</a> <span class=\"meta\">1 briefing</span>"),
            archive)
        XCTAssertTrue(
            archive.contains(
                "<a href=\"../archive/undated/index.html\">Undated briefings</a> <span class=\"meta\">2 briefings</span>"
            ), archive)
        XCTAssertEqual(
            E2E.positions(of: ["2024</a>", ">June<", ">May<", "2023</a>", "Undated"], in: archive), [0, 1, 2, 3, 4])

        // A year: its months, and each month's days with their counts, linked to where the month's pages list them.
        let year = main(site, "archive/2024/index.html")
        XCTAssertTrue(
            year.contains(
                "<h2><a href=\"../../archive/2024/06/index.html\">June 2024</a> <span class=\"meta\">5 briefings</span></h2>"
            ), year)
        XCTAssertTrue(
            year.contains(
                "<li><a href=\"../../archive/2024/06/index.html#day-2024-06-03\"><time datetime=\"2024-06-03\">3 June 2024</time></a> <span class=\"meta\">3</span></li>"
            ), year)
        XCTAssertTrue(
            year.contains("<a href=\"../../archive/2024/06/page/2/index.html#day-2024-06-02\">"),
            "the day starts on page 2:\n\(year)")
        XCTAssertTrue(year.contains("<a href=\"../../archive/2024/06/page/3/index.html#day-2024-06-01\">"), year)
        XCTAssertTrue(year.contains("<a href=\"../../archive/2023/index.html\">2023 →</a>"), year)
    }

    func testAMonthListsItsEditionsByDayOnPages() throws {
        let site = try build()
        let first = main(site, "archive/2024/06/index.html")
        XCTAssertTrue(first.contains("<h1>June 2024</h1>\n<p class=\"meta\">5 briefings; page 1 of 3</p>"), first)
        XCTAssertTrue(
            first.contains(
                "<section class=\"archive-day\" id=\"day-2024-06-03\">\n<h2><time datetime=\"2024-06-03\">3 June 2024</time></h2>"
            ), first)
        XCTAssertEqual(E2E.positions(of: [">Evening Notes</a>", ">Noon Notes</a>"], in: first), [0, 1], first)
        XCTAssertTrue(first.contains("<a rel=\"next\" href=\"../../../archive/2024/06/page/2/index.html\">"), first)
        XCTAssertTrue(
            first.contains("<a href=\"../../../archive/2024/05/index.html\">May 2024 →</a>"), "the month before")
        // Page 2: the rest of 3 June under its date again, then 2 June.
        let second = main(site, "archive/2024/06/page/2/index.html")
        XCTAssertEqual(
            E2E.positions(
                of: ["3 June 2024</time></h2>", ">Morning Notes</a>", "id=\"day-2024-06-02\"", ">Sunday Notes</a>"],
                in: second), [0, 1, 2, 3], second)
        XCTAssertTrue(second.contains("<a rel=\"prev\" href=\"../../../../../archive/2024/06/index.html\">"), second)
        XCTAssertEqual(E2E.count("<li><a", in: main(site, "archive/2024/06/page/3/index.html")), 1)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("archive/2024/06/page/4").path))

        let undated = main(site, "archive/undated/index.html")
        XCTAssertTrue(undated.contains("<h1>Undated briefings</h1>"), undated)
        XCTAssertEqual(
            E2E.positions(of: [">Loose Notes</a>", ">Other Loose Notes</a>"], in: undated), [0, 1], undated)
        XCTAssertFalse(undated.contains("<h2>"), "no day headings without dates")
    }

    func testEveryBriefingLinksTheEditionsBeforeAndAfterItsOwn() throws {
        let site = try build()
        let sunday = E2E.read(site, "briefings/sunday-notes/index.html")
        let nav =
            E2E.sections(of: sunday, from: "<nav class=\"edition-nav\" aria-label=\"Editions\">", to: "</nav>").first
            ?? ""
        XCTAssertEqual(
            nav,
            """

            <ul>
            <li>Previous edition: <a href="../../archive/2024/06/page/3/index.html#day-2024-06-01">1 June 2024</a></li>
            <li><a href="../../archive/2024/06/page/2/index.html#day-2024-06-02">This edition in the archive</a></li>
            <li>Next edition: <a href="../../archive/2024/06/index.html#day-2024-06-03">3 June 2024</a></li>
            </ul>

            """)
        let newest = E2E.read(site, "briefings/evening-notes/index.html")
        XCTAssertFalse(newest.contains("Next edition"), "the newest edition has none after it")
        let loose = E2E.read(site, "briefings/loose-notes/index.html")
        XCTAssertTrue(
            loose.contains(
                "<li>Next edition: <a href=\"../../archive/2023/12/index.html#day-2023-12-31\">31 December 2023</a></li>"
            ), loose)
        XCTAssertFalse(loose.contains("Previous edition"), "the undated edition comes last")
        XCTAssertTrue(
            loose.contains("<a href=\"../../archive/undated/index.html\">This edition in the archive</a>"), loose)

        // The front page links the previous editions into the archive.
        let index = E2E.read(site, "index.html")
        XCTAssertTrue(
            index.contains(
                "<h3 class=\"edition-date\"><a href=\"archive/2024/06/page/2/index.html#day-2024-06-02\"><time datetime=\"2024-06-02\">2 June 2024</time></a></h3>"
            ), index)
        XCTAssertTrue(index.contains("<a href=\"archive/index.html\">The archive, by date</a>"), index)

        // Every link of the archive and the briefings leads to a page, and every anchor to a day on it.
        let pages = BriefRunner.files(in: site).filter {
            $0.hasPrefix("archive/") || $0.hasPrefix("briefings/") || $0 == "index.html"
        }
        for page in pages {
            for link in E2E.attributeValues("href", in: E2E.read(site, page))
            where !link.contains("://") && !link.hasPrefix("#") {
                XCTAssertTrue(E2E.resolves(link, from: page, in: site), "\(page): \(link)")
                guard let hash = link.firstIndex(of: "#") else { continue }
                let target = URL(fileURLWithPath: page, relativeTo: site).deletingLastPathComponent()
                    .appendingPathComponent(String(link[..<hash])).standardizedFileURL
                XCTAssertTrue(
                    BriefRunner.read(target).contains("id=\"\(link[link.index(after: hash)...])\""), "\(page): \(link)")
            }
        }
    }
}
