import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// What one line is, by its form alone: time codes, cue timings, chunk markers, Markdown block
/// forms, bold and label lines, images, quotes and link lines.
final class LineFormsTests: XCTestCase {
    private func line(_ text: String) -> Line {
        LineClassifier.classify(Substring(text), number: 1)
    }

    // MARK: Time codes

    func testTimeCodesAloneOnTheirLine() {
        let codes: [(String, Int)] = [
            ("0:02", 2), ("[05:06]", 306), ("00:05:00", 300), ("1:02:03", 3723), ("(12:40)", 760),
            ("00:00:00 – 00:31:06", 0), ("[00:00–09:25]", 0), ("0:00-9:25", 0), ("**0:16**", 16),
        ]
        for (code, seconds) in codes {
            let classified = line(code)
            XCTAssertEqual(classified.kind, .timestamp, code)
            XCTAssertEqual(classified.time, seconds, code)
            XCTAssertEqual(classified.content, "", code)
        }
    }

    func testTimeCodesBeforeTextAreTakenOff() {
        let lines: [(String, String, Int)] = [
            ("**0:16** · Dana Price walks onto the stage", "Dana Price walks onto the stage", 16),
            ("00:15You might have seen the news about Orion.", "You might have seen the news about Orion.", 15),
            ("0:29 - The fight over memory prices", "The fight over memory prices", 29),
            ("[01:02:03] So where does that leave buyers?", "So where does that leave buyers?", 3723),
            ("(4:10) What comes next", "What comes next", 250),
            ("12:05 | Larkspur's turbine orders", "Larkspur's turbine orders", 725),
            ("00:01:10 – 00:02:30 The harbor at night", "The harbor at night", 70),
            ("03:14\"We never planned for this,\" she said.", "\"We never planned for this,\" she said.", 194),
            ("01:06right, so the cranes stopped", "right, so the cranes stopped", 66),
        ]
        for (raw, content, seconds) in lines {
            let classified = line(raw)
            XCTAssertEqual(classified.kind, .text, raw)
            XCTAssertEqual(classified.content, content, raw)
            XCTAssertEqual(classified.time, seconds, raw)
            XCTAssertEqual(classified.removed, [.timeCode], raw)
        }
    }

    func testClockTimesInProseStay() {
        for prose in [
            "10:30 a.m. is when the auction opens, the port said.",
            "9:45 pm was the last departure from the terminal.",
            "At 9:45 the index had already fallen two percent.",
            "10:30am is when the auction opens, the port said.",
            "7:15pm ferries were cancelled because of the storm.",
            "The ferry leaves at 7:15 and returns at 19:30.",
            "Trading resumed 10:30 ET after the halt.",
            "3:1 was the ratio of buyers to sellers.",
            "2024: a year of record freight volumes.",
        ] {
            let classified = line(prose)
            XCTAssertEqual(classified.content, prose, prose)
            XCTAssertNil(classified.time, prose)
            XCTAssertNotEqual(classified.kind, .timestamp, prose)
        }
        // A clock time alone on its line is a time code: it has nothing to be part of.
        XCTAssertEqual(line("10:30").kind, .timestamp)
    }

    func testCueTimingLines() {
        for timing in [
            "00:00:01,000 --> 00:00:03,500",
            "00:00:01.000 --> 00:00:03.500 align:start position:0%",
            "01:02.250 --> 01:04.000",
        ] {
            XCTAssertEqual(line(timing).kind, .cueTiming, timing)
        }
        XCTAssertEqual(line("Revenue --> profit is the plan for 2025.").kind, .text)
        XCTAssertEqual(line("3 --> 4 more ships this year").kind, .text)
    }

    // MARK: Chunk markers

