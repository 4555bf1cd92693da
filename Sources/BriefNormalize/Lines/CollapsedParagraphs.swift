/// Paragraphs that a scraper collapsed into one long line, their breaks left as runs of two or
/// three spaces after a sentence ("…FedRAMP and CMMC.  From Paper to Power In the United States…"),
/// with subheads glued to the start of the next paragraph.
enum CollapsedParagraphs {
    /// A line at least this long is looked at…
    static let minLineBytes = 600
    /// …and split when it has at least this many sentence ends followed by two or more spaces.
    static let minBreaks = 2
    /// The most words of a subhead glued to a paragraph.
    static let maxHeadingWords = 8

    /// The pieces of a collapsed line, or nil when the line is not one.
    static func split(_ raw: Substring) -> [Substring]? {
        guard raw.utf8.count >= minLineBytes else { return nil }
        var pieces: [Substring] = []
        var start = raw.startIndex
        var i = raw.startIndex
        while i < raw.endIndex {
            guard raw[i] == " ", i > start else {
                i = raw.index(after: i)
                continue
            }
            var end = i
            while end < raw.endIndex, raw[end] == " " { end = raw.index(after: end) }
            let run = raw.distance(from: i, to: end)
            if run >= 2, end < raw.endIndex, endsSentence(raw[start..<i]) {
                pieces.append(raw[start..<i])
                start = end
            }
            i = end
        }
        if start < raw.endIndex { pieces.append(raw[start...]) }
        return pieces.count > minBreaks ? pieces : nil
    }

    private static func endsSentence(_ text: Substring) -> Bool {
        var last = text.endIndex
        while last > text.startIndex {
            let i = text.index(before: last)
            if "\"'”’)".contains(text[i]) {
                last = i
                continue
            }
            return ".!?".contains(text[i])
        }
        return false
    }

    /// "From Paper to Power In the United States alone…" → ("From Paper to Power", "In the United States alone…"):
    /// a run of capitalised words (small words allowed inside) glued before a sentence, which starts
    /// at the first capitalised word followed by a lower-case one.
    static func gluedHeading(_ text: Substring) -> (heading: Substring, rest: Substring)? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > 3 else { return nil }
        for k in 2...min(maxHeadingWords, words.count - 2) {
            let heading = words[..<k]
            guard heading.allSatisfy(isTitleWord) else { return nil }
            guard heading.last?.first?.isUppercase == true else { continue }
            let next = words[k]
            let after = words[k + 1]
            if next.first?.isUppercase == true, after.first?.isLowercase == true || next == heading.last {
                let restStart = next.startIndex
                return (text[heading.first!.startIndex..<heading.last!.endIndex], text[restStart...])
            }
        }
        return nil
    }

    private static func isTitleWord(_ word: Substring) -> Bool {
        guard let first = word.first, !",;:.!?".contains(word.last!) else { return false }
        return first.isUppercase || TextRules.minorWords.contains(word)
    }
}
