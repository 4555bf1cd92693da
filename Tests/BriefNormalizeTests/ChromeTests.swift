import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// Page chrome recognized by its form (`Chrome`) and by its place (`ChromeContext`), and prose
/// that looks a little like it and stays.
final class ChromeTests: XCTestCase {
    private func assertChrome(_ lines: [String], _ kind: Chrome, file: StaticString = #filePath, line: UInt = #line) {
        for text in lines {
            XCTAssertEqual(Chrome.kind(of: text), kind, text, file: file, line: line)
        }
    }

    private func assertText(_ lines: [String], file: StaticString = #filePath, line: UInt = #line) {
        for text in lines {
            XCTAssertNil(Chrome.kind(of: text), text, file: file, line: line)
        }
    }

    static let hub = "Tidewater Freight opened a hub in Savannah on Tuesday, the company said."

    // MARK: By form

    func testNavigationLines() {
        assertChrome(
            [
                "Home | Business | Freight | Markets | Subscribe",
                "News › Logistics › Ports",
                "World · Business · Tech",
                "Ports / Rail / Trucking / Air",
                "Skip to main content",
                "Now Playing",
                "Related Articles",
            ], .navigation)
    }

    func testShareBars() {
        assertChrome(
            [
                "Share this article: Twitter Facebook LinkedIn",
                "Share on X · Email",
                "Facebook Twitter WhatsApp Email",
                "Share",
                "Copy link",
            ], .share)
    }

    func testBylines() {
        assertChrome(
            [
                "By Lena Ortiz", "By Lena Ortiz and Sam Wu", "Written by Priya Nair", "By LENA ORTIZ | Staff Writer",
            ], .byline)
        assertText([
            "By the end of the year, freight volumes had doubled.",
            "By contrast, rail traffic fell in the same quarter.",
            "By the numbers",
            "By sea and by rail",
            "By the end of May",
        ])
    }

    func testDateLines() {
        assertChrome(
            [
                "2024-12-18",
                "December 18, 2024",
                "01/16/2002",
                "Wednesday, December 18, 2024",
                "Dec 18, 2024 10:30 AM",
                "Updated December 18, 2024 at 9:15 a.m.",
                "Harborwire · December 18, 2024",
                "Published: 2024-12-18T09:30:00Z",
            ], .meta)
        assertText([
            "Day 1: Thursday, December 5",
            "December was the busiest month in the port's history, officials said.",
            "The port moved 2,024 containers in May.",
        ])
    }

    func testCountersAndReadingTime() {
        assertChrome(
            [
                "157 comments",
                "1,234 views",
                "17m 14s3,510 words492 segmentsEnglish",
                "5 min read",
                "12 minute read",
                "Reading time: 4 minutes",
            ], .meta)
        assertText(["157 ships waited outside the port in October.", "5 minutes later the cranes stopped."])
    }

    func testCaptionsAndCredits() {
        assertChrome(
            [
                "Workers load containers at the new hub in Savannah. (Photo: Tidewater Freight)",
                "A crane lifts a container onto a ship at dawn in the port of Oakland. (AP Photo/Jane Roe, File)",
                "Photo: Jane Roe for Harborwire",
                "Image credit: Tidewater Freight",
                "X Logo",
                "Tidewater Freight logo",
            ], .caption)
        assertText([
            "The photo of the crane went around the world in a day.",
            "The logo change cost the company two million dollars.",
        ])
    }

    func testLabelledMeta() {
        assertChrome(
            [
                "Source: https://harborwire.example.com/savannah-hub",
                "Model: gpt-4o",
                "**Date:** December 18, 2024",
                "*Model: claude-3-opus*",
                "Markdown Content:",
                "Weekly Freight Talk Podcast Link: https://pod.example.com/episode-12",
                "Tags: ports, freight, Savannah",
            ], .meta)
        assertText(["Source of the delay: a broken crane and a shortage of drivers at the gate, officials said."])
    }

    func testPagePositions() {
        assertChrome(["Page 6, Column 1", "Business Desk; Section C", "Vol. 12"], .meta)
        assertText(["Page after page of filings showed the same pattern."])
    }

