import Foundation
import XCTest

/// Rebuilds through the cache must give exactly the site a clean build gives, while writing
/// only what changed; a build with nothing changed writes nothing at all.
final class IncrementalBuildTests: XCTestCase {
    static let companies = [
        "Tesla", "Nvidia", "Microsoft", "Apple", "Amazon", "Xiaomi", "BYD", "Toyota", "Intel", "Samsung",
    ]

    /// A source with two or three stories naming a few companies.
    static func source(_ n: Int, headingSuffix: String = "") -> String {
        var lines: [String] = []
        for story in 0..<(2 + n % 2) {
            let a = companies[(n + story) % companies.count]
            let b = companies[(n * 3 + story + 1) % companies.count]
            lines.append("\(a) and \(b) Strike Deal Number \(n)-\(story)\(headingSuffix)")
            lines.append(
                "\(a) said on Monday that it would work with \(b) on batteries, a deal worth \(n + 2) billion dollars over five years."
            )
            lines.append(
                "Analysts expect the partnership between \(a) and \(b) to lower costs by \(10 + story) percent by the end of next year."
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func makeSite() throws -> URL {
        let folder = BriefRunner.temporaryFolder(self)
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for n in 1...24 {
            try Self.source(n).write(
                to: content.appendingPathComponent(String(format: "2024-03-%02d-briefing-%d.txt", n, n)),
                atomically: true, encoding: .utf8)
        }
        try "title: Test Briefings\nbase_url: https://example.org/news/\n".write(
            to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Builds incrementally, then cleanly into another folder, and compares the two trees byte by byte.
    private func assertIncrementalMatchesClean(
        _ folder: URL, _ step: String, file: StaticString = #filePath, line: UInt = #line
    ) throws -> BriefRunner.Result {
        let incremental = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(incremental.status, 0, "\(step): \(incremental.stderr)", file: file, line: line)
        let clean = BriefRunner.temporaryFolder(self)
        for item in ["Content", "Templates", "brief.yml"]
        where FileManager.default.fileExists(atPath: folder.appendingPathComponent(item).path) {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(item), to: clean.appendingPathComponent(item))
        }
        let reference = try BriefRunner.run(["build", "--clean"], in: clean)
        XCTAssertEqual(reference.status, 0, reference.stderr, file: file, line: line)
        let a = folder.appendingPathComponent("Site")
        let b = clean.appendingPathComponent("Site")
        let filesA = BriefRunner.files(in: a)
        let filesB = BriefRunner.files(in: b)
        XCTAssertEqual(
            filesA, filesB, "\(step): the incremental site has other files than a clean build", file: file, line: line)
        for path in Set(filesA).intersection(filesB) {
            let same = FileManager.default.contentsEqual(
                atPath: a.appendingPathComponent(path).path, andPath: b.appendingPathComponent(path).path)
            XCTAssertTrue(same, "\(step): \(path) differs from a clean build", file: file, line: line)
        }
        return incremental
    }

    private func writtenCount(_ result: BriefRunner.Result) -> Int? {
        guard let range = result.stdout.range(of: #"(\d+) files? written"#, options: .regularExpression) else {
            return nil
        }
        return Int(result.stdout[range].split(separator: " ")[0])
    }

    func testEditsGiveTheSiteACleanBuildGives() throws {
        let folder = try makeSite()
        let content = folder.appendingPathComponent("Content")
        let first = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let total = try XCTUnwrap(writtenCount(first))

        // Nothing changed: nothing written, no file touched.
        let index = folder.appendingPathComponent("Site/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        let again = try BriefRunner.run(["build"], in: folder)
        XCTAssertTrue(again.stdout.hasPrefix("Up to date:"), again.stdout)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date, before)

        // One source's text changes: only its pages and the pages listing it are written.
        let edited = content.appendingPathComponent("2024-03-05-briefing-5.txt")
        try Self.source(5).replacingOccurrences(of: "over five years", with: "over six years").write(
            to: edited, atomically: true, encoding: .utf8)
        let oneChange = try assertIncrementalMatchesClean(folder, "edit a paragraph")
        XCTAssertLessThan(try XCTUnwrap(writtenCount(oneChange)), total / 3, oneChange.stdout)

        // A heading changes, so a slug changes and an old page must go.
        try Self.source(7, headingSuffix: " Again").write(
            to: content.appendingPathComponent("2024-03-07-briefing-7.txt"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "rename headings")

        // A source is added, another removed.
        try Self.source(40).write(
            to: content.appendingPathComponent("2024-04-01-briefing-40.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: content.appendingPathComponent("2024-03-02-briefing-2.txt"))
        _ = try assertIncrementalMatchesClean(folder, "add and remove sources")

        // A draft, the settings, the companies file and the theme change.
        try ("---\ndraft: true\n---\n" + Self.source(41)).write(
            to: content.appendingPathComponent("2024-04-02-draft.md"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "add a draft")
        try "title: Renamed Briefings\nbase_url: https://example.org/news/\nfeed_items: 5\n".write(
            to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "change brief.yml")
        try "suppress: [Apple]\n".write(
            to: content.appendingPathComponent("companies.yml"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "suppress a company")
        let templates = folder.appendingPathComponent("Templates/partials")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<p class=\"date\">{{#date}}{{display}}{{/date}}</p>".write(
            to: templates.appendingPathComponent("date.mustache"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "override a partial")
    }

    func testThemeChangesRedrawOnlyThePagesTheyTouch() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let companyPages = BriefRunner.files(in: site).filter {
            $0.hasPrefix("companies/") && $0.hasSuffix(".html") && $0 != "companies/index.html"
        }
        XCTAssertGreaterThan(companyPages.count, 3)
        let story = try XCTUnwrap(BriefRunner.files(in: site).first { $0.hasPrefix("stories/") })
        let storyDate =
            try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(story).path)[.modificationDate]
            as? Date

        // The company template changes: exactly the company pages are drawn and written again, into
        // the site as it is (a rebuild of every page would put a new folder in its place).
        let siteInode = try FileManager.default.attributesOfItem(atPath: site.path)[.systemFileNumber] as? Int
        let templates = folder.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(
            at: templates.appendingPathComponent("assets"), withIntermediateDirectories: true)
        let builtIn = BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/company.mustache"))
        XCTAssertTrue(builtIn.contains("<h1>{{name}}</h1>"))
        try builtIn.replacingOccurrences(of: "<h1>{{name}}</h1>", with: "<h1 class=\"company-name\">{{name}}</h1>")
            .write(to: templates.appendingPathComponent("company.mustache"), atomically: true, encoding: .utf8)
        let companyChange = try assertIncrementalMatchesClean(folder, "change the company template")
        XCTAssertEqual(writtenCount(companyChange), companyPages.count, companyChange.stdout)
        XCTAssertTrue(
            BriefRunner.read(site.appendingPathComponent(companyPages[0])).contains("<h1 class=\"company-name\">"))
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(story).path)[.modificationDate]
                as? Date, storyDate)
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: site.path)[.systemFileNumber] as? Int, siteInode)

        // The style sheet changes: no page depends on its bytes, so it alone is written.
        let css =
            BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/assets/style.css"))
            + "\nh1 { letter-spacing: 0.01em; }\n"
        try css.write(to: templates.appendingPathComponent("assets/style.css"), atomically: true, encoding: .utf8)
        let styleChange = try assertIncrementalMatchesClean(folder, "change the style sheet")
        XCTAssertEqual(writtenCount(styleChange), 1, styleChange.stdout)
        XCTAssertEqual(BriefRunner.read(site.appendingPathComponent("assets/style.css")), css)

        // The layout changes: every page is drawn again.
        let layout = BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/layout.mustache"))
        try layout.replacingOccurrences(of: "<main", with: "<main data-theme=\"changed\"")
            .write(to: templates.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "change the layout")
        XCTAssertTrue(BriefRunner.read(site.appendingPathComponent(story)).contains("data-theme=\"changed\""))
    }

    /// The site's files by path, each with its inode and modification time: what a rewrite changes.
    private func stamps(_ site: URL) throws -> [String: String] {
        var stamps: [String: String] = [:]
        for path in BriefRunner.files(in: site) {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            stamps[path] = "\(attributes[.systemFileNumber] ?? 0) \(date)"
        }
        return stamps
    }

    private func rewritten(_ site: URL, since before: [String: String]) throws -> Set<String> {
        Set(try stamps(site).filter { before[$0.key] != $0.value }.keys)
    }

    func testAOneSourceEditRewritesOnlyThePagesThatShowIt() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build", "--clean"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let before = try stamps(site)

        // The first sentence of a story of 5 March changes: its story, its briefing, the page of each of its companies
        // that lists it and their feeds, the site's feeds and the search index; no list, no archive page, no other story.
        let edited = folder.appendingPathComponent("Content/2024-03-05-briefing-5.txt")
        try Self.source(5).replacingOccurrences(of: "over five years", with: "over six years").write(
            to: edited, atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "edit a first sentence")
        let changed = try rewritten(site, since: before)
        let stories = changed.filter { $0.hasPrefix("stories/") }
        XCTAssertEqual(stories.count, 3, "the three stories of briefing 5: \(stories.sorted())")
        let companies = ["xiaomi", "byd", "toyota", "intel"]  // as `source(5)` names them
        var expected: Set<String> = stories.union([
            "briefings/xiaomi-and-byd-strike-deal-number-5-0/index.html", "feed.xml", "feed.json",
        ])
        for company in companies {
            expected.formUnion([
                "companies/\(company)/index.html", "companies/\(company)/feed.xml", "companies/\(company)/feed.json",
            ])
        }
        let search = changed.filter { $0 == "search.json" || $0.hasPrefix("assets/search/") }
        XCTAssertFalse(search.isEmpty, "the search index holds the sentence")
        XCTAssertEqual(changed.subtracting(search), expected)

        // A new newest briefing: the front page, the lists and archive pages that show it, the briefing of the
        // edition before it (its next edition), and its own pages; not the other briefings, nor their stories.
        let again = try stamps(site)
        try Self.source(25).write(
            to: folder.appendingPathComponent("Content/2024-03-25-briefing-25.txt"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "add a briefing")
        let added = try rewritten(site, since: again)
        for path in [
            "index.html", "briefings/index.html", "archive/index.html", "archive/2024/index.html",
            "archive/2024/03/index.html",
            "briefings/amazon-and-apple-strike-deal-number-24-0/index.html",
        ] {
            XCTAssertTrue(added.contains(path), "\(path) shows the new briefing: \(added.sorted())")
        }
        XCTAssertFalse(
            added.contains("briefings/apple-and-tesla-strike-deal-number-23-0/index.html"), added.sorted().description)
        XCTAssertFalse(
            added.contains("stories/apple-and-tesla-strike-deal-number-23-0/index.html"), added.sorted().description)
    }

    func testGazetteerChangesRedrawOnlyThePagesTheyTouch() throws {
        let folder = try makeSite()
        let first = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let site = folder.appendingPathComponent("Site")
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("companies/xiaomi/index.html").path))
        let siteInode = try FileManager.default.attributesOfItem(atPath: site.path)[.systemFileNumber] as? Int

        // Xiaomi is suppressed: the stories naming it lose it and its page goes, in the site as it is.
        try "suppress: [Xiaomi]\n".write(
            to: folder.appendingPathComponent("Content/companies.yml"), atomically: true, encoding: .utf8)
        let change = try assertIncrementalMatchesClean(folder, "suppress a company")
        XCTAssertLessThan(try XCTUnwrap(writtenCount(change)), try XCTUnwrap(writtenCount(first)) / 2, change.stdout)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: site.appendingPathComponent("companies/xiaomi/index.html").path))
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: site.path)[.systemFileNumber] as? Int, siteInode)

        // A description and a display name change: the pages showing them follow.
        try
            "suppress: [Xiaomi]\ncompanies:\n  - name: Tesla\n    description: Makes cars and batteries.\n  - name: Nvidia\n    rename: NVIDIA Corporation\n"
            .write(to: folder.appendingPathComponent("Content/companies.yml"), atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "describe and rename companies")
        XCTAssertTrue(
            BriefRunner.read(site.appendingPathComponent("companies/tesla/index.html")).contains(
                "Makes cars and batteries."))
        let nvidiaStory = try XCTUnwrap(
            BriefRunner.files(in: site).first {
                $0.hasPrefix("stories/")
                    && BriefRunner.read(site.appendingPathComponent($0)).contains("companies/nvidia/")
            })
        XCTAssertTrue(BriefRunner.read(site.appendingPathComponent(nvidiaStory)).contains("NVIDIA Corporation"))
    }

    func testSettingsRewriteOnlyWhatShowsThem() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let siteInode = try FileManager.default.attributesOfItem(atPath: site.path)[.systemFileNumber] as? Int
        try "title: Test Briefings\nbase_url: https://example.org/news/\nfeed_items: 3\ntimezone: Europe/Paris\n"
            .write(to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        let change = try assertIncrementalMatchesClean(folder, "change the feed length and time zone")
        let companyFeeds = BriefRunner.files(in: site).filter {
            $0.hasPrefix("companies/") && $0.hasSuffix("/feed.xml")
        }
        XCTAssertEqual(companyFeeds.count, 10)
        XCTAssertEqual(
            writtenCount(change), 2 + 2 * companyFeeds.count,
            "the site's feeds and the companies' feeds:\n\(change.stdout)")
        XCTAssertEqual(
            BriefRunner.read(site.appendingPathComponent("feed.xml")).components(separatedBy: "<entry>").count - 1, 3)
        XCTAssertEqual(
            try FileManager.default.attributesOfItem(atPath: site.path)[.systemFileNumber] as? Int, siteInode)

        // The front page's length touches the front page alone.
        try
            "title: Test Briefings\nbase_url: https://example.org/news/\nfeed_items: 3\ntimezone: Europe/Paris\nstories_on_front_page: 1\n"
            .write(to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        let front = try assertIncrementalMatchesClean(folder, "shorten the front page")
        XCTAssertEqual(writtenCount(front), 1, front.stdout)

        // The page size touches the paged lists alone (the briefings, each company with more than a page of stories,
        // the month of the archive), and the links to where the archive now lists an edition: on the year's page,
        // the front page and the briefings whose editions moved to a later page.
        try
            "title: Test Briefings\nbase_url: https://example.org/news/\nfeed_items: 3\ntimezone: Europe/Paris\nstories_on_front_page: 1\npage_size: 10\n"
            .write(to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        let paged = try assertIncrementalMatchesClean(folder, "page the lists")
        let files = BriefRunner.files(in: site)
        let pagedLists = Set(files.filter { $0.contains("/page/") }.map { $0.components(separatedBy: "page/")[0] })
        XCTAssertEqual(
            pagedLists.count, 1 + 9 + 1, "the briefings, every company but Samsung (ten stories fit one page), March")
        var expected = files.filter { path in
            pagedLists.contains { path == $0 + "index.html" || path.hasPrefix($0 + "page/") }
        }
        expected += files.filter {
            $0.hasPrefix("briefings/") && BriefRunner.read(site.appendingPathComponent($0)).contains("03/page/")
        }
        expected += ["archive/2024/index.html", "index.html", "sitemap.xml"]
        XCTAssertEqual(writtenCount(paged), Set(expected).count, "\(expected.sorted())\n\(paged.stdout)")
    }

    func testCorruptCacheIsIgnored() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let cache = folder.appendingPathComponent(".brief-cache")
        try Data("garbage".utf8).write(to: cache.appendingPathComponent("state.bin"))
        for record in try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("sources").path)
            .prefix(5)
        {
            try Data([1, 2, 3]).write(to: cache.appendingPathComponent("sources/\(record)"))
        }
        try Self.source(3).replacingOccurrences(of: "Monday", with: "Tuesday")
            .write(
                to: folder.appendingPathComponent("Content/2024-03-03-briefing-3.txt"), atomically: true,
                encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "corrupt cache")
    }

    func testDeletedSiteIsRebuilt() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Site"))
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertFalse(result.stdout.hasPrefix("Up to date"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site/index.html").path))
    }

    /// The issue's case: a deleted company page, an emptied feed and an overwritten front page are
    /// noticed before "Up to date" and written again, and only they.
    func testFilesDamagedInTheSiteAreWrittenAgain() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let damaged = ["companies/tesla/index.html", "feed.xml", "index.html"]
        try FileManager.default.removeItem(at: site.appendingPathComponent(damaged[0]))
        try Data().write(to: site.appendingPathComponent(damaged[1]))
        try Data("garbage".utf8).write(to: site.appendingPathComponent(damaged[2]))
        let before = modificationTimes(site)

        let result = try assertIncrementalMatchesClean(folder, "damaged Site/")
        XCTAssertEqual(writtenCount(result), 3, result.stdout)
        let after = modificationTimes(site)
        XCTAssertEqual(Set(after.keys).subtracting(before.keys), [damaged[0]])
        XCTAssertEqual(
            before.filter { after[$0.key] != $0.value }.keys.sorted(), damaged.suffix(2).sorted(),
            "the files rewritten are exactly the damaged ones")
        XCTAssertTrue(try BriefRunner.run(["build"], in: folder).stdout.hasPrefix("Up to date:"))
    }

    /// A full rebuild keeps a file of the old site whose bytes it would write again, but not one
    /// that changed since the last build wrote it, even with the same size.
    func testAFullRebuildDoesNotKeepADamagedFile() throws {
        let folder = try makeSite()
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let css = folder.appendingPathComponent("Site/assets/style.css")
        let size = try Data(contentsOf: css).count
        try Data(repeating: UInt8(ascii: "x"), count: size).write(to: css)
        // A setting every page shows: a full rebuild, swapped in.
        try "title: Other Title\nbase_url: https://example.org/news/\n".write(
            to: folder.appendingPathComponent("brief.yml"),
            atomically: true, encoding: .utf8)
        _ = try assertIncrementalMatchesClean(folder, "full rebuild over a damaged file")
    }

    private func modificationTimes(_ site: URL) -> [String: Date] {
        var times: [String: Date] = [:]
        for path in BriefRunner.files(in: site) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
            times[path] = attributes?[.modificationDate] as? Date
        }
        return times
    }
}
