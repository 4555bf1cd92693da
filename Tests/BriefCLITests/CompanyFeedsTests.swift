import Foundation
import XCTest

/// Each company's Atom and JSON feeds, for a reader who follows one company.
final class CompanyFeedsTests: XCTestCase {
    static let base = SiteFeaturesTests.base

    func testEveryCompanyHasAnAtomFeedOfItsNewestStories() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("base_url: \(Self.base)\nfeed_items: 4\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let site = folder.appendingPathComponent("Site")
        let companies = BriefRunner.files(in: site).filter {
            $0.hasPrefix("companies/") && $0.hasSuffix("/index.html") && $0 != "companies/index.html"
        }
        XCTAssertEqual(companies.count, 9)
        for page in companies {
            let folder = String(page.dropLast("index.html".count))
            XCTAssertNotNil(
                E2E.parseXML(site.appendingPathComponent(folder + "feed.xml")).0, "\(folder)feed.xml is well-formed")
            XCTAssertNoThrow(try E2E.json(site, folder + "feed.json"), "\(folder)feed.json is JSON")
        }

        let (parsed, error) = E2E.parseXML(site.appendingPathComponent("companies/tesla/feed.xml"))
        guard let feed = parsed else { return XCTFail("companies/tesla/feed.xml is not well-formed: \(error ?? "")") }
        let atom = "http://www.w3.org/2005/Atom"
        XCTAssertEqual(feed.name, "feed")
        XCTAssertEqual(feed.namespace, atom)
        XCTAssertEqual(feed.child("title")?.text, "Tesla · Briefings")
        XCTAssertEqual(feed.child("id")?.text, Self.base + "companies/tesla/")
        XCTAssertEqual(feed.child("updated")?.text, "2024-05-01T00:00:00Z", "its newest story")
        let links = feed.children("link")
        XCTAssertTrue(
            links.contains {
                $0.attributes["rel"] == "self" && $0.attributes["href"] == Self.base + "companies/tesla/feed.xml"
            })
        XCTAssertTrue(
            links.contains {
                $0.attributes["rel"] == "alternate" && $0.attributes["href"] == Self.base + "companies/tesla/"
            })

        // Tesla's five stories, newest first, as many as feed_items: each a title, a link, dates and the first sentence.
        let entries = feed.children("entry")
        XCTAssertEqual(
            entries.map { $0.child("title")?.text ?? "" },
            [
                "Nvidia Raises Its Outlook", "A Long Look At Tesla Batteries", "Tesla Energy Sets New Record",
                "Faster, Better, Cheaper Supercharger Installations",
            ])
        for entry in entries {
            XCTAssertTrue(entry.children.allSatisfy { $0.namespace == atom })
            let href = entry.child("link")?.attributes["href"] ?? ""
            XCTAssertEqual(entry.child("id")?.text, href)
            XCTAssertTrue(href.hasPrefix(Self.base + "stories/"), href)
            XCTAssertNotNil(entry.child("published")?.text.range(of: E2E.rfc3339, options: .regularExpression))
            XCTAssertFalse(entry.child("summary")?.text.isEmpty ?? true)
            XCTAssertNil(entry.child("content"), "the first sentence and a link, not the whole story")
            XCTAssertTrue(entry.children("category").contains { $0.attributes["term"] == "tesla" })
        }
        XCTAssertEqual(
            entries.first?.child("summary")?.text,
            "Nvidia raised its revenue outlook on Wednesday after a record quarter.")

        // The company page says where its feeds are, for browsers and feed readers.
        let tesla = E2E.read(site, "companies/tesla/index.html")
        XCTAssertTrue(
            tesla.contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Tesla · Briefings (Atom)\" href=\"../../companies/tesla/feed.xml\">"
            ), tesla)
        XCTAssertTrue(
            tesla.contains(
                "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Tesla · Briefings (JSON Feed)\" href=\"../../companies/tesla/feed.json\">"
            ), tesla)
        XCTAssertTrue(tesla.contains("<a href=\"../../companies/tesla/feed.xml\">Atom feed</a>"), tesla)
    }

    func testEveryCompanyHasAJSONFeed11() throws {
        let folder = try E2E.richSite(self)
        try E2E.write("base_url: \(Self.base)\nauthor: Jane Doe\n", "brief.yml", in: folder)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let feed = try E2E.json(site, "companies/nvidia/feed.json")
        XCTAssertEqual(feed["version"] as? String, "https://jsonfeed.org/version/1.1")
        XCTAssertEqual(feed["title"] as? String, "Nvidia · Briefings")
        XCTAssertEqual(feed["home_page_url"] as? String, Self.base + "companies/nvidia/")
        XCTAssertEqual(feed["feed_url"] as? String, Self.base + "companies/nvidia/feed.json")
        XCTAssertEqual((feed["authors"] as? [[String: Any]])?.first?["name"] as? String, "Jane Doe")
        let items = feed["items"] as? [[String: Any]] ?? []
        XCTAssertEqual(
            items.compactMap { $0["title"] as? String },
            [
                "Nvidia Raises Its Outlook", "Microsoft Signs A Cloud Deal",
                "Elon Musk’s Supercomputer Freaks Out AI Rivals",
            ])
        for item in items {
            let url = item["url"] as? String ?? ""
            XCTAssertEqual(item["id"] as? String, url)
            XCTAssertTrue(url.hasPrefix(Self.base + "stories/"), url)
            XCTAssertFalse(
                (item["content_text"] as? String ?? "").isEmpty, "JSON Feed needs content_text or content_html")
            XCTAssertNil(item["content_html"])
            XCTAssertNotNil(
                (item["date_published"] as? String)?.range(of: E2E.rfc3339, options: .regularExpression), url)
            XCTAssertTrue((item["tags"] as? [String] ?? []).contains("Nvidia"))
        }
        XCTAssertEqual(
            items.last?["date_published"] as? String, "2024-04-20T00:00:00Z", "undated, by the documented rule")
    }

    func testWithoutBaseURLTheFeedsLinkRelativeToThemselves() throws {
        let folder = try E2E.richSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let (parsed, _) = E2E.parseXML(site.appendingPathComponent("companies/intel/feed.xml"))
        let feed = try XCTUnwrap(parsed)
        XCTAssertEqual(feed.child("id")?.text, "urn:brief:company:intel")
        let hrefs =
            feed.children("link").compactMap { $0.attributes["href"] }
            + feed.children("entry").compactMap { $0.child("link")?.attributes["href"] }
        XCTAssertEqual(
            hrefs,
            [
                "../../companies/intel/feed.xml", "../../companies/intel/",
                "../../stories/intel-opens-a-factory-in-ohio/",
            ])
        for href in hrefs { XCTAssertTrue(E2E.resolves(href, from: "companies/intel/feed.xml", in: site), href) }
    }
}
