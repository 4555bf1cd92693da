import BriefModel
import XCTest
import Yams

/// Settings, front matter and the gazetteer are read without Yams's type guessing: truth values
/// and numbers are read from unquoted text, and quoted text stays text.
final class YAMLReaderTests: XCTestCase {
    private let reader = YAMLReader(path: "brief.yml")

    private func value(_ yaml: String) throws -> Node {
        let root = try XCTUnwrap(try reader.compose("key: \(yaml)\n"))
        return try XCTUnwrap(try reader.mapping(root, "settings").first?.value)
    }

    func testTruthValuesAreYAMLWordsWithoutQuotes() throws {
        for word in ["true", "True", "yes", "on"] { XCTAssertTrue(try reader.bool(try value(word), "key"), word) }
        for word in ["false", "FALSE", "no", "off"] { XCTAssertFalse(try reader.bool(try value(word), "key"), word) }
        for text in ["\"true\"", "'yes'", "maybe", "1", "[true]"] {
            XCTAssertThrowsError(try reader.bool(try value(text), "key"), "\(text) is not a truth value") { error in
                XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.message, "\"key\" must be true or false")
            }
        }
    }

    func testNumbersAreWholeAndInRange() throws {
        XCTAssertEqual(try reader.int(try value("12"), "key", in: 1...20), 12)
        XCTAssertEqual(try reader.int(try value("+3"), "key", in: 1...20), 3)
        XCTAssertThrowsError(try reader.int(try value("21"), "key", in: 1...20))
        for text in ["\"12\"", "1.5", "twelve", "~"] {
            XCTAssertThrowsError(try reader.int(try value(text), "key", in: 1...20), "\(text) is not a whole number")
        }
    }

    func testTextThatLooksTypedStaysText() throws {
        XCTAssertEqual(try reader.string(try value("2024-10-28"), "key"), "2024-10-28")
        XCTAssertEqual(try reader.string(try value("1.50"), "key"), "1.50")
        XCTAssertEqual(try reader.string(try value("'null'"), "key"), "null")
        XCTAssertNil(try reader.optionalString(try value("~"), "key"))
        XCTAssertNil(try reader.optionalString(try value("null"), "key"))
    }

    func testEachErrorIsWordedAtItsPlace() {
        let cases: [(YAMLError, String)] = [
            (
                .invalid(path: "brief.yml", line: 2, column: 7, detail: "found a tab"),
                "brief.yml:2:7: error: invalid YAML: found a tab"
            ),
            (
                .duplicateKeys(path: "brief.yml", line: 3, column: 1, keys: ["title", "author"]),
                "brief.yml:3:1: error: duplicate key \"title\", \"author\""
            ),
            (
                .notAMapping(path: "brief.yml", line: 1, column: 1, what: "brief.yml"),
                "brief.yml:1:1: error: brief.yml must be a mapping of keys to values"
            ),
            (
                .keyNotText(path: "c.yml", line: 4, column: 5, what: "a company entry"),
                "c.yml:4:5: error: keys in a company entry must be plain text"
            ),
            (
                .notText(path: "brief.yml", line: 5, column: 8, key: "title"),
                "brief.yml:5:8: error: \"title\" must be text"
            ),
            (
                .notTrueOrFalse(path: "brief.yml", line: 6, column: 18, key: "follow_symlinks"),
                "brief.yml:6:18: error: \"follow_symlinks\" must be true or false"
            ),
            (
                .notAWholeNumber(path: "brief.yml", line: 7, column: 12, key: "page_size"),
                "brief.yml:7:12: error: \"page_size\" must be a whole number"
            ),
            (
                .outOfRange(path: "brief.yml", line: 8, column: 12, key: "page_size", range: 1...10000),
                "brief.yml:8:12: error: \"page_size\" must be between 1 and 10000"
            ),
            (
                .notAListOfTexts(path: "c.yml", line: 9, column: 14, key: "aliases"),
                "c.yml:9:14: error: \"aliases\" must be a list of texts"
            ),
        ]
        for (error, printed) in cases { XCTAssertEqual(error.diagnostic.description, printed) }
    }

    func testTheReaderThrowsItsErrorsAtTheNode() throws {
        let shifted = YAMLReader(path: "Content/a.md", firstLine: 2)
        let root = try XCTUnwrap(try shifted.compose("title: [a]\ncount: 0\nflag: maybe\nlist: {a: b}\n"))
        let pairs = try shifted.mapping(root, "front matter")
        func thrown(_ body: () throws -> Void) -> [Diagnostic] {
            do {
                try body()
                return []
            } catch {
                return (error as? DiagnosticError)?.diagnostics ?? []
            }
        }
        XCTAssertEqual(
            thrown { _ = try shifted.string(pairs[0].value, "title") },
            [YAMLError.notText(path: "Content/a.md", line: 2, column: 8, key: "title").diagnostic])
        XCTAssertEqual(
            thrown { _ = try shifted.int(pairs[1].value, "count", in: 1...5) },
            [YAMLError.outOfRange(path: "Content/a.md", line: 3, column: 8, key: "count", range: 1...5).diagnostic])
        XCTAssertEqual(
            thrown { _ = try shifted.bool(pairs[2].value, "flag") },
            [YAMLError.notTrueOrFalse(path: "Content/a.md", line: 4, column: 7, key: "flag").diagnostic])
        XCTAssertEqual(
            thrown { _ = try shifted.strings(pairs[3].value, "list") },
            [YAMLError.notAListOfTexts(path: "Content/a.md", line: 5, column: 7, key: "list").diagnostic])
        XCTAssertEqual(
            thrown { _ = try shifted.mapping(pairs[0].value, "the title") },
            [YAMLError.notAMapping(path: "Content/a.md", line: 2, column: 8, what: "the title").diagnostic])
        XCTAssertEqual(
            thrown { _ = try shifted.compose("a: 1\nb: 2\na: 3\n") },
            [YAMLError.duplicateKeys(path: "Content/a.md", line: 4, column: 1, keys: ["a"]).diagnostic])
    }
}
