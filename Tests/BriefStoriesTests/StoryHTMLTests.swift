import XCTest

@testable import BriefStories

/// Story bodies as pages show them: typographic punctuation, and tables that scroll on their own.
final class StoryHTMLTests: XCTestCase {
    func testSmartPunctuationInTextButNotInCode() {
        let html = StoryHTML.render(
            "\"Yes,\" she said - it's done -- or nearly... See `a - b` and\n\n```\nx = \"y\" - 1\n```\n")
        XCTAssertTrue(html.contains("<p>“Yes,” she said – it’s done – or nearly… See <code>a - b</code> and</p>"), html)
        XCTAssertTrue(html.contains("<pre><code>x = &quot;y&quot; - 1\n</code></pre>"), html)
    }

    func testTablesScrollInABoxThatTakesFocus() {
        let html = StoryHTML.render("| Quarter | Revenue |\n|---|--:|\n| Q1 | $26.0 billion |\n\nAfter.\n")
        XCTAssertTrue(
            html.hasPrefix(
                "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table\" tabindex=\"0\">\n<table>\n<thead>"),
            html)
        XCTAssertTrue(html.contains("<td align=\"right\">$26.0 billion</td>"), html)
        XCTAssertTrue(html.contains("</table>\n</div>\n<p>After.</p>"), html)
        XCTAssertFalse(StoryHTML.render("No table | here.\n").contains("table-scroll"))
    }

    func testListsSubheadsAndQuotesFromTheNormalizerRender() {
        let html = StoryHTML.render(
            "**Why it matters:**\n\n- Costs fall\n  - by half\n- Sales rise\n\n> We are early, the CEO said.\n")
        XCTAssertTrue(html.contains("<p><strong>Why it matters:</strong></p>"), html)
        XCTAssertTrue(
            html.contains("<ul>\n<li>Costs fall\n<ul>\n<li>by half</li>\n</ul>\n</li>\n<li>Sales rise</li>\n</ul>"),
            html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>We are early, the CEO said.</p>\n</blockquote>"), html)
    }
}
