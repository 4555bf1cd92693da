import BriefModel
import BriefStories
import XCTest

@testable import BriefSite

/// Smart punctuation for headings and titles, and key figures shown with the words around them.
final class TypographyTests: XCTestCase {
    func testQuotesDashesAndEllipses() {
        XCTAssertEqual(
            Typography.smart("Tesla's \"Unmatched\" Speed - Again... (or 'not')"),
            "Tesla’s “Unmatched” Speed – Again… (or ‘not’)")
        XCTAssertEqual(Typography.smart("2024--2025 and a---b"), "2024–2025 and a—b")
        XCTAssertEqual(Typography.smart("A well-known plan"), "A well-known plan", "a hyphen in a word stays")
        XCTAssertEqual(Typography.smart("Plain text."), "Plain text.")
    }

    func testKeyFiguresKeepTheirClause() {
        let paragraphs = [
            Paragraph(
                text: "Shares of SpaceX fell 56% on the news, wiping roughly $1.6 billion off its market value.",
                markdown: ""),
            Paragraph(
                text: "In just 122 days, the team built 1,000 Powerwall home battery units in a single day.",
                markdown: ""),
        ]
        let figures = [
            KeyFigure(value: "56%", unit: ""), KeyFigure(value: "$1.6 billion", unit: ""),
            KeyFigure(value: "1,000", unit: "Powerwall units"), KeyFigure(value: "7", unit: "missing"),
        ]
        XCTAssertEqual(
            KeyFigureContext.find(figures, in: paragraphs),
            [
                KeyFigureContext(before: "Shares of SpaceX fell", value: "56%", after: "on the news"),
                KeyFigureContext(before: "wiping roughly", value: "$1.6 billion", after: "off its market value"),
                KeyFigureContext(
                    before: "the team built", value: "1,000", after: "Powerwall home battery units in a single day"),
                KeyFigureContext(before: "", value: "7", after: "missing"),
            ])
    }

    func testLongClausesAreCutWithEllipses() {
        let text =
            "The company said that over the next several years it would build 40 new factories in many countries around the world and beyond."
        let found = KeyFigureContext.find(
            [KeyFigure(value: "40", unit: "factories")], in: [Paragraph(text: text, markdown: "")])
        XCTAssertEqual(
            found,
            [
                KeyFigureContext(
                    before: "…several years it would build", value: "40",
                    after: "new factories in many countries around the world…")
            ],
            "five words before, eight after")
    }
}
