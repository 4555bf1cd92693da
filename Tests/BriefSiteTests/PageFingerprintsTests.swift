import BriefCompanies
import BriefModel
import BriefNormalize
import BriefSite
import BriefStories
import BriefTemplate
import XCTest

@testable import BriefSite

/// An incremental build draws again only the pages whose fingerprint changed, so a value a page shows that does
/// not reach its fingerprint leaves that page stale. A fingerprint hashes the page's data as the same code builds
/// it for the template, with a story's content by its content hash. These tests check both halves: on every page,
/// the hashing mode, when it walks stories' content, makes the hash of the template's data; and, changing one thing
/// at a time in a small site, the fingerprint changes exactly when the data the template receives does.
final class PageFingerprintsTests: XCTestCase {
    /// Fifteen companies, so that the front page's list of the top twelve and the "mentioned with" lists are cut.
    private static let names = [
        "Tesla", "Nvidia", "Microsoft", "Walmart", "Ericsson", "Porsche", "Huawei", "Toyota", "Nintendo", "BYD",
        "Apple", "Amazon", "Xiaomi", "Meta", "Google",
    ]

    /// What the site is made from; each test changes one part of it.
    private struct Site {
        var config = SiteConfig()
        var companies = Gazetteer.builtIn.companies
        var documents: [Document]

        init() {
            config.storiesOnFrontPage = 4
            config.pageSize = 3
            documents = (0..<14).map { b in
                let sections = (0..<3).map { s -> Section in
                    let one = names[(b + s) % names.count]
                    let other = names[(2 * b + s + 1) % names.count]
                    let third = names[(3 * b + s + 2) % names.count]
                    return Section(
                        heading: "\(one) and \(other), story \(b)-\(s)",
                        paragraphs: [
                            Paragraph(
                                plainText: "\(one) will work with \(other), spending $\(b + 2) billion over 3 years."),
                            Paragraph(plainText: "Analysts expect more news from \(one) and \(third) soon."),
                        ])
                }
                return Document(
                    source: "Content/\(b).txt", title: "Briefing \(b)",
                    date: ContentDate(year: 2024, month: 1 + b % 3, day: 1 + b), sections: sections)
            }
        }

        func model() -> SiteModel {
            let gazetteer = Gazetteer(companies: companies, neverPhrases: Gazetteer.builtIn.neverPhrases)
            let processor = SourceProcessor(gazetteer: gazetteer)
            var warnings = Diagnostics()
            return SiteAssembler(config: config, gazetteer: gazetteer).assemble(
                documents.map(processor.process), into: &warnings)
        }
    }

    /// Per page, company feed and the search index: the hash of what it shows (its template data, or its
    /// bytes), and its fingerprint.
    private static func pages(_ site: Site) -> [String: (data: UInt64, fingerprint: UInt64)] {
        let model = site.model()
        let data = PageData<TemplateValue>(model: model)
        let fingerprints = PageFingerprints(model: model, global: 7, templateKeys: ["story": 1, "index": 2])
        var result: [String: (data: UInt64, fingerprint: UInt64)] = [:]
        for page in Page.all(in: model) {
            result[page.path(in: model)] = (DataHash.of(data.data(for: page)).value, fingerprints.fingerprint(page))
        }
        let feeds = CompanyFeeds(FeedContext(model: model, sourceDateEpoch: "0"))
        for i in 0..<feeds.count {
            var shown = Fingerprint()
            for text in feeds.render(i) { shown.add(text) }
            result[feeds.paths(i)[0]] = (shown.value, feeds.fingerprint(i, fingerprints))
        }
        var search = Fingerprint(SearchIndex.json(model).hash)
        for (path, bytes) in SearchShards.files(model).sorted(by: { $0.key < $1.key }) {
            search.add(path)
            search.add(ContentHash.of(bytes))
        }
        result["search.json"] = (search.value, fingerprints.searchIndex())
        return result
    }

