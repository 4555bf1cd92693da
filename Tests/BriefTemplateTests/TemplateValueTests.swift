import BriefTemplate
import Foundation
import XCTest

final class TemplateValueTests: XCTestCase {
    func testDecodesEveryJSONType() throws {
        let json =
            #"{"s": "x", "i": 85, "d": 1.5, "t": true, "f": false, "n": null, "l": [1, "a", [], {}], "o": {"k": {"k2": "v"}}}"#
        let value = try TemplateValue(json: Data(json.utf8))
        XCTAssertEqual(
            value,
            [
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

    func testJSONErrorsSayWhere() {
        func error(_ json: String) -> String {
            do {
                _ = try TemplateValue(json: Data(json.utf8))
                return "no error"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(error("{\n  \"a\": 1,\n  bad\n}"), "3:3: expected a key in double quotes")
        XCTAssertEqual(error("[1, 2"), "1:6: expected ',' or ']'")
        XCTAssertEqual(
            error("{\"é\": tru}"), "1:7: expected a value: an object, a list, a string, a number, true, false or null")
        XCTAssertEqual(
            error("[\"a\n\"]"), "1:4: a control character in a string must be written as an escape such as \\n")
        XCTAssertEqual(error("\"open"), "1:1: the string is not closed")
        XCTAssertEqual(error("[01]"), "1:3: expected ',' or ']'")
        XCTAssertEqual(error("1 2"), "1:3: unexpected text after the JSON value")
        XCTAssertEqual(error("1e999"), "1:1: the number is too large")
        XCTAssertEqual(error(String(repeating: "[", count: 600)), "1:513: the data is nested more than 512 levels deep")
    }

    func testJSONStringsAndNumbers() throws {
        let json = #"["a\"\\\/\b\f\n\r\t", "\u00e9\ud83d\ude80", -0.5e2, 0, 12.25, {"k": 1, "k": 2}]"#
        XCTAssertEqual(
            try TemplateValue(json: Data(json.utf8)), ["a\"\\/\u{8}\u{c}\n\r\t", "é🚀", -50, 0, 12.25, ["k": 2]])
        XCTAssertThrowsError(try TemplateValue(json: Data(#""\ud83d""#.utf8)), "a lone surrogate")
        XCTAssertThrowsError(try TemplateValue(json: Data(#""\x""#.utf8)), "an unknown escape")
    }

    func testDecodesInsideOtherDecodables() throws {
        struct Page: Decodable {
            let title: String
            let data: TemplateValue
        }
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
