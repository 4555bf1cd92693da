import BriefModel
import BriefTemplate
import XCTest

@testable import BriefSite

/// What each kind of page gives its template, without drawing it.
final class PageDataTests: XCTestCase {
    private let model = SmallSite.model()

    private func data(_ page: Page, prebuild: Bool = true) -> TemplateValue {
        PageData<TemplateValue>(model: model, prebuildStories: prebuild).data(for: page)
    }

    private func story(_ heading: String) -> Int {
        model.stories.firstIndex { $0.heading == heading }!
    }

    func testAStoryPageLinksItsBriefingAndItsNeighbours() {
        let chips = data(.story(story("Chips")))
        XCTAssertEqual(chips.text("heading"), "Chips")
        XCTAssertEqual(chips.text("briefing.title"), "Monday")
        XCTAssertEqual(chips.text("briefing.url"), "briefings/monday/index.html")
        XCTAssertEqual(chips.at("previous"), .null, "the first story of its briefing")
        XCTAssertEqual(chips.text("next.heading"), "Cars <script>", "the text is the template's to escape")
        XCTAssertEqual(chips.at("has_neighbours"), .bool(true))
        XCTAssertEqual(chips.text("page.title"), "Chips")
        XCTAssertEqual(chips.text("root"), "../../", "a story's page sits two folders down")
        XCTAssertEqual(chips.text("page.canonical"), "https://example.com/news/stories/chips/")
        XCTAssertEqual(chips.text("site.title"), "Daily")
    }

    func testAStoryNamesItsCompaniesAndIsTheSameWithOrWithoutPrebuiltValues() {
        let cars = data(.story(story("Cars <script>")))
        let names = (0..<(cars.count("companies") ?? 0)).compactMap { cars.text("companies.\($0).name") }
        XCTAssertEqual(Set(names), ["Tesla", "Nvidia"])
        XCTAssertEqual(data(.story(story("Cars <script>")), prebuild: false), cars)
        XCTAssertEqual(data(.home, prebuild: false), data(.home))
    }

    func testABriefingPageListsItsStoriesInOrderWithAnchors() {
        let monday = data(.briefing(model.briefings.firstIndex { $0.title == "Monday" }!))
        XCTAssertEqual(monday.count("stories"), 2)
        XCTAssertEqual(monday.text("stories.0.heading"), "Chips")
        XCTAssertEqual(monday.text("stories.1.anchor"), "story-2")
        XCTAssertEqual(
            monday.text("next_edition.url"), "archive/2024/06/index.html#day-2024-06-04", "Tuesday's edition is newer")
        XCTAssertNil(monday.at("previous_edition"), "nothing older")
    }

    func testTheFrontPageShowsTheNewestEditionWithinTheStoryLimit() {
        let model = SmallSite.model { $0.storiesOnFrontPage = 0 }
        let home = PageData<TemplateValue>(model: model).data(for: .home)
        XCTAssertEqual(home.text("edition.briefings.0.title"), "Tuesday & more")
        XCTAssertEqual(home.count("edition.briefings.0.stories"), 0)
        XCTAssertEqual(home.at("edition.briefings.0.more_count"), .number(1))
        XCTAssertEqual(home.count("previous_editions"), 1)
        XCTAssertEqual(home.at("page.is_home"), .bool(true))
    }

    func testACompanyPageIsPagedByPageSize() {
        let model = SmallSite.model { $0.pageSize = 1 }
        let tesla = model.companies.firstIndex { $0.company.name == "Tesla" }!
        let data = PageData<TemplateValue>(model: model)
        let first = data.data(for: .company(tesla, page: 1))
        let second = data.data(for: .company(tesla, page: 2))
        XCTAssertEqual(first.text("name"), "Tesla")
        XCTAssertEqual(first.at("story_count"), .number(2))
        XCTAssertEqual(first.count("stories"), 1)
        XCTAssertEqual(second.count("stories"), 1)
        XCTAssertNotEqual(first.text("stories.0.heading"), second.text("stories.0.heading"))
        XCTAssertEqual(first.text("feed_url"), "companies/tesla/feed.xml")
        XCTAssertEqual(first.text("mentioned_with.0.name"), "Nvidia")
    }
}