    func testPromotionsFootersAndAds() {
        assertChrome(
            [
                "Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                "Sponsored by Tidewater Freight",
            ], .advertisement)
        assertChrome(
            [
                "Sign up for our daily logistics newsletter", "Subscribe to Harborwire for $1 a week",
                "Don't miss our weekly port briefing", "Follow us on Bluesky",
            ], .prompt)
        let longPromotion =
            "Sign up for the Harborwire morning briefing to get the day's most important freight, port "
            + "and shipping news, analysis from our reporters and exclusive interviews in your inbox every weekday."
        XCTAssertGreaterThan(longPromotion.utf8.count, Chrome.maxShortLength)
        XCTAssertEqual(Chrome.kind(of: longPromotion), .prompt)
        assertChrome(["© 2024 Harborwire Media. All rights reserved.", "Privacy Policy", "Terms of Use"], .footer)
        assertChrome(
            ["We use cookies to improve your experience. By continuing you accept our cookie policy."],
            .prompt)
    }

    func testProseThatLooksLikeChromeStays() {
        assertText([
            "Share prices rose four percent after the port reported record volumes.",
            "Shares of Tidewater Freight fell after the report.",
            "Subscribers to the freight index pay $2,000 a year.",
            "The bakery near the terminal sold more cookies than ever this year.",
            "Nvidia beat estimates again | Shares rose 4% in late trading as investors cheered the results",
            "Tidewater beat estimates | Shares rose 4% in late trading as investors cheered | Guidance was raised.",
            "Home prices near the port rose faster than anywhere else in the state.",
            "Advertisement spending by freight companies doubled in 2024.",
            "Follow the money, the analyst said, and you will find the cranes.",
        ])
        let sentenceWithCookies = "Dock workers accept the new contract, which adds coffee and cookies to every shift."
        XCTAssertTrue(
            Chrome.kind(of: sentenceWithCookies) == nil,
            "a sentence that mentions cookies and the word \"accept\" is taken for a cookie notice")
        let yearHeading = "2025 Outlook:"
        XCTAssertTrue(
            Chrome.kind(of: yearHeading) == nil, "a label with a year and one word is taken for a date line and removed"
        )
    }

    func testRelativeDatesAreMeta() {
        // Video and social pages print the age of a post: "3 days ago", "• last month".
        for age in ["5 hours ago", "3 days ago", "2 weeks ago", "last month", "1 year ago"] {
            XCTAssertTrue(
                Chrome.kind(of: age) == .meta, "a relative date (\"\(age)\") is not recognized as a meta line")
        }
        XCTAssertNil(Chrome.kind(of: "3 days ago the cranes stopped working in the heat."))
    }

    // MARK: By place

    func testChatbotPreambleIsNeverTheTitle() {
        let document = Fixtures.normalize(
            """
            Sure! Here's a summary of this week's freight news:

            # Freight Week

            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.
            """)
        XCTAssertEqual(document.ownTitle, "Freight Week")
        XCTAssertEqual(document.paragraphTexts, [Self.hub])

        let withoutColon = Fixtures.normalize(
            """
            Here is a brief overview of the port news from this week.

            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.
            """)
        XCTAssertEqual(withoutColon.paragraphTexts, [Self.hub])
        XCTAssertNil(withoutColon.ownTitle)
    }

    func testPreambleOnlyAtTheTop() {
        let document = Fixtures.normalize(
            """
            The port authority reported record volumes for the month of November.

            Here is a summary of the numbers the port gave:

            Containers rose twelve percent and bulk cargo fell three percent.
            """)
        XCTAssertEqual(document.paragraphTexts.count, 3)
        XCTAssertTrue(document.paragraphTexts.contains("Here is a summary of the numbers the port gave:"))
    }

