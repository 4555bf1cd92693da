import BriefNormalize
import BriefTestSupport
import XCTest

@testable import BriefCompanies

final class CompanyTaggerTests: XCTestCase {
    static let tagger = CompanyTagger(gazetteer: .builtIn)

    private func names(_ text: String, heading: String = "") -> [String] {
        Self.tagger.tag(heading: heading, paragraphs: [text]).map(\.name)
    }

    func testSampleStories() {
        let document = Normalizer.normalize(Fixtures.sample)
        let tagged = document.sections.map { section in
            Self.tagger.tag(heading: section.heading, paragraphs: section.paragraphs.map(\.text)).map(\.name)
        }
        XCTAssertEqual(tagged[0], ["xAI", "Nvidia", "Microsoft", "Meta", "Google", "Amazon"])
        XCTAssertEqual(tagged[1], ["Tesla"])
        XCTAssertEqual(tagged[2], ["Tesla"])
        XCTAssertEqual(tagged[3], ["Xiaomi", "Tesla"])
    }

    func testMentionCountsAndOrder() {
        let mentions = Self.tagger.tag(
            heading: "", paragraphs: ["Google met Tesla. Tesla's team and Tesla’s board agreed."])
        XCTAssertEqual(mentions.map(\.name), ["Tesla", "Google"])
        XCTAssertEqual(mentions.map(\.mentions), [3, 1])
    }

    func testPublicationIsNotACompany() {
        XCTAssertEqual(names("A new report from The Information says Tesla is hiring."), ["Tesla"])
    }

    func testWholeWordsOnly() {
        XCTAssertEqual(names("The metadata of Metallica songs and Teslas on the road."), [])
    }

    func testNoMatchesInsideURLs() {
        XCTAssertEqual(names("See https://www.tesla.com/Tesla and mail ir@Apple.com for more."), [])
    }
}
