import BriefModel
import XCTest

@testable import BriefNormalize

/// The byte-level shortcuts of the per-line checks (eight bytes at a time, `memchr`, first-byte
/// rejections) give exactly what the plain definitions give, on text with every kind of byte.
final class ByteLevelTests: XCTestCase {
    /// Pieces that cross the eight-byte steps in every way: spaces, capitals, backticks, entities,
    /// dots, multi-byte quotes, dashes and letters.
    private static let pieces = [
        " ", "  ", "A", "Z", "a", "z", "@", "[", "`", "&", "amp;", "#", ";", ".", "..", ". .", "…", "’", "“",
        "—", "é", "Ü", "1", ":", "Tesla", "iPhone", "AT&T", "&gt;&gt;", "ENTITY", "-", "«", "\t",
    ]

    private func randomTexts(count: Int) -> [String] {
        var random = SeededRandom(seed: 12)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }
                .joined()
        }
    }

    func testWordCountMatchesSplittingAtSpaces() {
        for text in randomTexts(count: 2000) {
            XCTAssertEqual(TextRules.wordCount(text), text.split(separator: " ").count, text)
        }
        XCTAssertEqual(TextRules.wordCount("Tesla Sets a New Delivery Record in Texas"), 8)
        XCTAssertEqual(TextRules.wordCount("  twelve   bytes  here  "), 3)
    }

    func testKeysMatchTheByteByByteDefinition() {
        for text in randomTexts(count: 2000) {
            XCTAssertEqual(Block.key(for: text), referenceKey(text), text)
        }
        XCTAssertEqual(Block.key(for: "Tesla’s “Big” Week — Part `Two`…"), "tesla's \"big\" week - part 'two'...")
    }

    /// ASCII in lower case, one kind of quote, dash and ellipsis: the key's definition, byte by byte.
    private func referenceKey(_ text: String) -> String {
        var out: [UInt8] = []
        var rest = Substring(text)
        let replacements: [(String, String)] = [
            ("«", "\""), ("»", "\""), ("‘", "'"), ("’", "'"), ("‛", "'"), ("′", "'"), ("“", "\""), ("”", "\""),
            ("„", "\""), ("″", "\""), ("‐", "-"), ("‑", "-"), ("‒", "-"), ("–", "-"), ("—", "-"), ("−", "-"),
            ("…", "..."),
        ]
        while let first = rest.unicodeScalars.first {
            if first.isASCII {
                let b = UInt8(first.value)
                out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b)
            } else if let (_, replacement) = replacements.first(where: { $0.0.unicodeScalars.first == first }) {
                out += Array(replacement.utf8)
            } else {
                out += Array(String(first).utf8)
            }
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testEntitiesAreDecodedOnlyWhereThereAreSome() {
        XCTAssertEqual(HTMLEntities.decode("AT&amp;T rose &gt; 5% &#8212; a record"), "AT&T rose > 5% — a record")
        XCTAssertEqual(HTMLEntities.decode("AT&T and P&G; Q&A"), "AT&T and P&G; Q&A")
        XCTAssertEqual(HTMLEntities.decode("Caf&eacute;&"), "Caf&eacute;&")
        for text in randomTexts(count: 500) where !text.contains(";") {
            XCTAssertEqual(HTMLEntities.decode(text), text)
        }
    }

    func testLinesSplitAtEveryKindOfLineEnd() {
        XCTAssertEqual(Lines.split("a\nb\r\nc\rd\n"), ["a", "b", "c", "d"])
        XCTAssertEqual(Lines.split("\u{FEFF}first\n\nthird"), ["first", "", "third"])
        XCTAssertEqual(Lines.split("one line"), ["one line"])
        XCTAssertEqual(Lines.split("\n\n"), ["", ""])
    }

    func testASCIISets() {
        let set = Bytes.ASCIISet("*_[`\\<~")
        for b in UInt8(0)...UInt8(255) {
            XCTAssertEqual(set.contains(b), b < 0x80 && "*_[`\\<~".utf8.contains(b), "\(b)")
        }
        XCTAssertTrue(set.containsAny(in: "a *bold* word"))
        XCTAssertFalse(set.containsAny(in: "plain words, 5% & more…"))
    }

    func testSentenceEndsAndAbbreviations() {
        XCTAssertTrue(TextRules.endsSentence("He said “no.”"))
        XCTAssertTrue(TextRules.endsSentence("It ended (finally).) "))
        XCTAssertFalse(TextRules.endsSentence("It went on and on ’"))
        XCTAssertTrue(HeadingRules.looksLikeHeading("About D-Wave Quantum Inc."))
        XCTAssertFalse(HeadingRules.looksLikeHeading("About D-Wave Quantum Today."))
    }

    func testContentColumns() {
        let item = LineClassifier.classify("   - Tesla Sets a Record", number: 1)
        XCTAssertEqual(item.contentColumn, 6)
        let plain = LineClassifier.classify("Tesla Sets a Record", number: 1)
        XCTAssertEqual(plain.contentColumn, 1)
    }
}
