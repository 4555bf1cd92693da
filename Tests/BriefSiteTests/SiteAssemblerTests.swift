import BriefModel
import BriefNormalize
import BriefSite
import BriefStories
import BriefTestSupport
import XCTest

@testable import BriefSite

final class SiteAssemblerTests: XCTestCase {
    private func document(_ title: String, date: String?, source: String, headings: [String]) -> Document {
        Document(
            source: source, title: title, date: date.flatMap(ContentDate.init(parsing:)),
            sections: headings.map {
                Section(heading: $0, paragraphs: [Paragraph(plainText: "\($0) says Tesla did it.")])
            })
    }

    private func assemble(_ documents: [Document]) -> (SiteModel, [Diagnostic]) {
        let processor = SourceProcessor(gazetteer: .builtIn)
        var diagnostics = Diagnostics()
        let model = SiteAssembler(config: SiteConfig(), gazetteer: .builtIn)
            .assemble(documents.map(processor.process), into: &diagnostics)
        return (model, diagnostics.all)
    }

    func testNewestFirstAndUndatedLast() {
        let (model, _) = assemble([
            document("Undated B", date: nil, source: "Content/b.txt", headings: ["B1"]),
            document("Old", date: "2024-01-01", source: "Content/old.txt", headings: ["O1"]),
            document("Undated A", date: nil, source: "Content/a.txt", headings: ["A1"]),
            document("New", date: "2024-06-01", source: "Content/new.txt", headings: ["N1", "N2"]),
        ])
        XCTAssertEqual(model.briefings.map(\.title), ["New", "Old", "Undated A", "Undated B"])
        XCTAssertEqual(model.stories.map(\.heading), ["N1", "N2", "O1", "A1", "B1"])
        XCTAssertEqual(model.briefings[0].storyIDs, [0, 1])
    }

    func testCollidingSlugsGetSuffixesOldestFirstWithAWarning() {
        let (model, diagnostics) = assemble([
            document("Daily", date: "2024-06-02", source: "Content/2.txt", headings: ["Same Heading"]),
            document("Daily", date: "2024-06-01", source: "Content/1.txt", headings: ["Same Heading"]),
        ])
        XCTAssertEqual(model.briefings.map(\.slug), ["daily-2", "daily"])
        XCTAssertEqual(model.stories.map(\.slug), ["same-heading-2", "same-heading"])
        XCTAssertEqual(diagnostics.count, 2)
        XCTAssertTrue(
            diagnostics.allSatisfy { $0.file == "Content/2.txt" && $0.message.contains("Content/1.txt") },
            "\(diagnostics)")
    }

    func testCompaniesCollectTheirStories() {
        let (model, _) = assemble([Normalizer.normalize(Fixtures.sample)])
        let tesla = model.companies.first { $0.company.slug == "tesla" }
        XCTAssertEqual(tesla?.storyIDs.count, 3)
        XCTAssertEqual(model.companies.first?.company.name, "Tesla", "most stories first")
        XCTAssertEqual(
            Set(model.companies.map(\.company.name)),
            ["xAI", "Tesla", "Xiaomi", "Nvidia", "Microsoft", "Meta", "Google", "Amazon"])
    }
}
