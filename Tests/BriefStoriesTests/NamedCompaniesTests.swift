import BriefCompanies
import BriefModel
import XCTest

@testable import BriefStories

/// A story's companies: the gazetteer's, and those its document names as companies by form.
final class NamedCompaniesTests: XCTestCase {
    func testCompaniesNamedByFormJoinTheGazetteersOnes() {
        let document = Document(
            source: "Content/a.txt", title: "Harbor Week",
            sections: [
                Section(
                    heading: "Funding",
                    paragraphs: [
                        Paragraph(
                            plainText: "Quayline Robotics Inc. raised money from Google Ventures and Tidal Capital."),
                        Paragraph(
                            plainText:
                                "Quayline will build cranes with Siemens, and Quayline said Google was not involved."),
                    ]),
                Section(
                    heading: "Later", paragraphs: [Paragraph(plainText: "Tidal Capital also backed a Siemens rival.")]),
            ])
        let processed = SourceProcessor(gazetteer: .builtIn).process(document)
        let first = processed.stories[0].companies.map { "\($0.name) \($0.mentions)" }
        // "Google Ventures" is no mention of Google; the other "Google" is.
        XCTAssertEqual(
            Set(first), ["Quayline Robotics 1", "Google Ventures 1", "Tidal Capital 1", "Siemens 1", "Google 1"])
        XCTAssertEqual(processed.stories[1].companies.map(\.name).sorted(), ["Siemens", "Tidal Capital"])
    }
}
