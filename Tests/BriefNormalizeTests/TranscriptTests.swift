import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// Transcripts: caption fragments joined into running text of a few sentences a paragraph, time
/// codes, speaker labels and sound cues removed, chapters as stories.
final class TranscriptTests: XCTestCase {
    static let fragments = """
        Inside the Savannah Hub
        0:00
        Maria Chen has run the same
        0:02
        sorting line for ten years and she
        0:05
        says the new machines are different.
        0:08
        They sort faster, they break
        0:11
        less often and they cost less to run. The
        0:14
        hub now handles forty thousand
        0:17
        parcels an hour for three carriers.
        """

    func testFragmentsBecomeRunningText() {
        let document = Fixtures.normalize(Self.fragments)
        XCTAssertEqual(document.ownTitle, "Inside the Savannah Hub")
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Maria Chen has run the same sorting line for ten years and she says the new machines are different. "
                    + "They sort faster, they break less often and they cost less to run. "
                    + "The hub now handles forty thousand parcels an hour for three carriers."
            ])
        XCTAssertEqual(document.diagnostics, [])
    }

    func testOnlyTheLastParagraphMayBeCut() {
        let document = Fixtures.normalize(Self.fragments + "\n0:20\nNext year the company plans to open a")
        XCTAssertEqual(document.warnings.count, 1)
        XCTAssertEqual(document.warnings.first?.line, 17)
        XCTAssertTrue(document.warnings.first?.message.contains("cut off") == true)
        XCTAssertEqual(document.paragraphTexts.last?.hasSuffix("Next year the company plans to open a…"), true)
        XCTAssertEqual(document.sections.flatMap(\.paragraphs).filter(\.isCut).count, 1)
    }

    func testGluedTimeCodes() {
        let document = Fixtures.normalize(
            """
            00:00Welcome back to the show, today we talk about freight.
            00:15You might have seen that Tidewater Freight opened a hub.
            00:31That is a big deal for everyone who ships parcels.
            00:47"It changes the map," one analyst told us.
            """)
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "Welcome back to the show, today we talk about freight. You might have seen that Tidewater "
                + "Freight opened a hub. That is a big deal for everyone who ships parcels. "
                + "\"It changes the map,\" one analyst told us.")
        let lowerCase = Fixtures.normalize(
            """
            00:00Welcome back to the show, today we talk about freight.
            00:15You might have seen that Tidewater Freight opened a hub.
            00:31So let us start with the numbers
            00:47and what they mean for shippers.
            """)
        XCTAssertEqual(
            lowerCase.paragraphTexts.joined(separator: " "),
            "Welcome back to the show, today we talk about freight. You might have seen that Tidewater "
                + "Freight opened a hub. So let us start with the numbers and what they mean for shippers.")
    }

    func testSpeakerChangeMarksAreRemoved() {
        for marker in [">>", "&gt;&gt;"] {
            let document = Fixtures.normalize(
                """
                \(marker) Welcome everyone to the call.
                \(marker) Thanks for having me. We had a strong quarter.
                \(marker) Tell us about the turbines.
                \(marker) We shipped four hundred turbines in the quarter.
                """)
            let text = document.paragraphTexts.joined(separator: " ")
            XCTAssertEqual(
                text,
                "Welcome everyone to the call. Thanks for having me. We had a strong quarter. "
                    + "Tell us about the turbines. We shipped four hundred turbines in the quarter.", marker)
        }
    }

    func testSpeakerChangesInsideALine() {
        let document = Fixtures.normalize(
            """
            >> so what happened to rates >> they fell again >> and will they keep falling
            >> nobody knows for sure but the trend is down >> thank you
            >> thanks for having me
            """)
        let text = document.paragraphTexts.joined(separator: " ")
        XCTAssertFalse(text.contains(">"), text)
        XCTAssertTrue(
            text.hasSuffix(
                "they fell again and will they keep falling "
                    + "nobody knows for sure but the trend is down thank you thanks for having me…"),
            text)
        XCTAssertTrue(document.paragraphTexts.contains("they fell again"), "a turn inside a line starts a paragraph")
        XCTAssertTrue(text.hasPrefix("so what happened to rates"), "a short first turn is no subject line: \(text)")
        XCTAssertNil(document.ownTitle)

        let firstLineUnmarked = Fixtures.normalize(
            """
            so what happened to rates >> they fell again >> and will they keep falling
            >> nobody knows for sure but the trend is down >> thank you
            >> thanks for having me
            """)
        let unmarkedText = firstLineUnmarked.paragraphTexts.joined(separator: " ")
        XCTAssertTrue(
            unmarkedText.hasPrefix("so what happened to rates"),
            "a first caption line that holds \">>\" turns is taken for a headline: it becomes the title "
                + "and its words are lost")
    }

    func testSpeakerLabelsAreRemoved() {
        let labelled = Fixtures.normalize(
            """
            DANA PRICE: Good morning. Let us begin with solar.
            TOM IRWIN: Solar installs were up twelve percent.
            DANA PRICE: And wind?
            TOM IRWIN: Wind was flat for the year.
            WHERE: The annual meeting in Denver.
            """)
        XCTAssertEqual(
            labelled.paragraphTexts,
            [
                "Good morning. Let us begin with solar.",
                "Solar installs were up twelve percent.",
                "And wind?",
                "Wind was flat for the year. WHERE: The annual meeting in Denver.",
            ])
        let numbered = Fixtures.normalize(
            """
            0:00 Speaker 1: Welcome to the freight podcast.
            0:04 Speaker 2: Glad to be here, rates are falling.
            0:09 Speaker 1: Why are they falling?
            0:12 Speaker 2: Too many ships and not enough cargo.
            """)
        XCTAssertEqual(
            numbered.paragraphTexts,
            [
                "Welcome to the freight podcast.", "Glad to be here, rates are falling.", "Why are they falling?",
                "Too many ships and not enough cargo.",
            ])
        let numberedOnly = Fixtures.normalize(
            """
            Speaker 1: Welcome to the freight podcast.
            Speaker 2: Glad to be here, rates are falling.
            Speaker 1: Why are they falling?
            Speaker 2: Too many ships and not enough cargo.
            """)
        XCTAssertTrue(
            !numberedOnly.paragraphTexts.joined().contains("Speaker"),
            "\"Speaker 1:\" labels alone do not make a transcript (their last word is one character), "
                + "so they stay")
        let names = Fixtures.normalize(
            """
            Maria Chen: We sort forty thousand parcels an hour.
            Sam Wu: Is that a record?
            Maria Chen: It is, for this region.
            Sam Wu: And next year?
            """)
        XCTAssertFalse(names.paragraphTexts.joined().contains(":"), names.paragraphTexts.joined(separator: " | "))
    }

    func testOneOffLabelsInProseStay() {
        let document = Fixtures.normalize(
            """
            Maria Chen: We sort forty thousand parcels an hour.
            Sam Wu: Is that a record?
            Maria Chen: It is, for this region. Note: the old line did ten thousand.
            Sam Wu: And next year?
            """)
        XCTAssertTrue(document.paragraphTexts.joined(separator: " ").contains("Note: the old line did ten thousand."))
    }

    func testSoundCuesAreRemoved() {
        let document = Fixtures.normalize(
            """
            0:00
            [music]
            0:03
            Welcome to the harbor report. [Applause]
            0:06
            (laughter) Thank you all for coming tonight.
            0:09
            [ __ ] that was loud, the crane operator said.
            0:12
            Rates fell (for the third month) in a row [2].
            """)
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "Welcome to the harbor report. Thank you all for coming tonight. that was loud, the crane "
                + "operator said. Rates fell (for the third month) in a row [2].")
        let beforeAFullStop = Fixtures.normalize(
            """
            0:00
            Welcome to the show.
            0:03
            Thank you all for coming [applause].
            0:06
            Let us begin.
            """)
        XCTAssertTrue(
            beforeAFullStop.paragraphTexts.joined().contains("coming."),
            "a cue removed before a full stop leaves a space: \"coming [applause].\" becomes \"coming .\"")
    }

    func testParagraphsOfAFewSentences() {
        var lines: [String] = []
        for k in 0..<24 {
            let sentence = "Ship number \(k + 1) was unloaded in \(k + 3) hours by the night crew at berth four."
            let words = sentence.split(separator: " ")
            lines.append("0:\(String(format: "%02d", k * 2))")
            lines.append(words[..<6].joined(separator: " "))
            lines.append("0:\(String(format: "%02d", k * 2 + 1))")
            lines.append(words[6...].joined(separator: " "))
        }
        let document = Fixtures.normalize(lines.joined(separator: "\n"))
        let paragraphs = document.paragraphTexts
        XCTAssertGreaterThanOrEqual(paragraphs.count, 4)
        XCTAssertLessThanOrEqual(paragraphs.count, 12)
        for paragraph in paragraphs {
            let sentences = paragraph.components(separatedBy: ". ").count
            XCTAssertTrue((2...6).contains(sentences), paragraph)
        }
        XCTAssertEqual(paragraphs.joined(separator: " ").components(separatedBy: "Ship number").count, 25)
        XCTAssertEqual(document.diagnostics, [])
    }

    /// About 5,000 bytes of auto-captions on one line: no capitals, no punctuation.
    static let captionLine: String = {
        let words = [
            "the", "port", "moved", "more", "containers", "and", "we", "saw", "cranes", "so", "crews",
            "worked", "late", "because", "ships", "waited", "then", "rates", "fell", "you", "know",
        ]
        var rng = SeededRandom(seed: 12)
        var text: [String] = []
        var length = 0
        while length < 5000 {
            let word = words.randomElement(using: &rng)!
            text.append(word)
            length += word.utf8.count + 1
        }
        return text.joined(separator: " ")
    }()

    func testUnpunctuatedCaptionLineIsSplit() {
        let document = Fixtures.normalize(Self.captionLine + "\n")
        let paragraphs = document.paragraphTexts
        XCTAssertGreaterThanOrEqual(paragraphs.count, 5)
        XCTAssertEqual(paragraphs.joined(separator: " ").replacingOccurrences(of: "…", with: ""), Self.captionLine)
        for paragraph in paragraphs {
            XCTAssertLessThanOrEqual(
                TextRules.wordCount(paragraph), 2 * TranscriptBlocks.unpunctuatedParagraphWords,
                paragraph)
        }
        let withHeadline = Fixtures.normalize("Harbor Night Shift\n" + Self.captionLine + "\n")
        XCTAssertTrue(
            withHeadline.ownTitle == "Harbor Night Shift",
            "the headline above a caption track without time codes is joined into its first paragraph")
    }

    func testLongTurnIsSplitAtSentenceEnds() {
        let sentences = (1...40).map { "Crane \($0) lifted a container onto the ship before the tide turned." }
        let document = Fixtures.normalize(
            """
            >> How did the night go?
            >> \(sentences.joined(separator: " "))
            >> Thank you.
            """)
        let paragraphs = document.paragraphTexts
        XCTAssertGreaterThanOrEqual(paragraphs.count, 8)
        let expected = "How did the night go? " + sentences.joined(separator: " ") + " Thank you."
        XCTAssertEqual(paragraphs.joined(separator: " "), expected)
        for paragraph in paragraphs.dropFirst() {
            XCTAssertTrue(paragraph.hasSuffix("turned.") || paragraph.hasSuffix("Thank you."), paragraph)
            XCTAssertLessThanOrEqual(paragraph.utf8.count, 2 * TranscriptBlocks.paragraphLength)
        }
        XCTAssertTrue(
            paragraphs.first == "How did the night go?" && paragraphs.last == "Thank you.",
            "\">>\" at the start of a line does not start a paragraph (one inside a line does)")
    }

    func testMarkdownChaptersBecomeStories() {
        let document = Fixtures.normalize(
            """
            # Freight Podcast, Episode 12

            ### The Savannah Hub
            [00:01] Welcome back to the show.
            [00:05] Today we start with the new hub in Savannah.
            [00:09] It sorts forty thousand parcels an hour.

            ### Rates
            [03:10] Rates fell for the third month in a row.
            [03:14] Nobody expects that to change soon.
            """)
        XCTAssertEqual(document.ownTitle, "Freight Podcast, Episode 12")
        XCTAssertEqual(document.ownHeadings, ["The Savannah Hub", "Rates"])
        XCTAssertEqual(
            document.sections.map { $0.paragraphs.map(\.text).joined(separator: " ") },
            [
                "Welcome back to the show. Today we start with the new hub in Savannah. It sorts forty thousand parcels "
                    + "an hour.",
                "Rates fell for the third month in a row. Nobody expects that to change soon.",
            ])
    }

    func testChapterLinesBecomeStories() {
        let document = Fixtures.normalize(
            """
            Freight Podcast, Episode 12
            Chapter 1: The Hub
            0:00
            Welcome back to the show.
            0:04
            Today we start with the new hub.
            Chapter 2: Rates
            3:10
            Rates fell for the third month.
            3:14
            Nobody expects that to change.
            """)
        XCTAssertEqual(document.ownHeadings, ["Chapter 1: The Hub", "Chapter 2: Rates"])
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Welcome back to the show. Today we start with the new hub.",
                "Rates fell for the third month. Nobody expects that to change.",
            ])
    }

    func testTableOfContentsGivesTheChapters() {
        let document = Fixtures.normalize(
            """
            Memory Chips Explained
            Chapters
            0:00 Introduction
            1:30 The supply problem
            4:10 What comes next?

            0:00
            Hello and welcome to the channel.
            0:04
            Today we look at memory chips.
            1:30
            The supply problem started last spring.
            1:34
            Factories in Asia could not keep up.
            4:10
            What comes next is a price war.
            4:14
            Buyers will win for a while.
            """)
        XCTAssertEqual(document.ownTitle, "Memory Chips Explained")
        XCTAssertEqual(document.ownHeadings, ["Introduction", "The supply problem", "What comes next?"])
        XCTAssertEqual(
            document.sections.map { $0.paragraphs.map(\.text) },
            [
                ["Hello and welcome to the channel. Today we look at memory chips."],
                ["The supply problem started last spring. Factories in Asia could not keep up."],
                ["What comes next is a price war. Buyers will win for a while."],
            ])
    }

    func testCaptionsCloseInTimeAreNotAContentsTable() {
        let document = Fixtures.normalize(
            """
            0:01 Welcome back
            0:03 To the freight show
            0:05 Where we talk rates
            0:07 And ships and cranes
            """)
        XCTAssertEqual(document.ownHeadings, [])
        XCTAssertTrue(document.paragraphTexts.joined(separator: " ").contains("Where we talk rates"))
    }

    static let ratesText =
        "Rates fell again this month. Here is why that keeps happening. "
        + "Too many ships, too little cargo."

    func testHeadlineAboveATranscriptIsTheTitle() {
        let document = Fixtures.normalize(
            """
            Home | Videos | Podcasts
            Why Freight Rates Keep Falling
            Transcript
            0:00
            Rates fell again this month.
            0:03
            Here is why that keeps happening.
            0:06
            Too many ships, too little cargo.
            """)
        XCTAssertEqual(document.ownTitle, "Why Freight Rates Keep Falling")
        XCTAssertEqual(document.ownHeadings, [])
        XCTAssertEqual(
            document.paragraphTexts,
            [Self.ratesText])

        let withAge = Fixtures.normalize(
            """
            Why Freight Rates Keep Falling
            • 3 days ago
            0:00
            Rates fell again this month.
            0:03
            Here is why that keeps happening.
            0:06
            Too many ships, too little cargo.
            """)
        XCTAssertEqual(withAge.ownTitle, "Why Freight Rates Keep Falling")
        XCTAssertTrue(
            withAge.ownHeadings.isEmpty
                && withAge.paragraphTexts
                    == [Self.ratesText],
            "the age of a video (\"• 3 days ago\") above a transcript is kept as text or a heading")
    }
}
