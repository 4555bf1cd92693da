/// A heading or paragraph of one copy, before the copies are merged.
struct Block {
    var text: String
    var isHeading = false
    /// How many source lines were joined into this block.
    var lineCount = 1
    /// The length in bytes of the last source line joined (lengths here are compared with a wrap width, also in bytes).
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
        lastLineLength = line.text.utf8.count
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
        lastLineLength = next.text.utf8.count
        endLine = next.number
        endColumn = next.lastColumn
        cutAfter = next.cutAfter
    }

    /// The comparison form of a text: lower case, one kind of quote, dash and ellipsis.
    static func key(for text: String) -> String {
        let lower = text.lowercased()
        if lower.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "`") }) { return lower }
        var out = String.UnicodeScalarView()
        for scalar in lower.unicodeScalars {
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

    /// Hard-wrapped text has nearly all its longer lines under about 100 characters, and many
    /// of them stop in the middle of a sentence, where the next word did not fit.
    static func estimate(_ copies: [Copy]) -> LineLayout {
        var lengths: [Int] = []
        var followed = 0
        var midSentence = 0
        for copy in copies {
            for chunk in copy.chunks {
                for (i, entry) in chunk.lines.enumerated() {
                    guard let line = entry, line.text.utf8.count >= 20, !HeadingRules.looksLikeHeading(line.text) else { continue }
                    lengths.append(line.text.utf8.count)
                    if i + 1 < chunk.lines.count, chunk.lines[i + 1] != nil {
                        followed += 1
                        if !TextRules.endsSentence(line.text) { midSentence += 1 }
                    }
                }
            }
        }
        guard lengths.count >= 3, followed >= 2, midSentence * 10 >= followed * 3 else { return LineLayout(isWrapped: false, width: 0) }
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
            for (index, entry) in chunk.lines.enumerated() {
                guard let line = entry else {
                    if let block = current { blocks.append(block) }
                    current = nil
                    continue
                }
                let following = index + 1 < chunk.lines.count ? chunk.lines[index + 1] : nil
                if var block = current, shouldJoin(block, line, following: following, layout: layout) {
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

    /// Whether `next` continues the block; `following` is the line after it, to spot a heading between paragraphs.
    static func shouldJoin(_ block: Block, _ next: SourceLine, following: SourceLine?, layout: LineLayout) -> Bool {
        if block.cutAfter || next.cutBefore { return false }
        if TextRules.looksLikeListItem(next.text) { return false }
        let previous = block.text
        // A title-like line stands alone, unless it fills a wrapped line and the next one continues it.
        if block.lineCount == 1 && HeadingRules.looksLikeHeading(previous)
            && !(layout.isWrapped && previous.utf8.count >= layout.width - 15 && TextRules.startsAsContinuation(next.text)) {
            return false
        }
        // "…for years.\nShares Jump\nShares of Intel rose…": a title-like line after a finished sentence is a heading.
        if TextRules.endsSentence(previous), HeadingRules.looksLikeHeading(next.text),
           following.map({ !TextRules.startsAsContinuation($0.text) }) ?? true {
            return false
        }
        if !TextRules.endsSentence(previous) && TextRules.startsAsContinuation(next.text) { return true }
        guard layout.isWrapped else { return false }
        // A wrapped line was broken because the next word did not fit; the last line of a paragraph usually leaves room.
        return block.lastLineLength + 1 + TextRules.firstWordLength(next.text) > layout.width - 2
    }
}
