import ArgumentParser
import BriefModel
import BriefNormalize
import Foundation

/// Times the normalizer on one large messy source: a full copy followed by "Part k/N" chunks.
struct NormalizeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize", abstract: "Normalize one large generated source.")

    @Option(help: "Size of the generated source in megabytes.")
    var megabytes: Double = 5

    @Option(help: "How many times to run; the median is reported.")
    var runs: Int = 5

    @Option(help: "A source file to normalize instead of the generated one (any layout: .txt, .md, .srt, .vtt).")
    var file: String?

    func run() throws {
        let text =
            try file.map { try String(contentsOfFile: $0, encoding: .utf8) }
            ?? Self.messySource(bytes: Int(megabytes * 1_000_000))
        let source = SourceText(path: file ?? "bench.txt", text: text)
        var times: [Double] = []
        var document: Document?
        for _ in 0..<runs {
            let start = DispatchTime.now()
            document = Normalizer.normalize(source)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        times.sort()
        let median = times[times.count / 2]
        let paragraphs = document?.sections.reduce(0) { $0 + $1.paragraphs.count } ?? 0
        print(
            String(
                format: "normalize: %.1f MB source, %d sections, %d paragraphs: median %.3f s of %d runs (%.1f MB/s)",
                Double(text.utf8.count) / 1e6, document?.sections.count ?? 0, paragraphs, median, runs,
                Double(text.utf8.count) / 1e6 / median))
    }

    /// A source shaped like scraped text: the full copy without headings, then the same text in
    /// chunks with headings, each chunk ending in "[...]", some paragraphs cut at chunk breaks.
    static func messySource(bytes: Int) -> String {
        var rng = SplitMix(state: 42)
        let words = [
            "supply", "plant", "battery", "chips", "quarter", "revenue", "growth", "prices", "deal", "factory",
            "demand", "capacity", "investors", "shares", "cloud", "rivals", "engineers", "launch", "costs", "market",
        ]
        var blocks: [(String, Bool)] = []
        var size = 0
        var n = 0
        while size * 2 < bytes {
            n += 1
            if n % 4 == 1 {
                blocks.append(("Section \(n) Sets a New Record for Tesla", true))
            }
            var sentences: [String] = []
            for s in 0..<3 {
                let body = (0..<14).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
                sentences.append("Paragraph \(n) sentence \(s) says the \(body).")
            }
            let paragraph = sentences.joined(separator: " ")
            blocks.append((paragraph, false))
            size += paragraph.utf8.count + 1
        }
        var lines = blocks.filter { !$0.1 }.map(\.0)
        let total = max(1, blocks.count / 6)
        var part = 0
        for (i, block) in blocks.enumerated() {
            if i % 6 == 0 {
                if part > 0 { lines.append("[...]") }
                part += 1
                lines.append("Part \(part)/\(total):")
            }
            if !block.1, i % 6 == 5, let space = block.0.dropFirst(100).firstIndex(of: " ") {
                lines.append(String(block.0[..<space]))
            } else {
                lines.append(block.0)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A deterministic generator for benchmark inputs.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
