import BriefModel
import XCTest

@testable import BriefSite

/// Briefings grouped by day into editions, and editions by month and year into the archives.
final class EditionsTests: XCTestCase {
    private func briefing(_ slug: String, _ date: String?) -> Briefing {
        Briefing(
            slug: slug, title: slug, date: date.flatMap(ContentDate.init(parsing:)), source: slug + ".md",
            description: nil, storyIDs: [])
    }

    /// Briefings in the site's order: newest first, undated last.
    private lazy var briefings = [
        briefing("c", "2024-06-03T18:00:00Z"), briefing("b", "2024-06-03T07:00:00Z"), briefing("a", "2024-06-03"),
        briefing("z", "2024-06-01"), briefing("y", "2024-05-31"), briefing("x", "2023-12-31"),
        briefing("u1", nil), briefing("u2", nil),
    ]

    func testSeveralBriefingsOfADayAreOneEditionAndUndatedOnesAreTheLast() {
        let editions = Edition.group(briefings)
        XCTAssertEqual(editions.map(\.day?.iso), ["2024-06-03", "2024-06-01", "2024-05-31", "2023-12-31", nil])
        XCTAssertEqual(editions.map(\.briefings), [[0, 1, 2], [3], [4], [5], [6, 7]])
        XCTAssertEqual(Edition.group([]), [])
        XCTAssertEqual(Edition.group([briefing("u", nil)]).map(\.briefings), [[0]])
    }

    func testTheArchiveCountsBriefingsByYearAndMonth() {
        let archive = Archive(Edition.group(briefings))
        XCTAssertEqual(archive.years.map(\.year), [2024, 2023])
        XCTAssertEqual(archive.years.map(\.count), [5, 1])
        XCTAssertEqual(archive.years[0].months.map(\.month), [6, 5])
        XCTAssertEqual(archive.years[0].months.map(\.briefings), [[0, 1, 2, 3], [4]])
        XCTAssertEqual(archive.years[0].months[0].editions, [0, 1], "two days of June")
        XCTAssertEqual(archive.years[1].months.map(\.month), [12])
        XCTAssertEqual(archive.undated, [6, 7])
        XCTAssertEqual(archive.position(of: Edition.Day(ContentDate(year: 2024, month: 5, day: 31)!))?.month, 1)
        XCTAssertNil(archive.position(of: Edition.Day(ContentDate(year: 2022, month: 5, day: 31)!)))
    }
}
