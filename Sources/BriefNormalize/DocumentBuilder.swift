import BriefModel
/// Turns the merged blocks of a plain-text source into a `Document`: finds the title,
/// groups paragraphs under their headings and marks paragraphs that every copy cuts short.
struct DocumentBuilder {
    var path: String

    func build(_ merged: [Block], frontMatter: FrontMatter) -> (title: String?, sections: [Section], diagnostics: [Diagnostic]) {
        var blocks = merged
        var diagnostics: [Diagnostic] = []

        // A heading labelled "Title:" is the title; else the first heading followed straight by another heading.
        var title = frontMatter.title
        if let labelled = blocks.firstIndex(where: \.isLabelledTitle) {
            if title == nil { title = blocks[labelled].text }
            blocks.remove(at: labelled)
        } else if let first = blocks.firstIndex(where: \.isHeading), first + 1 < blocks.count, blocks[first + 1].isHeading {
            if title == nil { title = blocks[first].text }
            blocks.remove(at: first)
        }
        if title == nil, let first = blocks.first, first.isHeading { title = first.text }
        let documentTitle = title ?? blocks.first(where: { !$0.isHeading }).map { Self.shortTitle(from: $0.text) }

        var sections: [Section] = []
        var current: Section?
        var pendingHeading: Block?
        for block in blocks {
            if block.isHeading {
                if let heading = pendingHeading { diagnostics.append(emptyHeadingWarning(heading)) }
                if let section = current { sections.append(section) }
                current = nil
                pendingHeading = block
                continue
            }
            let paragraph = makeParagraph(block, diagnostics: &diagnostics)
            if current == nil {
                if let heading = pendingHeading {
                    current = Section(heading: heading.text, line: heading.line, paragraphs: [])
                } else {
                    current = Section(heading: documentTitle ?? "", line: block.line, paragraphs: [])
                }
                pendingHeading = nil
            }
            current?.paragraphs.append(paragraph)
        }
        if let section = current { sections.append(section) }
        if let heading = pendingHeading { diagnostics.append(emptyHeadingWarning(heading)) }
        return (documentTitle, sections, diagnostics)
    }

    /// A paragraph that stops mid-sentence in every copy keeps its text, marked with "…".
    private func makeParagraph(_ block: Block, diagnostics: inout [Diagnostic]) -> Paragraph {
        let words = TextRules.wordCount(block.text)
        let cut = !TextRules.endsSentence(block.text) && (words >= 6 || block.cutAfter && words >= 2)
        guard cut else { return Paragraph(plainText: block.text, line: block.line) }
        let ending = block.text.count > 40 ? "…" + block.text.suffix(40).drop { $0 != " " }.dropFirst() : Substring(block.text)
        diagnostics.append(.warning(path, line: block.endLine, column: block.endColumn,
                                    "paragraph is cut off in every copy (\"\(ending)\"); kept and marked with \"…\""))
        return Paragraph(plainText: block.text + "…", line: block.line, isCut: true)
    }

    private func emptyHeadingWarning(_ heading: Block) -> Diagnostic {
        .warning(path, line: heading.line, "heading \"\(heading.text)\" has no text under it; left out")
    }

    /// A title made from the first sentence, shortened at a word boundary.
    static func shortTitle(from text: String, limit: Int = 80) -> String {
        var sentence = Substring(text)
        if let end = text.firstIndex(where: { ".!?".contains($0) }), text.distance(from: text.startIndex, to: end) >= 12 {
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
