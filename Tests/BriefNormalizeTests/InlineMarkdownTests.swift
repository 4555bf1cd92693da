import BriefModel
import BriefTestSupport
import Foundation
import XCTest

@testable import BriefNormalize

/// Inline Markdown read as a reader sees it: marks go, link text stays, addresses and images go,
/// entities and escapes are resolved; and any nesting costs linear time.
final class InlineMarkdownTests: XCTestCase {
    private func plain(_ text: String) -> String {
        InlineMarkdown.plainText(text)
    }

    func testEmphasisMarksGo() {
        XCTAssertEqual(plain("**Tidewater** opened a *new* hub"), "Tidewater opened a new hub")
        XCTAssertEqual(plain("__Rates__ fell and _costs_ rose"), "Rates fell and costs rose")
        XCTAssertEqual(plain("***Very*** important, ~~not~~ really"), "Very important, not really")
        XCTAssertEqual(plain("**Why it matters:** rates are rising"), "Why it matters: rates are rising")
        XCTAssertEqual(plain("a **bold _and italic_ phrase** here"), "a bold and italic phrase here")
    }

    func testMarksThatAreTextStay() {
        XCTAssertEqual(plain("call parse_freight_rates(x) today"), "call parse_freight_rates(x) today")
        XCTAssertEqual(plain("2*3 = 6 and 4*5 = 20"), "2*3 = 6 and 4*5 = 20")
        XCTAssertEqual(plain("rates fell * again"), "rates fell * again")
        XCTAssertEqual(plain("about ~5% lower"), "about ~5% lower")
        XCTAssertEqual(plain("a _ b"), "a _ b")
    }

    func testLinksLoseTheirAddresses() {
        XCTAssertEqual(
            plain("Read the [port statement](https://port.example.com/s?id=(3)) now"),
            "Read the port statement now")
        XCTAssertEqual(
            plain("[**Tidewater**](https://t.example.com) and [Larkspur](https://l.example.com)"),
            "Tidewater and Larkspur")
        XCTAssertEqual(plain("an [unclosed link](https://x.example.com"), "an [unclosed link](https://x.example.com")
        XCTAssertEqual(plain("array[0] and [brackets] stay"), "array[0] and [brackets] stay")
    }

    func testKeepingLinks() {
        let line = "[Port statement](https://port.example.com/s) and **bold**"
        XCTAssertEqual(
            InlineMarkdown.plainText(line, keepingLinks: true),
            "[Port statement](https://port.example.com/s) and bold")
    }

    func testImagesGo() {
        XCTAssertEqual(plain("Before ![a crane](https://img.example.com/c.png) after"), "Before  after")
        XCTAssertEqual(plain("[![logo](l.png)](https://home.example.com)"), "")
    }

    func testAutolinksAndHTML() {
        XCTAssertEqual(plain("See <https://port.example.com> for more"), "See https://port.example.com for more")
        XCTAssertEqual(plain("Rates <b>fell</b> in <span class=\"x\">May</span>"), "Rates fell in May")
        XCTAssertEqual(plain("if a < b and c > d"), "if a < b and c > d")
    }

    func testEntitiesAndEscapes() {
        XCTAssertEqual(
            plain("AT&amp;T &gt;&gt; rates &#39;fell&#39; &#x2014; again&hellip;"),
            "AT&T >> rates 'fell' — again…")
        XCTAssertEqual(plain("\\*not emphasis\\* and \\[not a link\\]"), "*not emphasis* and [not a link]")
        XCTAssertEqual(plain("Fish & chips &unknown; stay"), "Fish & chips &unknown; stay")
        XCTAssertEqual(plain("`code` ticks go"), "code ticks go")
    }

    // MARK: Time

    /// Each 100 KB case below takes 0.05–0.4 s in a debug build on this machine (measured with a load
    /// average of 4 to 7 on 2 cores); a link reader that rescans the line for every bracket takes 7–19 s.
    static let maxSeconds = 1.0

    func testNestedMarksNormalizeInLinearTime() {
        let size = 100 * 1024
        let cases: [(String, String)] = [
            (
                "nested emphasis",
                String(repeating: "**_*~~", count: size / 12) + "text" + String(repeating: "~~*_**", count: size / 12)
            ),
            ("open brackets", String(repeating: "[", count: size / 2) + String(repeating: "](", count: size / 4)),
            ("brackets and parentheses", String(repeating: "[a](", count: size / 4)),
            ("images in links", String(repeating: "[![x](", count: size / 6)),
            (
                "nested lists",
                (0..<(size / 30)).map { String(repeating: " ", count: $0 % 30) + "- **item** _x_" }
                    .joined(separator: "\n")
            ),
            ("unclosed tags", String(repeating: "<a ", count: size / 3)),
            (
                "emphasis runs in prose",
                String(repeating: "Rates *fell* **again** __and__ _again_ ~~today~~ ", count: size / 50)
            ),
        ]
        // A `.md` source reads every line's inline Markdown; a `.txt` one judges its lines' forms.
        for (name, text) in cases {
            XCTAssertGreaterThanOrEqual(text.utf8.count, size * 95 / 100, name)
            for path in ["Content/nested.md", "Content/nested.txt"] {
                // A busy machine may stall one run; a slow algorithm is slow twice.
                var seconds = Self.timeToNormalize(text, path: path)
                if seconds >= Self.maxSeconds { seconds = min(seconds, Self.timeToNormalize(text, path: path)) }
                XCTAssertLessThan(seconds, Self.maxSeconds, "\(name), \(path): \(seconds) s")
            }
        }
    }

    private static func timeToNormalize(_ text: String, path: String) -> Double {
        let start = Date()
        let document = Fixtures.normalize(text, path: path)
        precondition(!document.source.isEmpty)
        return Date().timeIntervalSince(start)
    }
}
