/// A heading or paragraph of one copy, before the copies are merged.
struct Block {
    var text: String
    var isHeading = false
    /// How many source lines were joined into this block.
    var lineCount = 1
    /// The length in characters of the last source line joined.
    var lastLineLength: Int
    /// Where the block starts and ends in the file (1-based).
    var line: Int
    var endLine: Int
    var endColumn: Int
    /// The block starts right after a cut: it may be the second half of a paragraph.
    var cutBefore = false
    /// The block ends right at a cut: it may be the first half of a paragraph.
    var cutAfter = false
    /// The text as compared across copies.
    var key: String

    init(_ line: SourceLine) {
        text = line.text
        lastLineLength = line.text.count
        self.line = line.number
        endLine = line.number
        endColumn = line.lastColumn
        cutBefore = line.cutBefore
        cutAfter = line.cutAfter
        key = ""
    }

    mutating func append(_ next: SourceLine) {
        text += " " + next.text
        lineCount += 1
        lastLineLength = next.text.count
        endLine = next.number
        endColumn = next.lastColumn
        cutAfter = next.cutAfter
    }

    /// The comparison form of a text: lower case, one kind of quote, dash and ellipsis.
    static func key(for text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}", "`": out.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}", "«", "»": out.append("\"")
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}": out.append("-")
            case "\u{2026}": out.append(contentsOf: "...".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// How the lines of a file are laid out: one paragraph per line, or hard-wrapped at a width.
struct LineLayout {
    var isWrapped: Bool
    var width: Int

    /// Hard-wrapped text has nearly all its longer lines under about 100 characters.
    static func estimate(_ copies: [Copy]) -> LineLayout {
        var lengths: [Int] = []
        for copy in copies {
            for chunk in copy.chunks {
                for case let line? in chunk.lines where line.text.utf8.count >= 20 { lengths.append(line.text.count) }
            }
        }
        guard lengths.count >= 4 else { return LineLayout(isWrapped: false, width: 0) }
        lengths.sort()
        let p90 = lengths[lengths.count * 9 / 10]
        let p95 = lengths[min(lengths.count - 1, lengths.count * 95 / 100)]
        return LineLayout(isWrapped: p90 <= 100, width: p95)
    }
}

/// Turns the lines of one copy into blocks: joins hard-wrapped lines and lines that
/// continue a sentence, and tells headings from paragraphs.
enum BlockBuilder {
    static func blocks(of copy: Copy, layout: LineLayout) -> [Block] {
        var blocks: [Block] = []
        for chunk in copy.chunks {
            var current: Block?
            for entry in chunk.lines {
                guard let line = entry else {
                    if let block = current { blocks.append(block) }
                    current = nil
                    continue
                }
                if var block = current, shouldJoin(block, line, layout: layout) {
                    block.append(line)
                    current = block
                } else {
                    if let block = current { blocks.append(block) }
                    current = Block(line)
                }
            }
            if let block = current { blocks.append(block) }
        }
        HeadingRules.classify(&blocks)
        for i in blocks.indices { blocks[i].key = Block.key(for: blocks[i].text) }
        return blocks
    }

    static func shouldJoin(_ block: Block, _ next: SourceLine, layout: LineLayout) -> Bool {
        if block.cutAfter || next.cutBefore { return false }
        if TextRules.looksLikeListItem(next.text) { return false }
        let previous = block.text
        if block.lineCount == 1 && HeadingRules.looksLikeHeading(previous) && !TextRules.startsAsContinuation(next.text) {
            return false
        }
        if !TextRules.endsSentence(previous) && TextRules.startsAsContinuation(next.text) { return true }
        guard layout.isWrapped else { return false }
        // A wrapped line was broken because the next word did not fit; the last line of a paragraph usually leaves room.
        return block.lastLineLength + 1 + TextRules.firstWordLength(next.text) > layout.width - 2
    }
}
