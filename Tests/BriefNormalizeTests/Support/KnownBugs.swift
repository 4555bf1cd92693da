import BriefModel
import XCTest

/// Stands in for `XCTExpectFailure`, which swift-corelibs-xctest does not have: `holds` is what
/// the normalizer should do and does not yet. The test stays green while the bug is there and
/// goes red once it is fixed, so that the marker is removed and the check becomes a plain assert.
func expectKnownBug(_ reason: String, holds: Bool, file: StaticString = #filePath, line: UInt = #line) {
    if holds {
        XCTFail("fixed, remove expectKnownBug and assert it: \(reason)", file: file, line: line)
    } else {
        print("known bug (\(file):\(line)): \(reason)")
    }
}

/// Short views of a normalized document, for assertions that read like the expected output.
extension Document {
    /// Every paragraph's text, in reading order.
    var paragraphTexts: [String] { sections.flatMap(\.paragraphs).map(\.text) }

    /// The headings of the sections that have one of their own.
    var ownHeadings: [String] { sections.filter(\.hasOwnHeading).map(\.heading) }

    /// The title when the source has its own, else nil.
    var ownTitle: String? { hasOwnTitle ? title : nil }

    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
