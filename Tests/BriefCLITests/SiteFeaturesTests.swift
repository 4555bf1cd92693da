import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The complete briefing site, end to end: `brief.yml`, dates, drafts, the front, story and
/// briefing pages, both feeds, the sitemap, search and the `<head>` of every page.
final class SiteFeaturesTests: XCTestCase {
    static let base = "https://example.org/news/"

    // MARK: brief.yml

    func testEveryConfigKeyChangesTheOutput() throws {
        // The same content, first with the defaults …
        let plain = try E2E.richSite(self)
        let defaults = try BriefRunner.run(["build"], in: plain)
        XCTAssertEqual(defaults.status, 0, defaults.stderr)
        let plainSite = plain.appendingPathComponent("Site")
        let plainIndex = E2E.read(plainSite, "index.html")
        XCTAssertTrue(plainIndex.contains("<title>Briefings</title>"), "default title")
        XCTAssertTrue(plainIndex.contains("<html lang=\"en\""), "default language")
        XCTAssertFalse(plainIndex.contains("rel=\"canonical\""), "no canonical link without base_url")
        XCTAssertEqual(
            E2E.count("<article class=\"card\">", in: plainIndex), 3,
            "all three stories of the latest briefing by default")
        let plainAtom = E2E.read(plainSite, "feed.xml")
        XCTAssertEqual(E2E.count("<entry>", in: plainAtom), 9, "every story is in the feed by default")
        XCTAssertTrue(plainAtom.contains("<author><name>Briefings</name></author>"), plainAtom)
        XCTAssertTrue(
            plainAtom.contains("<published>2024-05-01T00:00:00Z</published>"), "dates are read in UTC by default")

        // … then with every key set.
        let folder = try E2E.richSite(self)
        try E2E.write(
            """
            title: "Acme & Sons Daily"
            description: "What moved <markets> today"
            base_url: https://example.org/news
            language: de-CH
            author: Jane Doe
            timezone: America/New_York
            stories_on_front_page: 2
            feed_items: 3

            """, "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("base_url is not set"), result.stderr)
        let site = folder.appendingPathComponent("Site")

        // title, description, language: in <title>, the header, the footer, <meta> and lang.
        let index = E2E.read(site, "index.html")
        XCTAssertTrue(index.contains("<title>Acme &amp; Sons Daily</title>"), index)
        XCTAssertTrue(
            index.contains("<a class=\"site-title\" href=\"index.html\">Acme &amp; Sons Daily</a>"),
            "title in the header")
        XCTAssertTrue(
            index.contains("<meta name=\"description\" content=\"What moved &lt;markets&gt; today\">"),
            "description in <meta>")
        XCTAssertTrue(index.contains("<p>What moved &lt;markets&gt; today</p>"), "description in the footer")
        XCTAssertTrue(index.contains("<html lang=\"de-CH\""), "language")
        let story = E2E.read(site, "stories/nvidia-raises-its-outlook/index.html")
        XCTAssertTrue(story.contains("<title>Nvidia Raises Its Outlook · Acme &amp; Sons Daily</title>"), story)
        XCTAssertTrue(story.contains("<html lang=\"de-CH\""))

        // base_url: canonical links, with a trailing slash added.
        XCTAssertTrue(
            index.contains("<link rel=\"canonical\" href=\"https://example.org/news/\">"), "canonical of the front page"
        )
        XCTAssertTrue(
            story.contains(
                "<link rel=\"canonical\" href=\"https://example.org/news/stories/nvidia-raises-its-outlook/\">"),
            "canonical of a story")

        // stories_on_front_page: two of the latest briefing's three stories.
        XCTAssertEqual(E2E.count("<article class=\"card\">", in: index), 2, "stories_on_front_page: 2")
        XCTAssertTrue(index.contains("stories/nvidia-raises-its-outlook/index.html"))
        XCTAssertTrue(index.contains("stories/intel-opens-a-factory-in-ohio/index.html"))
        XCTAssertFalse(
            index.contains("stories/a-long-look-at-tesla-batteries/index.html"), "the third story is over the limit")

        // feed_items, author, language, base_url and timezone in the Atom feed.
        let atom = E2E.read(site, "feed.xml")
        XCTAssertEqual(E2E.count("<entry>", in: atom), 3, "feed_items: 3 in feed.xml")
        XCTAssertTrue(atom.contains("<author><name>Jane Doe</name></author>"), atom)
        XCTAssertTrue(atom.contains("xml:lang=\"de-CH\""))
        XCTAssertTrue(atom.contains("<title>Acme &amp; Sons Daily</title>"))
        XCTAssertTrue(
            atom.contains(
                "<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/news/feed.xml\"/>"), atom)
        XCTAssertTrue(atom.contains("<id>https://example.org/news/stories/nvidia-raises-its-outlook/</id>"), atom)
        // 2024-05-01 without a time, read in New York (UTC-4 in May).
        XCTAssertTrue(
            atom.contains("<published>2024-05-01T04:00:00Z</published>"), "timezone: America/New_York\n\(atom)")
        XCTAssertFalse(atom.contains("<published>2024-05-01T00:00:00Z</published>"))

        // The same in the JSON feed.
        let json = try E2E.json(site, "feed.json")
        XCTAssertEqual((json["items"] as? [Any])?.count, 3, "feed_items: 3 in feed.json")
        XCTAssertEqual(json["title"] as? String, "Acme & Sons Daily")
        XCTAssertEqual(json["description"] as? String, "What moved <markets> today")
        XCTAssertEqual(json["language"] as? String, "de-CH")
        XCTAssertEqual(json["home_page_url"] as? String, "https://example.org/news/")
        XCTAssertEqual(json["feed_url"] as? String, "https://example.org/news/feed.json")
        XCTAssertEqual((json["authors"] as? [[String: Any]])?.first?["name"] as? String, "Jane Doe")
        let first = (json["items"] as? [[String: Any]])?.first
        XCTAssertEqual(first?["date_published"] as? String, "2024-05-01T04:00:00Z")
    }

    func testUnknownConfigKeyIsAWarningWithItsPosition() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write("title: Fine Title\n  # a comment\ncolour: blue\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("brief.yml:3:1: warning: unknown key \"colour\" in brief.yml; known keys: title, "),
            result.stderr)
        XCTAssertTrue(
            E2E.read(folder.appendingPathComponent("Site"), "index.html").contains("<title>Fine Title</title>"),
            "the known keys still apply")
    }

    func testWrongConfigValuesAreErrorsAndKeepThePreviousSite() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let before = E2E.snapshot(site)
        XCTAssertFalse(before.isEmpty)

        let cases: [(yaml: String, expected: String)] = [
            ("feed_items: many", "brief.yml:2:13: error: \"feed_items\" must be a whole number"),
            ("base_url: ftp://x", "brief.yml:2:11: error: \"base_url\" must be an absolute http(s) address"),
            ("base_url: example.org", "brief.yml:2:11: error: \"base_url\" must be an absolute http(s) address"),
            ("timezone: Mars/Base", "brief.yml:2:11: error: unknown time zone \"Mars/Base\""),
            ("stories_on_front_page: 0", "brief.yml:2:24: error: \"stories_on_front_page\" must be between 1 and 1000"),
            ("language: en us", "brief.yml:2:11: error: \"language\" must be a BCP 47 language tag"),
            (
                "language: english",
                "brief.yml:2:11: error: \"language\" must be a BCP 47 language tag such as en, de or pt-BR, not \"english\""
            ),
            ("language: en_US", "brief.yml:2:11: error: \"language\" must be a BCP 47 language tag"),
            ("title: [a, b]", "brief.yml:2:8: error: \"title\" must be text"),
            ("max_source_size: huge", "brief.yml:2:18: error: \"max_source_size\" must be a whole number"),
            ("max_page_size: 100", "brief.yml:2:16: error: \"max_page_size\" must be between 1024 and 1073741824"),
        ]
        for (yaml, expected) in cases {
            try E2E.write("description: Broken on purpose\n\(yaml)\n", "brief.yml", in: folder)
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 1, yaml)
            XCTAssertTrue(result.stderr.contains(expected), "expected \(expected) in:\n\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("Build failed with 1 error; Site/ was left as it was."), result.stderr)
            E2E.assertSameFiles(E2E.snapshot(site), before, "Site/ after \(yaml)")
        }
    }

    // MARK: Dates

    func testBriefingsAreOrderedByContentDates() throws {
        let folder = BriefRunner.temporaryFolder(self)
        // File-name date.
        try E2E.write(
            "Alpha Morning Notes\nChip Makers Race Ahead\n\(E2E.paragraph("Nvidia", 2))\n\(E2E.paragraph("Intel", 2))\n",
            "Content/2024-05-01-alpha.txt", in: folder)
        // Front matter date.
        try E2E.write(
            E2E.markdown(title: "Beta Notes", front: "date: 2024-06-01", stories: ["Beta Story"]), "Content/beta.md",
            in: folder)
        // Front matter wins over the file name.
        try E2E.write(
            E2E.markdown(title: "Gamma Notes", front: "date: 2024-07-01T09:30:00Z", stories: ["Gamma Story"]),
            "Content/2020-01-01-gamma.md", in: folder)
        try E2E.write(
            E2E.markdown(title: "Epsilon Notes", stories: ["Epsilon Story"]), "Content/2023-12-31-epsilon.md",
            in: folder)
        // Undated: after every dated one, by file name.
        try E2E.write(E2E.markdown(title: "Zeta Notes", stories: ["Zeta Story"]), "Content/zeta.md", in: folder)
        try E2E.write(E2E.markdown(title: "Delta Notes", stories: ["Delta Story"]), "Content/delta.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")

        let list = E2E.read(site, "briefings/index.html")
        let order = ["Gamma Notes", "Beta Notes", "Alpha Morning Notes", "Epsilon Notes", "Delta Notes", "Zeta Notes"]
        XCTAssertEqual(
            E2E.positions(of: order.map { ">\($0)</a>" }, in: list), order.indices.map { $0 },
            "order on briefings/index.html:\n\(list)")
        XCTAssertTrue(
            list.contains("Gamma Notes</a> <span class=\"meta\"><time datetime=\"2024-07-01\">1 July 2024</time>"), list
        )
        XCTAssertTrue(
            list.contains("Beta Notes</a> <span class=\"meta\"><time datetime=\"2024-06-01\">1 June 2024</time>"), list)
        XCTAssertTrue(
            list.contains(
                "Alpha Morning Notes</a> <span class=\"meta\"><time datetime=\"2024-05-01\">1 May 2024</time>"), list)
        XCTAssertTrue(
            list.contains(
                "Epsilon Notes</a> <span class=\"meta\"><time datetime=\"2023-12-31\">31 December 2023</time>"), list)
        XCTAssertTrue(
            list.contains("Delta Notes</a> <span class=\"meta\">1 story</span>"),
            "an undated briefing shows no date:\n\(list)")

        // The latest briefing leads the front page; the story pages carry the briefing's date.
        let index = E2E.read(site, "index.html")
        XCTAssertTrue(index.contains("<a href=\"briefings/gamma-notes/index.html\">Gamma Notes</a></h3>"), index)
        XCTAssertTrue(
            E2E.read(site, "stories/gamma-story/index.html").contains(
                "<time datetime=\"2024-07-01\">1 July 2024</time>"))
        XCTAssertTrue(
            E2E.read(site, "stories/chip-makers-race-ahead/index.html").contains(
                "<time datetime=\"2024-05-01\">1 May 2024</time>"))
        let zeta = E2E.read(site, "stories/zeta-story/index.html")
        XCTAssertNotNil(
            zeta.range(of: #"<h1>Zeta Story</h1>\n<p class="meta">\d+ min read</p>"#, options: .regularExpression),
            "an undated story shows no date:\n\(zeta)")

        // The feed is newest first and uses the front matter time.
        let atom = E2E.read(site, "feed.xml")
        XCTAssertTrue(atom.contains("<updated>2024-07-01T09:30:00Z</updated>"), atom)
        let feedOrder = ["Gamma Story", "Beta Story", "Chip Makers Race Ahead", "Epsilon Story"].map {
            "<title>\($0)</title>"
        }
        XCTAssertEqual(E2E.positions(of: feedOrder, in: atom), [0, 1, 2, 3], "feed order")
    }

    func testBuildsAreByteIdenticalAtDifferentTimesAndPlaces() throws {
        var sites: [[String: Data]] = []
        for (round, zone) in ["UTC", "Pacific/Kiritimati"].enumerated() {
            let folder = try E2E.richSite(self)
            try E2E.write("base_url: https://example.org/news/\nauthor: Jane\n", "brief.yml", in: folder)
            // Different modification times for the sources must not show.
            let content = folder.appendingPathComponent("Content")
            for file in BriefRunner.files(in: content) {
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSinceNow: Double(round) * -86400 * 400)],
                    ofItemAtPath: content.appendingPathComponent(file).path)
            }
            if round == 1 { Thread.sleep(forTimeInterval: 1.2) }
            let result = try BriefRunner.run(
                ["build"], in: folder, environment: ["TZ": zone, "LANG": round == 0 ? "C" : "de_DE.UTF-8"])
            XCTAssertEqual(result.status, 0, result.stderr)
            sites.append(E2E.snapshot(folder.appendingPathComponent("Site")))
            if round == 1 {
                // Again in the same folder, after the first build left its state behind.
                try FileManager.default.removeItem(at: folder.appendingPathComponent("Site"))
                Thread.sleep(forTimeInterval: 1.1)
                let again = try BriefRunner.run(["build"], in: folder)
                XCTAssertEqual(again.status, 0, again.stderr)
                sites.append(E2E.snapshot(folder.appendingPathComponent("Site")))
            }
        }
        XCTAssertGreaterThan(sites[0].count, 20)
        E2E.assertSameFiles(sites[1], sites[0], "two builds of the same content")
        E2E.assertSameFiles(sites[2], sites[0], "a rebuild in the same folder")
    }

    func testSourceDateEpochDatesAnUndatedFeed() throws {
        let folder = try BriefRunner.sampleSite(self)
        let result = try BriefRunner.run(["build"], in: folder, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let atom = E2E.read(site, "feed.xml")
        XCTAssertTrue(atom.contains("<updated>2023-11-14T22:13:20Z</updated>"), atom)
        XCTAssertEqual(E2E.count("<published>2023-11-14T22:13:20Z</published>", in: atom), 4, "every undated entry")
        let items = try E2E.json(site, "feed.json")["items"] as? [[String: Any]] ?? []
        XCTAssertEqual(items.count, 4)
        XCTAssertEqual(Set(items.map { $0["date_published"] as? String ?? "" }), ["2023-11-14T22:13:20Z"])

        let other = try BriefRunner.sampleSite(self)
        let plain = try BriefRunner.run(["build"], in: other, environment: ["SOURCE_DATE_EPOCH": "1600000000"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(
            E2E.read(other.appendingPathComponent("Site"), "feed.xml").contains(
                "<updated>2020-09-13T12:26:40Z</updated>"))
    }

    func testUndatedSourcesGetOneWarningAndAReproducibleFeedDate() throws {
        let folder = try E2E.richSite(self)
        for name in ["zeta", "delta"] {
            try E2E.write(
                E2E.markdown(title: "\(name) notes", stories: ["\(name) story"]), "Content/\(name).md", in: folder)
        }
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        // One warning for the three undated sources, at the first by name, saying how to date them.
        XCTAssertEqual(
            E2E.count("have no date", in: result.stderr) + E2E.count("has no date", in: result.stderr), 1, result.stderr
        )
        XCTAssertTrue(
            result.stderr.contains("Content/delta.md:1:1: warning: this source and 2 others have no date: "),
            result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                "start its file name with the day (2024-05-01-name.txt) or put `date: 2024-05-01` in its front matter"))
        XCTAssertTrue(
            try BriefRunner.run(["build"], in: folder).stderr.contains(
                "Content/delta.md:1:1: warning: this source and 2 others"),
            "repeated by a build with nothing to do")

        // The feeds date undated stories at the start of the oldest dated day (2024-04-20), after the dated ones.
        let site = folder.appendingPathComponent("Site")
        let atom = E2E.read(site, "feed.xml")
        XCTAssertFalse(atom.contains("1970"), atom)
        XCTAssertEqual(
            E2E.count("<published>2024-04-20T00:00:00Z</published>", in: atom), 2 + 6,
            "Market Wrap's and the undated stories")
        let items = try E2E.json(site, "feed.json")["items"] as? [[String: Any]] ?? []
        XCTAssertEqual(items.last?["date_published"] as? String, "2024-04-20T00:00:00Z")

        // A site with no date at all: 1 January 2000, unless SOURCE_DATE_EPOCH says otherwise.
        let undated = try BriefRunner.sampleSite(self)
        let plain = try BriefRunner.run(["build"], in: undated)
        XCTAssertTrue(
            plain.stderr.contains(
                "Content/tesla-unmatched-speed-of-innovation.txt:1:1: warning: this source has no date: "), plain.stderr
        )
        let sample = E2E.read(undated.appendingPathComponent("Site"), "feed.xml")
        XCTAssertEqual(E2E.count("<published>2000-01-01T00:00:00Z</published>", in: sample), 4, sample)
        XCTAssertTrue(sample.contains("<updated>2000-01-01T00:00:00Z</updated>"))
    }

    // MARK: Drafts

    func testDraftsAreLeftOutUnlessAsked() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write(
            E2E.markdown(title: "Secret Plans", front: "draft: true", stories: ["Secret Merger Talks"]),
            "Content/secret.md", in: folder)
        let site = folder.appendingPathComponent("Site")

        let published = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(published.status, 0, published.stderr)
        XCTAssertTrue(published.stdout.contains("Built 1 briefing, 4 stories"), published.stdout)
        for (file, data) in E2E.snapshot(site) {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("Secret") || text.contains("secret-"), "the draft shows in \(file)")
        }

        let drafts = try BriefRunner.run(["build", "--drafts"], in: folder)
        XCTAssertEqual(drafts.status, 0, drafts.stderr)
        XCTAssertTrue(drafts.stdout.contains("Built 2 briefings, 5 stories"), drafts.stdout)
        XCTAssertTrue(E2E.read(site, "stories/secret-merger-talks/index.html").contains("<h1>Secret Merger Talks</h1>"))
        XCTAssertTrue(E2E.read(site, "briefings/index.html").contains(">Secret Plans</a>"))
        XCTAssertTrue(E2E.read(site, "feed.xml").contains("<title>Secret Merger Talks</title>"))
        XCTAssertTrue(E2E.read(site, "search.json").contains("\"Secret Merger Talks\""))

        // Without --drafts again, the draft's pages are gone.
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("stories/secret-merger-talks").path))
    }

    // MARK: Pages

    func testFrontPageShowsTheLatestBriefingEarlierOnesAndTopCompanies() throws {
        let folder = try E2E.richSite(self)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let index = E2E.read(site, "index.html")

        // The latest edition (one briefing that day), with its stories: heading, first sentence and companies.
        XCTAssertTrue(index.contains("<p class=\"kicker\">Latest edition · 1 briefing</p>"), index)
        XCTAssertTrue(
            index.contains(
                "<h2 id=\"edition-title\" class=\"lead-title\"><time datetime=\"2024-05-01\">1 May 2024</time></h2>"),
            index)
        XCTAssertTrue(
            index.contains(
                "<h3 class=\"edition-briefing-title\"><a href=\"briefings/chips-and-cars/index.html\">Chips and Cars</a></h3>"
            ), index)
        let cards = E2E.sections(of: index, from: "<article class=\"card\">", to: "</article>")
        XCTAssertEqual(cards.count, 3, "the three stories of the latest briefing")
        let headings = ["Nvidia Raises Its Outlook", "Intel Opens A Factory In Ohio", "A Long Look At Tesla Batteries"]
        for (card, heading) in zip(cards, headings) {
            XCTAssertTrue(card.contains(">\(heading)</a></h3>"), "card \(heading):\n\(card)")
        }
        XCTAssertTrue(
            cards.first?.contains(
                "<p class=\"summary\">Nvidia raised its revenue outlook on Wednesday after a record quarter.</p>")
                ?? false,
            "the first sentence as summary:\n\(cards.first ?? "")")
        XCTAssertTrue(
            cards.first?.contains("<a class=\"tag\" href=\"companies/nvidia/index.html\">Nvidia</a>") ?? false,
            "companies of the story")
        XCTAssertTrue(
            cards.first?.contains("<a class=\"tag\" href=\"companies/tesla/index.html\">Tesla</a>") ?? false,
            "companies of the story")
        XCTAssertTrue(
            cards.dropFirst().first?.contains("<a class=\"tag\" href=\"companies/intel/index.html\">Intel</a>") ?? false
        )
        XCTAssertFalse(
            index.contains("Amazon Expands Drone Deliveries</a></h3>"), "stories of earlier briefings are not cards")

        // Previous editions, newest first, the undated one last.
        let earlier = E2E.sections(of: index, from: "<h2 id=\"previous-title\">", to: "</section>").first ?? ""
        XCTAssertEqual(
            E2E.positions(
                of: [
                    "20 April 2024</time></a></h3>", ">Market Wrap</a>", "Undated briefings</a></h3>",
                    ">Tesla’s Unmatched Speed of Innovation</a>",
                ], in: earlier), [0, 1, 2, 3], earlier)
        XCTAssertTrue(
            earlier.contains(
                "<a href=\"briefings/market-wrap/index.html\">Market Wrap</a> <span class=\"meta\">2 stories</span>"),
            earlier)
        XCTAssertFalse(earlier.contains("Chips and Cars"), "the latest briefing is not repeated")

        // Most mentioned companies, by number of stories.
        let companies = E2E.sections(of: index, from: "<h2 id=\"companies-title\">", to: "</section>").first ?? ""
        XCTAssertTrue(
            companies.contains(
                "<li><a href=\"companies/tesla/index.html\">Tesla</a> <span class=\"meta\">5 stories</span></li>"),
            companies)
        XCTAssertTrue(
            companies.contains(
                "<li><a href=\"companies/nvidia/index.html\">Nvidia</a> <span class=\"meta\">3 stories</span></li>"),
            companies)
        XCTAssertEqual(
            E2E.positions(of: [">Tesla</a>", ">Nvidia</a>", ">Amazon</a>"], in: companies), [0, 1, 2], companies)
        XCTAssertTrue(companies.contains("<a href=\"companies/index.html\">All companies</a>"))
    }

    func testStoryPageHasEverythingAboutTheStory() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let sample = BriefRunner.packageRoot.appendingPathComponent("Content/tesla-unmatched-speed-of-innovation.txt")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: sample, to: folder.appendingPathComponent("Content/2024-05-01-tesla-unmatched-speed-of-innovation.txt"))
        try E2E.write(E2E.longStory, "Content/2024-03-01-batteries.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")

        let page = E2E.read(site, "stories/tesla-energy-sets-new-record/index.html")
        XCTAssertEqual(E2E.count("<h1", in: page), 1)
        XCTAssertTrue(page.contains("<h1>Tesla Energy Sets New Record</h1>"), page)
        XCTAssertTrue(
            page.contains(
                "<p class=\"kicker\"><a href=\"../../briefings/teslas-unmatched-speed-of-innovation/index.html\">Tesla’s Unmatched Speed of Innovation</a></p>"
            ), "briefing link")
        XCTAssertTrue(
            page.contains("<p class=\"meta\"><time datetime=\"2024-05-01\">1 May 2024</time> · 1 min read</p>"),
            "date and reading time")
        XCTAssertTrue(
            page.contains(
                "<p>In another example of Tesla’s speed of innovation, the company’s Nevada team recently set a new record by building 1,000 Powerwall home battery units in a single day."
            ), "body, with curly apostrophes")
        XCTAssertTrue(
            page.contains(
                "<p>The ability to churn out 1,000 Powerwalls per day highlights Tesla’s unparalleled efficiency and execution."
            ), "body")
        XCTAssertTrue(
            page.contains("<a class=\"tag\" href=\"../../companies/tesla/index.html\">Tesla</a>"), "companies as links")
        // Key figures with the words around them, not a bare number.
        XCTAssertTrue(
            page.contains(
                "<li>…a new record by building <strong>1,000</strong> Powerwall home battery units in a single day</li>"
            ), "key figure")
        XCTAssertTrue(
            page.contains("<li>This equates to <strong>13.5</strong> megawatt-hours of energy storage capacity</li>"),
            "key figure")
        XCTAssertTrue(
            page.contains(
                "<a class=\"previous\" href=\"../../stories/elon-musks-supercomputer-freaks-out-ai-rivals/index.html\" rel=\"prev\"><span>Previous</span> Elon Musk’s Supercomputer Freaks Out AI Rivals</a>"
            ), "previous")
        XCTAssertTrue(
            page.contains(
                "<a class=\"next\" href=\"../../stories/faster-better-cheaper-supercharger-installations/index.html\" rel=\"next\"><span>Next</span> Faster, Better, Cheaper Supercharger Installations</a>"
            ), "next")

        // Related stories share companies: the other Tesla stories, not the xAI one.
        let related = E2E.sections(of: page, from: "<section class=\"related\"", to: "</section>").first ?? ""
        XCTAssertTrue(related.contains(">Faster, Better, Cheaper Supercharger Installations</a>"), related)
        XCTAssertTrue(related.contains(">Xiaomi CEO Pays Homage to Elon Musk</a>"), related)
        XCTAssertTrue(
            related.contains("href=\"../../stories/a-long-look-at-tesla-batteries/index.html\""),
            "related across briefings:\n\(related)")
        XCTAssertFalse(related.contains("Elon Musk’s Supercomputer"), related)
        XCTAssertFalse(related.contains("Tesla Energy Sets New Record"), "not related to itself")

        // The other key figures of the sample, each on its story.
        XCTAssertTrue(
            E2E.read(site, "stories/elon-musks-supercomputer-freaks-out-ai-rivals/index.html").contains(
                "<li>…on the supercomputer in just <strong>122</strong> days – a feat that Nvidia’s CEO said…</li>"))
        XCTAssertTrue(
            E2E.read(site, "stories/xiaomi-ceo-pays-homage-to-elon-musk/index.html").contains(
                "<li>celebrated the company’s milestone of <strong>100,000</strong> electric vehicles produced by posting a photo of…</li>"
            ))
        XCTAssertTrue(
            E2E.read(site, "stories/xiaomi-ceo-pays-homage-to-elon-musk/index.html").contains(
                "<li>Reaching <strong>100,000</strong> units in such a short timeframe is an…</li>"))

        // The first story has no previous, the last no next; a long story reads longer.
        XCTAssertFalse(
            E2E.read(site, "stories/elon-musks-supercomputer-freaks-out-ai-rivals/index.html").contains("rel=\"prev\""))
        XCTAssertFalse(
            E2E.read(site, "stories/xiaomi-ceo-pays-homage-to-elon-musk/index.html").contains("rel=\"next\""))
        let long = E2E.read(site, "stories/a-long-look-at-tesla-batteries/index.html")
        XCTAssertTrue(
            long.contains("<time datetime=\"2024-03-01\">1 March 2024</time> · 3 min read</p>"), "about 700 words")
        XCTAssertFalse(long.contains("rel=\"prev\"") || long.contains("rel=\"next\""), "alone in its briefing")
        XCTAssertFalse(
            long.contains("<nav class=\"pager\" aria-label=\"More from this briefing\">"), "no empty navigation")
    }

    func testBriefingPageHasEveryStoryInFullAndAWorkingTableOfContents() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: BriefRunner.packageRoot.appendingPathComponent("Content/tesla-unmatched-speed-of-innovation.txt"),
            to: folder.appendingPathComponent("Content/2024-05-01-tesla.txt"))
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let page = E2E.read(site, "briefings/teslas-unmatched-speed-of-innovation/index.html")
        XCTAssertTrue(page.contains("<h1>Tesla’s Unmatched Speed of Innovation</h1>"), page)
        XCTAssertTrue(page.contains("<title>Tesla’s Unmatched Speed of Innovation · Briefings</title>"))
        XCTAssertNotNil(
            page.range(
                of: #"<p class="meta"><time datetime="2024-05-01">1 May 2024</time> · 4 stories · \d+ min read</p>"#,
                options: .regularExpression), page)

        // Every story in full: the body of each story page, in order.
        let toc = E2E.sections(of: page, from: "<nav class=\"toc\"", to: "</nav>").first ?? ""
        var last = page.startIndex
        for (number, heading) in SampleBuildTests.headings.enumerated() {
            let slug = [
                "elon-musks-supercomputer-freaks-out-ai-rivals", "tesla-energy-sets-new-record",
                "faster-better-cheaper-supercharger-installations", "xiaomi-ceo-pays-homage-to-elon-musk",
            ][number]
            let storyPage = E2E.read(site, "stories/\(slug)/index.html")
            let body = E2E.sections(of: storyPage, from: "<div class=\"prose\">", to: "</div>").first ?? "missing"
            guard let range = page.range(of: body, range: last..<page.endIndex) else {
                XCTFail("the briefing page lacks the full text of \(heading), or has it out of order")
                continue
            }
            last = range.upperBound
            let anchor = "story-\(number + 1)"
            XCTAssertTrue(
                toc.contains("<li><a href=\"#\(anchor)\">\(E2E.html(E2E.smart(heading)))</a></li>"),
                "toc entry for \(heading):\n\(toc)")
            XCTAssertTrue(page.contains("<section class=\"briefing-story\" id=\"\(anchor)\""), "anchor \(anchor)")
            XCTAssertTrue(
                page.contains(
                    "<h2 id=\"\(anchor)-title\"><a href=\"../../stories/\(slug)/index.html\">\(E2E.html(E2E.smart(heading)))</a></h2>"
                ), heading)
        }
        // Every # link of the page has its target.
        let ids = Set(E2E.attributeValues("id", in: page))
        let fragments = E2E.attributeValues("href", in: page).filter { $0.hasPrefix("#") }
        XCTAssertGreaterThanOrEqual(fragments.count, 5)
        for fragment in fragments { XCTAssertTrue(ids.contains(String(fragment.dropFirst())), "no id for \(fragment)") }
    }

    // MARK: Feeds

    func testAtomFeedIsWellFormedAtomWithAbsoluteLinks() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("base_url: \(Self.base)\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let storySlugs = E2E.storySlugs(site)
        XCTAssertEqual(storySlugs.count, 9)

        let (parsed, error) = E2E.parseXML(site.appendingPathComponent("feed.xml"))
        guard let feed = parsed else { return XCTFail("feed.xml is not well-formed: \(error ?? "")") }
        let atom = "http://www.w3.org/2005/Atom"
        XCTAssertEqual(feed.name, "feed")
        XCTAssertEqual(feed.namespace, atom)
        XCTAssertEqual(feed.child("id")?.text, Self.base)
        XCTAssertEqual(feed.child("title")?.text, "Briefings")
        XCTAssertNotNil(feed.child("updated")?.text.range(of: E2E.rfc3339, options: .regularExpression))
        let links = feed.children("link")
        XCTAssertTrue(
            links.contains { $0.attributes["rel"] == "self" && $0.attributes["href"] == Self.base + "feed.xml" })
        XCTAssertTrue(links.contains { $0.attributes["rel"] == "alternate" && $0.attributes["href"] == Self.base })
        XCTAssertFalse(feed.child("author")?.child("name")?.text.isEmpty ?? true, "an author")

        let entries = feed.children("entry")
        XCTAssertEqual(entries.count, 9, "every story (fewer than feed_items)")
        var ids = Set<String>()
        for entry in entries {
            XCTAssertTrue(entry.children.allSatisfy { $0.namespace == atom }, "Atom elements only")
            let id = entry.child("id")?.text ?? ""
            XCTAssertTrue(ids.insert(id).inserted, "duplicate id \(id)")
            XCTAssertFalse(entry.child("title")?.text.isEmpty ?? true)
            let href = entry.child("link")?.attributes["href"] ?? ""
            XCTAssertEqual(id, href, "the story address is the id")
            XCTAssertTrue(href.hasPrefix(Self.base + "stories/"), href)
            let slug = href.dropFirst((Self.base + "stories/").count).dropLast()
            XCTAssertTrue(storySlugs.contains(String(slug)), "\(href) is not a story page")
            XCTAssertEqual(entry.child("link")?.attributes["rel"], "alternate")
            for name in ["published", "updated"] {
                XCTAssertNotNil(
                    entry.child(name)?.text.range(of: E2E.rfc3339, options: .regularExpression), "\(name) of \(href)")
            }
            XCTAssertFalse(entry.child("summary")?.text.isEmpty ?? true)
            let content = entry.child("content")
            XCTAssertEqual(content?.attributes["type"], "html")
            XCTAssertTrue(content?.text.hasPrefix("<p>") ?? false, "content is the story's HTML, escaped once")
            let storyPage = E2E.read(site, "stories/\(slug)/index.html")
            XCTAssertTrue(
                storyPage.contains("<h1>\(E2E.html(entry.child("title")?.text ?? "?"))</h1>"), "title of \(href)")
        }
        XCTAssertEqual(entries.first?.child("title")?.text, "Nvidia Raises Its Outlook", "newest first")
        XCTAssertEqual(entries.first?.child("published")?.text, "2024-05-01T00:00:00Z")
    }

    func testJSONFeedIsJSONFeed11WithAbsoluteLinks() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("base_url: \(Self.base)\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let storySlugs = E2E.storySlugs(site)

        let feed = try E2E.json(site, "feed.json")
        XCTAssertEqual(feed["version"] as? String, "https://jsonfeed.org/version/1.1")
        XCTAssertEqual(feed["title"] as? String, "Briefings")
        XCTAssertEqual(feed["home_page_url"] as? String, Self.base)
        XCTAssertEqual(feed["feed_url"] as? String, Self.base + "feed.json")
        let items = feed["items"] as? [[String: Any]] ?? []
        XCTAssertEqual(items.count, 9)
        for item in items {
            let url = item["url"] as? String ?? ""
            XCTAssertEqual(item["id"] as? String, url)
            XCTAssertTrue(url.hasPrefix(Self.base + "stories/"), url)
            XCTAssertTrue(
                storySlugs.contains(String(url.dropFirst((Self.base + "stories/").count).dropLast())),
                "\(url) is not a story page")
            XCTAssertFalse((item["title"] as? String ?? "").isEmpty)
            XCTAssertTrue((item["content_html"] as? String ?? "").hasPrefix("<p>"), "content_html of \(url)")
            XCTAssertNotNil(
                (item["date_published"] as? String)?.range(of: E2E.rfc3339, options: .regularExpression), url)
        }
        XCTAssertEqual(items.first?["title"] as? String, "Nvidia Raises Its Outlook")
        XCTAssertEqual(items.first?["tags"] as? [String], ["Nvidia", "Tesla"])
        XCTAssertEqual(Set(items.compactMap { $0["title"] as? String }).count, 9, "each story once")
    }

    func testFeedsWithoutBaseURLWarnAndFeedItemsLimitsBoth() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("feed_items: 2\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains(
                "brief.yml:1:1: warning: base_url is not set: feeds and the sitemap get relative links, but feed readers and search engines need absolute ones; set base_url in brief.yml"
            ), result.stderr)
        let site = folder.appendingPathComponent("Site")
        let (parsed, error) = E2E.parseXML(site.appendingPathComponent("feed.xml"))
        guard let feed = parsed else { return XCTFail("feed.xml is not well-formed: \(error ?? "")") }
        XCTAssertEqual(
            feed.children("entry").map { $0.child("title")?.text ?? "" },
            ["Nvidia Raises Its Outlook", "Intel Opens A Factory In Ohio"])
        for link in feed.children("link") + feed.children("entry").compactMap({ $0.child("link") }) {
            XCTAssertFalse(link.attributes["href"]?.contains("://") ?? true, "relative without base_url")
        }
        let json = try E2E.json(site, "feed.json")
        XCTAssertEqual(
            (json["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String },
            ["Nvidia Raises Its Outlook", "Intel Opens A Factory In Ohio"])
        XCTAssertNil(json["home_page_url"], "no made-up address")
    }

    func testSitemapRobotsAndNotFoundPage() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("base_url: \(Self.base)\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")

        let (parsed, error) = E2E.parseXML(site.appendingPathComponent("sitemap.xml"))
        guard let sitemap = parsed else { return XCTFail("sitemap.xml is not well-formed: \(error ?? "")") }
        XCTAssertEqual(sitemap.name, "urlset")
        XCTAssertEqual(sitemap.namespace, "http://www.sitemaps.org/schemas/sitemap/0.9")
        let locs = sitemap.children("url").map { $0.child("loc")?.text ?? "" }
        XCTAssertEqual(locs.count, Set(locs).count, "each page once")
        let pages = BriefRunner.files(in: site).filter { $0.hasSuffix(".html") && $0 != "404.html" }
        XCTAssertTrue(pages.allSatisfy { $0 == "index.html" || $0.hasSuffix("/index.html") }, "\(pages)")
        XCTAssertEqual(
            Set(locs), Set(pages.map { Self.base + $0.dropLast("index.html".count) }), "every page but 404, absolute")
        for url in sitemap.children("url") {
            if let lastmod = url.child("lastmod")?.text {
                XCTAssertNotNil(lastmod.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression), lastmod)
            }
        }
        XCTAssertEqual(
            sitemap.children("url").first { $0.child("loc")?.text == Self.base + "stories/nvidia-raises-its-outlook/" }?
                .child("lastmod")?.text, "2024-05-01")

        let robots = E2E.read(site, "robots.txt")
        XCTAssertTrue(robots.contains("Sitemap: https://example.org/news/sitemap.xml\n"), robots)
        XCTAssertTrue(robots.hasPrefix("User-agent: *\n"), robots)

        let notFound = E2E.read(site, "404.html")
        XCTAssertTrue(notFound.contains("<h1>Page not found</h1>"), notFound)
        XCTAssertTrue(
            notFound.contains("href=\"https://example.org/news/assets/style.css\""),
            "served at any depth: absolute links")
        XCTAssertTrue(notFound.contains("href=\"https://example.org/news/index.html\""))
        XCTAssertFalse(notFound.contains("rel=\"canonical\""), "no canonical address for the 404 page")
    }

    func testSearchIndexAndSearchPage() throws {
        let folder = try E2E.richSite(self)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let storySlugs = E2E.storySlugs(site)

        let index = try E2E.json(site, "search.json")
        let stories = index["stories"] as? [[String: Any]] ?? []
        XCTAssertEqual(stories.count, storySlugs.count)
        XCTAssertEqual(Set(stories.compactMap { $0["id"] as? String }), storySlugs, "one entry per story page")
        for story in stories {
            for key in ["id", "title", "briefing", "date", "companies", "text"] {
                XCTAssertNotNil(story[key], "\(key) missing in \(story["id"] ?? "?")")
            }
            let id = story["id"] as? String ?? ""
            let page = E2E.read(site, "stories/\(id)/index.html")
            XCTAssertTrue(page.contains("<h1>\(E2E.html(story["title"] as? String ?? "?"))</h1>"), "title of \(id)")
            XCTAssertTrue(
                page.contains(">\(E2E.html(story["briefing"] as? String ?? "?"))</a></p>"), "briefing of \(id)")
            for company in story["companies"] as? [String] ?? [] {
                XCTAssertTrue(page.contains(">\(E2E.html(company))</a>"), "\(company) in \(id)")
            }
            XCTAssertGreaterThan((story["text"] as? String ?? "").count, 50, "the text of \(id)")
        }
        let nvidia = stories.first { $0["id"] as? String == "nvidia-raises-its-outlook" }
        XCTAssertEqual(nvidia?["briefing"] as? String, "Chips and Cars")
        XCTAssertEqual(nvidia?["date"] as? String, "2024-05-01")
        XCTAssertEqual(nvidia?["companies"] as? [String], ["Nvidia", "Tesla"])
        XCTAssertTrue(
            (nvidia?["text"] as? String ?? "").hasPrefix(
                "Nvidia raised its revenue outlook on Wednesday after a record quarter."))
        let undated = stories.first { $0["id"] as? String == "tesla-energy-sets-new-record" }
        XCTAssertTrue(undated?["date"] is NSNull, "an undated story has a null date")

        // The search page reads the small files of assets/search/ (SearchTests query them), not this one.
        let manifest = E2E.read(site, "assets/search/index.js")
        XCTAssertTrue(manifest.hasPrefix("briefSearch.add(\"index\",{\"stories\":9,"), String(manifest.prefix(80)))

        let page = E2E.read(site, "search/index.html")
        let noscript = E2E.sections(of: page, from: "<noscript>", to: "</noscript>").first ?? ""
        XCTAssertTrue(
            noscript.contains("href=\"../companies/index.html\""),
            "the noscript message links the companies:\n\(noscript)")
        XCTAssertFalse(page.contains("search-index.js"), "the whole index is not loaded")
        XCTAssertTrue(page.contains("<script src=\"../assets/search.js\""), page)
        XCTAssertFalse(E2E.read(site, "assets/search.js").isEmpty)
    }

    func testEveryPageHasHeadMetadataAndWorkingLinks() throws {
        for base in [Self.base, nil] {
            let folder = try E2E.richSite(self)
            if let base { try E2E.write("base_url: \(base)\n", "brief.yml", in: folder) }
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            let site = folder.appendingPathComponent("Site")
            let pages = BriefRunner.files(in: site).filter { $0.hasSuffix(".html") }
            XCTAssertGreaterThan(pages.count, 20)
            for file in pages {
                let html = E2E.read(site, file)
                let label = "\(file) (base_url: \(base ?? "none"))"
                XCTAssertEqual(E2E.count("<title>", in: html), 1, label)
                XCTAssertNotNil(html.range(of: "<title>[^<]+</title>", options: .regularExpression), label)
                XCTAssertNotNil(
                    html.range(of: #"<meta name="description" content="[^"]+">"#, options: .regularExpression), label)
                XCTAssertNotNil(
                    html.range(of: #"<meta property="og:title" content="[^"]+">"#, options: .regularExpression), label)
                XCTAssertNotNil(
                    html.range(of: #"<meta property="og:description" content="[^"]+">"#, options: .regularExpression),
                    label)
                XCTAssertTrue(html.contains("<meta name=\"twitter:card\" content=\"summary\">"), label)
                XCTAssertTrue(html.contains("<html lang=\"en\""), label)
                let canonical = E2E.sections(of: html, from: "<link rel=\"canonical\" href=\"", to: "\"").first
                if let base, file != "404.html" {
                    XCTAssertEqual(
                        canonical, base + file.dropLast(file.hasSuffix("index.html") ? "index.html".count : 0), label)
                } else {
                    XCTAssertNil(canonical, label)
                }
                for type in ["application/atom+xml", "application/feed+json"] {
                    let link =
                        E2E.sections(of: html, from: "<link rel=\"alternate\" type=\"\(type)\"", to: ">").first ?? ""
                    let href = E2E.attributeValues("href", in: link).first ?? ""
                    let expected = type.hasSuffix("xml") ? "feed.xml" : "feed.json"
                    XCTAssertTrue(href.hasSuffix(expected), "\(label): \(type) link \(href)")
                    if file != "404.html" || base == nil {
                        XCTAssertTrue(E2E.resolves(href, from: file, in: site), "\(label): \(href)")
                    }
                }
                // The 404 page is served at any depth, so its links start at the site root.
                guard file != "404.html" else { continue }
                let ids = Set(E2E.attributeValues("id", in: html))
                for link in E2E.attributeValues("href", in: html) + E2E.attributeValues("src", in: html) {
                    if link.hasPrefix("#") {
                        XCTAssertTrue(ids.contains(String(link.dropFirst())), "\(label): \(link) has no target")
                    } else if !link.contains("://") {
                        XCTAssertTrue(
                            E2E.resolves(link, from: file, in: site), "\(label): \(link) does not resolve inside Site/")
                    }
                }
            }
        }
    }
}

// MARK: - Helpers shared by the end-to-end test files

enum E2E {
    /// An RFC 3339 time in UTC as the feeds write it.
    static let rfc3339 = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#

    static func write(_ text: String, _ path: String, in folder: URL) throws {
        try write(Data(text.utf8), path, in: folder)
    }

    static func write(_ data: Data, _ path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Files brief keeps beside `Site/` on purpose: the output folder's lock file and journal, and the build cache.
    static func isBriefBookkeeping(_ path: String) -> Bool {
        let first = path.prefix { $0 != "/" }
        return path.hasPrefix(".brief-cache/")
            || first.hasPrefix(".")
                && [".brief-lock", ".brief-journal", ".brief-trash"].contains { first.hasSuffix($0) }
    }

    static func read(_ site: URL, _ path: String) -> String {
        BriefRunner.read(site.appendingPathComponent(path))
    }

    static func json(_ site: URL, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: site.appendingPathComponent(path))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw NSError(domain: "E2E", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(path) is not a JSON object"])
        }
        return object
    }

    /// Every file below a folder (hidden ones too) with its bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        for file in BriefRunner.files(in: folder) {
            result[file] = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path) ?? Data()
        }
        return result
    }

    /// Fails naming the files that were added, removed or changed.
    static func assertSameFiles(
        _ actual: [String: Data], _ expected: [String: Data], _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let added = Set(actual.keys).subtracting(expected.keys).sorted()
        let removed = Set(expected.keys).subtracting(actual.keys).sorted()
        let changed = Set(actual.keys).intersection(expected.keys).filter { actual[$0] != expected[$0] }.sorted()
        if !added.isEmpty || !removed.isEmpty || !changed.isEmpty {
            XCTFail(
                "\(what) differ — added: \(added.prefix(10)), removed: \(removed.prefix(10)), changed: \(changed.prefix(10))",
                file: file, line: line)
        }
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The ranks of the needles by where they first occur; a missing needle ranks -1.
    static func positions(of needles: [String], in text: String) -> [Int] {
        let offsets = needles.map { text.range(of: $0).map { text.distance(from: text.startIndex, to: $0.lowerBound) } }
        return offsets.map { offset in
            guard let offset else { return -1 }
            return offsets.compactMap { $0 }.filter { $0 < offset }.count
        }
    }

    /// The text between each `start` and the next `end`.
    static func sections(of text: String, from start: String, to end: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: start) {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: end) else { break }
            result.append(String(rest[..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }

    /// The values of one attribute, in order.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        sections(of: html, from: " \(name)=\"", to: "\"")
    }

    /// Whether a relative link from a page of the site names a file inside the site.
    static func resolves(_ link: String, from page: String, in site: URL) -> Bool {
        let path = String(link.prefix { $0 != "#" && $0 != "?" })
        if path.hasPrefix("/") || path.contains("://") { return false }
        var target = site.appendingPathComponent(page).deletingLastPathComponent().appendingPathComponent(path)
            .standardizedFileURL
        if path.isEmpty || path.hasSuffix("/") { target = target.appendingPathComponent("index.html") }
        guard target.path.hasPrefix(site.standardizedFileURL.path + "/") else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Text as the templates escape it.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Text with the smart punctuation pages show: curly quotes and apostrophes, " – " for " - ", "…" for "...".
    static func smart(_ text: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in text {
            let opens = previous.isWhitespace || "([".contains(previous)
            switch c {
            case "'": out.append(opens ? "\u{2018}" : "\u{2019}")
            case "\"": out.append(opens ? "\u{201C}" : "\u{201D}")
            default: out.append(c)
            }
            previous = c
        }
        return out.replacingOccurrences(of: " - ", with: " \u{2013} ").replacingOccurrences(of: "...", with: "\u{2026}")
    }

    /// The slugs of the story pages of a built site.
    static func storySlugs(_ site: URL) -> Set<String> {
        Set(
            BriefRunner.files(in: site.appendingPathComponent("stories")).filter { $0.hasSuffix("/index.html") }
                .map { String($0.dropLast("/index.html".count)) })
    }

    /// A paragraph of a few sentences that mentions a company.
    static func paragraph(_ company: String, _ sentences: Int) -> String {
        let pool = [
            "\(company) reported steady demand from customers in several regions this quarter.",
            "Analysts said the results were better than most of them had expected.",
            "The company plans to hire more engineers for its new projects next year.",
            "Shares moved little in early trading after the announcement.",
        ]
        return (0..<sentences).map { pool[$0 % pool.count] }.joined(separator: " ")
    }

    /// A Markdown source with front matter and one `##` story per heading.
    static func markdown(title: String, front: String = "", stories: [String], company: String = "Nvidia") -> String {
        var text = "---\ntitle: \"\(title)\"\n" + (front.isEmpty ? "" : front + "\n") + "---\n"
        for heading in stories {
            text += "\n## \(heading)\n\n\(paragraph(company, 2))\n\n\(paragraph(company, 3))\n"
        }
        return text
    }

    /// A dated briefing of one story of about 700 words about Tesla.
    static let longStory: String = {
        let sentence =
            "Tesla engineers tested another battery pack design in the lab this week and reported steady progress."
        let paragraph = Array(repeating: sentence, count: 11).joined(separator: " ")
        return "# Battery Notes\n\n## A Long Look At Tesla Batteries\n\n"
            + Array(repeating: paragraph, count: 4).joined(separator: "\n\n") + "\n"
    }()

    /// The sample plus two dated Markdown briefings: three briefings, nine stories.
    ///
    /// - Chips and Cars (2024-05-01, from the file name): Nvidia (with Tesla), Intel, a long Tesla story.
    /// - Market Wrap (2024-04-20, from front matter): Amazon, Microsoft (with Nvidia).
    /// - Tesla's Unmatched Speed of Innovation (the undated sample): four stories.
    static func richSite(_ test: XCTestCase) throws -> URL {
        let folder = try BriefRunner.sampleSite(test)
        let sentence =
            "Tesla engineers tested another battery pack design in the lab this week and reported steady progress."
        let long = Array(repeating: Array(repeating: sentence, count: 11).joined(separator: " "), count: 4).joined(
            separator: "\n\n")
        try write(
            """
            ---
            title: Chips and Cars
            ---

            ## Nvidia Raises Its Outlook

            Nvidia raised its revenue outlook on Wednesday after a record quarter. Tesla said it would buy more of the chips for its training clusters.

            Analysts said demand for data center hardware is still growing fast.

            ## Intel Opens A Factory In Ohio

            Intel opened a new factory in Ohio on Tuesday after two years of building. The plant will employ 3,000 people when it runs at full speed.

            ## A Long Look At Tesla Batteries

            \(long)

            """, "Content/2024-05-01-chips-and-cars.md", in: folder)
        try write(
            """
            ---
            title: Market Wrap
            date: 2024-04-20
            ---

            ## Amazon Expands Drone Deliveries

            Amazon said its drones will deliver parcels in three more cities. The service starts in the autumn.

            ## Microsoft Signs A Cloud Deal

            Microsoft signed a large cloud deal with a European bank on Monday. Nvidia will supply the hardware for the new data centers.

            """, "Content/market-wrap.md", in: folder)
        return folder
    }

    // MARK: XML

    /// An element of a parsed XML document.
    final class Element {
        let name: String
        let namespace: String?
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, namespace: String?, attributes: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
        }

        func child(_ name: String) -> Element? { children.first { $0.name == name } }
        func children(_ name: String) -> [Element] { children.filter { $0.name == name } }
    }

    /// Parses an XML file with Foundation's parser: the root element, or nil and the parser's error.
    static func parseXML(_ url: URL) -> (Element?, String?) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return (nil, "cannot read \(url.path)") }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        let builder = TreeBuilder()
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            return (
                nil,
                parser.parserError.map { "\($0) at line \(parser.lineNumber), column \(parser.columnNumber)" }
                    ?? "no root element"
            )
        }
        return (root, nil)
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = Element(name: elementName, namespace: namespaceURI, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            stack.last?.text += String(decoding: block, as: UTF8.self)
        }
    }
}
