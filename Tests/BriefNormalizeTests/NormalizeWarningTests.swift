import BriefModel
import XCTest

@testable import BriefNormalize

/// Each warning the normalizer words, as the command line prints it, and where a source puts it.
final class NormalizeWarningTests: XCTestCase {
    /// The warnings of `text` read as a Markdown file `a.md`, as printed.
    private func warnings(_ text: String, format: SourceText.Format = .markdown) -> [String] {
        Normalizer.normalize(SourceText(path: "a.md", format: format, text: text)).diagnostics.map(\.description)
    }

    func testEachWarningAsPrinted() {
        let cases: [(NormalizeWarning, String)] = [
            (
                .invalidSlug(path: "a.md", line: 2, column: 7, slug: "Big News"),
                "a.md:2:7: warning: slug \"Big News\" may only hold a-z, 0-9 and single hyphens; the title's slug is "
                    + "used instead"
            ),
            (
                .unreadableKey(
                    key: "draft", problem: .error("a.md", line: 3, column: 8, "\"draft\" must be true or false")),
                "a.md:3:8: warning: \"draft\" must be true or false; \"draft\" is ignored"
            ),
            (
                .unsafeMarkdown(path: "a.md", line: 5, column: 6, what: "raw HTML"),
                "a.md:5:6: warning: raw HTML is not passed through to the site"
            ),
            (
                .cutParagraph(path: "a.txt", line: 9, column: 30, ending: "…and then the"),
                "a.txt:9:30: warning: paragraph is cut off in every copy (\"…and then the\"); kept and marked with \"…\""
            ),
            (
                .emptyHeading(path: "a.md", line: 4, heading: "Markets"),
                "a.md:4:1: warning: heading \"Markets\" has no text under it; left out"
            ),
            (.noText(path: "a.md"), "a.md:1:1: warning: no text left after cleaning; the source has no stories"),
        ]
        for (warning, printed) in cases {
            XCTAssertEqual(warning.diagnostic.description, printed)
            XCTAssertEqual(warning.diagnostic.severity, .warning)
        }
    }

    func testFrontMatterWarningsPointAtTheValue() {
        let text =
            "---\ntitle: News\nslug: Big News\ndraft: maybe\n---\n# Deal\n\nTesla signed a deal with Nvidia today.\n"
        XCTAssertEqual(
            warnings(text),
            [
                NormalizeWarning.invalidSlug(path: "a.md", line: 3, column: 7, slug: "Big News").diagnostic.description,
                NormalizeWarning.unreadableKey(
                    key: "draft", problem: .error("a.md", line: 4, column: 8, "\"draft\" must be true or false")
                ).diagnostic.description,
            ])
    }

    func testTextWarningsPointAtTheirLine() {
        let text = "# Deal\n\nTesla signed a deal <b>today</b>.\n\n## Markets\n"
        XCTAssertEqual(
            warnings(text),
            [
                NormalizeWarning.unsafeMarkdown(path: "a.md", line: 3, column: 21, what: "raw HTML (<b>)"),
                NormalizeWarning.unsafeMarkdown(path: "a.md", line: 3, column: 29, what: "raw HTML (</b>)"),
                NormalizeWarning.emptyHeading(path: "a.md", line: 5, heading: "Markets"),
            ].map(\.diagnostic.description))
        XCTAssertEqual(
            warnings("---\ntitle: Nothing\n---\n"), [NormalizeWarning.noText(path: "a.md").diagnostic.description])
    }
}
