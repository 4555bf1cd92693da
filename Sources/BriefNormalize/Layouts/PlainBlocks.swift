import BriefModel

/// How the lines of a file are laid out: one paragraph per line, or hard-wrapped at a width.
struct LineLayout {
    var isWrapped: Bool
    var width: Int

    /// The share of followed lines that must stop mid-sentence for the text to count as hard-wrapped.
    static let minMidSentenceShare = 0.3
    /// Hard-wrapped text has nine in ten of its longer lines under this length, in bytes.
    static let maxWrapWidth = 100

    /// Hard-wrapped text has nearly all its longer lines under about 100 characters, and many
    /// of them stop in the middle of a sentence, where the next word did not fit.
    /// A wrapped line fills at least this share of the width; a shorter one (a heading, a paragraph's
    /// last line) says nothing about wrapping.
    static let fullLineShare = 0.6

    static func estimate(_ copies: [Copy]) -> LineLayout {
        var lengths: [Int] = []
        for copy in copies {
            for chunk in copy.chunks {
                for line in chunk.lines
                where line.kind == .text && line.content.utf8.count >= 20 && !line.looksLikeHeading {
                    lengths.append(line.content.utf8.count)
                }
            }
        }
        guard lengths.count >= 3 else { return LineLayout(isWrapped: false, width: 0) }
        lengths.sort()
        let p90 = lengths[lengths.count * 9 / 10]
        let p95 = lengths[min(lengths.count - 1, lengths.count * 95 / 100)]
        let fullLine = Int(Double(p95) * fullLineShare)
        var followed = 0
        var midSentence = 0
        for copy in copies {
            for chunk in copy.chunks {
                for (i, line) in chunk.lines.enumerated()
                where line.kind == .text && line.content.utf8.count >= fullLine {
                    guard i + 1 < chunk.lines.count, chunk.lines[i + 1].kind == .text, !line.looksLikeHeading else {
                        continue
                    }
                    followed += 1
                    if !TextRules.endsSentence(line.content) { midSentence += 1 }
                }
            }
        }
        guard followed >= 2, Double(midSentence) >= Double(followed) * minMidSentenceShare else {
            return LineLayout(isWrapped: false, width: 0)
        }
        return LineLayout(isWrapped: p90 <= maxWrapWidth, width: p95)
    }
}

/// Turns the lines of one copy of plain text into blocks: joins hard-wrapped lines and lines that
/// continue a sentence, keeps list items, quotes and marked headings apart, and tells bare-line
/// headings from paragraphs.
enum PlainBlocks {
    static func blocks(of copy: Copy, layout: LineLayout) -> [Block] {
        var blocks: [Block] = []
        for chunk in copy.chunks {
            var builder = BlockRun()
            for (index, line) in chunk.lines.enumerated() {
                let text = HTMLEntities.decode(line.content)
                switch line.kind {
                case .text:
                    if let item = builder.current, case .item = item.kind,
                        line.indent > builder.itemIndent
                            || layout.isWrapped && shouldJoin(item, line, text: text, following: nil, layout: layout)
                    {
                        builder.current?.append(line, text: text)
                        continue
                    }
                    let next = index + 1 < chunk.lines.count ? chunk.lines[index + 1] : nil
                    if let block = builder.current, block.kind == .text, !block.isHeading,
                        shouldJoin(block, line, text: text, following: next?.kind == .text ? next : nil, layout: layout)
                    {
                        builder.current?.append(line, text: text)
                    } else {
                        builder.start(Block(line, text: text), into: &blocks)
                        builder.current?.looksLikeHeading = line.looksLikeHeading
                    }
                case .bullet(let ordered):
                    builder.flush(into: &blocks)
                    var item = Block(line, text: TextRules.droppingLeadingDecoration(text))
                    item.kind = .item(depth: builder.depth(forIndent: line.indent))
                    if ordered { item.enumerator = MarkdownForms.enumerator(of: line.raw) }
                    builder.current = item
                    builder.itemIndent = line.indent
                case .quote:
                    if let block = builder.current, block.kind == .quote, !text.isEmpty {
                        builder.current?.append(line, text: text)
                    } else {
                        builder.flush(into: &blocks)
                        guard !text.isEmpty else { continue }
                        var quote = Block(line, text: text)
                        quote.kind = .quote
                        builder.start(quote, into: &blocks)
                    }
                case .heading(let level):
                    builder.start(Block.heading(line, text: text, rank: level), into: &blocks)
                    builder.flush(into: &blocks)
                case .strong, .label:
                    builder.start(Block.heading(line, text: text, rank: Block.lineHeadingRank), into: &blocks)
                    builder.flush(into: &blocks)
                case .underline(let level):
                    if let block = builder.current, block.kind == .text, block.lineCount == 1,
                        Block.canBeUnderlined(block)
                    {
                        builder.current = Block.heading(line, text: block.text, rank: level, from: block)
                    }
                    builder.flush(into: &blocks)
                default:
                    builder.flush(into: &blocks)
                }
            }
            builder.flush(into: &blocks)
        }
        HeadingRules.classify(&blocks)
        NumberedHeadings.promote(&blocks)
        for i in blocks.indices { blocks[i].key = Block.key(for: blocks[i].text) }
        return blocks
    }

