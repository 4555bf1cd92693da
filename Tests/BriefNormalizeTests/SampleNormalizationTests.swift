import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// The shipped sample: a full copy, then five "Part k/5" chunks with the title and some headings only there.
final class SampleNormalizationTests: XCTestCase {
    func testTitleAndSections() {
        let document = Normalizer.normalize(Fixtures.sample)
        XCTAssertEqual(document.title, "Tesla's Unmatched Speed of Innovation")
        XCTAssertEqual(document.sections.map(\.heading), Fixtures.sampleHeadings)
        XCTAssertEqual(document.sections.map(\.paragraphs.count), [3, 3, 3, 3])
    }

    func testEveryParagraphOnceAndInOrder() {
        let document = Normalizer.normalize(Fixtures.sample)
        let paragraphs = document.sections.flatMap(\.paragraphs).map(\.text)
        XCTAssertEqual(paragraphs.count, 12)
        XCTAssertEqual(Set(paragraphs).count, 12, "a paragraph appears twice")
        XCTAssertTrue(paragraphs[0].hasPrefix("A new report from The Information"))
        XCTAssertTrue(paragraphs[3].hasPrefix("In another example of Tesla's speed"))
        XCTAssertTrue(paragraphs[6].hasPrefix("Tesla has also found ways"))
        XCTAssertTrue(paragraphs[11].hasPrefix("The Xiaomi CEO's gesture"))
        for text in paragraphs {
            XCTAssertFalse(text.contains("Part "), text)
            XCTAssertFalse(text.contains("[...]"), text)
        }
    }

    func testCutParagraphIsMarkedAndWarned() {
        let document = Normalizer.normalize(Fixtures.sample)
        let cut = document.sections[3].paragraphs[0]
        XCTAssertTrue(cut.isCut)
        XCTAssertTrue(cut.text.hasSuffix("during critical pro…"), cut.text)
        XCTAssertEqual(document.sections.flatMap(\.paragraphs).filter(\.isCut).count, 1)
        let warnings = document.diagnostics.filter { $0.severity == .warning }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings.first?.file, Fixtures.sampleFile)
        XCTAssertEqual(warnings.first?.line, 12)
        XCTAssertTrue(warnings.first?.description.hasPrefix("\(Fixtures.sampleFile):12:") == true)
    }

    func testMarkdownForm() {
        let markdown = Normalizer.normalize(Fixtures.sample).markdown
        XCTAssertTrue(
            markdown.hasPrefix(
                "# Tesla's Unmatched Speed of Innovation\n\n## Elon Musk's Supercomputer Freaks Out AI Rivals\n\nA new report"
            ))
        XCTAssertEqual(markdown.components(separatedBy: "\n## ").count, 5)
    }
}
