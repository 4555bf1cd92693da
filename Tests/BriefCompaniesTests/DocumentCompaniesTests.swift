import XCTest

@testable import BriefCompanies

/// Companies a text names as companies by form though the gazetteer lacks them: a legal suffix,
/// an investment firm's name, an apposition that says what the name is.
final class DocumentCompaniesTests: XCTestCase {
    static let known = Set(Gazetteer.builtIn.companies.flatMap(\.spellings))

    private func found(_ texts: [String]) -> [String] {
        DocumentCompanies.find(in: texts) { Self.known.contains($0) }.map(\.name)
    }

    func testLegalSuffixesNameACompanyThatTheTextGoesOnToCallShort() {
        let texts = [
            "A letter reached the chairman of the Tidewater Freight Corporation on Monday.",
            "Tidewater moved its hedges to Quayline Robotics Inc. before the quarter ended.",
        ]
        XCTAssertEqual(found(texts), ["Tidewater Freight", "Quayline Robotics"])
        let companies = DocumentCompanies.find(in: texts) { Self.known.contains($0) }
        let mentions = DocumentCompanies.mentions(
            of: companies, heading: "Tidewater's Letter",
            paragraphs: ["Tidewater Freight's board met. Tidewater Freighters are ships."])
        // "Tidewater Freight's" counts, "Tidewater Freighters" does not; the heading names only "Tidewater".
        XCTAssertEqual(mentions.map(\.name), ["Tidewater Freight"])
        XCTAssertEqual(mentions.first?.mentions, 1)
    }

    func testFirmWordsAreKeptInTheName() {
        XCTAssertEqual(
            found(["The round was led by Harbor Light Ventures and Tidal Capital, with Dockside Partners."]),
            ["Harbor Light Ventures", "Tidal Capital", "Dockside Partners"])
        XCTAssertEqual(
            found(["Its parent, Quayline Holding, owns the terminals; the New Harbor Company runs them."]),
            ["Quayline Holding", "New Harbor Company"])
    }

    func testAppositionsThatSayWhatANameIs() {
        XCTAssertEqual(
            found(["Gantry Labs, a Berlin-based startup, and Reefer, a company that leases containers, joined."]),
            ["Gantry Labs", "Reefer"])
        XCTAssertEqual(found(["Anna Lee, a port engineer, said the cranes were ready."]), [])
    }

    func testKnownNamesSentenceOpenersAndKindsOfFirmsAreNotFound() {
        XCTAssertEqual(found(["Microsoft Corporation and Tesla Inc. signed the deal."]), [])
        XCTAssertEqual(
            found([
                "The Capital of the region grew.", "Venture Capital firms were cautious.",
                "Yesterday Capital markets were calm.",
            ]), [])
    }

    /// The byte-level pass that skips most texts must let through every form `names` reads.
    func testTheQuickPassKeepsEveryForm() {
        for text in [
            "Revel, a company that builds chargers.", "Ocean Protocol, an AI startup.", "Acme Holdings, LLC.",
            "Lux Capital.", "They met at D-Wave Quantum Inc., on Monday.", "Shell plc said so.",
        ] {
            XCTAssertTrue(DocumentCompanies.mayName(text), text)
        }
        for text in ["Tesla sold cars, and more cars.", "Incredible results came in.", "The Capitalists met.", ""] {
            XCTAssertFalse(DocumentCompanies.mayName(text), text)
        }
    }
}
