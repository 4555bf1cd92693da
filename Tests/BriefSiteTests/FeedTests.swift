import BriefModel
import Foundation
import XCTest

@testable import BriefSite

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The site's and a company's feeds and the sitemap, read as a feed reader and a crawler would.
final class FeedTests: XCTestCase {
    private let model = SmallSite.model()
    private var context: FeedContext { FeedContext(model: model, sourceDateEpoch: nil) }

    private func xml(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8))
    }

    func testTheAtomFeedIsWellFormedWithOneEscapedEntryPerStoryNewestFirst() throws {
        let feed = try xml(AtomFeed.render(context))
        let titles = try feed.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']/*[local-name()='title']")
            .map { $0.stringValue ?? "" }
        XCTAssertEqual(titles, ["Prices", "Chips", "Cars <script>"], "newest briefing first, reading order within it")
        let text = AtomFeed.render(context)
        XCTAssertFalse(text.contains("<script>"), "escaped, never raw")
        XCTAssertTrue(text.contains("https://example.com/news/stories/chips/"), "absolute links with base_url")
    }

    func testTheFeedKeepsFeedItemsStories() throws {
        let small = SmallSite.model { $0.feedItems = 2 }
        let feed = try xml(AtomFeed.render(FeedContext(model: small, sourceDateEpoch: nil)))
        XCTAssertEqual(try feed.nodes(forXPath: "//*[local-name()='entry']").count, 2)
    }

    func testTheJSONFeedParsesWithTheSameItems() throws {
        let json = try JSONSerialization.jsonObject(with: Data(JSONFeed.render(context).utf8)) as? [String: Any]
        XCTAssertEqual(json?["version"] as? String, "https://jsonfeed.org/version/1.1")
        let items = json?["items"] as? [[String: Any]] ?? []
        XCTAssertEqual(items.compactMap { $0["title"] as? String }, ["Prices", "Chips", "Cars <script>"])
        XCTAssertEqual(items.first?["url"] as? String, "https://example.com/news/stories/prices/")
    }

    func testACompanyFeedHoldsOnlyItsStories() throws {
        let feeds = CompanyFeeds(context)
        let tesla = model.companies.firstIndex { $0.company.name == "Tesla" }!
        XCTAssertEqual(feeds.paths(tesla), ["companies/tesla/feed.xml", "companies/tesla/feed.json"])
        let rendered = feeds.render(tesla)
        let titles = try xml(rendered[0]).nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']")
            .map { $0.stringValue ?? "" }
        XCTAssertEqual(titles, ["Prices", "Cars <script>"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(rendered[1].utf8)))
    }

    func testTheSitemapListsEveryPageOnceByItsAbsoluteAddress() throws {
        let pages = Page.all(in: model).filter { $0 != .notFound }
        let sitemap = try xml(String(decoding: Sitemap.render(context, pages: Page.all(in: model)), as: UTF8.self))
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").map { $0.stringValue ?? "" }
        XCTAssertEqual(locations.count, Set(locations).count)
        XCTAssertTrue(locations.allSatisfy { $0.hasPrefix("https://example.com/news/") }, "\(locations)")
        XCTAssertTrue(locations.contains("https://example.com/news/stories/chips/"))
        XCTAssertFalse(locations.contains { $0.contains("404") }, "the 404 page is not a page to index")
        XCTAssertLessThanOrEqual(locations.count, pages.count)
        XCTAssertTrue(Sitemap.robots(context).contains("Sitemap: https://example.com/news/sitemap.xml"))
    }
}
