import Foundation
import XCTest

/// The normalizer's and the site's boundary rules as a reader of the built site sees them: which
/// bare lines become stories, where hard-wrapped paragraphs break, that a longer copy of a paragraph
/// is printed once, which words count as a company, and the numbers of taken slugs. One build for all.
final class BoundaryRulesTests: XCTestCase {
    nonisolated(unsafe) static var folder: URL?
    nonisolated(unsafe) static var result: BriefRunner.Result?

    /// A bare line of 16 title-case words: the most a heading has.
    static let sixteen =
        "Harbor Cranes Freight Tolls Rise Again North Terminal Ferry Dock Pilots Strike Talks Resume "
        + "Quayside Rents"

    static let content: [String: String] = [
        // Bare-line headings: 16 title-case words and not 17; one word of four letters and not three;
        // a sentence-case line of 12 words and not 13.
        "2024-06-01-harbor.txt": """
        ---
        title: Harbor Week
        ---
        An opening paragraph sets the scene for the stories below it, and it runs on for longer than any \
        line of a hard-wrapped text.
        \(sixteen)
        The harbor board met on Tuesday and approved the new crane order for the north quay after a long debate.
        \(sixteen) Climb
        The harbor board met on Wednesday and approved the new barge order for the east quay after a short debate.
        Outlook
        The harbor board met on Thursday and approved the new tug order for the south quay after a brief debate.
        Tax
        The harbor board met on Friday and approved the new ferry order for the west quay after a heated debate.
        Why the deal matters for the future of every small software maker
        The harbor board met on Saturday and approved the software contract for the quays after a quiet debate.
        Why the deal matters for the future of every small software maker today
        The harbor board met on Sunday and approved the hardware contract for the quays after a loud debate.

        """,
        // Hard-wrapped at 72 bytes: the line of 62 bytes was full ("Shipping" would not have fitted)…
        "2024-06-02-cranes-joined.txt": """
        ---
        title: Cranes Joined
        ---
        The port authority said on Monday that its new cranes will arrive in two
        batches, the first of them well before the winter storms close the north
        channel to the big ships that carry them from the island yard.
        Shipping lines had asked for new cranes for years, and their pilots said
        the old machines are slow and break down in the cold months of the year.
        Repairs now take weeks.

        """,
        // …the line of 61 bytes left room: the paragraph ended there.
        "2024-06-03-cranes-split.txt": """
        ---
        title: Cranes Split
        ---
        The port authority said on Monday that its new cranes will arrive in two
        batches, the first of them well before the winter storms close the north
        channel to the big ships that carry them from the south yard.
        Shipping lines had asked for new cranes for years, and their pilots said
        the old machines are slow and break down in the cold months of the year.
        Repairs now take weeks.

        """,
        // A full copy with a paragraph cut in two, and a part with it whole.
        "2024-06-04-merged.txt": """
        ---
        title: Merged Copies
        ---
        Harbor cranes at the northern terminal were replaced over the summer [...]
        by a fleet of electric models that the port bought from a Finnish maker.
        Pilots said the new cranes were quieter.
        Part 1/1:
        Harbor cranes at the northern terminal were replaced over the summer by a fleet of electric models \
        that the port bought from a Finnish maker.
        Pilots said the new cranes were quieter.

        """,
        // Companies: a possessive alone vouches for "Apple"; "Tesla.com", "Meta-analysis" and "@Nvidia" name nobody.
        "2024-06-05-companies.txt": """
        ---
        title: Orchard Notes
        ---
        Apple's new campus opened in the spring, next to the old orchards.
        Shoppers went to Tesla.com for the deal, and a Meta-analysis of the crowds followed @Nvidia on the radio.
        The Tidewater Freight Corporation said its ships would call at the quay. \
        Tidewater Freight's captains agreed.
        Tidewater Freighters are a kind of barge, and Tidewater Freight-based crews sail them.

        """,
        // Slugs: "port-deal" is taken, and "port-deal-2" is the next briefing's own: the third gets "-3".
        "2024-05-01-first.txt": "---\ntitle: Port Deal\n---\nThe first port deal was signed today.\n",
        "2024-05-02-second.txt": "---\ntitle: Port Deal 2\n---\nThe second port deal was signed today.\n",
        "2024-05-03-third.txt": "---\ntitle: Port Deal\n---\nThe third port deal was signed today.\n",
    ]

    override class func setUp() {
        super.setUp()
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("brief-e2e-boundaries-\(UUID().uuidString)")
        folder = url
        do {
            for (path, text) in content { try E2E.write(text, "Content/" + path, in: url) }
            result = try BriefRunner.run(["build"], in: url)
        } catch {
            result = nil
        }
    }

