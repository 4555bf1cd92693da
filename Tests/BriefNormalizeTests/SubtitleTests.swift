import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// SubRip and WebVTT files read as one story of running text: numbers, timings, headers, notes,
/// settings and tags go; roll-up captions are kept once.
final class SubtitleTests: XCTestCase {
    func testFileNamesGiveTheSubtitlesFormat() {
        XCTAssertEqual(SourceText(path: "Content/harbor.srt", text: "").format, .subtitles)
        XCTAssertEqual(SourceText(path: "Content/harbor.VTT", text: "").format, .subtitles)
        XCTAssertEqual(SourceText(path: "Content/harbor.txt", text: "").format, .plainText)
    }

    static let subRip = """
        1
        00:00:01,000 --> 00:00:03,000
        Good evening and welcome

        2
        00:00:03,000 --> 00:00:05,500
        to the <i>harbor report</i>.

        3
        00:00:05,500 --> 00:00:08,000
        Shipping volumes rose again this month,
        the port authority said.

        4
        00:00:08,000 --> 00:00:10,000
        [music]

        5
        00:00:10,000 --> 00:00:12,000
        Rates for containers fell &amp; crews were hired.
        """

    func testSubRip() {
        let document = Fixtures.normalize(Self.subRip, path: "Content/harbor.srt")
        XCTAssertNil(document.ownTitle)
        XCTAssertEqual(document.sections.count, 1)
        XCTAssertEqual(document.sections.first?.hasOwnHeading, false)
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "Good evening and welcome to the harbor report. Shipping volumes rose again this month, "
                + "the port authority said. Rates for containers fell & crews were hired.")
        XCTAssertEqual(document.diagnostics, [])
    }

    func testSubtitlesAreRecognizedInsideATextFile() {
        let document = Fixtures.normalize(Self.subRip, path: "Content/harbor.txt")
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "Good evening and welcome to the harbor report. Shipping volumes rose again this month, "
                + "the port authority said. Rates for containers fell & crews were hired.")
    }

    static let webVTT = """
        WEBVTT - Savannah Hub Tour
        Kind: captions
        Language: en

        NOTE This file was written by hand
        for a test, over two lines.

        STYLE
        ::cue { color: yellow }

        intro
        00:00:00.000 --> 00:00:02.500 align:start position:0%
        <v Guide>Welcome to the<00:00:01.000><c> hub</c> tour.

        00:00:02.500 --> 00:00:05.000 align:start position:0%
        Welcome to the hub tour.
        We sort parcels here

        00:00:05.000 --> 00:00:07.000 line:90%
        We sort parcels here
        for three carriers.

        00:00:07.000 --> 00:00:09.000
        <v Visitor>How many an hour?

        00:00:09.000 --> 00:00:11.000
        <v Guide>Forty thousand on a good day.

        00:00:11.000 --> 00:00:1
        """

    func testWebVTT() {
        let document = Fixtures.normalize(Self.webVTT, path: "Content/tour.vtt")
        XCTAssertEqual(document.ownTitle, "Savannah Hub Tour")
        XCTAssertEqual(document.sections.count, 1)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Welcome to the hub tour. We sort parcels here for three carriers.",
                "How many an hour?",
                "Forty thousand on a good day.",
            ])
        XCTAssertEqual(document.diagnostics, [])
    }

    func testWebVTTWithoutATitle() {
        let document = Fixtures.normalize(
            """
            WEBVTT

            00:00:00.000 --> 00:00:02.000
            The cranes arrived on Monday.

            00:00:02.000 --> 00:00:04.000
            Crews began training on Tuesday.

            00:00:04.000 --> 00:00:06.000
            The first ship docks next week.
            """, path: "Content/cranes.vtt")
        XCTAssertNil(document.ownTitle)
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "The cranes arrived on Monday. Crews began training on Tuesday. The first ship docks next week.")
    }

    func testRollUpCaptionsAreKeptOnce() {
        // Auto-captions show each line two or three times as the text rolls up, and grow a line word by word.
        let document = Fixtures.normalize(
            """
            WEBVTT

            00:00:00.000 --> 00:00:01.000
            the port moved

            00:00:01.000 --> 00:00:02.000
            the port moved more containers

            00:00:02.000 --> 00:00:03.000
            the port moved more containers
            in november than in any

            00:00:03.000 --> 00:00:04.000
            in november than in any
            month since it opened

            00:00:04.000 --> 00:00:05.000
            month since it opened
            it said on friday.
            """, path: "Content/rollup.vtt")
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "the port moved more containers in november than in any month since it opened "
                + "it said on friday.")
    }

    func testRepeatedLineFarApartIsKept() {
        var cues: [String] = []
        let lines = [
            "Thank you.", "Rates fell in May.", "Crews were hired in June.", "Ships came back in July.", "Thank you.",
        ]
        for (k, line) in lines.enumerated() {
            cues.append("\(k + 1)\n00:00:0\(k),000 --> 00:00:0\(k + 1),000\n\(line)\n")
        }
        let document = Fixtures.normalize(cues.joined(separator: "\n"), path: "Content/thanks.srt")
        XCTAssertEqual(
            document.paragraphTexts.joined(separator: " "),
            "Thank you. Rates fell in May. Crews were hired in June. Ships came back in July. Thank you.")
    }

    func testCaptionTextLosesTagsAndNamesTheVoice() {
        let (text, voice) = Subtitles.captionText("<v Speaker 2><i>Rates</i> <00:00:01.500><c.yellow>fell</c> &gt; 5%")
        XCTAssertEqual(text, "Rates fell > 5%")
        XCTAssertEqual(voice, "Speaker 2")
        XCTAssertNil(Subtitles.captionText("No tags here.").voice)
    }

    func testProseWithArrowsIsNotSubtitles() {
        let document = Fixtures.normalize(
            """
            Revenue --> profit was the plan for the port.
            The board said 2023 --> 2024 was a turning point.
            Cranes --> ships --> trucks is the order of work.
            """)
        XCTAssertEqual(document.paragraphTexts.count, 3)
    }
}
