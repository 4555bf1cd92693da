import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// A `.txt` that uses Markdown consistently (an AI summary pasted by a user) is read as the
/// structure it means; a plain text with a stray `#1` or `*` is not.
final class MarkdownInTextTests: XCTestCase {
    static let digest = """
        # Weekly Logistics Digest

        ## Shipping

        ### Tidewater Freight Expands
        **Tidewater Freight** added six routes to Asia, the company said on *Monday*.

        **Why it matters:**
        Capacity on the busiest lanes is tight.

        * **Background:** The carrier lost share last year.
            * It ordered new ships in March.
            * Deliveries start in 2026.
        * **Citation:**

        ### Portside Cranes Cuts Jobs
        Portside Cranes will cut 200 jobs, _mostly_ in Ohio.
        """

    func testConsistentMarkdownIsStructure() {
        let document = Fixtures.normalize(Self.digest)
        XCTAssertEqual(document.ownTitle, "Weekly Logistics Digest")
        XCTAssertEqual(document.ownHeadings, ["Tidewater Freight Expands", "Portside Cranes Cuts Jobs"])
        let first = document.sections.first?.paragraphs ?? []
        XCTAssertEqual(
            first.map(\.text),
            [
                "Tidewater Freight added six routes to Asia, the company said on Monday.",
                "Why it matters:",
                "Capacity on the busiest lanes is tight.",
                "Background: The carrier lost share last year.",
                "It ordered new ships in March.",
                "Deliveries start in 2026.",
            ])
        XCTAssertEqual(first.map(\.kind), [.text, .subhead, .text, .item(depth: 0), .item(depth: 1), .item(depth: 1)])
        XCTAssertEqual(
            first[safe: 0]?.markdown,
            "**Tidewater Freight** added six routes to Asia, the company said on *Monday*.")
        XCTAssertEqual(first[safe: 3]?.markdown, "**Background:** The carrier lost share last year.")
        let second = document.sections[safe: 1]?.paragraphs
        XCTAssertEqual(second?.map(\.text), ["Portside Cranes will cut 200 jobs, mostly in Ohio."])
        XCTAssertEqual(second?.map(\.markdown), ["Portside Cranes will cut 200 jobs, _mostly_ in Ohio."])
        XCTAssertEqual(document.diagnostics, [])
    }

    func testBodyMarkdownRendersListsAsLists() {
        let section = Fixtures.normalize(Self.digest).sections.first
        XCTAssertEqual(
            section?.bodyMarkdown,
            """
            **Tidewater Freight** added six routes to Asia, the company said on *Monday*.

            **Why it matters:**

            Capacity on the busiest lanes is tight.

            - **Background:** The carrier lost share last year.
              - It ordered new ships in March.
              - Deliveries start in 2026.

            """)
    }

