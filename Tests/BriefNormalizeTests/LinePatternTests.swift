import BriefModel
import XCTest

@testable import BriefNormalize

/// brief.yml's `ignore:` patterns: plain text a line contains, or a `/regular expression/`.
final class LinePatternTests: XCTestCase {
    func testPlainTextAndExpressions() throws {
        let plain = try LinePattern(parsing: "Harborwire app")
        XCTAssertTrue(plain.matches("Get the Harborwire app for daily freight news"))
        XCTAssertFalse(plain.matches("Get the harborwire App"))
        let expression = try LinePattern(parsing: "/^Listen to .* on Harbor Radio$/")
        XCTAssertTrue(expression.matches("Listen to this story on Harbor Radio"))
        XCTAssertFalse(expression.matches("You can listen to this story on Harbor Radio"))
        XCTAssertThrowsError(try LinePattern(parsing: ""))
        XCTAssertThrowsError(try LinePattern(parsing: "/(unclosed/"))
        XCTAssertFalse(try LinePattern(parsing: "/").matches("a line"), "a lone slash is plain text")
    }

    func testIgnoredLinesAreGoneBeforeTheTextIsRead() throws {
        let options = NormalizeOptions(ignore: [
            try LinePattern(parsing: "Harborwire app"), try LinePattern(parsing: "/^Promo:/"),
        ])
        let source = SourceText(
            path: "Content/a.txt",
            text: """
                Harbor Robots Set a Record
                Dockside robots moved more containers than ever in the third quarter,
                Get the Harborwire app for daily freight news
                the port authority said on Tuesday.
                Promo: a week of free deliveries
                """)
        let document = Normalizer.normalize(source, options: options)
        // The ignored line no longer splits the sentence around it.
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Dockside robots moved more containers than ever in the third quarter, the port authority said on Tuesday."
            ])
        XCTAssertEqual(Normalizer.ignoredLineCounts(source, options: options), [1, 1])
        XCTAssertEqual(
            Normalizer.explain(source, options: options).first { $0.line == 3 }?.what,
            "ignored (brief.yml: Harborwire app)")
    }
}