    override class func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    private func site() throws -> URL {
        let result = try XCTUnwrap(Self.result, "brief build did not run")
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(Self.folder).appendingPathComponent("Site")
    }

    private func storyHeadings(of briefing: String) throws -> [String] {
        let page = E2E.read(try site(), "briefings/\(briefing)/index.html")
        let pattern = try NSRegularExpression(pattern: #"<h2 id="story-\d+-title"><a href="[^"]*">([^<]*)</a></h2>"#)
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).compactMap { match in
            Range(match.range(at: 1), in: page).map { String(page[$0]) }
        }
    }

    func testBareLinesBecomeStoriesWithinTheHeadingLimits() throws {
        XCTAssertEqual(
            try storyHeadings(of: "harbor-week"),
            [
                "Harbor Week",
                Self.sixteen,
                "Outlook",
                "Why the deal matters for the future of every small software maker",
            ])
        // What is not a heading stays in the story as a paragraph.
        let outlook = E2E.read(try site(), "stories/outlook/index.html")
        XCTAssertTrue(outlook.contains("<p>Tax</p>"), outlook)
        // The slug stops at 80 characters, at a word.
        let slug = "harbor-cranes-freight-tolls-rise-again-north-terminal-ferry-dock-pilots-strike"
        let sixteen = E2E.read(try site(), "stories/\(slug)/index.html")
        XCTAssertTrue(sixteen.contains("<p>\(Self.sixteen) Climb</p>"), sixteen)
    }

    func testHardWrappedParagraphsBreakOnlyWhereALineLeftRoom() throws {
        let joined = E2E.read(try site(), "stories/cranes-joined/index.html")
        XCTAssertTrue(joined.contains("from the island yard. Shipping lines had asked"), joined)
        let split = E2E.read(try site(), "stories/cranes-split/index.html")
        XCTAssertTrue(split.contains("from the south yard.</p>\n<p>Shipping lines had asked"), split)
        XCTAssertTrue(split.contains("of the year. Repairs now take weeks.</p>"), split)
    }

    /// The story's body, without the page's head (whose description repeats the first sentence).
    private func body(ofStory slug: String) throws -> String {
        let page = E2E.read(try site(), "stories/\(slug)/index.html")
        guard let start = page.range(of: "<div class=\"prose\">"),
            let end = page.range(of: "</div>", range: start.upperBound..<page.endIndex)
        else {
            XCTFail("no story body in \(page)")
            return ""
        }
        return String(page[start.upperBound..<end.lowerBound])
    }

    func testALongerCopyOfAParagraphIsPrintedOnce() throws {
        let story = try body(ofStory: "merged-copies")
        XCTAssertEqual(E2E.count("by a fleet of electric models", in: story), 1, story)
        XCTAssertTrue(story.contains("<p>Harbor cranes at the northern terminal were replaced over the summer"), story)
        XCTAssertEqual(E2E.count("Pilots said the new cranes were quieter.", in: story), 1, story)
    }

    func testCompanyPagesFollowTheWordBoundaries() throws {
        let site = try site()
        let files = BriefRunner.files(in: site.appendingPathComponent("companies"))
        let companies = Set(files.map { $0.split(separator: "/")[0] })
        XCTAssertTrue(companies.contains("apple"), "\(companies.sorted())")
        XCTAssertTrue(companies.contains("tidewater-freight"), "\(companies.sorted())")
        for nobody in ["tesla", "meta", "nvidia"] {
            XCTAssertFalse(companies.contains(Substring(nobody)), nobody)
        }
        let tidewater = E2E.read(site, "companies/tidewater-freight/index.html")
        // "Tidewater Freight Corporation" and "Tidewater Freight's"; not "Freighters", not "Freight-based".
        XCTAssertTrue(tidewater.contains("Mentioned 2 times in 1 story"), tidewater)
    }

    func testTakenSlugsAreNumberedPastOnesInUse() throws {
        let site = try site()
        for slug in ["port-deal", "port-deal-2", "port-deal-3"] {
            let page = site.appendingPathComponent("briefings/\(slug)/index.html")
            XCTAssertTrue(FileManager.default.fileExists(atPath: page.path), slug)
        }
        for (slug, which) in [("port-deal", "first"), ("port-deal-2", "second"), ("port-deal-3", "third")] {
            let story = E2E.read(site, "stories/\(slug)/index.html")
            XCTAssertTrue(story.contains("The \(which) port deal was signed today."), slug)
        }
        let stderr = try XCTUnwrap(Self.result).stderr
        let warning =
            "Content/2024-05-03-third.txt:1:1: warning: briefing slug \"port-deal\" is already used by "
            + "Content/2024-05-01-first.txt:1; this one is \"port-deal-3\""
        XCTAssertTrue(stderr.contains(warning), stderr)
    }
}
