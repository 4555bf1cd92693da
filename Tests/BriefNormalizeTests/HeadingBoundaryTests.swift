import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// The limits of a bare-line heading, one word or byte on each side: how long it may be, how
/// capitalised, when one word is enough, and how many words a sentence-case heading has.
final class HeadingBoundaryTests: XCTestCase {
    /// A paragraph of twelve words that ends a sentence: enough to vouch for a heading above it.
    static let paragraph = "The harbor board met on Tuesday and approved the new crane order."
    /// A paragraph of eleven words: one short of vouching for anything.
    static let shortParagraph = "The harbor board met on Tuesday and approved the crane order."

    /// A paragraph longer than any wrapped line, so that the text reads as one paragraph per line.
    static let opening =
        "An opening paragraph sets the scene for the story below it, and it runs on for longer "
        + "than any line of a hard-wrapped text would."

    /// The headings found when `candidate` stands between an opening paragraph and `after`.
    private func headings(_ candidate: String, after: String = paragraph) -> [String] {
        let text = "\(Self.opening)\n\(candidate)\n\(after)\n"
        return Fixtures.normalize(text).ownHeadings
    }

    /// A title-case line of `words` words (each a capital and lower-case letters), `bytes` long.
    static func titleLine(words: Int, bytes: Int) -> String {
        precondition(bytes >= words * 4 - 1)
        let names = [
            "Harbor", "Cranes", "Freight", "Tolls", "Rise", "Again", "North", "Terminal", "Ferry", "Dock",
            "Pilots", "Strike", "Talks", "Resume", "Quayside", "Rents", "Climb", "Barges",
        ]
        var parts = (0..<words).map { names[$0 % names.count] }
        while parts.joined(separator: " ").utf8.count > bytes {
            let longest = parts.indices.max { parts[$0].count < parts[$1].count }!
            parts[longest].removeLast()
        }
        let missing = bytes - parts.joined(separator: " ").utf8.count
        parts[words - 1] += String(repeating: "x", count: missing)
        return parts.joined(separator: " ")
    }

    func testTitleLineHelperMakesExactLines() {
        for (words, bytes) in [(16, 120), (17, 120), (2, 120), (3, 121), (4, 40)] {
            let line = Self.titleLine(words: words, bytes: bytes)
            XCTAssertEqual(line.utf8.count, bytes, line)
            XCTAssertEqual(TextRules.wordCount(line), words, line)
        }
    }

    // MARK: Length

    func testSixteenWordsMakeAHeadingSeventeenDoNot() {
        let sixteen = Self.titleLine(words: 16, bytes: 100)
        let seventeen = Self.titleLine(words: 17, bytes: 100)
        XCTAssertTrue(HeadingRules.looksLikeHeading(sixteen))
        XCTAssertFalse(HeadingRules.looksLikeHeading(seventeen))
        // Not in sentence case either, even with a paragraph after it: a heading is never that long.
        XCTAssertEqual(headings(sixteen), [sixteen])
        XCTAssertEqual(headings(seventeen), [])
    }

    func testOneHundredTwentyBytesMakeAHeadingOneHundredTwentyOneDoNot() {
        let atLimit = Self.titleLine(words: 12, bytes: 120)
        let over = Self.titleLine(words: 12, bytes: 121)
        XCTAssertTrue(HeadingRules.looksLikeHeading(atLimit))
        XCTAssertFalse(HeadingRules.looksLikeHeading(over))
        XCTAssertEqual(headings(atLimit), [atLimit])
        XCTAssertEqual(headings(over), [])
    }

    func testTheLimitCountsCharactersWhenLettersTakeSeveralBytes() {
        // "É" is two bytes: 120 characters are a heading though they take more than 120 bytes, 121 are not.
        let atLimit = Self.titleLine(words: 12, bytes: 120).replacingOccurrences(of: "x", with: "é")
        let over = Self.titleLine(words: 12, bytes: 121).replacingOccurrences(of: "x", with: "é")
        XCTAssertEqual(atLimit.count, 120)
        XCTAssertGreaterThan(atLimit.utf8.count, 120)
        XCTAssertTrue(HeadingRules.looksLikeHeading(atLimit))
        XCTAssertFalse(HeadingRules.looksLikeHeading(over))
        XCTAssertEqual(headings(atLimit), [atLimit])
        XCTAssertEqual(headings(over), [])
    }

    // MARK: Capitals