    /// Whether `next` continues the block; `following` is the line after it, to spot a heading between paragraphs.
    static func shouldJoin(_ block: Block, _ next: Line, text: String, following: Line?, layout: LineLayout) -> Bool {
        if block.cutAfter || next.cutBefore { return false }
        let previous = block.text
        // A title-like line stands alone, unless it fills a wrapped line and the next one continues it.
        if block.looksLikeHeading
            && !(layout.isWrapped && previous.utf8.count >= layout.width - 15 && TextRules.startsAsContinuation(text))
        {
            return false
        }
        // "…for years.\nShares Jump\nShares of Intel rose…": a title-like line after a finished sentence is a heading.
        if TextRules.endsSentence(previous), next.looksLikeHeading,
            following.map({ !TextRules.startsAsContinuation($0.content) }) ?? true
        {
            return false
        }
        if !TextRules.endsSentence(previous) && TextRules.startsAsContinuation(text) { return true }
        guard layout.isWrapped else { return false }
        // "…can we afford to stay?\n   Skilling's departure…": an indented line after a sentence starts a paragraph.
        if next.indent >= 2 && TextRules.endsSentence(previous) { return false }
        // A wrapped line was broken because the next word did not fit; the last line of a paragraph usually leaves room.
        return block.lastLineLength + 1 + TextRules.firstWordLength(text) > layout.width - 2
    }
}

/// The block being built from consecutive lines, and the indents of the list around it.
struct BlockRun {
    var current: Block?
    /// The indent of the current list item's marker, to join its indented continuation lines.
    var itemIndent = 0
    /// Indents of the open list levels, outermost first.
    private var listIndents: [Int] = []

    /// Ends the current block and starts `block`.
    mutating func start(_ block: Block, into blocks: inout [Block]) {
        flush(into: &blocks)
        current = block
    }

    mutating func flush(into blocks: inout [Block]) {
        if let block = current {
            blocks.append(block)
            if case .item = block.kind {} else { listIndents = [] }
        }
        current = nil
    }

    /// The nesting depth of a list item whose marker is at `indent`.
    mutating func depth(forIndent indent: Int) -> Int {
        while let last = listIndents.last, last > indent { listIndents.removeLast() }
        if let last = listIndents.last, last == indent { return listIndents.count - 1 }
        listIndents.append(indent)
        return listIndents.count - 1
    }
}

extension Block {
    /// A heading block of one line (or the block that an underline makes a heading).
    static func heading(_ line: Line, text: String, rank: Int, markdown: String? = nil, from block: Block? = nil)
        -> Block
    {
        var heading = block ?? Block(line, text: text, markdown: markdown)
        heading.text = TextRules.droppingLeadingDecoration(text)
        heading.markdown = nil
        heading.isHeading = true
        heading.isMarkedHeading = true
        heading.rank = rank
        return heading
    }
}
