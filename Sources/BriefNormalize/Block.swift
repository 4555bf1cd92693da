import BriefModel
/// A heading or paragraph of one copy, before the copies are merged.
struct Block {
    var text: String
    var isHeading = false
    /// How many source lines were joined into this block.
    var lineCount = 1
    /// A single line with a heading's shape.
    var looksLikeHeading: Bool
    /// The line was labelled as the document's title.
    var isLabelledTitle: Bool
    /// The length in bytes of the last source line joined (lengths here are compared with a wrap width, also in bytes).
    var lastLineLength: Int
    /// Where the block starts and ends in the file (1-based).
    var line: Int
    var endLine: Int
    /// The file's text of the block's last line, for the column of a diagnostic.
    var endRaw: Substring
    var endColumn: Int { endRaw.count }
    /// The block starts right after a cut: it may be the second half of a paragraph.
    var cutBefore = false
    /// The block ends right at a cut: it may be the first half of a paragraph.
    var cutAfter = false
    /// The text as compared across copies.
    var key: String

    init(_ line: SourceLine) {
        text = line.text
        looksLikeHeading = line.looksLikeHeading
        isLabelledTitle = line.isLabelledTitle
        lastLineLength = line.text.utf8.count
        self.line = line.number
        endLine = line.number
        endRaw = line.raw
        cutBefore = line.cutBefore
        cutAfter = line.cutAfter
        key = ""
    }

    mutating func append(_ next: SourceLine) {
        text += " " + next.text
        lineCount += 1
        looksLikeHeading = false
        lastLineLength = next.text.utf8.count
        endLine = next.number
        endRaw = next.raw
        cutAfter = next.cutAfter
    }

    /// The comparison form of a text: ASCII in lower case, one kind of quote, dash and ellipsis.
    static func key(for text: String) -> String {
        text.withBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count + bytes.count / 2) { out in
                var n = 0
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b < 0x80 {
                        out[n] = b >= 0x41 && b <= 0x5A ? b | 0x20 : (b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b)
                        n += 1
                        i += 1
                        continue
                    }
                    if let (replacement, length) = typographic(bytes, i) {
                        for r in replacement { out[n] = r; n += 1 }
                        i += length
                    } else {
                        out[n] = b
                        n += 1
                        i += 1
                    }
                }
                return n
            }
        }
    }

    /// Curly quotes, dashes and the ellipsis, as the ASCII they stand for.
    private static func typographic(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> ([UInt8], Int)? {
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB { return ([0x22], 2) }
        guard i + 2 < bytes.count, bytes[i] == 0xE2 else { return nil }
        switch (bytes[i + 1], bytes[i + 2]) {
        case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9B), (0x80, 0xB2): return ([0x27], 3)
        case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E), (0x80, 0xB3): return ([0x22], 3)
        case (0x80, 0x90...0x94), (0x88, 0x92): return ([0x2D], 3)
        case (0x80, 0xA6): return ([0x2E, 0x2E, 0x2E], 3)
        default: return nil
        }
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
                    guard let line = entry, line.text.utf8.count >= 20, !line.looksLikeHeading else { continue }
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
        if block.looksLikeHeading
            && !(layout.isWrapped && previous.utf8.count >= layout.width - 15 && TextRules.startsAsContinuation(next.text)) {
            return false
        }
        // "…for years.\nShares Jump\nShares of Intel rose…": a title-like line after a finished sentence is a heading.
        if TextRules.endsSentence(previous), next.looksLikeHeading,
           following.map({ !TextRules.startsAsContinuation($0.text) }) ?? true {
            return false
        }
        if !TextRules.endsSentence(previous) && TextRules.startsAsContinuation(next.text) { return true }
        guard layout.isWrapped else { return false }
        // A wrapped line was broken because the next word did not fit; the last line of a paragraph usually leaves room.
        return block.lastLineLength + 1 + TextRules.firstWordLength(next.text) > layout.width - 2
    }
}
