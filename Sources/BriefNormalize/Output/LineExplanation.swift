import BriefModel

/// One line of a source and what brief made of it, so that a user can see why a line vanished
/// (`brief normalize --explain`).
public struct LineExplanation: Sendable, Hashable {
    /// The 1-based line number in the file.
    public var line: Int
    /// What the line was recognized as: "text", "heading", "title", "chrome (share)", "time code", …
    public var what: String
    /// The line as it is in the file.
    public var text: String
}

extension Normalizer {
    /// Every non-blank line of the source with what it was recognized as, in file order.
    public static func explain(_ source: SourceText, options: NormalizeOptions = NormalizeOptions())
        -> [LineExplanation]
    {
        let run = run(source, options: options)
        let all = Lines.split(source.text)
        var explained: [LineExplanation] = (0..<min(run.frontMatterLines, all.count)).map {
            LineExplanation(line: $0 + 1, what: "front matter", text: String(all[$0]))
        }
        explained += run.ignored.map { ignored in
            LineExplanation(
                line: ignored.number, what: "ignored (brief.yml: \(options.ignore[ignored.pattern].source))",
                text: String(ignored.raw))
        }
        let headings = Set(run.document.sections.filter(\.hasOwnHeading).map(\.line))
        for line in run.lines where !line.isBlank || line.cutBefore || line.cutAfter {
            var what = line.kind.name
            if line.number == run.titleLine {
                what = "title"
            } else if headings.contains(line.number), [.text, .strong, .label].contains(line.kind) {
                what = "heading"
            }
            let removed = line.removed.names + (line.cutBefore || line.cutAfter ? ["a cut"] : [])
            if !removed.isEmpty { what += " (" + removed.joined(separator: ", ") + " taken off)" }
            explained.append(LineExplanation(line: line.number, what: what, text: String(line.raw)))
        }
        return explained.sorted { $0.line < $1.line }
    }

    /// How many lines of the source each of `options.ignore`'s patterns removed.
    public static func ignoredLineCounts(_ source: SourceText, options: NormalizeOptions) -> [Int] {
        var counts = Array(repeating: 0, count: options.ignore.count)
        guard !options.ignore.isEmpty else { return counts }
        for line in Lines.split(source.text) {
            if let k = options.ignore.firstIndex(where: { $0.matches(line) }) { counts[k] += 1 }
        }
        return counts
    }
}
