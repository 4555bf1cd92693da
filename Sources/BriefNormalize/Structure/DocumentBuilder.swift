import BriefModel

/// Turns the merged blocks of a source into its title and stories: finds the title, groups
/// paragraphs under their headings (a heading with no text of its own before a deeper one is a
/// parent and goes; a bold or label line inside a `#` section that has text is a subhead of
/// that story), and marks paragraphs that the source cuts short.
struct DocumentBuilder {
    var path: String
    var layout: Layout

    struct Result {
        var title: String?
        var hasOwnTitle: Bool
        /// The line the title was found on, when it came from the text.
        var titleLine: Int?
        var sections: [Section]
    }

    /// The title and stories of `merged`; cut paragraphs and empty headings are warned of in `diagnostics`.
    func build(_ merged: [Block], titleHint: String?, into diagnostics: inout Diagnostics) -> Result {
        var blocks = merged
        let found = TitleFinder.find(in: &blocks, hint: titleHint, layout: layout)
        let documentTitle =
            found?.title ?? blocks.first(where: { !$0.isHeading }).map { Self.shortTitle(from: $0.text) }
        dropEmptyLabelItems(&blocks)

        var sections: [Section] = []
        var current: Section?
        var currentRank = 0
        var pending: Block?
        let lastText = blocks.lastIndex { !$0.isHeading }
        for (index, block) in blocks.enumerated() {
            if block.isHeading {
                if let section = current, !section.paragraphs.isEmpty, block.rank == Block.lineHeadingRank,
                    (1..<Block.lineHeadingRank).contains(currentRank)
                {
                    current?.paragraphs.append(Paragraph(subhead: block))
                    continue
                }
                if let section = current { sections.append(section) }
                current = nil
                pending = block
                continue
            }
            let paragraph = makeParagraph(block, isLast: index == lastText, diagnostics: &diagnostics)
            if current == nil {
                if let heading = pending {
                    current = Section(
                        heading: TitleFinder.headingText(heading.text), line: heading.line, paragraphs: [])
                    currentRank = heading.rank
                } else {
                    current = Section(
                        heading: documentTitle ?? "", hasOwnHeading: false, line: block.line, paragraphs: [])
                    currentRank = 0
                }
                pending = nil
            }
            current?.paragraphs.append(paragraph)
        }
        if let section = current { sections.append(section) }
        if let heading = pending {
            diagnostics.add(NormalizeWarning.emptyHeading(path: path, line: heading.line, heading: heading.text))
        }
        return Result(title: documentTitle, hasOwnTitle: found != nil, titleLine: found?.line, sections: sections)
    }

    /// "- Citation:" with nothing under it: a template's empty field, not a paragraph.
    private func dropEmptyLabelItems(_ blocks: inout [Block]) {
        blocks = blocks.enumerated().filter { index, block in
            guard case .item(let depth) = block.kind, block.text.hasSuffix(":"), LineClassifier.isLabel(block.text)
            else { return true }
            guard index + 1 < blocks.count, case .item(let next) = blocks[index + 1].kind else { return false }
            return next > depth
        }.map(\.element)
    }

    /// A paragraph that stops mid-sentence in every copy keeps its text, marked with "…".
    private func makeParagraph(_ block: Block, isLast: Bool, diagnostics: inout Diagnostics) -> Paragraph {
        let words = TextRules.wordCount(block.text)
        let mayBeCut = block.cutAfter && words >= 2 || (isLast || layout.isChunked) && block.kind == .text && words >= 6
        guard mayBeCut, !TextRules.endsSentence(block.text), block.markdown?.hasPrefix("```") != true else {
            return Paragraph(block)
        }
        let ending =
            block.text.count > 40 ? "…" + block.text.suffix(40).drop { $0 != " " }.dropFirst() : Substring(block.text)
        diagnostics.add(
            NormalizeWarning.cutParagraph(
                path: path, line: block.endLine, column: block.endColumn, ending: String(ending)))
        var paragraph = Paragraph(block)
        paragraph.text += "…"
        paragraph.markdown += "…"
        paragraph.isCut = true
        return paragraph
    }

    /// A title made from the first sentence, shortened at a word boundary.
    static func shortTitle(from text: String, limit: Int = 80) -> String {
        var sentence = Substring(text)
        if let end = text.firstIndex(where: { ".!?".contains($0) }), text.distance(from: text.startIndex, to: end) >= 12
        {
            sentence = text[..<end]
        }
        if let first = sentence.first, first.isLowercase {
            sentence = Substring(first.uppercased() + sentence.dropFirst())
        }
        guard sentence.count > limit else { return String(sentence) }
        let cut = sentence.prefix(limit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        var trimmed = String(atWord)
        while let last = trimmed.last, ",;:-–—".contains(last) || last == " " { trimmed.removeLast() }
        return trimmed + "…"
    }
}

extension Paragraph {
    /// The paragraph a block becomes: its Markdown as written, or its plain text escaped.
    init(_ block: Block) {
        self.init(
            text: block.text, markdown: block.markdown ?? MarkdownEscaping.escape(block.text), line: block.line,
            kind: block.kind)
    }

    /// A bold or label line inside a story: kept as a short paragraph of its own.
    init(subhead block: Block) {
        self.init(text: block.text, markdown: MarkdownEscaping.escape(block.text), line: block.line, kind: .subhead)
    }
}
