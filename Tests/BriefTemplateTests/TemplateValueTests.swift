import BriefTemplate
import Foundation
import XCTest

final class TemplateValueTests: XCTestCase {
    func testDecodesEveryJSONType() throws {
        let json = #"{"s": "x", "i": 85, "d": 1.5, "t": true, "f": false, "n": null, "l": [1, "a", [], {}], "o": {"k": {"k2": "v"}}}"#
        let value = try TemplateValue(json: Data(json.utf8))
        XCTAssertEqual(value, [
            "s": "x", "i": 85, "d": 1.5, "t": true, "f": false, "n": nil,
            "l": [1, "a", [], [:]], "o": ["k": ["k2": "v"]],
        ])
        XCTAssertEqual(value["o"]?["k"]?["k2"], "v")
        XCTAssertNil(value["missing"])
        XCTAssertNil(TemplateValue.string("x")["k"])
    }

    func testTopLevelScalarsAndLists() throws {
        XCTAssertEqual(try TemplateValue(json: Data("42".utf8)), .number(42))
        XCTAssertEqual(try TemplateValue(json: Data(#"["a"]"#.utf8)), .list(["a"]))
        XCTAssertEqual(try TemplateValue(json: Data("null".utf8)), .null)
    }

    func testInvalidJSONThrows() {
        XCTAssertThrowsError(try TemplateValue(json: Data("{".utf8)))
        XCTAssertThrowsError(try TemplateValue(json: Data()))
    }

    func testDecodesInsideOtherDecodables() throws {
        struct Page: Decodable { let title: String; let data: TemplateValue }
        let page = try JSONDecoder().decode(Page.self, from: Data(#"{"title": "t", "data": {"a": [1.25]}}"#.utf8))
        XCTAssertEqual(page.data, ["a": [1.25]])
    }

    func testEncodingRoundTrips() throws {
        let value: TemplateValue = ["a": [1, 2.5, "x", true, nil], "b": ["c": "d"]]
        let data = try JSONEncoder().encode(value)
        XCTAssertEqual(try TemplateValue(json: data), value)
    }

    func testLiterals() {
        let name = "Ann"
        XCTAssertEqual("hi" as TemplateValue, .string("hi"))
        XCTAssertEqual("hi \(name)" as TemplateValue, .string("hi Ann"))
        XCTAssertEqual(3 as TemplateValue, .number(3))
        XCTAssertEqual(0.5 as TemplateValue, .number(0.5))
        XCTAssertEqual(true as TemplateValue, .bool(true))
        XCTAssertEqual(nil as TemplateValue, .null)
        XCTAssertEqual([1, "a"] as TemplateValue, .list([.number(1), .string("a")]))
        XCTAssertEqual(["k": 1, "k": 2] as TemplateValue, .dictionary(["k": .number(2)]), "later duplicate keys win")
    }

    func testRenderedText() {
        XCTAssertEqual(TemplateValue.number(1.0).renderedText, "1")
        XCTAssertEqual(TemplateValue.number(1.5).renderedText, "1.5")
        XCTAssertEqual(TemplateValue.number(85).renderedText, "85")
        XCTAssertEqual(TemplateValue.number(.infinity).renderedText, "inf")
        XCTAssertEqual(TemplateValue.bool(false).renderedText, "false")
        XCTAssertEqual(TemplateValue.list([1]).renderedText, "")
    }
}
