import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// Article pages: chrome around the text, the title among site names and suffixes, paragraphs
/// collapsed into one line or hard-wrapped, wrapped list items.
final class ArticleTests: XCTestCase {
    func testPageChromeAroundAnArticle() {
        let document = Fixtures.normalize(
            """
            Skip to main content
            Home | Business | Tech | Markets | Subscribe
            Harbor Times
            Tidewater Freight Opens Savannah Hub as Port Traffic Climbs | Harbor Times
            By Lena Ortiz
            December 18, 2024
            5 min read
            Share this article: Twitter Facebook LinkedIn
            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting that traffic through the port will keep climbing next year.
            The hub can sort 40,000 parcels an hour, the company said, and will employ 300 people when it is fully staffed.
            Advertisement
            Workers load containers at the new hub in Savannah. (Photo: Tidewater Freight)
            Analysts said the move puts pressure on rivals that still route parcels through Atlanta.
            Related Articles
            Sign up for our daily logistics newsletter
            © 2024 Harbor Times. All rights reserved.
            """)
        XCTAssertEqual(document.ownTitle, "Tidewater Freight Opens Savannah Hub as Port Traffic Climbs")
        XCTAssertEqual(document.ownHeadings, [])
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting that traffic through the "
                    + "port will keep climbing next year.",
                "The hub can sort 40,000 parcels an hour, the company said, and will employ 300 people when it is fully "
                    + "staffed.",
                "Analysts said the move puts pressure on rivals that still route parcels through Atlanta.",
            ])
        XCTAssertEqual(document.diagnostics, [])
    }

    func testTitleIsNeverAChromeLine() {
        let chromeLines = [
            "Home | Business | Tech | Markets", "December 18, 2024", "By Lena Ortiz", "5 min read", "Advertisement",
            "Share this article: Twitter Facebook", "Skip to main content",
        ]
        for chrome in chromeLines {
            let document = Fixtures.normalize(
                """
                \(chrome)
                Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said.
                The hub can sort 40,000 parcels an hour and will employ 300 people.
                """)
            XCTAssertNil(document.ownTitle, chrome)
            XCTAssertEqual(document.paragraphTexts.count, 2, chrome)
        }
    }

    func testSiteNameAboveTheHeadlineIsNotTheTitle() {
        let document = Fixtures.normalize(
            """
            Gearbox Daily
            Orion Semiconductor Raises Memory Prices for the Third Time This Year (gearboxdaily.com)
            Orion Semiconductor raised prices for its memory chips by ten percent on Monday, the third increase this year.
            The company said demand from data centers was outrunning supply.
            """)
        XCTAssertEqual(document.ownTitle, "Orion Semiconductor Raises Memory Prices for the Third Time This Year")
        XCTAssertEqual(document.ownHeadings, [])
        XCTAssertEqual(document.paragraphTexts.count, 2)
    }

    func testShortHeadlineBelowAShortLineStaysTheTitle() {
        let document = Fixtures.normalize(
            """
            Orion Raises Prices
            Memory Costs More
            Orion Semiconductor raised prices for its memory chips by ten percent on Monday, the third increase this year.
            """)
        XCTAssertEqual(document.ownTitle, "Orion Raises Prices")
        XCTAssertEqual(document.ownHeadings, ["Memory Costs More"])
    }

    func testSubjectLineIsTheTitle() {
        let document = Fixtures.normalize(
            """
            Orion raises prices again, Larkspur ships turbines, Tidewater hub opens
            Orion Semiconductor raised prices for its memory chips by ten percent on Monday, the third increase this year.
            Larkspur Energy said it shipped 400 turbines in the quarter.
            """)
        XCTAssertEqual(document.ownTitle, "Orion raises prices again, Larkspur ships turbines, Tidewater hub opens")
        XCTAssertEqual(document.paragraphTexts.count, 2)

        let sentence = Fixtures.normalize(
            """
            Orion Semiconductor raised prices for its memory chips by ten percent on Monday.
            Larkspur Energy said it shipped 400 turbines in the quarter.
            """)
        XCTAssertNil(sentence.ownTitle)
        XCTAssertEqual(sentence.paragraphTexts.count, 2)
    }

    func testSiteSuffixesLeaveTitles() {
        let cases = [
            ("Title: Larkspur Ships a Record 400 Turbines | Wind Weekly", "Larkspur Ships a Record 400 Turbines"),
            ("# Larkspur Ships a Record 400 Turbines (windweekly.com)", "Larkspur Ships a Record 400 Turbines"),
            ("# Larkspur Ships a Record 400 Turbines (3 min read)", "Larkspur Ships a Record 400 Turbines"),
            ("# Larkspur Ships 400 Turbines (Again)", "Larkspur Ships 400 Turbines (Again)"),
        ]
        for (first, title) in cases {
            let text = first + "\n\nLarkspur Energy said it shipped 400 turbines in the quarter, a record.\n"
            let document = Fixtures.normalize(text, path: "Content/wind.md")
            XCTAssertEqual(document.ownTitle, title, first)
        }
        XCTAssertEqual(
            TitleFinder.withoutSiteName("Larkspur Ships 400 Turbines | Wind Weekly"),
            "Larkspur Ships 400 Turbines")
        let sentence = "Q3 | Larkspur ships 400 turbines and doubles its orders for next year"
        XCTAssertEqual(TitleFinder.withoutSiteName(sentence), sentence)
    }

    func testCollapsedParagraphsAreSplit() {
        let p1 =
            "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting that traffic through "
            + "the port will keep climbing next year and that carmakers will ship more parts by sea."
        let p2 =
            "The hub can sort 40,000 parcels an hour, the company said, and will employ 300 people when it is "
            + "fully staffed by the end of the spring hiring season next year."
        let p3 =
            "Analysts said the move puts pressure on rivals that still route parcels through Atlanta, where "
            + "congestion has grown worse every year since the pandemic began."
        let p4 =
            "The company did not say how much the hub cost, but local officials said the state offered tax breaks "
            + "worth several million dollars over ten years."
        let line = [p1, p2, "Why Savannah Matters " + p3, p4].joined(separator: "  ")
        let document = Fixtures.normalize("Tidewater Opens Savannah Hub\n\n" + line + "\n")
        XCTAssertEqual(document.ownTitle, "Tidewater Opens Savannah Hub")
        XCTAssertEqual(document.sections.map(\.heading), ["Tidewater Opens Savannah Hub", "Why Savannah Matters"])
        XCTAssertEqual(document.sections.map { $0.paragraphs.map(\.text) }, [[p1, p2], [p3, p4]])

        let oneSpace = [p1, p2, p3, p4].joined(separator: " ")
        XCTAssertEqual(Fixtures.normalize(oneSpace).paragraphTexts, [oneSpace], "single spaces are no paragraph breaks")
        XCTAssertNil(
            CollapsedParagraphs.split(Substring("Rates fell.  Costs rose.  Ships waited.  Crews worked.")),
            "a short line is not looked at")
    }

    func testHardWrappedParagraphs() {
        let document = Fixtures.normalize(
            """
            Tidewater Freight opened a new logistics hub in Savannah on
            Tuesday, betting that traffic through the port will keep
            climbing next year.

            The hub can sort 40,000 parcels an hour, the company said,
            and will employ 300 people when it is fully staffed by the
            end of the spring.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting that traffic through the "
                    + "port will keep climbing next year.",
                "The hub can sort 40,000 parcels an hour, the company said, and will employ 300 people when it is fully "
                    + "staffed by the end of the spring.",
            ])
    }

    func testIndentedParagraphStarts() {
        let document = Fixtures.normalize(
            """
                Tidewater Freight opened a new logistics hub in Savannah on
            Tuesday, betting that traffic through the port will keep
            climbing. The company said carmakers will ship more parts.
                The hub can sort 40,000 parcels an hour, the company said,
            and will employ 300 people when it is fully staffed by the
            end of the spring hiring season next year, officials said.
                Analysts said the move puts pressure on rivals that still
            route parcels through Atlanta, where congestion has grown.
            """)
        XCTAssertTrue(
            document.paragraphTexts.count == 3, "an indented line does not start a new paragraph in hard-wrapped text")
        let words = [
            "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting that traffic through the",
            "port will keep climbing. The company said carmakers will ship more parts. The hub can sort 40,000 parcels",
            "an hour, the company said, and will employ 300 people when it is fully staffed by the end of the spring",
            "hiring season next year, officials said. Analysts said the move puts pressure on rivals that still route",
            "parcels through Atlanta, where congestion has grown.",
        ]
        XCTAssertEqual(document.paragraphTexts.joined(separator: " "), words.joined(separator: " "))
    }

    func testWrappedListItems() {
        let document = Fixtures.normalize(
            """
            The company listed three goals for the new hub in Savannah, all of them for its first year:
            - Sort forty thousand parcels an hour by the end of the
              first year of operation, up from twenty thousand today.
            - Hire three hundred workers from the local area before
              the peak shipping season begins next autumn.
            - Open a second loading dock.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "The company listed three goals for the new hub in Savannah, all of them for its first year:",
                "Sort forty thousand parcels an hour by the end of the first year of operation, up from twenty thousand "
                    + "today.",
                "Hire three hundred workers from the local area before the peak shipping season begins next autumn.",
                "Open a second loading dock.",
            ])
        XCTAssertEqual(
            document.sections.first?.paragraphs.map(\.kind),
            [.text, .item(depth: 0), .item(depth: 0), .item(depth: 0)])
    }

    func testBareHeadingsBetweenParagraphs() {
        let document = Fixtures.normalize(
            """
            Freight Week

            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said, after two years of work.
            Rates Keep Falling
            Container rates fell for the third month in a row as too many ships chase too little cargo, brokers said.
            Why it matters to shippers
            Lower rates help retailers who stocked up early for the holidays and now pay less to restock, analysts said.
            """)
        XCTAssertEqual(document.ownTitle, "Freight Week")
        XCTAssertEqual(document.ownHeadings, ["Rates Keep Falling", "Why it matters to shippers"])
        XCTAssertEqual(document.sections.map(\.paragraphs.count), [1, 1, 1])

        let shortLines = Fixtures.normalize(
            """
            Freight Week

            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said.
            Rates Keep Falling
            Container rates fell for the third month in a row as too many ships chase too little cargo.
            Why it matters to shippers
            Lower rates help retailers who stocked up early for the holidays, analysts said.
            """)
        XCTAssertTrue(
            shortLines.ownHeadings == ["Rates Keep Falling", "Why it matters to shippers"],
            "a sentence-case heading line counts as a line cut mid-sentence, so a text of short paragraphs "
                + "is taken for hard-wrapped and the heading is joined to the paragraph before it")
    }

    /// Copies of a briefing repeat its own short title above the first heading: that is the title, not a
    /// site's name; and a heading with a label in front ("Freight: …") repeated in every copy is no speaker.
    func testShortTitleAndLabelledHeadingsInChunkedCopies() {
        let document = Fixtures.normalize(
            """
            Dockside robots moved more containers than ever in the third quarter, the port authority said.
            Freight: Harbor Robotics Raises the Stakes
            Harbor Robotics signed a deal to automate two more terminals in the south of the country.
            Ports: Quayside Cranes Go Electric
            Quayside cranes at three terminals now run on power from the grid instead of diesel.
            Part 1/2:
            Harbor Weekly
            Dockside Robots Set a Record
            Dockside robots moved more containers than ever in the third quarter, the port authority said.
            Freight: Harbor Robotics Raises the Stakes
            [...]
            Part 2/2:
            Harbor Robotics signed a deal to automate two more terminals in the south of the country.
            Ports: Quayside Cranes Go Electric
            Quayside cranes at three terminals now run on power from the grid instead of diesel.
            """)
        XCTAssertEqual(document.ownTitle, "Harbor Weekly")
        XCTAssertEqual(
            document.ownHeadings,
            [
                "Dockside Robots Set a Record", "Freight: Harbor Robotics Raises the Stakes",
                "Ports: Quayside Cranes Go Electric",
            ])
        XCTAssertEqual(document.paragraphTexts.count, 3)
    }
}
