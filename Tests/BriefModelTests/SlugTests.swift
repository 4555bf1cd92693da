import BriefModel
import XCTest

final class SlugTests: XCTestCase {
    func testReadableSlugs() {
        XCTAssertEqual(
            Slug.make("Elon Musk's Supercomputer Freaks Out AI Rivals"), "elon-musks-supercomputer-freaks-out-ai-rivals"
        )
        XCTAssertEqual(
            Slug.make("Faster, Better, Cheaper Supercharger Installations"),
            "faster-better-cheaper-supercharger-installations")
        XCTAssertEqual(Slug.make("Nestlé and L’Oréal"), "nestle-and-loreal")
        XCTAssertEqual(Slug.make("Johnson & Johnson"), "johnson-and-johnson")
        XCTAssertEqual(Slug.make("AT&T"), "att")
    }

    func testHostileTitlesGiveSafeSlugs() {
        for title in ["../../etc/passwd", "<script>alert(1)</script>", "a/b\\c", "\0", "..", "C:\\Windows"] {
            let slug = Slug.make(title)
            XCTAssertTrue(Slug.isValid(slug), "\(title) → \(slug)")
            XCTAssertFalse(slug.contains("/") || slug.contains("..") || slug.contains("\\"))
        }
    }

    func testTitlesWithoutLatinLetters() {
        XCTAssertEqual(Slug.make("小米"), "xiao-mi")
        XCTAssertTrue(Slug.isValid(Slug.make("مرحبا بالعالم")))
        let emoji = Slug.make("🚀🔥", fallbackPrefix: "story")
        XCTAssertTrue(emoji.hasPrefix("story-"), emoji)
        XCTAssertEqual(emoji, Slug.make("🚀🔥", fallbackPrefix: "story"), "fallback slugs are stable")
        XCTAssertNotEqual(Slug.make("!!!", fallbackPrefix: "story"), Slug.make("???", fallbackPrefix: "story"))
    }

    func testLongTitlesAreCutAtAWord() {
        let slug = Slug.make(String(repeating: "innovation ", count: 20))
        XCTAssertLessThanOrEqual(slug.count, Slug.maxLength)
        XCTAssertFalse(slug.hasSuffix("-"))
        XCTAssertTrue(slug.hasSuffix("innovation"))
    }
}
