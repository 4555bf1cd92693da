import NIOHTTP1
import XCTest

@testable import BriefServe

/// Content types, HTTP dates, conditional requests and the script added to pages.
final class HTTPPiecesTests: XCTestCase {
    func testContentTypes() {
        XCTAssertEqual(ContentTypes.forPath("stories/x/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("assets/STYLE.CSS"), "text/css; charset=utf-8")
        XCTAssertEqual(ContentTypes.forPath("feed.xml"), "application/atom+xml")
        XCTAssertEqual(ContentTypes.forPath("sitemap.xml"), "application/xml")
        XCTAssertEqual(ContentTypes.forPath("feed.json"), "application/feed+json")
        XCTAssertEqual(ContentTypes.forPath("search.json"), "application/json")
        XCTAssertEqual(ContentTypes.forPath("assets/icon.svg"), "image/svg+xml")
        XCTAssertEqual(ContentTypes.forPath("LICENSE"), "application/octet-stream")
        XCTAssertEqual(ContentTypes.forPath(".hidden"), "application/octet-stream")
    }

    func testHTTPDates() {
        XCTAssertEqual(HTTPDate.format(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT")
        XCTAssertEqual(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"), 784_111_777)
        XCTAssertEqual(HTTPDate.format(0), "Thu, 01 Jan 1970 00:00:00 GMT")
        for bad in [
            "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "yesterday", "Sun, 06 Nov 1994 25:49:37 GMT",
        ] {
            XCTAssertNil(HTTPDate.parse(bad), bad)
        }
    }

    func testConditionalRequests() {
        let etag = "\"1-2-3\""
        func headers(_ pairs: [(String, String)]) -> HTTPHeaders { HTTPHeaders(pairs) }
        XCTAssertTrue(SiteResponder.notModified(headers([("If-None-Match", etag)]), etag: etag, modified: 100))
        XCTAssertTrue(
            SiteResponder.notModified(headers([("If-None-Match", "\"a\", W/\(etag)")]), etag: etag, modified: 100))
        XCTAssertTrue(SiteResponder.notModified(headers([("If-None-Match", "*")]), etag: etag, modified: 100))
        XCTAssertFalse(
            SiteResponder.notModified(
                headers([("If-None-Match", "\"a\""), ("If-Modified-Since", HTTPDate.format(200))]),
                etag: etag, modified: 100), "the tag decides when there is one")
        XCTAssertTrue(
            SiteResponder.notModified(headers([("If-Modified-Since", HTTPDate.format(100))]), etag: etag, modified: 100)
        )
        XCTAssertFalse(
            SiteResponder.notModified(headers([("If-Modified-Since", HTTPDate.format(99))]), etag: etag, modified: 100))
        XCTAssertFalse(
            SiteResponder.notModified(headers([("If-Modified-Since", "garbage")]), etag: etag, modified: 100))
        XCTAssertFalse(SiteResponder.notModified(headers([]), etag: etag, modified: 100))
    }

    func testTheScriptGoesBeforeTheEndOfTheBody() {
        let page = Array("<html><HEAD><title>x</title></HEAD><body><p>a</p></BODY></html>".utf8)
        let tag = LiveReloadScript.tag(file: "a/index.html", etag: "\"1\"")
        XCTAssertEqual(
            String(decoding: LiveReloadScript.inject(into: page, file: "a/index.html", etag: "\"1\""), as: UTF8.self),
            "<html><HEAD><title>x</title></HEAD><body><p>a</p>\(tag)</BODY></html>")
        XCTAssertTrue(tag.contains("data-etag=\"&quot;1&quot;\""))
        let bare = String(
            decoding: LiveReloadScript.inject(into: Array("<p>no body".utf8), file: "x", etag: ""), as: UTF8.self)
        XCTAssertTrue(bare.hasPrefix("<p>no body<script"))
        let withBase = String(
            decoding: LiveReloadScript.inject(into: page, file: "404.html", etag: "", base: "/"), as: UTF8.self)
        XCTAssertTrue(withBase.hasPrefix("<html><HEAD><base href=\"/\"><title>"), withBase)
    }
}
