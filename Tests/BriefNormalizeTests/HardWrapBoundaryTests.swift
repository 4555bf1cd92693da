import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// The limits that tell hard-wrapped text from one paragraph per line, and that decide whether a
/// line of wrapped text continues the paragraph above it: each pinned one byte on either side.
final class HardWrapBoundaryTests: XCTestCase {
    private func line(_ text: String, number: Int = 1) -> Line {
        LineClassifier.classify(Substring(text), number: number)
    }

    private func joins(_ block: Block, _ next: Line, layout: LineLayout) -> Bool {
        PlainBlocks.shouldJoin(block, next, text: next.content, following: nil, layout: layout)
    }

    /// How the normalizer judges the text's wrapping, as it does before building blocks.
    private func estimate(_ lines: [String]) -> LineLayout {
        let classified = LineClassifier.classify(lines.enumerated().map { (Substring($0.element), $0.offset + 1) })
        return LineLayout.estimate(CopySplitter.split(classified))
    }

    /// A line of lower-case prose exactly `bytes` long that ends a sentence or stops mid-sentence.
    static func prose(_ bytes: Int, endsSentence: Bool) -> String {
        let words = [
            "the", "harbor", "board", "said", "cranes", "would", "arrive", "before", "winter", "and", "that",
            "pilots", "were", "ready", "to", "work", "longer", "shifts", "on", "quays",
        ]
        let room = endsSentence ? bytes - 1 : bytes
        var text = ""
        var k = 0
        while text.utf8.count + 1 + words[k % words.count].utf8.count <= room {
            text += (text.isEmpty ? "" : " ") + words[k % words.count]
            k += 1
        }
        text += String(repeating: "s", count: room - text.utf8.count)
        return endsSentence ? text + "." : text
    }

    func testProseHelperMakesExactLines() {
        for bytes in [19, 20, 59, 60, 80, 100, 101] {
            XCTAssertEqual(Self.prose(bytes, endsSentence: true).utf8.count, bytes)
            XCTAssertEqual(Self.prose(bytes, endsSentence: false).utf8.count, bytes)
            XCTAssertTrue(TextRules.endsSentence(Self.prose(bytes, endsSentence: true)))
            XCTAssertFalse(TextRules.endsSentence(Self.prose(bytes, endsSentence: false)))
        }
    }

    /// Paragraphs of three full lines that stop mid-sentence and a short last line.
    private func wrapped(at width: Int) -> [String] {
        (0..<3).flatMap { _ in
            [
                Self.prose(width, endsSentence: false), Self.prose(width, endsSentence: false),
                Self.prose(width, endsSentence: false), Self.prose(40, endsSentence: true), "",
            ]
        }
    }

    // MARK: LineLayout.estimate

    func testTextWrappedAtOneHundredBytesIsWrappedAtOneHundredOneIsNot() {
        let atLimit = estimate(wrapped(at: 100))
        XCTAssertTrue(atLimit.isWrapped)
        XCTAssertEqual(atLimit.width, 100)
        XCTAssertFalse(estimate(wrapped(at: 101)).isWrapped)
        let narrow = estimate(wrapped(at: 64))
        XCTAssertTrue(narrow.isWrapped)
        XCTAssertEqual(narrow.width, 64, "the width is that of the longest lines")
    }

    func testThreeFullLinesInTenStoppingMidSentenceMakeWrappedText() {
        // Eleven lines: the first ten are followed by another line, `k` of them stop mid-sentence.
        func lines(midSentence k: Int) -> [String] {
            (0..<11).map { Self.prose(80, endsSentence: $0 >= k) }
        }
        XCTAssertTrue(estimate(lines(midSentence: 3)).isWrapped)
        XCTAssertFalse(estimate(lines(midSentence: 2)).isWrapped)
    }

    func testTwoFullLinesFollowedByAnotherAreEnoughEvidence() {
        let mid = Self.prose(80, endsSentence: false)
        let end = Self.prose(80, endsSentence: true)
        XCTAssertTrue(estimate([mid, end, end]).isWrapped, "two lines followed by another, one mid-sentence")
        XCTAssertFalse(estimate([mid, end, "", end]).isWrapped, "only one line is followed by another")
    }

    func testLinesUnderTwentyBytesAreNotCounted() {
        let mid = Self.prose(80, endsSentence: false)
        XCTAssertTrue(estimate([mid, mid, Self.prose(20, endsSentence: true)]).isWrapped)
        // Two counted lines are too few to judge by.
        XCTAssertFalse(estimate([mid, mid, Self.prose(19, endsSentence: true)]).isWrapped)
    }

    func testLinesUnderSixTenthsOfTheWidthSayNothingAboutWrapping() {
        // Two full lines stop mid-sentence; five lines of 60 bytes (six tenths of 100) ending a sentence
        // are full enough to count against them, five of 59 bytes are not.
        func lines(_ short: Int) -> [String] {
            [Self.prose(100, endsSentence: false), Self.prose(100, endsSentence: false)]
                + Array(repeating: Self.prose(short, endsSentence: true), count: 5)
                + [Self.prose(100, endsSentence: true)]
        }
        XCTAssertFalse(estimate(lines(60)).isWrapped)
        XCTAssertTrue(estimate(lines(59)).isWrapped)
    }

    func testBareHeadingsDoNotMakeTextLookWrapped() {
        // Headings stop mid-sentence by nature; one paragraph per line with headings is not wrapped.
        let paragraph = Self.prose(80, endsSentence: true)
        let lines = [
            "Harbor Cranes Return To Service", paragraph, paragraph, "Pilots Ask For Longer Shifts", paragraph,
            "Winter Storms Close The Channel", paragraph,
        ]
        XCTAssertFalse(estimate(lines).isWrapped)
    }

