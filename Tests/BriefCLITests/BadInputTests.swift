import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reliability: what `brief build` does with bad, hostile or broken input. Each test checks
/// the message (file, line, column), the exit status and what is left in `Site/` afterwards.
final class BadInputTests: XCTestCase {
    // MARK: Helpers

    /// The sample site, built once, with a snapshot of its `Site/`.
    private func builtSample() throws -> (folder: URL, site: URL, before: [String: Data]) {
        // The sample's bytes, not a copy of the file, so that the test also runs as another user than the checkout's owner.
        let folder = BriefRunner.temporaryFolder(self)
        let sample = "Content/tesla-unmatched-speed-of-innovation.txt"
        try E2E.write(try Data(contentsOf: BriefRunner.packageRoot.appendingPathComponent(sample)), sample, in: folder)
        let first = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let site = folder.appendingPathComponent("Site")
        let before = E2E.snapshot(site)
        XCTAssertGreaterThan(before.count, 20)
        return (folder, site, before)
    }

    /// Asserts a failed build: exit 1, the expected diagnostic lines, and `Site/` as it was.
    private func assertFails(
        _ result: BriefRunner.Result, with expected: [String], site: URL, before: [String: Data],
        _ label: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.status, 1, "\(label): exit status\n\(result.stderr)", file: file, line: line)
        for text in expected {
            XCTAssertTrue(
                result.stderr.contains(text), "\(label): expected \(text) in:\n\(result.stderr)", file: file, line: line
            )
        }
        XCTAssertTrue(
            result.stderr.contains("Site/ was left as it was."), "\(label): \(result.stderr)", file: file, line: line)
        E2E.assertSameFiles(E2E.snapshot(site), before, "\(label): Site/", file: file, line: line)
    }

    /// Every file in a folder with its bytes, permissions and modification time.
    private func fullSnapshot(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        for file in BriefRunner.files(in: folder) {
            let path = folder.appendingPathComponent(file).path
            let data = FileManager.default.contents(atPath: path) ?? Data()
            let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let mode = (attributes[.posixPermissions] as? Int) ?? 0
            result[file] = "\(data.count) \(StableBytes.hash(data)) \(String(mode, radix: 8)) \(date)"
        }
        return result
    }

    /// Bytes from a fixed seed (SplitMix64), so that a "random" file is the same on every run.
    private func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    /// Whether chmod 000 stops this process from reading (it does not for root).
    private func permissionsAreEnforced(_ path: String) -> Bool {
        access(path, R_OK) != 0
    }

    // MARK: Empty, binary and badly encoded sources

    func testEmptyAndWhitespaceOnlySourcesAreSkippedWithAWarning() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write("", "Content/empty.txt", in: folder)
        try E2E.write("  \n\t\n\r\n   \n", "Content/blank.md", in: folder)
        try E2E.write(Data([0xEF, 0xBB, 0xBF]), "Content/bom-only.txt", in: folder)
        try E2E.write("---\ntitle: Only Front Matter\n---\n\n", "Content/front-matter-only.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("Content/empty.txt:1:1: warning: skipped: the file is empty"), result.stderr)
        XCTAssertTrue(
            result.stderr.contains("Content/blank.md:1:1: warning: skipped: the file holds only white space"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/bom-only.txt:1:1: warning: skipped: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/front-matter-only.md:1:1: warning: "), result.stderr)
        XCTAssertTrue(result.stdout.contains("Built 1 briefing, 4 stories"), result.stdout)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(
            BriefRunner.files(in: site.appendingPathComponent("briefings")).count, 2,
            "the sample's page and the list only")
        XCTAssertFalse(E2E.read(site, "briefings/index.html").contains("Only Front Matter"))
    }

    func testBinarySourcesAreSkippedWithAWarning() throws {
        let folder = try BriefRunner.sampleSite(self)
        // A real PNG header and IHDR chunk, saved as .txt.
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
        ]
        try E2E.write(Data(png), "Content/screenshot.txt", in: folder)
        let random = randomBytes(4096, seed: 42)
        XCTAssertTrue(random.contains(0))
        try E2E.write(Data(random), "Content/random.txt", in: folder)
        try E2E.write(
            Data("Looks like text\nbut has a\0NUL byte in the middle of it.\n".utf8), "Content/nul.md", in: folder)
        try E2E.write(
            Data(Array(repeating: [0x01, 0x02, 0x1B, 0x7F, 0x03, 0x41, 0x42, 0x04], count: 64).flatMap { $0 }),
            "Content/controls.txt", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("Content/screenshot.txt:1:1: warning: skipped: a PNG image, not a text source"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/random.txt:1:1: warning: skipped: "), result.stderr)
        XCTAssertTrue(
            result.stderr.contains("Content/nul.md:1:1: warning: skipped: a binary file (it contains NUL bytes)"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("Content/controls.txt:1:1: warning: skipped: "), result.stderr)
        XCTAssertFalse(result.stderr.contains(": error:"), result.stderr)
        XCTAssertTrue(result.stdout.contains("Built 1 briefing, 4 stories"), result.stdout)
        let site = folder.appendingPathComponent("Site")
        for (file, data) in E2E.snapshot(site) {
            XCTAssertFalse(data.contains(0), "NUL byte in \(file)")
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains("Looks like text") || text.contains("IHDR"), "a skipped file shows in \(file)")
        }
    }

    func testInvalidUTF8IsAnErrorWithLineAndByteOffset() throws {
        let (folder, site, before) = try builtSample()
        let cases: [(bytes: [UInt8], expected: String)] = [
            // Latin-1 "é" on line 2: byte offset 22, the 12th character of its line.
            (
                Array("Title line\nCoffee: caf".utf8) + [0xE9] + Array(" au lait\n".utf8),
                "Content/bad.txt:2:12: error: invalid UTF-8 (byte 0xE9 at byte offset 22); save the file as UTF-8"
            ),
            // Columns count characters, offsets count bytes.
            (
                Array("Ünïcode fine\nab".utf8) + [0xFF] + Array(" rest\n".utf8),
                "Content/bad.txt:2:3: error: invalid UTF-8 (byte 0xFF at byte offset 17); save the file as UTF-8"
            ),
            // A sequence cut off at the end of the file.
            (
                Array(Array("Title\nends with €".utf8).dropLast(1)),
                "Content/bad.txt:2:11: error: invalid UTF-8 (byte 0xE2 at byte offset 16); save the file as UTF-8"
            ),
        ]
        for (bytes, expected) in cases {
            try E2E.write(Data(bytes), "Content/bad.txt", in: folder)
            let result = try BriefRunner.run(["build"], in: folder)
            assertFails(result, with: [expected, "Build failed with 1 error"], site: site, before: before, expected)
        }
    }

    func testSourcesOverTheSizeLimitAreAClearError() throws {
        let (folder, site, before) = try builtSample()
        // 20 MB of ordinary text: over the default limit of 16 MB.
        let line = Array(
            "Nvidia sold more chips this quarter than in any quarter before, analysts said on Tuesday.\n".utf8)
        var huge = [UInt8]()
        huge.reserveCapacity(20 * 1024 * 1024)
        while huge.count < 20 * 1024 * 1024 { huge += line }
        huge.removeLast(huge.count - 20 * 1024 * 1024)
        try E2E.write(Data(huge), "Content/huge.txt", in: folder)
        let tooBig = try BriefRunner.run(["build"], in: folder)
        assertFails(
            tooBig,
            with: [
                "Content/huge.txt:1:1: error: source is 20.0 MB, larger than the limit of 16.0 MB; split it or raise max_source_size in brief.yml"
            ],
            site: site, before: before, "20 MB source")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Content/huge.txt"))

        // max_source_size sets the limit, down and up.
        // The sample is 7.5 KB; this source is about 24 KB.
        let text =
            "Size Test Briefing\n"
            + String(repeating: "Intel opened another factory this week and hired many new workers there. ", count: 330)
            + "\n"
        XCTAssertEqual(text.utf8.count / 1024, 23)
        try E2E.write(text, "Content/sized.txt", in: folder)
        try E2E.write("max_source_size: 16384\n", "brief.yml", in: folder)
        let limited = try BriefRunner.run(["build"], in: folder)
        assertFails(
            limited,
            with: [
                "Content/sized.txt:1:1: error: source is 23.",
                "KB, larger than the limit of 16.0 KB; split it or raise max_source_size in brief.yml",
                "Build failed with 1 error;",
            ], site: site, before: before, "16 KB limit")

        try E2E.write("max_source_size: 65536\n", "brief.yml", in: folder)
        let raised = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertTrue(raised.stdout.contains("Built 2 briefings"), raised.stdout)
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: site.appendingPathComponent("briefings/size-test-briefing/index.html").path))
    }

    func testTenMegabyteSingleLineBuilds() throws {
        let folder = try BriefRunner.sampleSite(self)
        let sentence = Array("Tesla delivered more cars this quarter than analysts had expected. ".utf8)
        var line = [UInt8]()
        line.reserveCapacity(10 * 1024 * 1024 + sentence.count)
        while line.count < 10 * 1024 * 1024 { line += sentence }
        line += Array("The very last sentence of the long line ends here.".utf8)
        try E2E.write(Data(Array("One Long Line\n".utf8) + line + [0x0A]), "Content/long-line.txt", in: folder)
        let started = Date()
        let result = try BriefRunner.run(["build"], in: folder)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Built 2 briefings"), result.stdout)
        let site = folder.appendingPathComponent("Site")
        let pages = BriefRunner.files(in: site).filter { $0.hasPrefix("briefings/one-long-line") }
        XCTAssertEqual(pages.count, 1, "\(pages)")
        let briefing = pages.first.map { E2E.read(site, $0) } ?? ""
        XCTAssertGreaterThan(briefing.utf8.count, 10 * 1024 * 1024, "the whole line is published")
        XCTAssertTrue(briefing.contains("The very last sentence of the long line ends here."))
        print("10 MB single-line build: \(String(format: "%.1f", seconds)) s")
    }

    // MARK: Hostile titles and duplicates

    func testHostileTitlesAreEscapedEverywhereAndSlugsAreSafe() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let body = "\n\nNvidia shipped more chips to customers this week. The rest of the text is harmless.\n"
        let headings = [
            "<script>alert('x')</script> Nvidia", "\"Quoted\" & Ampersand <b>bold</b>", "../../etc/passwd",
            "🚀🚀🚀", "שלום עולם", "?!...", "..", "C:\\Windows\\system32",
        ]
        try E2E.write(
            "---\ntitle: \"<script>alert(1)</script> & \\\"quotes\\\" ../../etc\"\n---\n"
                + headings.map { "\n## \($0)" + body }.joined(), "Content/evil.md", in: folder)
        try E2E.write("---\ntitle: \"!!!\"\n---\n\n## Punctuation Title Story" + body, "Content/punct.md", in: folder)
        try E2E.write(
            "---\ntitle: \"🚀 Launch Day 🚀\"\n---\n\n## Emoji Title Story" + body, "Content/emoji.md", in: folder)
        try E2E.write("---\ntitle: \"مرحبا بالعالم\"\n---\n\n## RTL Title Story" + body, "Content/rtl.md", in: folder)
        let outside = E2E.snapshot(folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let files = BriefRunner.files(in: site)

        // Nothing but Site/ (and brief's lock file and cache beside it) was written.
        let after = E2E.snapshot(folder).filter { !$0.key.hasPrefix("Site/") && !E2E.isBriefBookkeeping($0.key) }
        E2E.assertSameFiles(after, outside, "the site folder outside Site/")

        // Slugs: safe, non-empty and distinct.
        let slugPattern = #"^[a-z0-9]+(-[a-z0-9]+)*$"#
        for kind in ["stories", "briefings"] {
            let slugs = files.filter { $0.hasPrefix(kind + "/") && $0.split(separator: "/").count == 3 }.map {
                $0.split(separator: "/")[1]
            }
            XCTAssertEqual(slugs.count, kind == "stories" ? headings.count + 3 : 4, "\(kind): \(slugs)")
            for slug in slugs {
                XCTAssertNotNil(slug.range(of: slugPattern, options: .regularExpression), "unsafe slug \(slug)")
            }
        }

        // HTML: escaped, no script but the theme's own.
        for file in files where file.hasSuffix(".html") {
            let html = E2E.read(site, file)
            XCTAssertFalse(html.contains("<script>alert") || html.contains("<b>bold"), "raw markup in \(file)")
            // The 404 page finds the site's root with an inline script of the theme.
            let inline = file == "404.html" && html.contains("document.createElement(\"base\")") ? 1 : 0
            XCTAssertEqual(
                E2E.count("<script", in: html), E2E.count("<script src=\"", in: html) + inline,
                "a <script> that is not the theme's in \(file)")
        }
        let briefing = files.first { $0.hasPrefix("briefings/script") }.map { E2E.read(site, $0) } ?? ""
        XCTAssertTrue(
            briefing.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes” ../../etc</h1>"), briefing)
        XCTAssertTrue(
            briefing.contains(
                "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes” ../../etc · Briefings</title>"))
        // Markdown headings are read as Markdown: raw HTML tags in them are not shown, their text is, with smart punctuation.
        let shown = ["alert(‘x’) Nvidia", "“Quoted” & Ampersand bold"] + headings.dropFirst(2).map(E2E.smart)
        let stories = files.filter { $0.hasPrefix("stories/") }.map { E2E.read(site, $0) }
        for heading in shown {
            XCTAssertEqual(
                stories.filter { $0.contains("<h1>\(E2E.html(heading))</h1>") }.count, 1,
                "one page with the escaped heading \(heading)")
        }
        let index = E2E.read(site, "briefings/index.html")
        for title in ["!!!", "🚀 Launch Day 🚀", "مرحبا بالعالم"] {
            XCTAssertTrue(index.contains(">\(title)</a>"), title)
        }

        // XML: well-formed, and the titles come back as written.
        let (feed, feedError) = E2E.parseXML(site.appendingPathComponent("feed.xml"))
        XCTAssertNotNil(feed, "feed.xml is not well-formed: \(feedError ?? "")")
        XCTAssertEqual(
            Set(feed?.children("entry").compactMap { $0.child("title")?.text } ?? []),
            Set(shown + ["Punctuation Title Story", "Emoji Title Story", "RTL Title Story"]))
        let (sitemap, sitemapError) = E2E.parseXML(site.appendingPathComponent("sitemap.xml"))
        XCTAssertNotNil(sitemap, "sitemap.xml is not well-formed: \(sitemapError ?? "")")
        // JSON: valid, and no "</script" that could end the script tag that loads it.
        let json = try E2E.json(site, "feed.json")
        XCTAssertEqual(
            Set((json["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []).count,
            headings.count + 3)
        let search = try E2E.json(site, "search.json")
        XCTAssertTrue((search["stories"] as? [[String: Any]])?.contains { $0["title"] as? String == shown[0] } ?? false)
        let searchFiles = files.filter { $0.hasPrefix("assets/search/") }
        XCTAssertGreaterThan(searchFiles.count, 2)
        for file in searchFiles { XCTAssertFalse(E2E.read(site, file).lowercased().contains("</script"), file) }
    }

    func testDuplicateHeadingsAndTitlesAreKeptWithNumberedSlugs() throws {
        let folder = BriefRunner.temporaryFolder(self)
        // The older source keeps the plain slug, whatever the file names.
        try E2E.write(
            "---\ntitle: Same Title\ndate: 2024-06-01\n---\n\n## Shared Heading\n\nIntel wrote the newer text. It has two sentences.\n",
            "Content/a-newer.md", in: folder)
        try E2E.write(
            "---\ntitle: Same Title\ndate: 2024-01-01\n---\n\n## Shared Heading\n\nNvidia wrote the older text. It has two sentences.\n\n## Update\n\nFirst update text here. Two sentences.\n\n## Update\n\nSecond update text here. Two sentences.\n",
            "Content/b-older.md", in: folder)
        var snapshots: [[String: Data]] = []
        for _ in 0..<2 {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("Site"))
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("Built 2 briefings, 4 stories"), result.stdout)
            let expected = [
                "Content/a-newer.md:1:1: warning: briefing slug \"same-title\" is already used by Content/b-older.md:1; this one is \"same-title-2\"",
                "Content/a-newer.md:6:1: warning: story slug \"shared-heading\" is already used by Content/b-older.md:6; this one is \"shared-heading-2\"",
                "Content/b-older.md:14:1: warning: story slug \"update\" is already used by Content/b-older.md:10; this one is \"update-2\"",
            ]
            for line in expected {
                XCTAssertTrue(result.stderr.contains(line), "expected \(line) in:\n\(result.stderr)")
            }
            snapshots.append(E2E.snapshot(folder.appendingPathComponent("Site")))
        }
        E2E.assertSameFiles(snapshots[1], snapshots[0], "two builds")
        let site = folder.appendingPathComponent("Site")
        XCTAssertTrue(E2E.read(site, "briefings/same-title/index.html").contains("Nvidia wrote the older text."))
        XCTAssertTrue(E2E.read(site, "briefings/same-title-2/index.html").contains("Intel wrote the newer text."))
        XCTAssertTrue(E2E.read(site, "stories/shared-heading/index.html").contains("Nvidia wrote the older text."))
        XCTAssertTrue(E2E.read(site, "stories/shared-heading-2/index.html").contains("Intel wrote the newer text."))
        XCTAssertTrue(E2E.read(site, "stories/update/index.html").contains("First update text here."))
        XCTAssertTrue(E2E.read(site, "stories/update-2/index.html").contains("Second update text here."))
    }

    func testRawHTMLAndScriptLinksAreDroppedWithAWarning() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write(
            """
            # Raw Html Source

            ## Raw Stuff

            The first paragraph is fine and stays.

            <div onclick="steal()">raw block</div>

            A [first link](javascript:alert(1)) and <span class="x">inline html</span> here.

            <iframe src="https://evil.example/frame"></iframe>

            <script>steal()</script>

            Also [upper](JAVASCRIPT:alert(2)), [entity](java&#115;cript:alert(3)) and <javascript:alert(4)>.

            ![picture](data:text/html;base64,PHNjcmlwdD4=)

            The last paragraph is fine and stays too.

            """, "Content/raw.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = [
            "Content/raw.md:7:1: warning: raw HTML (<div>) is not passed through to the site",
            "Content/raw.md:9:3: warning: a javascript: link is not passed through to the site",
            "Content/raw.md:9:41: warning: raw HTML (<span>) is not passed through to the site",
            "Content/raw.md:11:1: warning: raw HTML (<iframe>) is not passed through to the site",
            "Content/raw.md:13:1: warning: raw HTML (<script>) is not passed through to the site",
            "Content/raw.md:15:6: warning: a javascript: link is not passed through to the site",
            "Content/raw.md:15:36: warning: a javascript: link is not passed through to the site",
            "Content/raw.md:15:75: warning: a javascript: link is not passed through to the site",
        ]
        // An image line is not text: it is left out (with its data: address) without a word.
        for line in expected { XCTAssertTrue(result.stderr.contains(line), "expected \(line) in:\n\(result.stderr)") }
        let site = folder.appendingPathComponent("Site")
        for (file, data) in E2E.snapshot(site) where !file.hasPrefix("assets/search.js") {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            for bad in [
                "onclick", "<iframe", "&lt;iframe", "evil.example", "steal()", "data:text/html", "<span class=\"x\"",
                "&lt;span class",
            ] {
                XCTAssertFalse(text.contains(bad), "\(bad) in \(file)")
            }
        }
        // No link target with a dangerous scheme: in the pages, and in the HTML the feeds carry.
        func assertSafeLinks(_ html: String, _ label: String) {
            for target in E2E.attributeValues("href", in: html) + E2E.attributeValues("src", in: html) {
                let scheme = target.lowercased().filter { !$0.isWhitespace }.prefix { $0 != ":" && $0 != "/" }
                XCTAssertFalse(
                    ["javascript", "vbscript", "data"].contains(String(scheme)) && target.contains(":"),
                    "\(target) in \(label)")
            }
        }
        for file in BriefRunner.files(in: site) where file.hasSuffix(".html") {
            assertSafeLinks(E2E.read(site, file), file)
        }
        let (feed, feedError) = E2E.parseXML(site.appendingPathComponent("feed.xml"))
        XCTAssertNotNil(feed, feedError ?? "")
        for entry in feed?.children("entry") ?? [] { assertSafeLinks(entry.child("content")?.text ?? "", "feed.xml") }
        for item in try E2E.json(site, "feed.json")["items"] as? [[String: Any]] ?? [] {
            assertSafeLinks(item["content_html"] as? String ?? "", "feed.json")
        }
        let page = E2E.read(site, "stories/raw-stuff/index.html")
        XCTAssertTrue(page.contains("<p>The first paragraph is fine and stays.</p>"), page)
        XCTAssertTrue(page.contains("<p>The last paragraph is fine and stays too.</p>"), page)
    }

    // MARK: Broken YAML

    func testBrokenBriefYmlIsAnErrorWithPosition() throws {
        let (folder, site, before) = try builtSample()
        let cases: [(yaml: String, expected: String)] = [
            ("title: [unclosed\n", "brief.yml:2:1: error: invalid YAML: did not find expected ',' or ']'"),
            (
                "title: a\n  bad: indent\n",
                "brief.yml:2:6: error: invalid YAML: mapping values are not allowed in this context"
            ),
            (
                "title: a\n\tdescription: b\n",
                "brief.yml:2:1: error: invalid YAML: found a tab character that violates indentation"
            ),
            ("- just\n- a list\n", "brief.yml:1:1: error: brief.yml must be a mapping of keys to values"),
            ("title: ok\n---\nother: document\n", "brief.yml:2:1: error: invalid YAML: but found another document"),
        ]
        for (yaml, expected) in cases {
            try E2E.write(yaml, "brief.yml", in: folder)
            assertFails(try BriefRunner.run(["build"], in: folder), with: [expected], site: site, before: before, yaml)
        }
        // Not valid UTF-8 at all.
        try E2E.write(Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]), "brief.yml", in: folder)
        assertFails(
            try BriefRunner.run(["build"], in: folder),
            with: ["brief.yml:1:", ": error: brief.yml is not valid UTF-8"],
            site: site, before: before, "Latin-1 brief.yml")
    }

    func testDuplicateKeyInBriefYmlPointsAtTheDuplicate() throws {
        let (folder, site, before) = try builtSample()
        try E2E.write("title: First\ndescription: Something\ntitle: Second\n", "brief.yml", in: folder)
        assertFails(
            try BriefRunner.run(["build"], in: folder), with: ["brief.yml:3:1: error: duplicate key \"title\""],
            site: site, before: before, "duplicate key")
    }

    func testBrokenCompaniesYmlIsAnErrorWithPosition() throws {
        let (folder, site, before) = try builtSample()
        let cases: [(yaml: String, expected: String)] = [
            (
                "companies:\n  - name: Foo\n    sector: Robotics: extra\n",
                "Content/companies.yml:3:21: error: invalid YAML: mapping values are not allowed in this context"
            ),
            (
                "companies:\n  - name: Foo\n    ambiguous: maybe\n",
                "Content/companies.yml:3:16: error: \"ambiguous\" must be true or false"
            ),
            ("companies: Foo\n", "Content/companies.yml:1:12: error: \"companies\" must be a list of entries"),
            (
                "companies:\n  - name: Foo\n    aliases: [Foo Inc, \"unclosed]\n",
                "Content/companies.yml:4:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 3)"
            ),
        ]
        for (yaml, expected) in cases {
            try E2E.write(yaml, "Content/companies.yml", in: folder)
            assertFails(try BriefRunner.run(["build"], in: folder), with: [expected], site: site, before: before, yaml)
        }
    }

    func testBrokenFrontMatterIsAnErrorWithPosition() throws {
        let (folder, site, before) = try builtSample()
        let cases: [(front: String, expected: String)] = [
            (
                "title: Fine\ntags: a: b",
                "Content/notes.md:3:8: error: invalid YAML: mapping values are not allowed in this context"
            ),
            (
                "title: [Fine\ndate: 2024-01-01",
                "Content/notes.md:3:5: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2)"
            ),
            (
                "- a list\n- not a mapping",
                "Content/notes.md:2:1: error: front matter must be a mapping of keys to values"
            ),
        ]
        for (front, expected) in cases {
            try E2E.write(
                "---\n\(front)\n---\n\n## A Story\n\nNvidia text for the story. Second sentence.\n", "Content/notes.md",
                in: folder)
            assertFails(try BriefRunner.run(["build"], in: folder), with: [expected], site: site, before: before, front)
        }
    }

    /// Scraped files carry whatever their scraper wrote: a known key with a value of the wrong type is
    /// a warning naming it and is ignored, an unknown key is ignored, and the build goes on.
    func testFrontMatterWithWrongTypesIsAWarningAndTheBuildGoesOn() throws {
        let (folder, site, _) = try builtSample()
        let cases: [(file: String, front: String, expected: String?)] = [
            (
                "notes.md", "title: Fine\ndate: 2024-13-45",
                "Content/notes.md:3:7: warning: \"date\" must look like 2024-05-01 or 2024-05-01T09:30:00Z, not \"2024-13-45\"; \"date\" is ignored"
            ),
            (
                "notes.md", "title: Fine\ndraft: sometimes",
                "Content/notes.md:3:8: warning: \"draft\" must be true or false; \"draft\" is ignored"
            ),
            (
                "notes.txt", "title: Fine\nsummary:\n  - a list\n  - of points",
                "Content/notes.txt:4:3: warning: \"summary\" must be text; \"summary\" is ignored"
            ),
            ("notes.txt", "title: Fine\nchannel: Some Channel\nview_count: 179", nil),
        ]
        for (file, front, expected) in cases {
            for other in ["notes.md", "notes.txt"] {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("Content/" + other))
            }
            try E2E.write(
                "---\n\(front)\n---\n\n## A Story\n\nNvidia text for the story. Second sentence.\n", "Content/" + file,
                in: folder)
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 0, result.stderr)
            if let expected {
                XCTAssertTrue(result.stderr.contains(expected), "expected \(expected) in:\n\(result.stderr)")
            }
            XCTAssertFalse(
                result.stderr.contains("notes.\(file.hasSuffix("md") ? "md" : "txt"):2:"),
                "no complaint about the title: \(result.stderr)")
            XCTAssertTrue(E2E.read(site, "briefings/fine/index.html").contains("Nvidia text for the story."), front)
        }
    }

    // MARK: Templates

    func testTemplateRecursionThroughParentsIsAnError() throws {
        let (folder, site, before) = try builtSample()
        // story → a → b → a …
        try E2E.write(
            "{{<layout}}{{$main}}\n  {{<a}}{{/a}}{{/main}}{{/layout}}", "Templates/story.mustache", in: folder)
        try E2E.write("<p>a</p>\n{{<b}}{{/b}}", "Templates/a.mustache", in: folder)
        try E2E.write("{{<a}}{{/a}}", "Templates/b.mustache", in: folder)
        let mutual = try BriefRunner.run(["build"], in: folder)
        assertFails(mutual, with: [], site: site, before: before, "a and b are each other's parent")
        XCTAssertNotNil(
            mutual.stderr.range(
                of:
                    #"Templates/(a\.mustache:2:1|b\.mustache:1:1): error: parent "[ab]" expands more than \d+ levels deep"#,
                options: .regularExpression), mutual.stderr)

        // A template that is its own parent.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Templates"))
        try E2E.write(
            "<header>x</header>\n{{<story}}{{$main}}{{/main}}{{/story}}", "Templates/story.mustache", in: folder)
        let own = try BriefRunner.run(["build"], in: folder)
        assertFails(
            own, with: ["Templates/story.mustache:2:1: error: parent \"story\" expands more than"], site: site,
            before: before, "story is its own parent")

        // Through the layout every page uses.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Templates"))
        try E2E.write(
            "<!doctype html>\n<html>{{<frame}}{{$main}}{{/main}}{{/frame}}</html>", "Templates/layout.mustache",
            in: folder)
        try E2E.write("<body>{{<layout}}{{/layout}}</body>", "Templates/frame.mustache", in: folder)
        let layout = try BriefRunner.run(["build"], in: folder)
        assertFails(layout, with: [], site: site, before: before, "layout and frame")
        XCTAssertNotNil(
            layout.stderr.range(
                of:
                    #"Templates/(layout\.mustache:2:7|frame\.mustache:1:7): error: parent "(frame|layout)" expands more than"#,
                options: .regularExpression), layout.stderr)
    }

    func testPartialsThatMultiplyThePageAreAnErrorWithItsPlace() throws {
        let (folder, site, before) = try builtSample()
        // d0 … d29, each including the next one twice: 2^30 leaves, gigabytes per page.
        for level in 0..<29 {
            try E2E.write("{{> d\(level + 1)}}{{> d\(level + 1)}}", "Templates/partials/d\(level).mustache", in: folder)
        }
        try E2E.write("<p>the leaf of the tree, with some words</p>\n", "Templates/partials/d29.mustache", in: folder)
        let story = BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/story.mustache"))
        func storyIncluding(_ partial: String) throws {
            try E2E.write(
                story.replacingOccurrences(of: "{{$main}}", with: "{{$main}}{{> \(partial)}}"),
                "Templates/story.mustache", in: folder)
        }
        try storyIncluding("d0")
        let runaway = try BriefRunner.run(["build"], in: folder)
        assertFails(runaway, with: [], site: site, before: before, "partials doubling 30 times")
        let pattern =
            #"Templates/partials/d\d+\.mustache:1:(1|10): error: partial "d\d+" "#
            + "makes the output larger than 16 MB; raise max_page_size in brief.yml if a page is meant to be that large"
        XCTAssertNotNil(runaway.stderr.range(of: pattern, options: .regularExpression), runaway.stderr)

        // max_page_size sets the limit: 64 KB stops 2^13 leaves (380 KB a page) and lets 2^7 (6 KB) through.
        try E2E.write("max_page_size: 65536\n", "brief.yml", in: folder)
        try storyIncluding("d16")
        let limited = try BriefRunner.run(["build"], in: folder)
        let over = "\" makes the output larger than 65536 bytes; raise max_page_size"
        assertFails(
            limited, with: ["error: partial \"d", over],
            site: site, before: before, "a page over max_page_size")
        try storyIncluding("d22")
        let within = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(within.status, 0, within.stderr)
        let page = E2E.read(site, "stories/elon-musks-supercomputer-freaks-out-ai-rivals/index.html")
        XCTAssertEqual(E2E.count("<p>the leaf of the tree, with some words</p>", in: page), 128)
    }

    func testMissingParentTemplateIsAnError() throws {
        let (folder, site, before) = try builtSample()
        try E2E.write(
            "{{<layout}}{{$main}}\n<h1>{{heading}}</h1>\n  {{<no-such-frame}}{{$x}}y{{/x}}{{/no-such-frame}}{{/main}}{{/layout}}",
            "Templates/story.mustache", in: folder)
        assertFails(
            try BriefRunner.run(["build"], in: folder),
            with: ["Templates/story.mustache:3:3: error: parent \"no-such-frame\" not found"], site: site,
            before: before, "missing parent")

        // In a partial every card uses.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Templates"))
        try E2E.write("<article>\n{{<ghost}}{{/ghost}}</article>", "Templates/partials/story-card.mustache", in: folder)
        assertFails(
            try BriefRunner.run(["build"], in: folder),
            with: ["Templates/partials/story-card.mustache:2:1: error: parent \"ghost\" not found"], site: site,
            before: before, "missing parent in a partial")
    }

    // MARK: Unreadable input, unwritable output

    func testUnreadableSourceIsAnErrorNamingIt() throws {
        let (folder, site, before) = try builtSample()
        let secret = folder.appendingPathComponent("Content/secret.txt")
        try E2E.write("Secret Notes\nNvidia text here. More text follows.\n", "Content/secret.txt", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: secret.path)
        addTeardownBlock {
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret.path)
        }
        guard permissionsAreEnforced(secret.path) else {
            throw XCTSkip(
                "running as root (uid \(getuid())): chmod 000 does not stop reading, so an unreadable file cannot be made this way"
            )
        }
        assertFails(
            try BriefRunner.run(["build"], in: folder),
            with: ["Content/secret.txt:1:1: error: cannot read the file: Permission denied"], site: site,
            before: before, "chmod 000 source")
    }

    func testUnreadableConfigFilesAreErrorsNamingThem() throws {
        // A folder where a file should be cannot be read, whoever runs the test.
        let (folder, site, before) = try builtSample()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("brief.yml"), withIntermediateDirectories: true)
        assertFails(
            try BriefRunner.run(["build"], in: folder), with: ["brief.yml:1:1: error: "], site: site, before: before,
            "brief.yml is a folder")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("brief.yml"))

        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/companies.yml"), withIntermediateDirectories: true)
        assertFails(
            try BriefRunner.run(["build"], in: folder), with: ["Content/companies.yml:1:1: error: "], site: site,
            before: before,
            "companies.yml is a folder")
    }

    func testDanglingSymlinkSourceIsReported() throws {
        let (folder, site, before) = try builtSample()
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("Content/moved.txt").path,
            withDestinationPath: "/nonexistent-\(UUID().uuidString)/moved.txt")
        let result = try BriefRunner.run(["build"], in: folder)
        assertFails(
            result, with: ["Content/moved.txt:1:1: error: "], site: site, before: before, "dangling symbolic link")
    }

    func testSymlinksOutOfTheSiteFolderAreSkippedUnlessAsked() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let inside = "Inside Story\n\nNvidia said the file inside the site is read through its link.\n"
        try E2E.write(inside, "notes/inside.txt", in: folder)
        try E2E.write("Plain Story\n\nIntel said a plain source is read as always.\n", "Content/plain.txt", in: folder)
        let content = folder.appendingPathComponent("Content").path
        let links = [
            "passwd.txt": "/etc/passwd", "status.txt": "/proc/self/status",
            "inside.txt": "../notes/inside.txt",
        ]
        for (name, target) in links {
            try FileManager.default.createSymbolicLink(atPath: content + "/" + name, withDestinationPath: target)
        }
        let site = folder.appendingPathComponent("Site")
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let hint = ", outside the site folder; set follow_symlinks: true in brief.yml to read such links"
        let passwd = "Content/passwd.txt:1:1: warning: skipped: a symbolic link to /etc/passwd" + hint
        XCTAssertTrue(result.stderr.contains(passwd), result.stderr)
        let status = "Content/status.txt:1:1: warning: skipped: a symbolic link to /proc/self/status" + hint
        XCTAssertTrue(result.stderr.contains(status), result.stderr)
        XCTAssertFalse(result.stderr.contains("Content/inside.txt:1:1: warning: skipped"), result.stderr)
        let briefings = try FileManager.default.contentsOfDirectory(atPath: site.path + "/briefings")
        XCTAssertEqual(briefings.filter { !$0.hasSuffix(".html") }.sorted(), ["inside-story", "plain-story"])
        let everything = E2E.snapshot(site).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        XCTAssertFalse(everything.contains("root:x:0:0"), "/etc/passwd was published")
        XCTAssertFalse(everything.contains("TracerPid"), "/proc/self/status was published")

        // Asked for, they are read.
        try E2E.write("follow_symlinks: true\n", "brief.yml", in: folder)
        let followed = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(followed.status, 0, followed.stderr)
        XCTAssertFalse(followed.stderr.contains("skipped: a symbolic link"), followed.stderr)
        let all = E2E.snapshot(site).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        XCTAssertTrue(all.contains("root:x:0:0"), "follow_symlinks: true reads /etc/passwd")
    }

    func testUnwritableOutputFolderIsAnErrorNamingIt() throws {
        let (folder, site, before) = try builtSample()
        // New content, so that the build has something to write.
        try E2E.write(E2E.markdown(title: "New Notes", stories: ["New Story"]), "Content/new.md", in: folder)
        // The site folder holds Site/, the lock file and the staging folder.
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        addTeardownBlock {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        guard access(folder.path, W_OK) != 0 else {
            throw XCTSkip(
                "running as root (uid \(getuid())): chmod 555 does not stop writing, so an unwritable folder cannot be made this way"
            )
        }
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertNotNil(
            result.stderr.range(
                of: #"(^|\n)[^\n]*:1:1: error: cannot [^\n]*: Permission denied"#, options: .regularExpression),
            result.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), before, "Site/")
    }

    func testOutputThatCannotBeAFolderIsAnErrorNamingIt() throws {
        let (folder, site, before) = try builtSample()
        try E2E.write("not a folder\n", "blocker", in: folder)
        let under = try BriefRunner.run(["build", "--output", "blocker/Site"], in: folder)
        XCTAssertEqual(under.status, 1, under.stderr)
        XCTAssertTrue(
            under.stderr.contains("blocker:1:1: error: cannot create the folder: a file is in its place"), under.stderr)
        let onto = try BriefRunner.run(["build", "--output", "blocker"], in: folder)
        XCTAssertEqual(onto.status, 1, onto.stderr)
        XCTAssertTrue(
            onto.stderr.contains(
                "blocker:1:1: error: the output path exists and is not a folder; refusing to replace it"), onto.stderr)
        XCTAssertEqual(E2E.read(folder, "blocker"), "not a folder\n")
        E2E.assertSameFiles(E2E.snapshot(site), before, "Site/")
    }

    // MARK: Content/ missing or empty

    func testMissingOrEmptyContentTellsWhatToDo() throws {
        let folder = BriefRunner.temporaryFolder(self)
        var messages: [String] = []
        let missing = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(
            missing.stderr.contains(
                "Content/: error: no Content/ folder here: put your source texts (.txt or .md) into Content/"),
            missing.stderr)
        messages.append(missing.stderr)

        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content"), withIntermediateDirectories: true)
        let empty = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.stderr.contains("Content/: error: no sources: add .txt or .md files"), empty.stderr)
        messages.append(empty.stderr)

        try E2E.write("%PDF-1.4 not a source", "Content/report.pdf", in: folder)
        let other = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(other.status, 1)
        XCTAssertTrue(
            other.stderr.contains("Content/report.pdf:1:1: warning: ignored: brief reads .txt and .md sources only"),
            other.stderr)
        XCTAssertTrue(other.stderr.contains("Content/: error: no sources"), other.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))

        // A command the message recommends must exist.
        let help = try BriefRunner.run(["--help"], in: folder).stdout
        let subcommands = Set(
            (help.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n")
                .compactMap { $0.split(separator: " ").first.map(String.init) })
        XCTAssertTrue(subcommands.isSuperset(of: ["build", "normalize", "companies", "template"]), help)
        for message in messages {
            for command in E2E.sections(of: message, from: "`brief ", to: "`") {
                let name = String(command.prefix { $0 != " " })
                XCTAssertTrue(
                    subcommands.contains(name),
                    "the message recommends `brief \(command)`, but brief has no \(name) command:\n\(message)")
            }
        }
    }

    // MARK: Output folders that must not be replaced

    func testOutputIntoTheSiteFolderContentOrAForeignFolderIsRefused() throws {
        let (folder, _, _) = try builtSample()
        try E2E.write("keep me\n", "Elsewhere/notes.txt", in: folder)
        let everything = fullSnapshot(folder)
        let cases: [(output: String, expected: String)] = [
            (".", ".: error: the output folder holds Content/, which brief only reads; choose another folder"),
            ("Content", "Content: error: the output folder is inside Content/, which brief only reads"),
            (
                "Elsewhere",
                "Elsewhere: error: this folder was not made by brief (it has no .brief-site file), so brief will not replace it; choose another --output"
            ),
            ("./Content/", "Content: error: the output folder is inside Content/"),
        ]
        for (output, expected) in cases {
            let result = try BriefRunner.run(["build", "--output", output], in: folder)
            XCTAssertEqual(result.status, 1, "--output \(output)\n\(result.stderr)")
            XCTAssertTrue(
                result.stderr.contains(expected), "--output \(output): expected \(expected) in:\n\(result.stderr)")
            XCTAssertEqual(fullSnapshot(folder), everything, "--output \(output) changed files")
        }
    }

    func testOutputInsideContentOrTemplatesIsRefused() throws {
        // Output there would be read back as input by the next build.
        for output in ["Content/public", "Templates"] {
            let folder = try BriefRunner.sampleSite(self)
            let before = fullSnapshot(folder)
            let result = try BriefRunner.run(["build", "--output", output], in: folder)
            XCTAssertEqual(result.status, 1, "--output \(output) must be refused:\n\(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(output): error: "), result.stderr)
            XCTAssertEqual(fullSnapshot(folder), before, "--output \(output) wrote into an input folder")
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(output))
        }
    }

    // MARK: Slugs from front matter

    func testFrontMatterSlugsNeverEscapeSite() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let bad = ["../../evil", "/abs", #"a\b"#, "..", "nested/path", "Evil Slug"]
        for (i, slug) in bad.enumerated() {
            let quoted = "'" + slug.replacingOccurrences(of: "'", with: "''") + "'"
            try E2E.write(
                "---\ntitle: Slug Case \(i)\nslug: \(quoted)\n---\n\n## Slug Story \(i)\n\nNvidia text number \(i). More text follows.\n",
                "Content/slug-\(i).md", in: folder)
        }
        try E2E.write(
            "---\ntitle: Good Slug\nslug: my-own-slug\n---\n\n## Good Story\n\nIntel text here. More text follows.\n",
            "Content/good.md", in: folder)
        let parent = folder.deletingLastPathComponent()
        let parentBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter {
            !$0.hasPrefix("brief-e2e-")
        }
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")

        for (i, slug) in bad.enumerated() {
            XCTAssertTrue(
                result.stderr.contains("Content/slug-\(i).md:") && result.stderr.contains("warning: slug \"\(slug)\""),
                "warning for \(slug):\n\(result.stderr)")
            XCTAssertTrue(
                FileManager.default.fileExists(
                    atPath: site.appendingPathComponent("briefings/slug-case-\(i)/index.html").path),
                "\(slug): the slug made from the title is used")
        }
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: site.appendingPathComponent("briefings/my-own-slug/index.html").path), "a valid slug is used")
        // Nothing outside Site/: not in the site folder, not beside it, not at the root.
        let outside = BriefRunner.files(in: folder).filter {
            !$0.hasPrefix("Site/") && !$0.hasPrefix("Content/") && !E2E.isBriefBookkeeping($0)
        }
        XCTAssertEqual(outside, [], "files written outside Site/")
        let parentAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter {
            !$0.hasPrefix("brief-e2e-")
        }
        XCTAssertFalse(
            parentAfter.subtracting(parentBefore).contains { $0.contains("evil") || $0.contains("abs") },
            "\(parentAfter.subtracting(parentBefore))")
        for path in [
            "/abs", "/evil", parent.appendingPathComponent("evil").path, site.appendingPathComponent("abs").path,
            site.appendingPathComponent("nested").path,
        ] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), path)
        }
        for file in BriefRunner.files(in: site) {
            XCTAssertFalse(file.contains("\\") || file.contains("evil") || file.contains(".."), file)
        }
    }

    func testBadFrontMatterSlugWarningPointsAtTheSlug() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write(
            "---\ntitle: Slug Case\nslug: '../../evil'\n---\n\n## Slug Story\n\nNvidia text. More text follows.\n",
            "Content/slug.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("Content/slug.md:3:7: warning: slug \"../../evil\""),
            "the warning should name the slug's line and column:\n\(result.stderr)")
    }

    // MARK: Input is never modified

    func testContentAndTemplatesAreNeverModified() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write(
            E2E.markdown(title: "Drafty", front: "draft: true\ndate: 2024-02-02", stories: ["Draft Story"]),
            "Content/drafty.md", in: folder)
        try E2E.write("companies:\n  - name: Acme Robotics\n    aliases: [Acme]\n", "Content/companies.yml", in: folder)
        try E2E.write("%PDF-1.4", "Content/attachments/report.pdf", in: folder)
        try E2E.write(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]), "Content/image.txt", in: folder)
        try E2E.write("", "Content/empty.md", in: folder)
        try E2E.write(
            "Windows Line Ends\r\nAcme Robotics shipped robots.\r\nMore text here.\r\n", "Content/sub/crlf.txt",
            in: folder)
        try E2E.write(
            "{{<layout}}{{$main}}<h1>{{heading}}</h1>{{{html}}}{{/main}}{{/layout}}", "Templates/story.mustache",
            in: folder)
        try E2E.write("<time>{{display}}</time>", "Templates/partials/date.mustache", in: folder)
        try E2E.write("body { color: black; }\n", "Templates/assets/style.css", in: folder)
        try E2E.write("extra\n", "Templates/assets/extra.txt", in: folder)
        let content = folder.appendingPathComponent("Content")
        let templates = folder.appendingPathComponent("Templates")
        let before = (fullSnapshot(content), fullSnapshot(templates))
        XCTAssertEqual(before.0.count, 7)

        for arguments in [
            ["build"], ["build", "--drafts"], ["build", "--strict"], ["companies"],
            ["normalize", "Content/tesla-unmatched-speed-of-innovation.txt"],
        ] {
            let result = try BriefRunner.run(arguments, in: folder)
            XCTAssertEqual(fullSnapshot(content), before.0, "\(arguments) changed Content/ (exit \(result.status))")
            XCTAssertEqual(fullSnapshot(templates), before.1, "\(arguments) changed Templates/ (exit \(result.status))")
        }
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        // A failed build leaves them alone too.
        try E2E.write("title: [broken\n", "brief.yml", in: folder)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 1)
        XCTAssertEqual(fullSnapshot(content), before.0)
        XCTAssertEqual(fullSnapshot(templates), before.1)
    }

    // MARK: What reaches the terminal

    /// Fails when the text holds a character that a terminal acts on or reorders: anything below
    /// a space but the line ends, DEL, C1, bidirectional controls.
    private func assertTerminalSafe(
        _ text: String, _ label: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let unsafe = text.unicodeScalars.filter { scalar in
            scalar != "\n"
                && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value))
        }
        XCTAssertEqual(
            unsafe.map { String($0.value, radix: 16) }, [], "\(label): \(text.debugDescription)",
            file: file, line: line)
    }

    func testControlCharactersInContentNeverReachTheTerminal() throws {
        let folder = BriefRunner.temporaryFolder(self)
        // A slug that would retitle the terminal and clear its screen; YAML's "\e" is ESC, "\a" BEL.
        let slug = #"slug: "x\e]0;PWNED\a\e[2J""#
        try E2E.write(
            "---\ntitle: Escapes\n\(slug)\n---\n\n## Story\n\nNvidia text. More text.\n",
            "Content/escapes.md", in: folder)
        // An unknown key with a screen clear and a right-to-left override.
        try E2E.write("title: Terminal\n\"\\e[2Jcolour\\u202E\": red\n", "brief.yml", in: folder)
        // A file name with an escape sequence (an empty file: its warning names it).
        try E2E.write("", "Content/empty\u{1B}[2J.txt", in: folder)
        let built = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(built.status, 0, built.stderr)
        assertTerminalSafe(built.stderr + built.stdout, "build")
        let slugWarning = #"Content/escapes.md:3:7: warning: slug "x\u{1B}]0;PWNED\u{7}\u{1B}[2J" may only hold"#
        XCTAssertTrue(built.stderr.contains(slugWarning), built.stderr)
        let keyWarning = #"brief.yml:2:1: warning: unknown key "\u{1B}[2Jcolour\u{202E}" in brief.yml"#
        XCTAssertTrue(built.stderr.contains(keyWarning), built.stderr)
        XCTAssertTrue(built.stderr.contains(#"Content/empty\u{1B}[2J.txt:1:1: warning: "#), built.stderr)

        // A bad slug in companies.yml (an error): ESC, C1's NEL, a first-strong isolate, DEL.
        try E2E.write(
            "companies:\n  - name: Acme Robotics\n    slug: \"acme\\e[31m\\u0085\\u2068\\x7F\"\n",
            "Content/companies.yml", in: folder)
        let failed = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(failed.status, 1, failed.stderr)
        assertTerminalSafe(failed.stderr + failed.stdout, "build with a bad companies.yml")
        let expected = #"Content/companies.yml:2:5: error: slug "acme\u{1B}[31m\u{85}\u{2068}\u{7F}" may only hold"#
        XCTAssertTrue(failed.stderr.contains(expected), failed.stderr)
        let companies = try BriefRunner.run(["companies"], in: folder)
        assertTerminalSafe(companies.stderr + companies.stdout, "brief companies")
        XCTAssertTrue(companies.stderr.contains(expected), companies.stderr)
    }
}

/// A cheap, stable hash of bytes for snapshots (FNV-1a).
private enum StableBytes {
    static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
