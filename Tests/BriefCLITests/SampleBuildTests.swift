import Foundation
import XCTest

/// `brief build` on the shipped sample, checked the way a reader would see the site.
final class SampleBuildTests: XCTestCase {
    static let headings = [
        "Elon Musk's Supercomputer Freaks Out AI Rivals",
        "Tesla Energy Sets New Record",
        "Faster, Better, Cheaper Supercharger Installations",
        "Xiaomi CEO Pays Homage to Elon Musk",
    ]

    func testBuildWritesTheBriefingSite() throws {
        let folder = try BriefRunner.sampleSite(self)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Built 1 briefing, 4 stories, 8 companies"), result.stdout)
        XCTAssertTrue(result.stderr.contains("Content/tesla-unmatched-speed-of-innovation.txt:12:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: paragraph is cut off"), result.stderr)

        let site = folder.appendingPathComponent("Site")
        let files = BriefRunner.files(in: site)
        let storyPages = files.filter { $0.hasPrefix("stories/") && $0.hasSuffix("/index.html") }
        XCTAssertEqual(storyPages.count, 4)

        // Each story page: its heading as the one h1, its three paragraphs once and in order.
        let sampleParagraphs = BriefRunner.read(
            BriefRunner.packageRoot.appendingPathComponent("Content/tesla-unmatched-speed-of-innovation.txt")
        )
        .split(separator: "\n").prefix { !$0.hasPrefix("Part 1/5") }.map(String.init).filter {
            !Self.headings.contains($0)
        }
        XCTAssertEqual(sampleParagraphs.count, 12)
        for (index, heading) in Self.headings.enumerated() {
            let page = storyPages.map { BriefRunner.read(site.appendingPathComponent($0)) }.first {
                $0.contains("<h1>\(Self.html(E2E.smart(heading)))</h1>")
            }
            guard let page else {
                XCTFail("no story page with heading \(heading)")
                continue
            }
            XCTAssertEqual(page.components(separatedBy: "<h1").count, 2, "one h1")
            var last = page.startIndex
            for paragraph in sampleParagraphs[(index * 3)..<(index * 3 + 3)] {
                let expected = Self.html(E2E.smart(paragraph.hasSuffix("pro") ? paragraph + "…" : paragraph))
                guard let range = page.range(of: "<p>\(expected)</p>") else {
                    XCTFail("missing in \(heading): \(expected)")
                    continue
                }
                XCTAssertGreaterThan(range.lowerBound, last, "out of order in \(heading)")
                XCTAssertEqual(page.components(separatedBy: expected).count, 2, "twice in \(heading)")
                last = range.lowerBound
            }
        }

        // The briefing page: its title and all four stories.
        let briefing = files.filter {
            $0.hasPrefix("briefings/") && $0.hasSuffix("/index.html") && $0 != "briefings/index.html"
        }
        XCTAssertEqual(briefing.count, 1)
        let briefingPage = BriefRunner.read(site.appendingPathComponent(briefing[0]))
        XCTAssertTrue(
            briefingPage.contains("<h1>Tesla’s Unmatched Speed of Innovation</h1>"), "smart punctuation in titles")
        for heading in Self.headings { XCTAssertTrue(briefingPage.contains(Self.html(E2E.smart(heading))), heading) }

        // A page per company, each listing the stories that mention it.
        let companyPages = files.filter { $0.hasPrefix("companies/") && $0 != "companies/index.html" }
        let companyIndex = BriefRunner.read(site.appendingPathComponent("companies/index.html"))
        for name in ["xAI", "Tesla", "Xiaomi", "Nvidia", "Microsoft", "Meta", "Google", "Amazon"] {
            let page = companyPages.map { BriefRunner.read(site.appendingPathComponent($0)) }.first {
                $0.contains("<h1>\(name)</h1>")
            }
            XCTAssertNotNil(page, "no page for \(name)")
            XCTAssertTrue(companyIndex.contains(">\(name)</a>"), "\(name) missing from companies/index.html")
        }
        let tesla = BriefRunner.read(site.appendingPathComponent("companies/tesla/index.html"))
        for heading in Self.headings.dropFirst() {
            XCTAssertTrue(tesla.contains(Self.html(E2E.smart(heading))), heading)
        }
        XCTAssertFalse(tesla.contains(Self.html(E2E.smart(Self.headings[0]))))

        // The front page links the briefing, its stories and the companies.
        let index = BriefRunner.read(site.appendingPathComponent("index.html"))
        XCTAssertTrue(index.contains("href=\"\(briefing[0])\""))
        for page in storyPages { XCTAssertTrue(index.contains("href=\"\(page)\""), page) }
        XCTAssertTrue(index.contains("href=\"companies/tesla/index.html\""))

        // No scraping artifacts anywhere, and every relative link resolves inside Site/.
        for file in files
        where file.hasSuffix(".html") || file.hasSuffix(".xml") || file.hasSuffix(".json") || file.hasSuffix(".js") {
            let html = BriefRunner.read(site.appendingPathComponent(file))
            XCTAssertFalse(html.contains("Part 1/5") || html.contains("Part 5/5") || html.contains("[...]"), file)
            // The 404 page is served at any depth, so its links start at the root its script finds.
            guard file.hasSuffix(".html"), file != "404.html" else { continue }
            for link in Self.links(in: html)
            where !link.contains("://") && !link.hasPrefix("#") && !link.hasPrefix("mailto:") {
                let target = site.appendingPathComponent(file).deletingLastPathComponent().appendingPathComponent(link)
                    .standardizedFileURL
                XCTAssertTrue(
                    target.path.hasPrefix(site.standardizedFileURL.path + "/"), "\(file): \(link) leaves Site/")
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(file): \(link) does not resolve")
            }
        }
    }

    func testSecondBuildKeepsUnchangedFiles() throws {
        let folder = try BriefRunner.sampleSite(self)
        let first = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let index = folder.appendingPathComponent("Site/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        let second = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(
            second.stdout.hasPrefix("Up to date: 1 briefing, 4 stories, 8 companies; nothing changed"), second.stdout)
        // A clean build writes a whole new site, but links the files whose bytes did not change.
        let clean = try BriefRunner.run(["build", "--clean"], in: folder)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertTrue(clean.stdout.contains(": 0 files written, "), clean.stdout)
        let after = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        XCTAssertEqual(before, after, "an unchanged page keeps its modification time")
    }

    func testBadUsageExits64() throws {
        let folder = BriefRunner.temporaryFolder(self)
        XCTAssertEqual(try BriefRunner.run(["build", "--no-such-flag"], in: folder).status, 64)
        XCTAssertEqual(try BriefRunner.run(["frobnicate"], in: folder).status, 64)
    }

    func testMissingContentIsAClearError() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("Content/: error: no Content/ folder here"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("Build failed with 1 error; nothing was written.\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("brief init"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Site").path))
    }

    /// Text as the templates escape it.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The targets of href and src attributes.
    static func links(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                links.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return links
    }
}
