import BriefModel
import BriefNormalize
import BriefStories
import XCTest

@testable import BriefSite

/// Numbered slugs when a name is taken: "x" taken gives "x-2", and when "x-2" is someone's own slug
/// too, "x-3" — never a second "x-2". Handed out oldest first, each with a warning.
final class SlugNumberingTests: XCTestCase {
    private func document(_ title: String, day: Int, headings: [String]) -> Document {
        let sections = headings.map { heading in
            Section(heading: heading, paragraphs: [Paragraph(plainText: "\(heading) was agreed today.")])
        }
        return Document(
            source: "Content/\(day).txt", title: title, date: ContentDate(parsing: "2024-06-0\(day)"),
            sections: sections)
    }

    private func assemble(_ documents: [Document]) -> (SiteModel, [Diagnostic]) {
        let processor = SourceProcessor(gazetteer: .builtIn)
        var diagnostics = Diagnostics()
        let model = SiteAssembler(config: SiteConfig(), gazetteer: .builtIn)
            .assemble(documents.map(processor.process), into: &diagnostics)
        return (model, diagnostics.all)
    }

    func testTheNextNumberSkipsASlugThatIsSomeonesOwn() {
        let (model, diagnostics) = assemble([
            document("Port Deal", day: 1, headings: ["Port Deal"]),
            document("Port Deal 2", day: 2, headings: ["Port Deal 2"]),
            document("Port Deal", day: 3, headings: ["Port Deal"]),
            document("Port Deal", day: 4, headings: ["Port Deal"]),
        ])
        // Newest first on the site; numbered oldest first.
        XCTAssertEqual(model.briefings.map(\.slug), ["port-deal-4", "port-deal-3", "port-deal-2", "port-deal"])
        XCTAssertEqual(model.stories.map(\.slug), ["port-deal-4", "port-deal-3", "port-deal-2", "port-deal"])
        XCTAssertEqual(
            diagnostics.map(\.message),
            [
                "briefing slug \"port-deal\" is already used by Content/1.txt:1; this one is \"port-deal-3\"",
                "story slug \"port-deal\" is already used by Content/1.txt:1; this one is \"port-deal-3\"",
                "briefing slug \"port-deal\" is already used by Content/1.txt:1; this one is \"port-deal-4\"",
                "story slug \"port-deal\" is already used by Content/1.txt:1; this one is \"port-deal-4\"",
            ])
        XCTAssertEqual(diagnostics.map(\.file), ["Content/3.txt", "Content/3.txt", "Content/4.txt", "Content/4.txt"])
    }

    func testASlugWantedAfterItWasNumberedIsNumberedItself() {
        let (model, _) = assemble([
            document("Port Deal", day: 1, headings: ["Port Deal"]),
            document("Port Deal", day: 2, headings: ["Port Deal"]),
            document("Port Deal 2", day: 3, headings: ["Port Deal 2"]),
        ])
        XCTAssertEqual(model.stories.map(\.slug), ["port-deal-2-2", "port-deal-2", "port-deal"])
        XCTAssertEqual(Set(model.briefings.map(\.slug)).count, 3)
    }

    func testStoriesOfOneSourceWithTheSameHeading() {
        let headings = ["Update", "Update 2", "Update", "Update"]
        let (model, diagnostics) = assemble([document("Harbor Notes", day: 1, headings: headings)])
        XCTAssertEqual(model.stories.map(\.slug), ["update", "update-2", "update-3", "update-4"])
        XCTAssertEqual(diagnostics.count, 2)
    }

    func testTheRegistryNumbersFromTwoAndNeverHandsOutASlugTwice() {
        var registry = SlugRegistry(kind: "story")
        var diagnostics = Diagnostics()
        let wanted = ["x", "x-2", "x", "x-3", "x", "x", "x-2"]
        let slugs = wanted.map { registry.claim($0, by: "Content/a.txt", line: 1, diagnostics: &diagnostics) }
        XCTAssertEqual(slugs, ["x", "x-2", "x-3", "x-3-2", "x-4", "x-5", "x-2-2"])
        XCTAssertEqual(Set(slugs).count, slugs.count)
        XCTAssertEqual(diagnostics.all.count, 5)
    }
}
