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
}
