import Foundation
import XCTest

/// The front page as a daily paper's: every briefing of the newest day under that day's date, then the
/// previous editions; undated briefings are one edition after the dated ones.
final class EditionTests: XCTestCase {
    func testTheFrontPageShowsEveryBriefingOfTheNewestDay() throws {
        let folder = try Daily.site(
            self,
            [
                ("Morning Notes", "2024-06-03T07:00:00Z", 2), ("Noon Notes", "2024-06-03T12:00:00Z", 2),
                ("Evening Notes", "2024-06-03T18:00:00Z", 2), ("Sunday Notes", "2024-06-02", 1),
                ("Sunday Extra", "2024-06-02", 3), ("Loose Notes", nil, 1), ("Other Loose Notes", nil, 1),
            ], config: "stories_on_front_page: 5\n")
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let index = E2E.read(folder.appendingPathComponent("Site"), "index.html")

        let edition =
            E2E.sections(of: index, from: "<section class=\"edition\"", to: "<div class=\"columns\">").first ?? ""
        XCTAssertTrue(edition.contains("<p class=\"kicker\">Latest edition · 3 briefings</p>"), edition)
        XCTAssertTrue(
            edition.contains(
                "<h2 id=\"edition-title\" class=\"lead-title\"><time datetime=\"2024-06-03\">3 June 2024</time></h2>"),
            edition)
        // The day's three briefings, newest first, each under its title.
        let titles = ["Evening Notes", "Noon Notes", "Morning Notes"].map { "\">\($0)</a></h3>" }
        XCTAssertEqual(E2E.positions(of: titles, in: edition), [0, 1, 2], edition)
        // Five stories in all: both of the first two briefings', one of the third's, and a link to the other.
        let cards = E2E.sections(of: edition, from: "<article class=\"card\">", to: "</article>")
        XCTAssertEqual(
            cards.map { E2E.sections(of: $0, from: "/index.html\">", to: "</a></h3>").first ?? "" },
            [
                "Evening Notes Story 1", "Evening Notes Story 2", "Noon Notes Story 1", "Noon Notes Story 2",
                "Morning Notes Story 1",
            ])
        XCTAssertTrue(
            edition.contains(
                "<p class=\"more\"><a href=\"briefings/morning-notes/index.html\">1 more story in Morning Notes</a></p>"
            ), edition)
        XCTAssertFalse(cards.joined().contains("<p class=\"meta\">"), "no date nor briefing repeated on the cards")
        XCTAssertFalse(edition.contains("Sunday"), "only the newest day")

        // Then the previous editions: the day before with its two briefings, then the undated ones.
        let previous = E2E.sections(of: index, from: "<h2 id=\"previous-title\">", to: "</section>").first ?? ""
        let order = [
            "<time datetime=\"2024-06-02\">2 June 2024</time></a></h3>", ">Sunday Notes</a>", ">Sunday Extra</a>",
            "Undated briefings</a></h3>", ">Loose Notes</a>", ">Other Loose Notes</a>",
        ]
        XCTAssertEqual(E2E.positions(of: order, in: previous), Array(order.indices), previous)
        XCTAssertFalse(previous.contains("Evening Notes"), previous)
    }

    func testUndatedBriefingsAloneAreTheEdition() throws {
        let folder = try Daily.site(self, [("Loose Notes", nil, 2), ("Other Loose Notes", nil, 1)])
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let index = E2E.read(folder.appendingPathComponent("Site"), "index.html")
        XCTAssertTrue(index.contains("<h2 id=\"edition-title\" class=\"lead-title\">Undated briefings</h2>"), index)
        XCTAssertEqual(E2E.count("<article class=\"card\">", in: index), 3)
        XCTAssertFalse(index.contains("previous-title"), "no previous editions")
        XCTAssertFalse(index.contains("<p class=\"meta\"></p>"), "no empty meta line on undated cards")
    }
}

/// Sites of many small dated briefings, for the edition, archive and pagination tests.
enum Daily {
    /// A site with one source per briefing: its title, date (front matter; nil for none) and number of stories.
    static func site(_ test: XCTestCase, _ briefings: [(String, String?, Int)], config: String = "") throws -> URL {
        let folder = BriefRunner.temporaryFolder(test)
        try E2E.write("title: Daily\n" + config, "brief.yml", in: folder)
        for (title, date, stories) in briefings {
            try E2E.write(source(title, date: date, stories: stories), "Content/\(slug(title)).md", in: folder)
        }
        return folder
    }

    static func source(_ title: String, date: String?, stories: Int, company: String = "Tesla") -> String {
        var text = "---\ntitle: \(title)\n" + (date.map { "date: \($0)\n" } ?? "") + "---\n"
        for k in 1...stories {
            text += "\n## \(title) Story \(k)\n\n\(company) said on Monday that story \(k) of \(title) went to plan.\n"
        }
        return text
    }

    static func slug(_ title: String) -> String {
        title.lowercased().replacingOccurrences(of: " ", with: "-")
    }
}
