import BriefNormalize
import BriefTestSupport
import XCTest

@testable import BriefStories

final class KeyFigureTests: XCTestCase {
    private func figures(_ text: String) -> [String] {
        KeyFigureExtractor.extract([text]).map(\.text)
    }

    func testSampleFigures() {
        let document = Normalizer.normalize(Fixtures.sample)
        let all = document.sections.flatMap { KeyFigureExtractor.extract($0.paragraphs.map(\.text)).map(\.text) }
        for expected in ["122 days", "1,000 Powerwall units", "13.5 megawatt-hours", "100,000 electric vehicles"] {
            XCTAssertTrue(all.contains(expected), "\(expected) in \(all)")
        }
    }

    func testMoneyPercentagesAndScales() {
        XCTAssertEqual(
            figures("The deal is worth $4.5 billion and margins rose 12% to 31.2 percent."),
            ["$4.5 billion", "12%", "31.2 percent"])
        XCTAssertEqual(
            figures("Revenue reached €900 million, with 2 million subscribers."),
            ["€900 million", "2 million subscribers"])
    }

    func testYearsModelNumbersAndBareNumbersAreSkipped() {
        XCTAssertEqual(figures("In 2024 the Model 3 and the Colossus H100 sold well, up 7 from 5."), [])
        XCTAssertEqual(figures("It shipped 3,000 robots produced in Texas."), ["3,000 robots"])
    }
}