    func testSignOffAndSignature() {
        let document = Fixtures.normalize(
            """
            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.

            Rates for container shipping fell for the third week in a row.

            Until next time,
            Keep shipping,
            The Harborwire Team
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a hub in Savannah on Tuesday, the company said.",
                "Rates for container shipping fell for the third week in a row.",
            ])
        let chatbot = Fixtures.normalize(
            """
            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.

            Let me know if you would like a shorter version of this summary!
            """)
        XCTAssertEqual(chatbot.paragraphTexts, [Self.hub])
    }

    func testShortLastLineWithoutSignOffStays() {
        let document = Fixtures.normalize(
            """
            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.

            Rates for container shipping fell again
            """)
        XCTAssertEqual(document.paragraphTexts.first, Self.hub)
        XCTAssertEqual(document.paragraphTexts.count, 2)
    }

    func testSelfDescribingClosing() {
        let document = Fixtures.normalize(
            """
            # Freight Week

            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.

            This structured summary provides an overview of the most important freight news of the week.
            """)
        XCTAssertEqual(document.paragraphTexts, [Self.hub])
        let prose = Fixtures.normalize(
            """
            Tidewater Freight opened a hub in Savannah on Tuesday, the company said.

            This hub provides jobs for three hundred people in the county.
            """)
        XCTAssertEqual(prose.paragraphTexts.count, 2)
    }

    func testCommentSectionAfterTheCounter() {
        let document = Fixtures.normalize(
            """
            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting on more traffic.

            42 comments

            Great news for the port, finally some jobs here in town for everyone.
            I drive a truck there and the lines at the gate are already too long.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting on more traffic."
            ])
    }

    func testCreditLineNextToACaption() {
        let document = Fixtures.normalize(
            """
            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting on more traffic.

            Photo: Cranes unload a ship at the Savannah terminal.
            Jane Roe

            The hub can sort 40,000 parcels an hour, the company said on Tuesday.
            """)
        XCTAssertEqual(document.ownHeadings, [], "the credit is no heading")
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, betting on more traffic.",
                "The hub can sort 40,000 parcels an hour, the company said on Tuesday.",
            ])
    }

    func testMailHeadersAtTheTop() {
        let document = Fixtures.normalize(
            """
            From: Harborwire <news@harborwire.example.com>
            To: reader@example.com
            Subject: Freight Week: Savannah hub opens
            Date: Wed, 18 Dec 2024 06:00:00 -0500
            Content-Type: text/plain;
             charset=utf-8

            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said."
            ])
        let twoLabels = Fixtures.normalize(
            """
            Date: the meeting is on Friday at the port office downtown.
            Place: the port office, second floor, room twelve.

            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said.
            """)
        XCTAssertEqual(twoLabels.paragraphTexts.count, 3, "two labelled lines are not a mail header block")
    }

    func testLinkFooterAfterARule() {
        let run = Normalizer.run(
            SourceText(
                path: "Content/footer.md",
                text: """
                    Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said.

                    ---

                    [About](https://harborwire.example.com/about) | [Contact](https://harborwire.example.com/contact)
                    ![Harborwire](https://harborwire.example.com/logo.png)
                    """), options: NormalizeOptions())
        XCTAssertEqual(
            run.document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said."
            ])
        XCTAssertEqual(run.lines.last?.kind, .chrome(.link))
    }

    func testSponsoredBlockAboveItsDisclosure() {
        let document = Fixtures.normalize(
            """
            ## Rates Keep Falling
            Container rates fell for the third month in a row, brokers said on Friday.

            ## Ship Smarter With Dockly
            Dockly books your freight in one click and saves shippers up to 30 percent.
            Try it free for a month.
            *This is sponsored content.

            ## Cranes Arrive in Oakland
            Two new cranes arrived in Oakland to clear the backlog of ships.
            """)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Container rates fell for the third month in a row, brokers said on Friday.",
                "Two new cranes arrived in Oakland to clear the backlog of ships.",
            ])
    }

    func testPreviewListBeforeTheSections() {
        let preview = """
            Here's what's on our plate today:
            - Rates keep falling
            - Cranes arrive in Oakland

            ## Rates Keep Falling
            Container rates fell for the third month in a row, brokers said on Friday.

            ## Cranes Arrive in Oakland
            Two new cranes arrived in Oakland to clear the backlog of ships.
            """
        let document = Fixtures.normalize("Good morning, freight fans.\n\n" + preview)
        XCTAssertEqual(document.ownHeadings, ["Rates Keep Falling", "Cranes Arrive in Oakland"])
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Good morning, freight fans.",
                "Container rates fell for the third month in a row, brokers said on Friday.",
                "Two new cranes arrived in Oakland to clear the backlog of ships.",
            ])
        let atTheTop = Fixtures.normalize(preview)
        XCTAssertTrue(
            atTheTop.paragraphTexts.count == 2,
            "a preview label on the first line is taken for a chatbot preamble, so its list is no longer "
                + "seen as a preview and stays")

        let keyPoints = Fixtures.normalize(
            """
            Here's what the port said on Friday:
            - Container rates fell for the third month in a row.
            - Two new cranes arrived to clear the backlog of ships.
            """)
        XCTAssertEqual(
            keyPoints.paragraphTexts.suffix(2),
            [
                "Container rates fell for the third month in a row.",
                "Two new cranes arrived to clear the backlog of ships.",
            ], "a list with no sections after it is the content")
    }

    func testChromeIsNeverTheTitle() {
        let document = Fixtures.normalize(
            """
            Home | Freight | Ports | Subscribe
            December 18, 2024
            By Lena Ortiz
            Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said.
            """)
        XCTAssertNil(document.ownTitle)
        XCTAssertEqual(
            document.paragraphTexts,
            [
                "Tidewater Freight opened a new logistics hub in Savannah on Tuesday, the company said."
            ])
    }
}
