import Foundation
import XCTest

/// `404.html` is served in place of any missing page, at any depth and under any path prefix, and opened from disk;
/// and no page holds an empty element.
final class NotFoundPageTests: XCTestCase {
    func testWithABaseURLItsLinksAreAbsolute() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("base_url: https://example.org/news/\n", "brief.yml", in: folder)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let page = E2E.read(folder.appendingPathComponent("Site"), "404.html")
        let links = E2E.attributeValues("href", in: page).filter { !$0.hasPrefix("#") }
        XCTAssertFalse(links.isEmpty)
        for link in links { XCTAssertTrue(link.hasPrefix("https://example.org/news/"), link) }
        XCTAssertFalse(page.contains("<script"), "nothing to find: the links know the site's address")
    }

    func testWithoutABaseURLItsLinksStartAtTheRootAScriptFinds() throws {
        let folder = try E2E.richSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let page = E2E.read(site, "404.html")
        // Opened from disk, or served at the root's level, the links work as they are …
        let links = E2E.attributeValues("href", in: page)
        XCTAssertTrue(links.contains("assets/style.css"), "\(links)")
        for link in links where !link.hasPrefix("#") {
            XCTAssertFalse(link.hasPrefix("/"), "\(link) would leave the site under a path prefix or from file://")
            XCTAssertTrue(E2E.resolves(link, from: "404.html", in: site), link)
        }
        // … and deeper, a <base> set before the first link (the style sheet) makes them start at the site's root.
        let head = E2E.sections(of: page, from: "<head>", to: "</head>").first ?? ""
        XCTAssertEqual(
            E2E.positions(
                of: ["<script>", "document.createElement(\"base\")", "</script>", "assets/style.css"], in: head),
            [0, 1, 2, 3], head)
        XCTAssertTrue(head.contains("(?:stories|briefings|companies|archive|search|assets)"), "the site's own folders")
    }

    func testNoPageHoldsAnEmptyElement() throws {
        let rich = try E2E.richSite(self)
        let undated = try Daily.site(
            self, [("Loose Notes", nil, 3), ("Other Notes", nil, 2)], config: "page_size: 1\n")
        let empty = try NSRegularExpression(
            pattern:
                #"<(p|span|li|ul|ol|h[1-6]|div|section|nav|a|time|dl|dt|dd|table|tr|td|th|strong|em)(\s[^>]*)?>\s*</\1>"#
        )
        for folder in [rich, undated] {
            XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
            let site = folder.appendingPathComponent("Site")
            let pages = BriefRunner.files(in: site).filter { $0.hasSuffix(".html") }
            XCTAssertGreaterThan(pages.count, 5)
            for file in pages {
                let html = E2E.read(site, file)
                let found = empty.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
                    (html as NSString).substring(with: $0.range)
                }
                XCTAssertEqual(found, [], file)
            }
        }
    }
}
