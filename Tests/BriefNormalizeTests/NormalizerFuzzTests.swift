import BriefModel
import XCTest

@testable import BriefNormalize

/// Thousands of generated messy sources — copies, chunks cut anywhere, shuffled and repeated
/// parts, missing headings, truncations, random bytes — checked against the normalizer's promises.
final class NormalizerFuzzTests: XCTestCase {
    static let words = [
        "market", "supply", "plant", "battery", "chip", "quarter", "revenue", "growth", "price", "deal",
        "factory", "demand", "capacity", "investors", "shares", "cloud", "rivals", "engineers", "launch", "costs",
    ]
    static let capitals = [
        "Global", "Record", "Deal", "Plant", "Chips", "Growth", "Rivals", "Battery", "Market", "Cloud",
        "Supply", "Future", "Power", "Plan", "Launch", "Costs",
    ]

    struct Story {
        var heading: String
        var paragraphs: [[String]]
    }

    /// One generated source and the sentences it holds in full somewhere.
    struct Case {
        var text: String
        var sentences: [String]
    }

    static func makeCase(_ rng: inout SeededRandom, serial: Int) -> Case {
        var counter = serial * 1000
        func sentence() -> String {
            counter += 1
            let body = (0..<Int.random(in: 4...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            return "Item \(counter) says the " + body.joined(separator: " ") + "."
        }
        func title() -> String {
            (0..<Int.random(in: 2...5, using: &rng)).map { _ in capitals.randomElement(using: &rng)! }.joined(
                separator: " ") + " \(serial)x\(Int.random(in: 0...999, using: &rng))"
        }
        let stories = (0..<Int.random(in: 1...5, using: &rng)).map { _ in
            Story(
                heading: "Story " + title(),
                paragraphs: (0..<Int.random(in: 1...4, using: &rng)).map { _ in
                    (0..<Int.random(in: 1...3, using: &rng)).map { _ in sentence() }
                })
        }
        // Blocks in reading order: headings and paragraphs.
        var blocks: [(text: String, heading: Bool)] = []
        for story in stories {
            blocks.append((story.heading, true))
            for p in story.paragraphs { blocks.append((p.joined(separator: " "), false)) }
        }
        // Maybe cut one paragraph short everywhere.
        if rng.chance(0.15), let i = blocks.indices.filter({ !blocks[$0].heading }).randomElement(using: &rng) {
            let text = blocks[i].text
            let cut = text.index(
                text.startIndex, offsetBy: Int.random(in: (text.count / 2)...(text.count - 2), using: &rng))
            blocks[i].text = String(text[..<cut]).trimmingCharacters(in: .whitespaces)
        }
        var lines: [String] = []
        let withFull = !rng.chance(0.2)
        if withFull {
            for block in blocks where !block.heading || rng.chance(0.5) { lines.append(block.text) }
        }
        // Chunks: split the blocks into parts, sometimes in the middle of a paragraph.
        let total = Int.random(in: 1...8, using: &rng)
        var parts: [[String]] = Array(repeating: [], count: total)
        var part = 0
        for (i, block) in blocks.enumerated() {
            let target = min(total - 1, i * total / max(1, blocks.count))
            if block.heading {
                part = target
                if rng.chance(0.7) { parts[part].append(block.text) }
                continue
            }
            if target > part, !block.heading, rng.chance(0.4), let space = block.text.dropFirst(10).firstIndex(of: " ")
            {
                parts[part].append(String(block.text[..<space]))
                part = target
                parts[part].append(String(block.text[block.text.index(after: space)...]))
            } else {
                part = target
                parts[part].append(block.text)
            }
        }
        var chunks: [[String]] = parts.enumerated().map { k, body in
            ["Part \(k + 1)/\(total):"] + (k == 0 ? [title()] : []) + body + (k + 1 < total ? ["[...]"] : [])
        }
        if rng.chance(0.2) { chunks.shuffle(using: &rng) }
        if rng.chance(0.2), let repeated = chunks.randomElement(using: &rng) { chunks.append(repeated) }
        lines += chunks.flatMap { $0 }
        if rng.chance(0.2) {
            lines.insert(
                ["Advertisement", "Share this article", "[00:01:02]", "Read more: elsewhere"].randomElement(
                    using: &rng)!, at: Int.random(in: 0...lines.count, using: &rng))
        }
        var text = lines.joined(separator: "\n") + "\n"
        if rng.chance(0.2) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        let sentences = stories.flatMap { $0.paragraphs.flatMap { $0 } }.filter { text.contains($0) }
        return Case(text: text, sentences: sentences)
    }

    private func checkInvariants(_ document: Document, file: String, sentences: [String]) {
        let paragraphs = document.sections.flatMap(\.paragraphs).map(\.text)
        for text in paragraphs + document.sections.map(\.heading) + [document.title] {
            for artifact in ["[...]", "[…]", "(...)", "(…)"] {
                XCTAssertFalse(text.contains(artifact), "\(file): artifact \(artifact) in \(text)")
            }
            XCTAssertNil(PartMarkers.parse(text), "\(file): part marker survived: \(text)")
        }
        XCTAssertEqual(Set(paragraphs).count, paragraphs.count, "\(file): a paragraph appears twice")
        let output = paragraphs.joined(separator: " ")
        let reported = document.diagnostics.map(\.message).joined(separator: " ")
        for sentence in sentences where !output.contains(sentence) && !reported.contains(sentence) {
            XCTFail("\(file): sentence lost: \(sentence)")
        }
    }

    /// `BRIEF_FUZZ_SEED` and `BRIEF_FUZZ_COUNT` run other or more cases than the default.
    static let seed = UInt64(ProcessInfo.processInfo.environment["BRIEF_FUZZ_SEED"] ?? "") ?? 2024
    static let count = Int(ProcessInfo.processInfo.environment["BRIEF_FUZZ_COUNT"] ?? "") ?? 2000

    func testGeneratedSourcesKeepTheirPromises() {
        var rng = SeededRandom(seed: Self.seed)
        for serial in 0..<Self.count {
            let generated = Self.makeCase(&rng, serial: serial)
            let document = Normalizer.normalize(SourceText(path: "fuzz-\(serial).txt", text: generated.text))
            checkInvariants(document, file: "fuzz-\(serial).txt", sentences: generated.sentences)
            if testRun?.failureCount ?? 0 > 0 {
                print("failing source:\n\(generated.text)")
                return
            }
        }
    }

    func testRandomBytesNeverCrash() {
        var rng = SeededRandom(seed: Self.seed &+ 7)
        for serial in 0..<(Self.count / 2) {
            var bytes = Array(Self.makeCase(&rng, serial: serial).text.utf8)
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0...3, using: &rng) {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.insert(contentsOf: Array("[…]\nPart 9/2:\n".utf8), at: i)
                case 2: bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...50, using: &rng)))
                default:
                    bytes.insert(
                        contentsOf: bytes[i..<min(bytes.count, i + 80)],
                        at: Int.random(in: 0...bytes.count, using: &rng))
                }
                if bytes.isEmpty { bytes = [0x41] }
            }
            var skipped = Diagnostics()
            guard let source = try? SourceDecoder.decode(bytes, path: "bytes-\(serial).txt", into: &skipped) else {
                continue
            }
            let document = Normalizer.normalize(source)
            let failures = testRun?.failureCount ?? 0
            checkInvariants(document, file: "bytes-\(serial).txt", sentences: [])
            if testRun?.failureCount ?? 0 > failures {
                try? source.text.write(
                    toFile: NSTemporaryDirectory() + "/brief-fuzz-bytes-\(serial).txt", atomically: true,
                    encoding: .utf8)
            }
        }
    }
}