    func testThreeCapitalisedWordsInFourMakeAHeading() {
        // After a short paragraph the sentence-case rule cannot help: only the title-case share decides.
        let after = "Rates were held."
        XCTAssertEqual(headings("Central Banks hold Rates", after: after), ["Central Banks hold Rates"])
        XCTAssertEqual(headings("Central Banks hold rates", after: after), [])
        XCTAssertTrue(HeadingRules.looksLikeHeading("Central Banks hold Rates"))
        XCTAssertFalse(HeadingRules.looksLikeHeading("Central Banks hold rates"))
        XCTAssertFalse(HeadingRules.looksLikeHeading("Central Banks hold"), "two in three")
        // Minor words do not count: "of", "the", "to" may stay in lower case.
        XCTAssertTrue(HeadingRules.looksLikeHeading("Dockers Walk off the Job to Protest"))
        // Eleven in fifteen (0.73) is short of three in four.
        let fifteen = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo lima mike november oscar"
        XCTAssertEqual(TextRules.wordCount(fifteen), 15)
        XCTAssertFalse(HeadingRules.looksLikeHeading(fifteen))
    }

    func testAQuestionIsAHeadingOnlyWhenEveryWordIsCapitalised() {
        XCTAssertTrue(HeadingRules.looksLikeHeading("Will Rates Fall Again?"))
        XCTAssertFalse(HeadingRules.looksLikeHeading("Will Rates fall Again?"))
        XCTAssertFalse(HeadingRules.looksLikeHeading("Really?"), "a one-word question")
        XCTAssertEqual(headings("Will Rates Fall Again?", after: "Rates were held."), ["Will Rates Fall Again?"])
        XCTAssertEqual(headings("Will Rates fall Again?"), [], "not in sentence case either")
        XCTAssertEqual(headings("Really?"), [])
    }

    // MARK: One word

    func testOneWordOfFourLettersBeforeAParagraphIsAHeading() {
        XCTAssertEqual(headings("Tech"), ["Tech"])
        XCTAssertEqual(headings("Tax"), [], "three letters are too few")
        XCTAssertTrue(HeadingRules.looksLikeHeading("Tech"))
        XCTAssertFalse(HeadingRules.looksLikeHeading("Tax"))
    }

    func testOneWordNeedsAParagraphOfTwelveWordsAfterIt() {
        XCTAssertEqual(headings("Outlook", after: Self.paragraph), ["Outlook"])
        XCTAssertEqual(headings("Outlook", after: Self.shortParagraph), [])
        XCTAssertEqual(headings("Outlook", after: "- A list item under it."), ["Outlook"], "a list item vouches too")
        let unfinished = "The harbor board met on Tuesday and approved the new crane order"
        XCTAssertEqual(headings("Outlook", after: unfinished), [], "a paragraph that does not end a sentence")
        // Two words need no paragraph after them.
        XCTAssertEqual(headings("Outlook Dims", after: Self.shortParagraph), ["Outlook Dims"])
    }

    // MARK: Sentence case

    func testSentenceCaseHeadingsHaveTwoToTwelveWords() {
        let twelve = "Why the deal matters for the future of every small software maker"
        let thirteen = "Why the deal matters for the future of every small software maker today"
        XCTAssertEqual(TextRules.wordCount(twelve), 12)
        XCTAssertFalse(HeadingRules.looksLikeHeading(twelve), "sentence case, not title case")
        XCTAssertEqual(headings(twelve), [twelve])
        XCTAssertEqual(headings(thirteen), [])
        XCTAssertEqual(headings("Why it matters"), ["Why it matters"])
        XCTAssertEqual(headings("Why it"), ["Why it"], "two words")
    }

    func testSentenceCaseHeadingsNeedAParagraphOfTwelveWordsAfterThem() {
        XCTAssertEqual(headings("What the deal means", after: Self.paragraph), ["What the deal means"])
        XCTAssertEqual(headings("What the deal means", after: Self.shortParagraph), [])
        XCTAssertEqual(
            headings("What the deal means", after: "What the Deal Means for Ports"), [],
            "a heading after it vouches for nothing")
        XCTAssertEqual(headings("what the deal means"), [], "a capital first")
    }

    // MARK: Endings

    func testAHeadingMayEndWithAnAbbreviationButNotWithOtherPunctuation() {
        XCTAssertTrue(HeadingRules.looksLikeHeading("About Quayline Robotics Inc."))
        XCTAssertTrue(HeadingRules.looksLikeHeading("Harbor Freight Corp."))
        XCTAssertTrue(HeadingRules.looksLikeHeading("Inside Dockside Bros."))
        XCTAssertFalse(HeadingRules.looksLikeHeading("About Quayline Robotics Now."))
        for ending in [",", ";", ":", "…"] {
            XCTAssertFalse(HeadingRules.looksLikeHeading("Harbor Cranes Return\(ending)"), ending)
        }
        XCTAssertTrue(HeadingRules.looksLikeHeading("xAI Hires Crane Engineers"), "a brand in lower case first")
    }
}
