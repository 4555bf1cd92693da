import Foundation
import BriefModel
import BriefMarkdown

/// Reads a source written in Markdown: `#` is the title, each `##` starts a story, and the
/// blocks in between are kept as written.
struct MarkdownSource {
    var path: String

    func parse(_ lines: [(text: Substring, number: Int)], frontMatterTitle: String?) -> (title: String?, sections: [Section], diagnostics: [Diagnostic]) {
        var title: String?
        var sections: [Section] = []
        var lead: [Paragraph] = []
        var diagnostics: [Diagnostic] = []
        var block: [Substring] = []
        var blockLine = 1
        var fence: Substring?

        func flushBlock() {
            guard !block.isEmpty else { return }
            let markdown = block.joined(separator: "\n")
            block = []
            guard let paragraph = makeParagraph(markdown, line: blockLine, diagnostics: &diagnostics) else { return }
            if sections.isEmpty { lead.append(paragraph) } else { sections[sections.count - 1].paragraphs.append(paragraph) }
        }
        func startHeading(_ level: Int, _ heading: String, line: Int) {
            if level == 1 && title == nil && sections.isEmpty && lead.isEmpty {
                title = heading
            } else {
                sections.append(Section(heading: heading, line: line, paragraphs: []))
            }
        }

        for (text: raw, number) in lines {
            let text = raw.trimmingTrailingSpaces
            let indented = text.drop(while: { $0 == " " })
            if let open = fence {
                block.append(text)
                if indented.hasPrefix(open) { fence = nil; flushBlock() }
                continue
            }
            if indented.hasPrefix("```") || indented.hasPrefix("~~~") {
                flushBlock()
                blockLine = number
                fence = indented.prefix(3)
                block.append(text)
            } else if let level = Self.setextLevel(text), block.count == 1 {
                let heading = block[0].trimmingCharacters(in: .whitespaces)
                let line = blockLine
                block = []
                startHeading(level, heading, line: line)
            } else if let (level, heading) = Self.atxHeading(text), level <= 2 {
                flushBlock()
                startHeading(level, heading, line: number)
            } else if text.isEmpty {
                flushBlock()
            } else {
                if block.isEmpty { blockLine = number }
                block.append(text)
            }
        }
        flushBlock()

        let documentTitle = frontMatterTitle ?? title ?? sections.first?.heading
            ?? lead.first.map { DocumentBuilder.shortTitle(from: $0.text) }
        if !lead.isEmpty {
            sections.insert(Section(heading: documentTitle ?? "", line: lead[0].line, paragraphs: lead), at: 0)
        }
        for section in sections where section.paragraphs.isEmpty {
            diagnostics.append(.warning(path, line: section.line, "heading \"\(section.heading)\" has no text under it; left out"))
        }
        return (documentTitle, sections.filter { !$0.paragraphs.isEmpty }, diagnostics)
    }

    private func makeParagraph(_ markdown: String, line: Int, diagnostics: inout [Diagnostic]) -> Paragraph? {
        for finding in CMark.unsafeContent(markdown) {
            diagnostics.append(.warning(path, line: line + finding.line - 1, column: finding.column,
                                        "\(finding.what) is not passed through to the site"))
        }
        let text = CMark.plainText(markdown).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        guard !text.isEmpty || markdown.contains("```") || markdown.contains("~~~") else { return nil }
        return Paragraph(text: text, markdown: markdown, line: line)
    }

    /// `## Heading` → (2, "Heading")
    static func atxHeading(_ line: Substring) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var heading = rest.trimmingCharacters(in: .whitespaces)
        while heading.hasSuffix("#") { heading.removeLast() }
        heading = heading.trimmingCharacters(in: .whitespaces)
        return heading.isEmpty ? nil : (hashes.count, heading)
    }

    /// `===` under a line makes it a level 1 heading, `---` a level 2 one.
    static func setextLevel(_ line: Substring) -> Int? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2 || trimmed == "=" else { return nil }
        if trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if trimmed.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }
}
