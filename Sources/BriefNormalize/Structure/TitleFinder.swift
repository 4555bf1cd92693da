import BriefModel
import Foundation

/// Finds a source's own title among its first blocks: a "Title:" line, a `#` heading or a
/// title-like first line. A label ("Summary:"), a generic section name, a preamble, a date or
/// navigation line is never the title (the last three are chrome and gone by now). A heading
/// that repeats the title later is the title again, not a story.
enum TitleFinder {
    /// Section names that label a part of a text and never title it.
    static let genericLabels: Set<String> = [
        "summary", "overview", "key takeaways", "takeaways", "key points", "highlights", "key highlights",
        "introduction",
        "intro", "tl;dr", "tldr", "notes", "transcript", "conclusion", "details", "detailed article", "analysis",
        "key insights", "insights", "background", "context", "main points", "abstract", "description", "contents",
        "table of contents", "timestamps", "chapters", "summary level", "executive summary", "article", "news",
    ]

    /// The most words of a title.
    static let maxWords = 40

    /// The title, taking its block out of `blocks`; `hint` is a title the source gave elsewhere (front matter, a header).
    /// - Returns: the title and the line it was found on (nil for a hint).
    static func find(in blocks: inout [Block], hint: String?, layout: Layout) -> (title: String, line: Int?)? {
        var title = hint.map { ($0, nil as Int?) }
        if let labelled = blocks.firstIndex(where: \.isLabelledTitle) {
            if title == nil { title = (withoutSiteName(headingText(blocks[labelled].text)), blocks[labelled].line) }
            blocks.remove(at: labelled)
        } else if title == nil, let first = blocks.first, first.isHeading, isTitleLike(first) {
            if !layout.isChunked, isSiteName(first, before: blocks.dropFirst().first) { blocks.removeFirst() }
            title = (withoutSiteName(headingText(blocks[0].text)), blocks[0].line)
            blocks.removeFirst()
        } else if title == nil, !layout.isTranscript, let first = blocks.first, blocks.count > 1, isSubjectLine(first) {
            title = (headingText(first.text), first.line)
            blocks.removeFirst()
        }
        guard let title else { return nil }
        let key = Block.key(for: title.0)
        blocks.removeAll { $0.isHeading && Block.key(for: headingText($0.text)) == key }
        return title
    }

    /// A heading that can title the whole text.
    private static func isTitleLike(_ block: Block) -> Bool {
        let text = headingText(block.text)
        guard !block.text.hasSuffix(":"), !text.isEmpty, TextRules.wordCount(text) <= maxWords else { return false }
        return !isGenericLabel(text)
    }

    /// The most words of a site's name above a headline ("Slashdot Mirror"; a title of three words is
    /// a short title).
    static let maxSiteNameWords = 2
    /// The most words of a first line that is the text's subject.
    static let maxSubjectWords = 20

    /// A bare line of a word or two right above a much longer headline: the site's name, not the title.
    /// (Copies of a briefing repeat its own short title, so a chunked text has none.)
    private static func isSiteName(_ block: Block, before next: Block?) -> Bool {
        guard let next, next.isHeading, isTitleLike(next), block.rank == Block.lineHeadingRank, !block.isMarkedHeading
        else {
            return false
        }
        let words = TextRules.wordCount(block.text)
        return words <= maxSiteNameWords && TextRules.wordCount(next.text) > 2 * words
    }

    /// "Apple calls out Bloomberg 🍎, 3D printing rockets 🚀": a first line of a few words without a
    /// sentence's end, above the text: its subject line.
    private static func isSubjectLine(_ block: Block) -> Bool {
        guard block.kind == .text, block.lineCount == 1, let last = block.text.last, !".!?:;,…".contains(last) else {
            return false
        }
        let words = TextRules.wordCount(block.text)
        return words >= 2 && words <= maxSubjectWords && !TextRules.containsURL(block.text)
            && !isGenericLabel(block.text)
    }

    static func isGenericLabel(_ text: String) -> Bool {
        genericLabels.contains(text.lowercased().trimmingCharacters(in: .punctuationCharacters))
    }

    /// "OpenAI's o3 suggests … | TechCrunch" → without the site's name after the last " | ".
    static func withoutSiteName(_ title: String) -> String {
        guard let bar = title.range(of: " | ", options: .backwards) else { return title }
        let site = title[bar.upperBound...]
        return TextRules.wordCount(site) <= 4 && !title[..<bar.lowerBound].isEmpty
            ? String(title[..<bar.lowerBound]) : title
    }

    /// A heading as a title: without decoration in front, a label's trailing colon or a reading time.
    static func headingText(_ text: String) -> String {
        var heading = Substring(TextRules.droppingLeadingDecoration(text))
        if heading.hasSuffix(":") { heading = heading.dropLast() }
        if heading.hasSuffix(" read)"), let open = heading.lastIndex(of: "("),
            heading[open...].contains(where: \.isNumber)
        {
            heading = heading[..<open]
        }
        // "(bgr.com)": the site a headline was taken from.
        if heading.hasSuffix(")"), let open = heading.lastIndex(of: "("), open > heading.startIndex {
            let inner = heading[heading.index(after: open)..<heading.index(before: heading.endIndex)]
            if !inner.contains(" "), inner.contains("."), let tld = inner.split(separator: ".").last, tld.count >= 2,
                tld.allSatisfy({ $0.isLetter && $0.isLowercase })
            {
                heading = heading[..<open]
            }
        }
        return String(heading.trimmingSpaces)
    }
}
