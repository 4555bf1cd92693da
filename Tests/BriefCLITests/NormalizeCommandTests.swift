import Foundation
import XCTest

/// `brief normalize`: what a person sees when checking what brief understood of a source.
final class NormalizeCommandTests: XCTestCase {
    func testMarkdownWithFrontMatter() throws {
        let folder = try BriefRunner.sampleSite(self)
        let result = try BriefRunner.run(["normalize", "Content/tesla-unmatched-speed-of-innovation.txt"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stdout.hasPrefix(
                "---\ntitle: \"Tesla's Unmatched Speed of Innovation\"\nsource: \"Content/tesla-unmatched-speed-of-innovation.txt\"\n---\n\n# Tesla's Unmatched Speed of Innovation\n\n## Elon Musk's Supercomputer"
            ), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "\n## ").count, 5)
        XCTAssertFalse(result.stdout.contains("Part 1/5"))
        XCTAssertTrue(
            result.stderr.contains("Content/tesla-unmatched-speed-of-innovation.txt:12:353: warning:"), result.stderr)
    }

    func testJSONForOneAndForSeveralFiles() throws {
        let folder = try BriefRunner.sampleSite(self)
        let file = "Content/tesla-unmatched-speed-of-innovation.txt"
        let one = try BriefRunner.run(["normalize", "--json", file], in: folder)
        XCTAssertEqual(one.status, 0, one.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["source"] as? String, file)
        XCTAssertEqual(object["title"] as? String, "Tesla's Unmatched Speed of Innovation")
        XCTAssertTrue(object["date"] is NSNull)
        let stories = try XCTUnwrap(object["stories"] as? [[String: Any]])
        XCTAssertEqual(stories.map { $0["heading"] as? String }, SampleBuildTests.headings)
        XCTAssertEqual(stories.map { ($0["paragraphs"] as? [String])?.count }, [3, 3, 3, 3])
        XCTAssertEqual(stories[0]["slug"] as? String, "elon-musks-supercomputer-freaks-out-ai-rivals")
        let companies = try XCTUnwrap(stories[0]["companies"] as? [[String: Any]])
        XCTAssertEqual(
            companies.map { $0["name"] as? String }, ["xAI", "Nvidia", "Microsoft", "Meta", "Google", "Amazon"])
        XCTAssertEqual(companies.first?["mentions"] as? Int, 4)
        XCTAssertEqual(companies.first?["slug"] as? String, "xai")
        XCTAssertTrue((stories[0]["markdown"] as? String)?.hasPrefix("## Elon Musk's Supercomputer") == true)
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.first?["severity"] as? String, "warning")
        XCTAssertEqual(diagnostics.first?["line"] as? Int, 12)
        XCTAssertEqual(diagnostics.first?["file"] as? String, file)

        try "Just one line of text without any heading at all.\n".write(
            to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let several = try BriefRunner.run(["normalize", "--json", file, "b.txt"], in: folder)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(several.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(array.map { $0["source"] as? String }, [file, "b.txt"])
    }

    func testJSONSlugsAreTheSitesSlugs() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for (file, company) in [("a.md", "Tesla"), ("b.md", "Nvidia")] {
            try
                "# \(company) Briefing\n\n## Same Heading\n\n\(company) sold more than ever in the quarter, the company said.\n"
                .write(to: content.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        // Given in the other order: slugs are handed out as the site does, oldest source first (here: by name).
        let result = try BriefRunner.run(["normalize", "--json", "Content/b.md", "Content/a.md"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let array = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let slugs = array.map { ($0["stories"] as? [[String: Any]])?.first?["slug"] as? String }
        XCTAssertEqual(slugs, ["same-heading-2", "same-heading"])
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let page = BriefRunner.read(folder.appendingPathComponent("Site/stories/same-heading-2/index.html"))
        XCTAssertTrue(page.contains("Nvidia sold more"), "the site gives b.md's story the same slug")
    }

    func testAStorysOwnCompaniesLineTagsItAndIsNotOneOfItsParagraphs() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let source = "# Day\n\n## Chips\n\ncompanies: Acme Widgets\n\nNvidia sold more chips than ever this year.\n"
        try source.write(to: folder.appendingPathComponent("day.md"), atomically: true, encoding: .utf8)
        let result = try BriefRunner.run(["normalize", "--json", "day.md"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let story = try XCTUnwrap((object["stories"] as? [[String: Any]])?.first)
        XCTAssertEqual(story["paragraphs"] as? [String], ["Nvidia sold more chips than ever this year."])
        XCTAssertFalse((story["markdown"] as? String ?? "").contains("companies:"), "\(story)")
        let names = (story["companies"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        XCTAssertEqual(Set(names), ["Nvidia", "Acme Widgets"])
    }

    func testJSONKeysComeInTheSameOrderOnEveryRun() throws {
        let folder = try BriefRunner.sampleSite(self)
        let result = try BriefRunner.run(
            ["normalize", "--json", "Content/tesla-unmatched-speed-of-innovation.txt"], in: folder)
        let keys = ["date", "diagnostics", "ignored", "source", "stories", "title"].map { "\n  \"\($0)\" : " }
        let positions = keys.map { result.stdout.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil), result.stdout)
        XCTAssertEqual(
            positions.compactMap { $0 }, positions.compactMap { $0 }.sorted(), "sorted keys: diffable output")
    }

    func testErrorsExitOne() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try Data([0x41, 0x0A, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("bad.txt"))
        let result = try BriefRunner.run(["normalize", "bad.txt"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("bad.txt:2:1: error: invalid UTF-8"), result.stderr)
        let missing = try BriefRunner.run(["normalize", "nope.txt"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("nope.txt:1:1: error: cannot read"), missing.stderr)
        XCTAssertEqual(try BriefRunner.run(["normalize"], in: folder).status, 64)
    }
}