    // MARK: PlainBlocks.shouldJoin

    func testALineEndingASentenceJoinsTheNextWhenItsFirstWordWouldNotHaveFitted() {
        let layout = LineLayout(isWrapped: true, width: 70)
        let next = line("Shipping lines had asked for the cranes for years.", number: 2)
        // 60 + 1 + "Shipping" (8) = 69 > 68 (the width less 2): the writer's wrap broke the line; 59 left room.
        for (length, expected) in [(60, true), (59, false)] {
            let previous = Self.prose(length, endsSentence: true)
            let block = Block(line(previous), text: previous)
            XCTAssertEqual(joins(block, next, layout: layout), expected, "\(length)")
        }
        let unwrapped = LineLayout(isWrapped: false, width: 0)
        let full = Self.prose(69, endsSentence: true)
        XCTAssertFalse(joins(Block(line(full), text: full), next, layout: unwrapped), "one paragraph per line")
    }

    func testAnIndentedLineAfterASentenceStartsAParagraph() {
        let layout = LineLayout(isWrapped: true, width: 70)
        let full = Self.prose(69, endsSentence: true)
        let block = Block(line(full), text: full)
        let twoSpaces = line("  Shipping lines had asked for the cranes for years.", number: 2)
        let oneSpace = line(" Shipping lines had asked for the cranes for years.", number: 2)
        XCTAssertEqual(twoSpaces.indent, 2)
        XCTAssertFalse(joins(block, twoSpaces, layout: layout))
        XCTAssertTrue(joins(block, oneSpace, layout: layout))
    }

    func testATitleLikeLineJoinsTheNextOnlyWhenItFillsAWrappedLine() {
        let layout = LineLayout(isWrapped: true, width: 70)
        let next = line("and several family offices in the north, the company said.", number: 2)
        // Fills the line from 55 bytes (the width less 15) on.
        for (length, expected) in [(55, true), (54, false)] {
            let title = HeadingBoundaryTests.titleLine(words: 8, bytes: length)
            var block = Block(line(title), text: title)
            block.looksLikeHeading = true
            XCTAssertEqual(joins(block, next, layout: layout), expected, title)
        }
        let title = HeadingBoundaryTests.titleLine(words: 8, bytes: 69)
        var full = Block(line(title), text: title)
        full.looksLikeHeading = true
        let capital = line("Several family offices in the north joined, the company said.", number: 2)
        XCTAssertFalse(joins(full, capital, layout: layout), "the next line must continue it in lower case")
    }

    // MARK: End to end

    /// A text wrapped at 72 bytes in which a sentence ends on a line of `closing`, and the next starts with "Shipping".
    private func portText(closing: String) -> String {
        """
        The port authority said on Monday that its new cranes will arrive in two
        batches, the first of them well before the winter storms close the north
        \(closing)
        Shipping lines had asked for new cranes for years, and their pilots said
        the old machines are slow and break down in the cold months of the year.
        Repairs now take weeks.
        """
    }

    func testWrappedParagraphsAreSplitWhereTheLastLineLeftRoom() {
        let full = "channel to the big ships that carry them from the island yard."
        let roomy = "channel to the big ships that carry them from the south yard."
        XCTAssertEqual([full.utf8.count, roomy.utf8.count], [62, 61])
        // 62 + 1 + 8 > 70: "Shipping" would not have fitted, so the line was wrapped: one paragraph.
        XCTAssertEqual(Fixtures.normalize(portText(closing: full)).paragraphTexts.count, 1)
        // 61 + 1 + 8 = 70: it would have fitted, so the line ended the paragraph.
        let split = Fixtures.normalize(portText(closing: roomy)).paragraphTexts
        XCTAssertEqual(split.count, 2)
        XCTAssertTrue(split.first?.hasSuffix("from the south yard.") == true, "\(split)")
        XCTAssertTrue(split.last?.hasPrefix("Shipping lines had asked") == true, "\(split)")
        XCTAssertTrue(split.last?.hasSuffix("of the year. Repairs now take weeks.") == true, "\(split)")
    }

    func testATitleCaseLineThatFillsAWrappedLineStaysInItsParagraph() {
        let document = Fixtures.normalize(
            """
            The port authority said on Monday that its new cranes will arrive in two
            batches, and that the money for them came from a round of backers.
            Backers included Harbor Light Ventures, Tidal Capital, Dockside Partners
            and several family offices in the north, the company said on Tuesday.
            """)
        XCTAssertEqual(document.ownHeadings, [])
        XCTAssertEqual(document.paragraphTexts.count, 1)
        let paragraph = document.paragraphTexts.first ?? ""
        XCTAssertTrue(paragraph.contains("Dockside Partners and several"), paragraph)
    }

    func testOneHundredByteLinesAreJoinedAcrossACapitalisedWord() {
        // Wrapped at 100 bytes, a line may end before a name: the width test joins it.
        let first = Self.prose(100, endsSentence: false)
        let name = "Quayline Robotics " + Self.prose(82, endsSentence: false)
        let text = [first, Self.prose(100, endsSentence: false), name, Self.prose(40, endsSentence: true)]
            .joined(separator: "\n")
        let paragraphs = Fixtures.normalize(text).paragraphTexts
        XCTAssertEqual(paragraphs.count, 1, "\(paragraphs)")
    }
}
