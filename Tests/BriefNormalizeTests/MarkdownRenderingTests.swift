import XCTest

@testable import BriefMarkdown
@testable import BriefNormalize

final class MarkdownRenderingTests: XCTestCase {
    func testGitHubExtensions() {
        let html = CMark.html("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ and www.example.com\n")
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<del>gone</del>"), html)
        XCTAssertTrue(html.contains("<a href=\"http://www.example.com\">"), html)
    }

    func testRawHTMLAndScriptLinksAreNotPassedThrough() {
        let html = CMark.html(
            "<script>alert(1)</script>\n\nA <iframe src=x></iframe> and [link](javascript:alert(1)).\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<iframe"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
        let findings = CMark.unsafeContent("<script>alert(1)</script>\n\nA [link](javascript:alert(1)).\n")
        XCTAssertEqual(findings.map(\.line), [1, 3])
    }

    func testEscapedPlainTextRendersToItself() {
        let samples = [
            "# not a heading", "1. not a list", "- not a bullet", "> not a quote", "* star", "a_b_c and 2*3*4",
            "<b>bold</b> & AT&T &amp; ok", "`code` [link](x) ![img](y)", "~~strike~~ | pipe |", "+ plus", "=====",
            "---",
            "2024) year", "back\\slash",
        ]
        for text in samples {
            let html = CMark.html(MarkdownEscaping.escape(text))
            XCTAssertEqual(Self.plainText(ofHTML: html), text, "escaped: \(MarkdownEscaping.escape(text))")
        }
    }

    /// The text a browser shows for a single paragraph of HTML.
    static func plainText(ofHTML html: String) -> String {
        var text = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("<p>"), text.hasSuffix("</p>") else { return "not one paragraph: \(text)" }
        text = String(text.dropFirst(3).dropLast(4))
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
