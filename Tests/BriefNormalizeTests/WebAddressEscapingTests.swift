import XCTest

@testable import BriefMarkdown
@testable import BriefNormalize

/// Web addresses in plain text are left as written, so that cmark-gfm links them whole: an escape
/// inside one (`foo\_bar`, `a\>`) would end up in the link's address.
final class WebAddressEscapingTests: XCTestCase {
    func testAddressesInPlainTextBecomeWholeLinks() {
        let text = "See https://example.com/foo_bar*baz now, <https://example.com/a> and www.example.org/y1_z too."
        let html = CMark.html(MarkdownEscaping.escape(text))
        XCTAssertTrue(
            html.contains("<a href=\"https://example.com/foo_bar*baz\">https://example.com/foo_bar*baz</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.com/a\">https://example.com/a</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"http://www.example.org/y1_z\">www.example.org/y1_z</a>"), html)
        XCTAssertFalse(html.contains("%5C"), html)
        XCTAssertFalse(html.contains("&lt;"), html)
    }

    func testMarkupAroundAddressesIsStillEscaped() {
        let text = "Call it snake_case (see https://example.com/x) or *starred* <b>bold</b> text."
        let html = CMark.html(MarkdownEscaping.escape(text))
        XCTAssertTrue(html.contains("snake_case"), html)
        XCTAssertTrue(html.contains("*starred*"), html)
        XCTAssertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.com/x\">"), html)
    }
}
