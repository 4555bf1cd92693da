import XCTest

@testable import BriefSite

/// The pieces of the search files that `assets/search.js` must read the same way.
final class SearchShardsTests: XCTestCase {
    func testNumbersAreBase32WithTheLastDigitMarked() {
        func code(_ value: UInt32) -> String {
            var out: [UInt8] = []
            SearchShards.code(value, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        XCTAssertEqual(code(0), "0")
        XCTAssertEqual(code(31), "v")
        XCTAssertEqual(code(32), "x0")
        XCTAssertEqual(code(1024), "xw0")
        XCTAssertEqual(code(UInt32.max).count, 7)
    }

    func testWordsAreFoldedAndSplitAsTheScriptSplitsThem() {
        func terms(_ text: String) -> [String] {
            SearchTerms.terms(of: text).map { String(decoding: $0, as: UTF8.self) }
        }
        XCTAssertEqual(terms("Société Générale"), ["societe", "generale"])
        XCTAssertEqual(terms("Tesla’s “Model Y” AT&T 5G"), ["tesla", "model", "at", "5g"])
        XCTAssertEqual(terms("ÉCOLE Zürich"), ["ecole", "zurich"])
        XCTAssertEqual(terms("a I 7"), [], "one letter is not a term")
    }
}
