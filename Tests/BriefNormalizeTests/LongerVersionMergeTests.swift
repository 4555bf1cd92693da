import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// When a later copy holds a longer version of a paragraph that an earlier copy has only in part,
/// the longer version replaces it, and also takes the place of the following pieces it contains.
final class LongerVersionMergeTests: XCTestCase {
    static let whole =
        "Harbor cranes at the northern terminal were replaced over the summer by a fleet of electric "
        + "models that the port bought from a Finnish maker."
    static let next = "Pilots said the new cranes were quieter."

    func testTheLongerVersionReplacesTheFirstHalfAndSwallowsTheSecond() {
        // The full copy has the paragraph cut in two by an elision mark; the part has it whole.
        let document = Fixtures.normalize(
            """
            Harbor cranes at the northern terminal were replaced over the summer [...]
            by a fleet of electric models that the port bought from a Finnish maker.
            \(Self.next)
            Part 1/1:
            \(Self.whole)
            \(Self.next)
            """)
        XCTAssertEqual(document.paragraphTexts, [Self.whole, Self.next])
        XCTAssertEqual(document.warnings, [], "nothing is left cut")
    }

    func testTheLongerVersionSwallowsEveryPieceItContains() {
        let document = Fixtures.normalize(
            """
            Harbor cranes at the northern terminal were replaced [...]
            over the summer by a fleet of electric models [...]
            that the port bought from a Finnish maker.
            \(Self.next)
            Part 1/1:
            \(Self.whole)
            \(Self.next)
            """)
        XCTAssertEqual(document.paragraphTexts, [Self.whole, Self.next])
    }

    func testTheLongerVersionDoesNotSwallowAHeading() {
        // "Electric Models" is inside the whole paragraph's text, but it is a heading only the cut copy has.
        let document = Fixtures.normalize(
            """
            Harbor cranes at the northern terminal were replaced over the summer [...]
            Electric Models
            \(Self.next)
            Part 1/1:
            \(Self.whole)
            \(Self.next)
            """)
        XCTAssertEqual(document.paragraphTexts, [Self.whole, Self.next])
        XCTAssertEqual(document.ownHeadings, ["Electric Models"])
    }

    func testTheLongerVersionOfAParagraphResumedMidway() {
        // The full copy starts where the scraper resumed; the part has the paragraph's start too.
        let document = Fixtures.normalize(
            """
            [...] by a fleet of electric models that the port bought from a Finnish maker.
            \(Self.next)
            Part 1/1:
            \(Self.whole)
            \(Self.next)
            """)
        XCTAssertEqual(document.paragraphTexts, [Self.whole, Self.next])
    }

    func testAPieceFromTheMiddleOfTwelveBytesIsReplaced() {
        let opening = "Harbor cranes at the northern terminal were replaced."
        let middle = "The work went on over the summer, helped by a fleet of tugs and barges, the port said."
        let document = Fixtures.normalize(
            """
            \(opening)
            [...] work went on [...]
            \(Self.next)
            Part 1/1:
            \(opening)
            \(middle)
            \(Self.next)
            """)
        XCTAssertEqual("work went on".utf8.count, 12)
        XCTAssertEqual(document.paragraphTexts, [opening, middle, Self.next])
    }

    func testUnitMergeReplacesAndSwallows() {
        func block(_ text: String, line: Int) -> Block {
            var block = Block(LineClassifier.classify(Substring(text), number: line), text: text)
            block.key = Block.key(for: text)
            return block
        }
        let first = "Harbor cranes at the northern terminal were replaced over the summer"
        let second = "by a fleet of electric models that the port bought from a Finnish maker."
        let base = [block(first, line: 1), block(second, line: 2), block(Self.next, line: 3)]
        let merged = CopyMerger.merge(base, with: [block(Self.whole, line: 5), block(Self.next, line: 6)])
        XCTAssertEqual(merged.map(\.text), [Self.whole, Self.next])
        XCTAssertEqual(merged.first?.line, 5, "the longer version's own line")
    }
}