    func testChunkMarkers() {
        XCTAssertEqual(line("Part 2/5:").kind, .chunkMarker(index: 2, total: 5))
        XCTAssertEqual(line("PART 3 OF 4").kind, .chunkMarker(index: 3, total: 4))
        XCTAssertEqual(line("(2/3)").kind, .chunkMarker(index: 2, total: 3))
        let withText = line("Part 3/5: Freight rates fell in November.")
        XCTAssertEqual(withText.kind, .chunkMarker(index: 3, total: 5))
        XCTAssertEqual(withText.content, "Freight rates fell in November.")
        XCTAssertEqual(line("Part 2 of the plan covers the new cranes.").kind, .text)
        XCTAssertEqual(line("2/3 of the fleet is idle.").kind, .text)
        XCTAssertEqual(line("24/7").kind, .text)
    }

    // MARK: Markdown block forms

    func testATXHeadings() {
        XCTAssertEqual(line("# Harbor Report").kind, .heading(level: 1))
        let closed = line("### Cranes and Crews ###")
        XCTAssertEqual(closed.kind, .heading(level: 3))
        XCTAssertEqual(closed.content, "Cranes and Crews")
        XCTAssertEqual(line("###### Six").kind, .heading(level: 6))
        for notHeading in ["#1 pick for the season", "####### Seven is too many", "#freight is trending", "#"] {
            XCTAssertFalse(isHeading(line(notHeading).kind), notHeading)
        }
    }

    func testUnderlinesAndRules() {
        XCTAssertEqual(line("=====").kind, .underline(level: 1))
        XCTAssertEqual(line("-----").kind, .underline(level: 2))
        XCTAssertEqual(line("=").kind, .underline(level: 1), "one = is an underline, as in CommonMark")
        XCTAssertEqual(line("==").kind, .underline(level: 1))
        for rule in ["***", "* * *", "___", "- - -"] {
            XCTAssertEqual(line(rule).kind, .rule, rule)
        }
        XCTAssertEqual(line("-- 30 --").kind, .text)
    }

