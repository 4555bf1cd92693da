import XCTest

@testable import BriefSite

/// Lists cut into pages: the boundaries, and where each page goes.
final class PaginationTests: XCTestCase {
    func testAnEmptyListHasOneEmptyPage() {
        let pages = Pagination(count: 0, size: 30)
        XCTAssertEqual(pages.pages, 1)
        XCTAssertEqual(pages.items(1), 0..<0)
    }

    func testExactlyOnePage() {
        let pages = Pagination(count: 30, size: 30)
        XCTAssertEqual(pages.pages, 1)
        XCTAssertEqual(pages.items(1), 0..<30)
        XCTAssertEqual(pages.page(of: 29), 1)
    }

    func testOneMoreThanAPage() {
        let pages = Pagination(count: 31, size: 30)
        XCTAssertEqual(pages.pages, 2)
        XCTAssertEqual(pages.items(1), 0..<30)
        XCTAssertEqual(pages.items(2), 30..<31)
        XCTAssertEqual(pages.page(of: 30), 2)
    }

    func testTheFirstPageStaysAtTheListsOwnAddress() {
        XCTAssertEqual(Pagination.path("briefings/", page: 1), "briefings/index.html")
        XCTAssertEqual(Pagination.path("briefings/", page: 2), "briefings/page/2/index.html")
        XCTAssertEqual(Pagination.path("companies/tesla/", page: 12), "companies/tesla/page/12/index.html")
    }
}
