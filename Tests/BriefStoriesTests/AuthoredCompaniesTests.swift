import BriefCompanies
import BriefModel
import XCTest

@testable import BriefStories

/// The companies an author names — front matter's `companies:`, a story's own `companies:` line,
/// `companies_only:` — merged with those brief finds, and a story's subject listed first.
final class AuthoredCompaniesTests: XCTestCase {
    private func names(_ story: ProcessedSource.StoryDraft) -> [String] { story.companies.map(\.name) }

    /// Three stories about air travel, as the issue found them.
    private func airTravel(
        source: String = "Content/air.md", companies: [String]?, only: Bool = false,
        ownLine: String? = nil
    ) -> Document {
        var first = [
            Paragraph(plainText: "Delta Air Lines will add flights. Boeing delivered the jets. Boeing said so.")
        ]
        if let ownLine { first.insert(Paragraph(plainText: ownLine), at: 0) }
        return Document(
            source: source, title: "Air travel",
            sections: [
                Section(heading: "More flights", paragraphs: first),
                Section(
                    heading: "Cheaper fares", paragraphs: [Paragraph(plainText: "Ryanair cut fares, the airline said.")]
                ),
                Section(
                    heading: "Roofs", paragraphs: [Paragraph(plainText: "Skyward Tiles makes roof tiles for airports.")]
                ),
            ], metadata: Document.Metadata(companies: companies, companiesOnly: only))
    }

    func testFrontMatterCompaniesAddToDetectionOnTheStoriesThatNameThem() {
        let document = airTravel(companies: ["Delta Air Lines", "Ryanair", "Skyward Tiles"])
        let stories = SourceProcessor(gazetteer: .builtIn).process(document).stories
        XCTAssertEqual(
            names(stories[0]), ["Boeing", "Delta Air Lines"], "Boeing, named twice and not listed, is tagged")
        XCTAssertEqual(names(stories[1]), ["Ryanair"])
        XCTAssertEqual(names(stories[2]), ["Skyward Tiles"], "a listed company brief does not know, where it is named")
        XCTAssertEqual(stories[2].companies.first?.slug, "skyward-tiles")
    }

    func testListedCompaniesThatNoStoryNamesAreKeptForAWarning() {
        let processor = SourceProcessor(gazetteer: .builtIn)
        let document = airTravel(companies: ["Delta Air Lines", "Acme Planes", "ryanair", "Zeppelin Works"])
        var source = processor.process(document)
        XCTAssertEqual(
            source.untaggedCompanies, ["Acme Planes", "Zeppelin Works"],
            "a name the gazetteer knows by its slug (ryanair) is found under its company")
        source.untaggedCompanies = []
        XCTAssertEqual(processor.retag(source).untaggedCompanies, ["Acme Planes", "Zeppelin Works"], "found again")
        XCTAssertEqual(
            processor.process(airTravel(companies: ["Acme Planes"], only: true)).untaggedCompanies, [],
            "with companies_only, a listed name tags the stories regardless")
    }

    func testCompaniesOnlyTurnsDetectionOffAndTagsTheListOnEveryStory() {
        let document = airTravel(companies: ["Ryanair", "Skyward Tiles"], only: true)
        let stories = SourceProcessor(gazetteer: .builtIn).process(document).stories
        for story in stories { XCTAssertEqual(names(story), ["Ryanair", "Skyward Tiles"], story.heading) }
        let none = SourceProcessor(gazetteer: .builtIn).process(airTravel(companies: nil, only: true)).stories
        XCTAssertTrue(none.allSatisfy { $0.companies.isEmpty }, "companies_only without a list: no companies")
    }

    func testAStorysOwnLineTagsThatStoryAndLeavesItsText() {
        let document = airTravel(companies: nil, ownLine: "companies: Skyward Tiles, Acme Planes")
        let processed = SourceProcessor(gazetteer: .builtIn).process(document)
        let story = processed.stories[0]
        XCTAssertEqual(names(story), ["Boeing", "Delta Air Lines", "Skyward Tiles", "Acme Planes"])
        XCTAssertFalse(story.html.contains("companies:"), story.html)
        XCTAssertEqual(story.paragraphs.count, 1)
        XCTAssertEqual(story.summary, "Delta Air Lines will add flights.")
        XCTAssertEqual(names(processed.stories[2]), [], "only its own story: Skyward Tiles is not detected elsewhere")

        let only = airTravel(companies: ["Ryanair"], only: true, ownLine: "companies: [Skyward Tiles]")
        let stories = SourceProcessor(gazetteer: .builtIn).process(only).stories
        XCTAssertEqual(names(stories[0]), ["Skyward Tiles"], "under companies_only, the story's line replaces the list")
        XCTAssertEqual(names(stories[1]), ["Ryanair"])
    }

    func testTheOwnLineIsMarkdownsAndFirstUnderTheHeadingOnly() {
        let text = airTravel(source: "Content/air.txt", companies: nil, ownLine: "companies: Skyward Tiles")
        let story = SourceProcessor(gazetteer: .builtIn).process(text).stories[0]
        XCTAssertFalse(names(story).contains("Skyward Tiles"), "a .txt source's line is text")
        XCTAssertTrue(story.html.contains("companies: Skyward Tiles"), story.html)
    }

    func testRetaggingKeepsTheAuthorsCompanies() {
        let document = airTravel(companies: ["Skyward Tiles"], ownLine: "companies: Acme Planes")
        let processor = SourceProcessor(gazetteer: .builtIn)
        let processed = processor.process(document)
        XCTAssertEqual(processor.retag(processed).stories.map(\.companies), processed.stories.map(\.companies))
        XCTAssertEqual(names(processed.stories[0]), ["Boeing", "Delta Air Lines", "Acme Planes"])
    }

    func testAStorysSubjectComesFirst() {
        let document = Document(
            source: "Content/a.md", title: "Batteries",
            sections: [
                Section(
                    heading: "CATL opens a plant in Hungary",
                    paragraphs: [
                        Paragraph(
                            plainText: "The plant will supply Tesla. Tesla shares rose. Tesla said CATL is a partner.")
                    ])
            ])
        let story = SourceProcessor(gazetteer: .builtIn).process(document).stories[0]
        XCTAssertEqual(story.companies.map { "\($0.name) \($0.mentions)" }, ["CATL 2", "Tesla 3"])
    }
}
