import BriefModel
import Foundation

/// Turns the lines of one copy of a text written in Markdown (an AI summary pasted into a `.txt`,
/// a `.md` file, a page saved as Markdown) into blocks, reading the Markdown as the structure it
/// means: `#` and underlined headings, bold and label lines, list items with their nesting,
/// quotes and code. Lines of a paragraph are joined; inline Markdown is kept for the output and
/// read as plain text for the rest.
enum MarkdownBlocks {
    static func blocks(of copy: Copy) -> [Block] {
        var blocks: [Block] = []
        for chunk in copy.chunks {
            var run = BlockRun()
            var fence: [Line]?
            for line in chunk.lines {
                if var open = fence {
                    if line.kind == .fence {
                        run.flush(into: &blocks)
                        blocks.append(codeBlock(open + [line]))
                        fence = nil
                    } else {
                        open.append(line)
                        fence = open
                    }
                    continue
                }
                let markdown = InlineChrome.strip(line.content)
                let text = InlineMarkdown.plainText(markdown)
                switch line.kind {
                case .text where MarkdownForms.opensHTMLBlock(line.content) && run.current == nil:
                    // Raw HTML: kept for its warning, shown to no reader.
                    run.start(Block(line, text: "", markdown: markdown), into: &blocks)
                case .text:
                    if let block = run.current, case .item = block.kind, line.indent > run.itemIndent {
                        run.current?.append(line, text: text, markdown: markdown)
                    } else if let block = run.current, block.kind == .text, !block.isHeading, !block.cutAfter,
                        !line.cutBefore,
                        !block.text.isEmpty || block.markdown.map(MarkdownForms.opensHTMLBlock) == true
                    {
                        run.current?.append(line, text: text, markdown: markdown)
                    } else if !text.isEmpty {
                        run.start(Block(line, text: text, markdown: markdown), into: &blocks)
                        run.current?.looksLikeHeading = line.looksLikeHeading
                    }
                case .bullet(let ordered):
                    run.flush(into: &blocks)
                    let itemText = InlineMarkdown.plainText(markdown, keepingLinks: true)
                    var item = Block(line, text: TextRules.droppingLeadingDecoration(itemText), markdown: markdown)
                    item.kind = .item(depth: run.depth(forIndent: line.indent))
                    if ordered { item.enumerator = MarkdownForms.enumerator(of: line.raw) }
                    run.current = item
                    run.itemIndent = line.indent
                case .quote:
                    if let block = run.current, block.kind == .quote, !text.isEmpty, !isAttribution(text) {
                        run.current?.append(line, text: text, markdown: markdown)
                    } else {
                        run.flush(into: &blocks)
                        guard !text.isEmpty, !isAttribution(text) else { continue }
                        var quote = Block(line, text: text, markdown: markdown)
                        quote.kind = .quote
                        run.current = quote
                    }
                case .heading(let level):
                    run.start(Block.heading(line, text: text, rank: level), into: &blocks)
                    run.flush(into: &blocks)
                case .strong, .label:
                    run.start(Block.heading(line, text: text, rank: Block.lineHeadingRank), into: &blocks)
                    run.flush(into: &blocks)
                case .underline(let level):
                    if let block = run.current, block.kind == .text, block.lineCount == 1, Block.canBeUnderlined(block)
                    {
                        run.current = Block.heading(line, text: block.text, rank: level, from: block)
                    }
                    run.flush(into: &blocks)
                case .fence:
                    run.flush(into: &blocks)
                    fence = [line]
                default:
                    run.flush(into: &blocks)
                }
            }
            run.flush(into: &blocks)
            if let open = fence { blocks.append(codeBlock(open)) }
        }
        HeadingRules.classify(&blocks)
        NumberedHeadings.promote(&blocks)
        for i in blocks.indices { blocks[i].key = Block.key(for: blocks[i].text) }
        return blocks
    }

    /// "— Ethan Mollick (@emollick) December 22, 2024": the attribution line of an embedded post.
    static func isAttribution(_ text: String) -> Bool {
        (text.hasPrefix("—") || text.hasPrefix("– ") || text.hasPrefix("-- ")) && TextRules.wordCount(text) <= 12
    }

    /// A fenced code block, kept as written.
    private static func codeBlock(_ lines: [Line]) -> Block {
        var block = Block(lines[0], text: "", markdown: nil)
        let body = lines.dropFirst().filter { $0.kind != .fence }.map { String($0.raw) }
        block.text = body.joined(separator: " ")
        block.markdown = lines.map { String($0.raw) }.joined(separator: "\n")
        if lines.count > 1 {
            block.endLine = lines[lines.count - 1].number
            block.endRaw = lines[lines.count - 1].raw
        }
        block.lineCount = lines.count
        return block
    }
}

/// Numbered lines that are section headings, not list items: "2. Bedrock Robotics (Autonomous
/// Excavation)" on its own, short, without a full stop, followed by a paragraph of prose.
enum NumberedHeadings {
    /// The most words a numbered heading has.
    static let maxWords = 14

    static func promote(_ blocks: inout [Block]) {
        for i in blocks.indices {
            guard let enumerator = blocks[i].enumerator, case .item(depth: 0) = blocks[i].kind,
                i + 1 < blocks.count, blocks[i + 1].kind == .text, !blocks[i + 1].isHeading,
                TextRules.wordCount(blocks[i].text) <= maxWords, !TextRules.endsSentence(blocks[i].text)
            else { continue }
            let text = enumerator + blocks[i].text
            blocks[i] = Block.heading(
                Line(number: blocks[i].line, raw: blocks[i].endRaw, kind: .text, content: "", indent: 0),
                text: text, rank: Block.lineHeadingRank, from: blocks[i])
            blocks[i].text = text
        }
    }
}

/// Links and prompts inside a line that are page chrome: "[Read More](…)", "Read More>>".
enum InlineChrome {
    static let linkTexts: Set<String> = [
        "read more", "read more »", "read more>>", "read more >>", "continue reading",
        "read the full story", "read the full article", "full story", "source", "link",
    ]

    /// The line without trailing "read more" links.
    static func strip(_ content: String) -> String {
        var text = Substring(content)
        while true {
            let trimmed = text.trimmingSuffix(" ")
            if trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "["),
                let close = trimmed[open...].firstIndex(of: "]"), trimmed[close...].hasPrefix("]("),
                linkTexts.contains(trimmed[trimmed.index(after: open)..<close].lowercased())
            {
                text = trimmed[..<open]
                continue
            }
            if let tail = ["Read More>>", "Read More >>", "Read more>>", "Read More »"].first(where: {
                trimmed.hasSuffix($0)
            }) {
                text = trimmed.dropLast(tail.count)
                continue
            }
            return String(trimmed)
        }
    }
}

extension Substring {
    func trimmingSuffix(_ c: Character) -> Substring {
        var s = self
        while s.last == c { s = s.dropLast() }
        return s
    }
}
