import XCTest

@testable import BriefCompanies

/// Where a company's name stops being a mention: glued to a domain, a URL, a handle or a hyphenated
/// word; and what a possessive or a business word nearby says about an ordinary-word name.
final class CompanyBoundaryTests: XCTestCase {
    static let tagger = CompanyTagger(gazetteer: .builtIn)

    private func names(_ text: String, heading: String = "") -> [String] {
        Self.tagger.tag(heading: heading, paragraphs: [text]).map(\.name)
    }

    private func assertNames(_ cases: [(String, [String])], file: StaticString = #filePath, line: UInt = #line) {
        for (text, expected) in cases {
            XCTAssertEqual(names(text), expected, text, file: file, line: line)
        }
    }

    // MARK: Words glued to a name

    func testANameGluedToADomainIsNotAMention() {
        assertNames([
            ("Shoppers went to Tesla.com for the deal.", []),
            ("Prices at shop.Tesla rose on Friday.", []),
            ("shop.Tesla raised its prices on Friday.", []),
            // A missing space after a full stop is a typo, not a domain: the next word has a capital.
            ("Sales rose at Tesla.The board met on Friday.", ["Tesla"]),
            // A full stop ends the sentence; a quote or a space after it is no domain.
            ("She said, \"We bought a Tesla.\" Then she left.", ["Tesla"]),
            ("Most buyers chose Tesla. many others waited.", ["Tesla"]),
            ("We waited...Tesla finally called back.", ["Tesla"]),
        ])
    }

    func testNamesInsideAddressesAndHandlesAreNotMentions() {
        assertNames([
            ("Read the filing at example.com/Tesla today.", []),
            ("See https://Tesla for the full story.", []),
            ("Follow @Tesla for updates on the launch.", []),
            ("Write to press@Nvidia.example with questions.", []),
            // A slash between two names without a dot is no address.
            ("The Tesla/Nvidia deal was signed on Monday.", ["Tesla", "Nvidia"]),
        ])
    }

    func testAnOrdinaryWordNameJoinedByAHyphen() {
        assertNames([
            ("Meta-analysis shows the drug works.", []),
            ("An Apple-shaped lamp sold out.", []),
            // Joined to another name, it is still the company.
            ("The Apple-Samsung patent fight ended in court.", ["Apple", "Samsung"]),
            ("Shares of Apple - the maker of the iPhone - fell.", ["Apple"]),
        ])
    }

    // MARK: Possessives and business words

    func testAPossessiveAloneVouchesForAnOrdinaryWordName() {
        assertNames([
            ("Apple's new campus opened in the spring.", ["Apple"]),
            ("Apple’s new campus opened in the spring.", ["Apple"]),
            ("Apple new campus opened in the spring.", []),
            ("Apples grow on the hillside farms.", []),
            ("'Apple' sounds like a fruit to most children.", []),
        ])
        XCTAssertEqual(names("Nothing much happened this week.", heading: "Apple's Quiet Spring"), ["Apple"])
        XCTAssertEqual(names("Nothing much happened this week.", heading: "Apple Quiet Spring"), [])
    }

    func testABusinessWordVouchesWithinTwelveWordsInTheSameSentence() {
        let fillers = [
            "green", "river", "farms", "grew", "more", "fruit", "this", "year", "than", "ever", "before",
            "now",
        ]
        // After the name: the twelfth word after it is near enough, the thirteenth is not.
        let eleven = fillers.prefix(11).joined(separator: " ")
        let twelve = fillers.joined(separator: " ")
        XCTAssertEqual(names("Apple \(eleven) shares."), ["Apple"])
        XCTAssertEqual(names("Apple \(twelve) shares."), [])
        // Before it (in a heading, where the name always needs evidence): twelve words back, not thirteen.
        XCTAssertEqual(names("Nothing else.", heading: "shares \(eleven) Apple"), ["Apple"])
        XCTAssertEqual(names("Nothing else.", heading: "shares \(twelve) Apple"), [])
        // A sentence's end stops the search.
        XCTAssertEqual(names("Apple pie is sweet. Shares of the farm rose."), [])
        XCTAssertEqual(names("Apple pie is sweet, and shares of the farm rose."), ["Apple"])
    }

    // MARK: Names a text gives by form

    func testWholeWordOffsetsCountAPossessiveAndPunctuationButNotALongerWord() {
        let counted = [
            "Tidewater", "Tidewater's", "Tidewater.", "Tidewater,", "(Tidewater)", "\"Tidewater\"",
            "Tidewater:",
        ]
        for text in counted {
            let at = text.hasPrefix("Tidewater") ? 3 : 4
            XCTAssertEqual(DocumentCompanies.wholeWordOffsets(of: "Tidewater", in: "At \(text) today"), [at], text)
        }
        let notCounted = [
            "Tidewaters", "Tidewater9", "9Tidewater", "Tidewater-based", "pre-Tidewater", "Tidewaterz",
            "zTidewater", "TidewaterZ", "ZTidewater", "TidewaterA", "Tidewater0", "Tidewateré",
            "éTidewater",
        ]
        for text in notCounted {
            XCTAssertEqual(DocumentCompanies.wholeWordOffsets(of: "Tidewater", in: "At \(text) today"), [], text)
        }
        XCTAssertEqual(DocumentCompanies.wholeWordOffsets(of: "Tidewater", in: "Tidewater and Tidewater"), [0, 14])
        XCTAssertEqual(DocumentCompanies.wholeWordOffsets(of: "Tide", in: "Tide Tidewater Tide"), [0, 15])
    }
}
