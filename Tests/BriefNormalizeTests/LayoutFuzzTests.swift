import BriefModel
import XCTest

@testable import BriefNormalize

/// Generated transcripts, subtitle files and Markdown summaries in every form the readers know,
/// checked against the promises: every sentence kept, in order, and no time code, cue number,
/// speaker label or Markdown mark left in the text.
final class LayoutFuzzTests: XCTestCase {
    static let words = [
        "market", "supply", "plant", "battery", "chip", "quarter", "revenue", "growth", "price", "deal",
        "factory", "demand", "capacity", "investors", "shares", "cloud", "rivals", "engineers", "launch",
    ]
    static let count = Int(ProcessInfo.processInfo.environment["BRIEF_FUZZ_COUNT"] ?? "") ?? 2000

    /// A sentence that names its serial number, so that each is findable.
    static func sentences(_ rng: inout SeededRandom, serial: Int) -> [String] {
        (0..<Int.random(in: 2...12, using: &rng)).map { k in
            let body = (0..<Int.random(in: 4...14, using: &rng)).map { _ in words.randomElement(using: &rng)! }
            return "Item \(serial)x\(k) says the " + body.joined(separator: " ") + "."
        }
    }

    /// A time code in one of the forms transcripts use, for second `t`.
    static func timeCode(_ t: Int, _ rng: inout SeededRandom) -> String {
        let clock = String(format: "%d:%02d", t / 60, t % 60)
        let long = String(format: "%02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        return [clock, "[\(clock)]", "(\(clock))", long, "[\(long)]", "**\(clock)** ·"].randomElement(using: &rng)!
    }

    static func transcript(_ sentences: [String], _ rng: inout SeededRandom) -> String {
        let fragments = sentences.joined(separator: " ").split(separator: " ").chunked(
            Int.random(in: 3...8, using: &rng))
        var lines: [String] = []
        let speakers = rng.chance(0.4) ? ["ANNA LEE:", "BOB:", "Speaker 2:"] : []
        for (k, fragment) in fragments.enumerated() {
            let text = fragment.joined(separator: " ")
            let label = !speakers.isEmpty && k % 3 == 0 ? speakers[k % speakers.count] + " " : ""
            switch Int.random(in: 0...2, using: &rng) {
            case 0: lines += [timeCode(k * 2, &rng), "", label + text, ""]
            case 1 where text.first?.isLetter == true:
                // Glued to the text: "00:15You might…" (never before a digit, which would read as part of the time).
                lines.append(String(format: "%02d:%02d", k * 2 / 60, k * 2 % 60) + label + text)
            default: lines.append(timeCode(k * 2, &rng) + " " + label + text)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func subtitles(_ sentences: [String], vtt: Bool, _ rng: inout SeededRandom) -> String {
        let fragments = sentences.joined(separator: " ").split(separator: " ").chunked(
            Int.random(in: 3...8, using: &rng))
        var out = vtt ? "WEBVTT\nKind: captions\nLanguage: en\n\n" : ""
        var previous = ""
        for (k, fragment) in fragments.enumerated() {
            let text = fragment.joined(separator: " ")
            let start = String(format: "00:%02d:%02d%@%03d", k * 2 / 60, k * 2 % 60, vtt ? "." : ",", k % 1000)
            let end = String(format: "00:%02d:%02d%@500", (k * 2 + 1) / 60, (k * 2 + 1) % 60, vtt ? "." : ",")
            if !vtt { out += "\(k + 1)\n" }
            out += "\(start) --> \(end)\(vtt ? " align:start position:0%" : "")\n"
            // Roll-up captions show the previous line again above the new one.
            if vtt && !previous.isEmpty && rng.chance(0.5) { out += previous + "\n" }
            out += (vtt && rng.chance(0.3) ? "<v Speaker \(k % 2)>" : "") + text + "\n\n"
            previous = text
        }
        return out
    }

    static func markdown(_ sentences: [String], _ rng: inout SeededRandom) -> String {
        var lines = ["# Report \(sentences.count)", ""]
        for (k, sentence) in sentences.enumerated() {
            switch Int.random(in: 0...4, using: &rng) {
            case 0: lines += ["## Section \(k)", "", sentence, ""]
            case 1: lines.append("- **Label \(k):** " + sentence)
            case 2: lines += ["", "**Point \(k):**", "", sentence, ""]
            case 3: lines.append("  * " + sentence)
            default: lines += ["", sentence.replacingOccurrences(of: " the ", with: " *the* "), ""]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func check(_ document: Document, _ sentences: [String], file: String, source: String) -> Bool {
        let failures = testRun?.failureCount ?? 0
        let texts = document.sections.flatMap(\.paragraphs).map(\.text)
        let output = texts.joined(separator: " ")
        for sentence in sentences where !output.contains(sentence) {
            XCTFail("\(file): sentence lost or changed: \(sentence)")
        }
        var position = output.startIndex
        for sentence in sentences {
            guard let found = output[position...].range(of: sentence) else {
                XCTFail("\(file): sentence out of order: \(sentence)")
                break
            }
            position = found.upperBound
        }
        for text in texts {
            // A speaker's name labels two lines or more before it counts as a label.
            let labels = ["Speaker 2:", "ANNA LEE:"].filter { source.components(separatedBy: $0).count > 2 }
            for artifact in ["-->", "**", "WEBVTT", "<v ", "[00:", "00:00"] + labels where text.contains(artifact) {
                XCTFail("\(file): \(artifact) left in: \(text)")
            }
        }
        return (testRun?.failureCount ?? 0) == failures
    }

    func testGeneratedLayoutsKeepEverySentenceAndNoArtifacts() {
        var rng = SeededRandom(seed: 4242)
        for serial in 0..<Self.count / 8 {
            let sentences = Self.sentences(&rng, serial: serial)
            let cases: [(String, String)] = [
                ("t-\(serial).txt", Self.transcript(sentences, &rng)),
                ("s-\(serial).srt", Self.subtitles(sentences, vtt: false, &rng)),
                ("v-\(serial).vtt", Self.subtitles(sentences, vtt: true, &rng)),
                ("m-\(serial).txt", Self.markdown(sentences, &rng)),
            ]
            for (file, text) in cases {
                let document = Normalizer.normalize(SourceText(path: file, text: text))
                guard check(document, sentences, file: file, source: text) else {
                    print("failing source \(file):\n\(text)")
                    return
                }
            }
        }
    }

    /// Damaged bytes read as every format: a result, never a crash.
    func testDamagedSourcesOfEveryLayoutNeverCrash() {
        var rng = SeededRandom(seed: 99)
        for serial in 0..<Self.count / 8 {
            let sentences = Self.sentences(&rng, serial: serial)
            for text in [
                Self.transcript(sentences, &rng), Self.subtitles(sentences, vtt: true, &rng),
                Self.markdown(sentences, &rng),
            ] {
                var bytes = Array(text.utf8)
                for _ in 0..<Int.random(in: 1...30, using: &rng) {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    if rng.chance(0.5) {
                        bytes[i] = "*#[]()<>-:|\n 0123456789>".utf8.randomElement(using: &rng)!
                    } else {
                        bytes.removeSubrange(i..<min(bytes.count, i + Int.random(in: 1...20, using: &rng)))
                    }
                    if bytes.isEmpty { bytes = [0x41] }
                }
                let damaged = String(decoding: bytes, as: UTF8.self)
                for format in [SourceText.Format.plainText, .markdown, .subtitles] {
                    let document = Normalizer.normalize(
                        SourceText(path: "damaged-\(serial)", format: format, text: damaged))
                    XCTAssertFalse(document.title.isEmpty)
                }
            }
        }
    }
}

extension Array {
    /// The array cut into pieces of `size` (the last may be shorter).
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min(count, $0 + size)] }
    }
}
