import BriefModel
import XCTest

final class EditDistanceTests: XCTestCase {
    func testDistancesCountSlipsOfTheKeyboard() {
        XCTAssertEqual(EditDistance.between("build", "build"), 0)
        XCTAssertEqual(EditDistance.between("biuld", "build"), 1, "two neighbours swapped")
        XCTAssertEqual(EditDistance.between("stroy", "story"), 1)
        XCTAssertEqual(EditDistance.between("bild", "build"), 1)
        XCTAssertEqual(EditDistance.between("", "abc"), 3)
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
    }

    func testTheClosestNameIsSuggestedOnlyWhenItIsClose() {
        let commands = ["init", "build", "serve", "normalize", "companies", "template"]
        XCTAssertEqual(EditDistance.closest(to: "biuld", among: commands), "build")
        XCTAssertEqual(EditDistance.closest(to: "Build", among: commands), "build")
        XCTAssertEqual(EditDistance.closest(to: "normalise", among: commands), "normalize")
        XCTAssertEqual(EditDistance.closest(to: "compnies", among: commands), "companies")
        XCTAssertNil(EditDistance.closest(to: "deploy", among: commands))
        XCTAssertNil(EditDistance.closest(to: "x", among: commands))
    }
}