    /// The pages of the site as `Site()` makes it, which every test changes.
    private static let unchanged = pages(Site())

    /// Checks, on every page the site has before and after `change`, that the fingerprint changes exactly when
    /// the page's data does (for feeds and the search index: at least when their bytes do), and that the change
    /// shows on the pages `shownOn`.
    private func check(
        _ shownOn: [String], file: StaticString = #filePath, line: UInt = #line, _ change: (inout Site) -> Void
    ) {
        var changed = Site()
        change(&changed)
        let before = Self.unchanged
        let after = Self.pages(changed)
        for path in shownOn {
            XCTAssertNotEqual(
                before[path]?.data, after[path]?.data, "the change shows on \(path)", file: file, line: line)
        }
        for (path, old) in before.sorted(by: { $0.key < $1.key }) {
            guard let new = after[path] else { continue }
            if old.data != new.data {
                XCTAssertNotEqual(
                    old.fingerprint, new.fingerprint, "\(path) shows the change, but its fingerprint stays",
                    file: file, line: line)
            } else if path.hasSuffix(".html") {
                // Feeds and the search index may be drawn again for less (a story's card, not only its entry).
                XCTAssertEqual(
                    old.fingerprint, new.fingerprint, "\(path) does not show the change, but its fingerprint changed",
                    file: file, line: line)
            }
        }
    }

    func testTheHashOfEveryPageIsTheHashOfItsTemplateData() {
        let model = Site().model()
        let walked = PageData<WalkedHash>(model: model)
        for prebuild in [true, false] {
            let data = PageData<TemplateValue>(model: model, prebuildStories: prebuild)
            for page in Page.all(in: model) {
                XCTAssertEqual(
                    walked.data(for: page).hash, DataHash.of(data.data(for: page)),
                    "\(page.path(in: model)), stories prebuilt: \(prebuild)")
            }
        }
    }

    func testAStorysHeading() {
        check(["stories/ericsson-and-nintendo-story-3-1/index.html", "briefings/briefing-3/index.html"]) {
            $0.documents[3].sections[1].heading = "Ericsson and Nintendo, story 3-1 (updated)"
        }
    }

    func testAStorysText() {
        check(["briefings/briefing-5/index.html", "search.json"]) {
            $0.documents[5].sections[0].paragraphs[1] = Paragraph(
                plainText: "Analysts expect more news from Huawei soon, and from Nintendo, by 40%.")
        }
    }

    func testABriefingsTitleAndDate() {
        check(["index.html", "briefings/index.html"]) { $0.documents[11].title = "The newest briefing" }
        check(["archive/index.html"]) { $0.documents[4].date = ContentDate(year: 2023, month: 12, day: 31) }
    }

    func testACompanysNameAndDescription() {
        for name in Self.names {
            let i = Site().companies.firstIndex { $0.name == name }!
            check(["companies/index.html", "search.json"]) { $0.companies[i].name = name + " Group" }
        }
        let nvidia = Site().companies.firstIndex { $0.slug == "nvidia" }!
        check(["companies/nvidia/index.html"]) {
            $0.companies[nvidia].description = "Makes chips."
            $0.companies[nvidia].website = "https://www.nvidia.com/"
            $0.companies[nvidia].sector = "Chips"
        }
    }

    func testTheSettings() {
        check(["index.html", "stories/ericsson-and-nintendo-story-3-1/index.html"]) { $0.config.title = "Daily" }
        check(["index.html"]) { $0.config.storiesOnFrontPage = 2 }
        check(["briefings/index.html"]) { $0.config.pageSize = 4 }
        check(["index.html"]) { $0.config.baseURL = "https://example.com/" }
    }

    func testAStoryAdded() {
        check(["briefings/briefing-2/index.html"]) {
            $0.documents[2].sections.append(
                Section(heading: "Toyota news", paragraphs: [Paragraph(plainText: "Toyota sold 5 million cars.")]))
        }
    }
}