    func testUnderlineMakesAHeadingOnlyUnderAShortLine() {
        let document = Fixtures.normalize(
            """
            # Port Weekly

            Cranes and Crews
            ----------------
            The port hired forty crane operators this month to clear the backlog.

            The backlog of ships waiting to unload fell to six by Friday.
            ---
            Officials expect the queue to be gone by the end of the month.
            """)
        XCTAssertEqual(document.ownHeadings, ["Cranes and Crews"])
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "The port hired forty crane operators this month to clear the backlog.",
                "The backlog of ships waiting to unload fell to six by Friday.",
                "Officials expect the queue to be gone by the end of the month.",
            ])
    }

    func testBullets() {
        let items: [(String, Bool, String)] = [
            ("- Cranes arrive in May", false, "Cranes arrive in May"),
            ("* Crews train in June", false, "Crews train in June"),
            ("• Ships dock in July", false, "Ships dock in July"),
            ("+ Rates fall in August", false, "Rates fall in August"),
            ("1. Hire operators", true, "Hire operators"),
            ("2) Clear the backlog", true, "Clear the backlog"),
            ("12. Open the second berth", true, "Open the second berth"),
            ("a. The first option is a new berth.", true, "The first option is a new berth."),
        ]
        for (raw, ordered, content) in items {
            let classified = line(raw)
            XCTAssertEqual(classified.kind, .bullet(ordered: ordered), raw)
            XCTAssertEqual(classified.content, content, raw)
        }
        let notBullets = [
            "c. 2002 the port had four berths and one crane.", "-5% was the drop in volume.",
            "*Emphasis* opens this line.", "2024. A year of records.", "1.5 million containers passed through.",
            "e.g. the cranes",
        ]
        for notBullet in notBullets {
            if case .bullet = line(notBullet).kind { XCTFail("not a bullet: \(notBullet)") }
        }
    }

    func testNestedBulletsKeepTheirIndent() {
        XCTAssertEqual(line("    - Second level").indent, 4)
        XCTAssertEqual(line("\t- Tab level").indent, 4)
        XCTAssertEqual(line("  * Two spaces").indent, 2)
    }

    func testStrongLines() {
        let strong: [(String, String)] = [
            ("**Why it matters:**", "Why it matters:"),
            ("**Why it matters**:", "Why it matters:"),
            ("__Background__", "Background"),
            ("**3. Tidewater Freight (Logistics)**", "3. Tidewater Freight (Logistics)"),
        ]
        for (raw, content) in strong {
            let classified = line(raw)
            XCTAssertEqual(classified.kind, .strong, raw)
            XCTAssertEqual(classified.content, content, raw)
        }
        let notStrongLines = [
            "**Why it matters:** Rates are rising again.", "**Rates** rose and **costs** fell", "** spaced **", "****",
        ]
        for notStrong in notStrongLines {
            XCTAssertNotEqual(line(notStrong).kind, .strong, notStrong)
        }
    }

    func testLabelLines() {
        for label in ["Summary:", "Key Takeaways:", "Detailed Article:", "Q3 Outlook:"] {
            XCTAssertEqual(line(label).kind, .label, label)
        }
        let notLabels = [
            "the port said:", "Note: shipping rates rose.", "The port authority said on Friday that it expects this:",
            "Source: https://example.com/port:", "Summary",
        ]
        for notLabel in notLabels {
            XCTAssertNotEqual(line(notLabel).kind, .label, notLabel)
        }
    }

    func testTitleLabels() {
        let title = line("Title: Harbor Cranes Arrive Early")
        XCTAssertEqual(title.kind, .text)
        XCTAssertTrue(title.isLabelledTitle)
        XCTAssertEqual(title.content, "Harbor Cranes Arrive Early")
        XCTAssertTrue(line("HEADLINE: Rates Fall").isLabelledTitle)
        XCTAssertFalse(line("Titles: three new ships joined the fleet.").isLabelledTitle)
        XCTAssertFalse(line("The title: a story of cranes").isLabelledTitle)
    }

    func testImagesQuotesAndLinkLines() {
        XCTAssertEqual(line("![A crane at dusk](https://img.example.com/crane.jpg)").kind, .image)
        XCTAssertEqual(line("![](a.png) ![](b.png)").kind, .image)
        XCTAssertNotEqual(line("![Crane](crane.jpg) The new crane arrived on Monday.").kind, .image)

        let quote = line("> Rates will keep falling, the analyst said.")
        XCTAssertEqual(quote.kind, .quote)
        XCTAssertEqual(quote.content, "Rates will keep falling, the analyst said.")
        XCTAssertNotEqual(line(">> Welcome back to the show.").kind, .quote)

        XCTAssertEqual(
            line("[Press release](https://a.example.com) | [Filing](https://b.example.com)").kind,
            .chrome(.link))
        XCTAssertEqual(line("[Port statement](https://port.example.com/statement)").kind, .chrome(.link))
        XCTAssertEqual(line("[Port statement](https://port.example.com) says rates fell.").kind, .text)
    }

    func testFences() {
        XCTAssertEqual(line("```").kind, .fence)
        XCTAssertEqual(line("```markdown").kind, .fence)
        XCTAssertEqual(line("~~~").kind, .fence)
        XCTAssertEqual(line("`code` in a sentence.").kind, .text)
    }

    private func isHeading(_ kind: Line.Kind) -> Bool {
        if case .heading = kind { return true }
        return false
    }

    /// A line pasted again (a text then its parts) is classified once and keeps its own number.
    func testARepeatedLineIsClassifiedAlikeWithItsOwnNumber() {
        let lines: [(text: Substring, number: Int)] = [
            ("## Tesla Opens a Factory", 1), ("Tesla opened it.", 2),
            ("## Tesla Opens a Factory", 7), ("Tesla opened it!", 8),
        ]
        let classified = LineClassifier.classify(lines)
        XCTAssertEqual(classified.map(\.number), [1, 2, 7, 8])
        XCTAssertEqual(classified[2].kind, classified[0].kind)
        XCTAssertEqual(classified[2].content, "Tesla Opens a Factory")
        XCTAssertEqual(classified[3].content, "Tesla opened it!", "a line that differs is classified anew")
    }
}
