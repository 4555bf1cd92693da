import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// Front matter in any source never stops a build: unknown keys are ignored, a known key of the
/// wrong type is a warning at its place and is ignored; invalid YAML is text in a `.txt` and an
/// error in a `.md`.
final class FrontMatterTests: XCTestCase {
    static let body = "Shipping volumes rose again this month, the port authority said."

    func testKnownKeysAreRead() {
        let document = Fixtures.normalize(
            """
            ---
            title: Port Report
            date: 2024-12-18
            slug: port-report
            draft: true
            companies: [Tidewater Freight, Portside Cranes]
            summary: Volumes rose again.
            ---
            \(Self.body)
            """, path: "Content/port.txt")
        XCTAssertEqual(document.ownTitle, "Port Report")
        XCTAssertEqual(document.date?.isoDay, "2024-12-18")
        XCTAssertEqual(document.metadata.slug, "port-report")
        XCTAssertTrue(document.metadata.draft)
        XCTAssertEqual(document.metadata.companies, ["Tidewater Freight", "Portside Cranes"])
        XCTAssertEqual(document.metadata.description, "Volumes rose again.")
        XCTAssertEqual(document.paragraphTexts, [Self.body])
        XCTAssertEqual(document.diagnostics, [])
    }

    func testUnknownKeysAreIgnoredSilently() {
        for path in ["Content/port.txt", "Content/port.md"] {
            let document = Fixtures.normalize(
                """
                ---
                title: Port Report
                url: https://harborwire.example.com/port
                channel: Harbor TV
                tags:
                  - ports
                  - freight
                views: 1234
                ---
                \(Self.body)
                """, path: path)
            XCTAssertEqual(document.ownTitle, "Port Report", path)
            XCTAssertEqual(document.paragraphTexts, [Self.body], path)
            XCTAssertEqual(document.diagnostics, [], path)
        }
    }

    func testWrongTypesAreWarningsAtTheirPlace() {
        let document = Fixtures.normalize(
            """
            ---
            title: Port Report
            summary:
              - volumes rose
              - rates fell
            draft: sometimes
            date: last Tuesday
            ---
            \(Self.body)
            """, path: "Content/port.txt")
        XCTAssertEqual(document.ownTitle, "Port Report")
        XCTAssertEqual(document.paragraphTexts, [Self.body])
        XCTAssertNil(document.metadata.description)
        XCTAssertFalse(document.metadata.draft)
        XCTAssertNil(document.date)
        let warnings = document.diagnostics
        XCTAssertEqual(warnings.map(\.severity), [.warning, .warning, .warning])
        XCTAssertEqual(warnings.map(\.file), ["Content/port.txt", "Content/port.txt", "Content/port.txt"])
        XCTAssertEqual(warnings.map { [$0.line, $0.column] }, [[4, 3], [6, 8], [7, 7]])
        for (warning, key) in zip(warnings, ["summary", "draft", "date"]) {
            XCTAssertTrue(warning.message.contains("\"\(key)\""), warning.message)
            XCTAssertTrue(warning.message.hasSuffix("\"\(key)\" is ignored"), warning.message)
        }
    }

    func testWrongTypeOfTitleKeepsTheTextsOwnTitle() {
        let document = Fixtures.normalize(
            """
            ---
            title:
              first: Port
            ---
            # Harbor Volumes Climb
            \(Self.body)
            """, path: "Content/port.md")
        XCTAssertEqual(document.ownTitle, "Harbor Volumes Climb")
        XCTAssertEqual(document.diagnostics.map(\.severity), [.warning])
        XCTAssertEqual(document.diagnostics.first?.line, 3)
        XCTAssertTrue(document.diagnostics.first?.message.contains("\"title\"") == true)
    }

    func testInvalidYAMLAtTheTopOfATextIsText() {
        let document = Fixtures.normalize(
            """
            ---
            Rates: [fell, rose
            ---
            \(Self.body)
            """, path: "Content/port.txt")
        XCTAssertEqual(document.diagnostics, [])
        XCTAssertEqual(document.paragraphTexts, [Self.body])
        // The line between the rules reads as an underlined heading: the text's title.
        XCTAssertEqual(document.ownTitle, "Rates: [fell, rose")
    }

    func testInvalidYAMLInMarkdownIsAnError() {
        let document = Fixtures.normalize(
            """
            ---
            title: [Port, Report
            ---
            \(Self.body)
            """, path: "Content/port.md")
        let errors = document.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.file, "Content/port.md")
        XCTAssertGreaterThanOrEqual(errors.first?.line ?? 0, 2)
        XCTAssertTrue(errors.first?.message.contains("YAML") == true, errors.first?.message ?? "")
    }

    func testARuleAtTheTopWithoutAClosingLineIsNotFrontMatter() {
        let document = Fixtures.normalize(
            """
            ---
            \(Self.body)
            Rates for containers fell for the third month in a row.
            """, path: "Content/port.txt")
        XCTAssertEqual(document.paragraphTexts, [Self.body, "Rates for containers fell for the third month in a row."])
        XCTAssertEqual(document.diagnostics, [])
    }
}