    func testStrayMarksInPlainTextAreEscaped() {
        let document = Fixtures.normalize(
            """
            Tallow Street Notes

            We ranked the #1 bakery in town again this year.
            The owner said * is her favourite key on the register.
            Sales were up 2*3 times, she said, and costs were down.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "We ranked the #1 bakery in town again this year.",
                "The owner said * is her favourite key on the register.",
                "Sales were up 2*3 times, she said, and costs were down.",
            ])
        XCTAssertEqual(
            document.sections.first?.paragraphs[safe: 1]?.markdown,
            "The owner said \\* is her favourite key on the register.")
        let oneBoldWord = Fixtures.normalize(
            """
            The port said **record** volumes came in November, and the docks were full every day.
            Officials said the trend would continue into the spring.
            """)
        XCTAssertEqual(
            oneBoldWord.paragraphTexts.first,
            "The port said **record** volumes came in November, and the docks were full every day.")
    }

    func testParentsWithoutTextAreDropped() {
        let document = Fixtures.normalize(
            """
            # Freight Notes

            ## Ports
            ### Savannah
            The Savannah hub opened on Tuesday with three hundred workers.
            ### Oakland
            Oakland added two cranes to clear the backlog of ships.

            ## Rail
            Rail volumes fell for the fourth month in a row.
            """)
        XCTAssertEqual(document.ownHeadings, ["Savannah", "Oakland", "Rail"])
        XCTAssertEqual(document.paragraphTexts.count, 3)
    }

    func testSubheadsAndSiblingStories() {
        let subheads = Fixtures.normalize(
            """
            # Freight Notes

            ## Tidewater Opens Savannah Hub
            Tidewater Freight opened a hub in Savannah on Tuesday.

            **The numbers:**
            It sorts forty thousand parcels an hour.

            Outlook:
            The company expects more traffic next year.
            """)
        XCTAssertEqual(subheads.ownHeadings, ["Tidewater Opens Savannah Hub"])
        XCTAssertEqual(subheads.sections.first?.paragraphs.map(\.kind), [.text, .subhead, .text, .subhead, .text])
        let subheadTexts = subheads.sections.first?.paragraphs.filter { $0.kind == .subhead }.map(\.text)
        XCTAssertEqual(subheadTexts, ["The numbers:", "Outlook:"])

        let siblings = Fixtures.normalize(
            """
            **1. Larkspur Energy (Wind Turbines):**
            Larkspur Energy shipped 400 turbines in the quarter, a record.

            **2. Orion Semiconductor (Memory):**
            Orion raised prices for memory chips by ten percent.

            **3. Tidewater Freight (Logistics):**
            Tidewater opened a new hub in Savannah.
            """)
        XCTAssertEqual(
            siblings.ownHeadings,
            [
                "1. Larkspur Energy (Wind Turbines)", "2. Orion Semiconductor (Memory)",
                "3. Tidewater Freight (Logistics)",
            ])
        XCTAssertEqual(siblings.sections.map(\.paragraphs.count), [1, 1, 1])
    }

    func testLabelItems() {
        let document = Fixtures.normalize(
            """
            ## Larkspur Energy
            Larkspur shipped 400 turbines in the quarter, a **record**.

            - **Key figures:**
                - Revenue rose 12 percent.
                - Orders doubled.
            - **Citation:**
            - Source:
            - **Analyst view:** Shares look cheap.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Larkspur shipped 400 turbines in the quarter, a record.",
                "Key figures:", "Revenue rose 12 percent.", "Orders doubled.", "Analyst view: Shares look cheap.",
            ])
        XCTAssertEqual(
            document.sections.first?.paragraphs.map(\.kind).dropFirst(),
            [.item(depth: 0), .item(depth: 1), .item(depth: 1), .item(depth: 0)])
    }

    func testWholeTextInOneFenceIsUnwrapped() {
        for info in ["markdown", "md", ""] {
            let document = Fixtures.normalize(
                """
                ```\(info)
                # Chip Roundup

                ## Orion Semiconductor
                Orion raised prices for memory chips by **ten percent**, the company said.

                - Prices rise in January.
                - Buyers expect more increases.
                ```
                """)
            XCTAssertEqual(document.ownTitle, "Chip Roundup", info)
            XCTAssertEqual(document.ownHeadings, ["Orion Semiconductor"], info)
            XCTAssertEqual(
                document.paragraphTexts,
                [
                    "Orion raised prices for memory chips by ten percent, the company said.",
                    "Prices rise in January.", "Buyers expect more increases.",
                ], info)
        }
        let code = Fixtures.normalize(
            """
            # Rate Script

            ## Reading the Rates
            The port publishes its rates as a table that a script can read.

            ```python
            rates = load("rates.csv")
            ```
            """)
        XCTAssertEqual(code.paragraphTexts.count, 2)
        XCTAssertEqual(code.sections.first?.paragraphs.last?.markdown, "```python\nrates = load(\"rates.csv\")\n```")
    }

    static let robotHeadings = ["1. Gantry Robotics (Warehouse Picking)", "2. Mill Creek Automation (Farm Robots)"]

    func testNumberedLinesThatHeadAParagraph() {
        let document = Fixtures.normalize(
            """
            # Robotics Funding Roundup

            Three robot makers raised money this week from **large** investors.

            1. Gantry Robotics (Warehouse Picking)
            Gantry raised $40 million to build picking arms for warehouses.

            2. Mill Creek Automation (Farm Robots)
            Mill Creek raised $12 million for robots that weed fields.
            """)
        XCTAssertEqual(document.ownHeadings, Self.robotHeadings)
        XCTAssertEqual(document.sections.map(\.paragraphs.count), [1, 1, 1])

        let list = Fixtures.normalize(
            """
            # Robotics Funding Roundup

            Investors told us they look for **three** things in a robot maker:

            1. A product that works.
            2. Customers who pay.
            3. A team that ships.
            """)
        XCTAssertEqual(list.ownHeadings, [])
        XCTAssertEqual(
            list.sections.first?.paragraphs.map(\.kind),
            [.text, .item(depth: 0), .item(depth: 0), .item(depth: 0)])

        let plain = Fixtures.normalize(
            """
            Robotics Funding Roundup

            1. Gantry Robotics (Warehouse Picking)
            Gantry raised $40 million to build picking arms for warehouses.

            2. Mill Creek Automation (Farm Robots)
            Mill Creek raised $12 million for robots that weed fields.
            """)
        XCTAssertTrue(
            plain.ownHeadings == Self.robotHeadings,
            "in plain text, numbered lines that head a paragraph stay list items instead of headings")
    }

    func testLinkListsKeepTheirLinks() {
        let document = Fixtures.normalize(
            """
            ## Gantry Robotics
            Gantry raised **$40 million** to build picking arms for warehouses.

            Sources:
            - [Gantry press release](https://gantry.example.com/news)
            - [Mill Creek blog](https://millcreek.example.com/blog)
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Gantry raised $40 million to build picking arms for warehouses.",
                "[Gantry press release](https://gantry.example.com/news)",
                "[Mill Creek blog](https://millcreek.example.com/blog)",
            ])
        let inProse = Fixtures.normalize(
            """
            ## Gantry Robotics
            Gantry raised **$40 million**, says its [press release](https://gantry.example.com/news).
            """)
        XCTAssertEqual(inProse.paragraphTexts, ["Gantry raised $40 million, says its press release."])
    }

    func testDecorationInFrontOfHeadingsGoes() {
        let document = Fixtures.normalize(
            """
            🚀 Robotics Funding Roundup

            **🤖 Gantry Robotics**
            Gantry raised $40 million to build picking arms for warehouses, the company said.

            **πŸ’° Mill Creek Automation**
            Mill Creek raised $12 million for robots that weed fields, the company said.

            ## ✅ Key Takeaways
            - Investors still fund robots that do one job well.
            """)
        XCTAssertEqual(document.ownTitle, "Robotics Funding Roundup")
        XCTAssertEqual(document.ownHeadings, ["Gantry Robotics", "Mill Creek Automation", "Key Takeaways"])
        XCTAssertEqual(TextRules.droppingLeadingDecoration("3D Printing Rockets"), "3D Printing Rockets")
        XCTAssertEqual(TextRules.droppingLeadingDecoration("€5 Billion Deal"), "€5 Billion Deal")
    }

    func testTitleLineAsJinaReaderWritesIt() {
        let document = Fixtures.normalize(
            """
            Title: Gantry Robotics Raises $40 Million | Robot Report

            URL Source: https://robots.example.com/gantry-raises

            Published Time: 2024-12-18T09:30:00Z

            Markdown Content:
            Gantry Robotics raised $40 million to build picking arms for **warehouses**, the company said.

            ## What Gantry Builds
            Its arms pick items from shelves at twice the speed of a person.
            """)
        XCTAssertEqual(document.ownTitle, "Gantry Robotics Raises $40 Million")
        XCTAssertEqual(document.ownHeadings, ["What Gantry Builds"])
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Gantry Robotics raised $40 million to build picking arms for warehouses, the company said.",
                "Its arms pick items from shelves at twice the speed of a person.",
            ])
    }
}
