import BriefMarkdown
import Foundation
import XCTest

/// cmark-gfm keeps process-wide tables that each parse changes; rendering on many threads at
/// once must give what rendering one after the other gives.
final class MarkdownConcurrencyTests: XCTestCase {
    func testRenderingOnManyThreadsGivesWhatOneThreadGives() {
        let documents = (0..<200).map { i in
            "See https://example.com/\(i) and www.example.org/\(i), ~~old \(i)~~ new.\n\n"
                + "| a | b |\n|---|---|\n| www.x\(i).com | ~~\(i)~~ |\n"
        }
        let expected = documents.map(CMark.html)
        XCTAssertTrue(expected.allSatisfy { $0.contains("<a href=\"http://www.example.org/") && $0.contains("<del>") })
        let results = Results(count: documents.count)
        for _ in 0..<20 {
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                results.set(i, CMark.html(documents[i]))
            }
            let got = results.values
            let wrong = got.indices.filter { got[$0] != expected[$0] }
            let first = wrong.first.map { got[$0] } ?? ""
            XCTAssertEqual(wrong, [], "documents rendered differently on many threads; the first: \(first)")
            if !wrong.isEmpty { break }
        }
    }

    /// Strings written by many threads, each slot by one.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [String]

        init(count: Int) { slots = Array(repeating: "", count: count) }

        func set(_ i: Int, _ value: String) {
            lock.lock()
            slots[i] = value
            lock.unlock()
        }

        var values: [String] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }
}
