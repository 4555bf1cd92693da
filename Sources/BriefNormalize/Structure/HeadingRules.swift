import BriefModel

/// Tells bare-line headings from paragraphs in scraped text, where nothing marks them.
///
/// A heading is a short line without closing punctuation that reads like a title:
/// most words capitalised ("Tesla Energy Sets New Record"), or, in sentence case, a
/// short line right before a paragraph ("Why the deal matters").
enum HeadingRules {
    static let maxWords = 16
    static let maxCharacters = 120
    /// The most words of a heading in sentence case ("Why the deal matters for the future of AI").
    static let maxSentenceCaseWords = 12
    /// Words that end with a full stop and still end a heading ("About D-Wave Quantum Inc.").
    static let abbreviations: Set<Substring> = [
        "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "LLC.", "Ltd", "S.A.", "N.V.",
        "A.I.", "U.S.", "U.K.", "E.U.", "Bros.",
    ]

    /// The shape test alone, without looking at neighbours: short, unpunctuated, title case.
    static func looksLikeHeading(_ text: String) -> Bool {
        guard let words = candidateWords(text) else { return false }
        let (capitalized, significant) = TextRules.titleCaseScore(words)
        guard significant > 0 else { return false }
        if text.last == "?" || text.last == "!" { return capitalized == significant && words.count >= 2 }
        return Double(capitalized) >= 0.75 * Double(significant)
            && (words.count >= 2 || capitalized == 1 && text.count >= 4)
    }

    /// Marks the blocks of one copy that are headings.
    static func classify(_ blocks: inout [Block]) {
        for i in blocks.indices
        where blocks[i].lineCount == 1 && !blocks[i].cutAfter && blocks[i].kind == .text
            && !blocks[i].isMarkedHeading
        {
            let text = blocks[i].text
            if blocks[i].isLabelledTitle {
                blocks[i].isHeading = true
            } else if blocks[i].looksLikeHeading {
                // A one-word "heading" needs a paragraph after it to be believed.
                if TextRules.wordCount(text) == 1 && !(i + 1 < blocks.count && isParagraph(blocks[i + 1])) { continue }
                blocks[i].isHeading = true
            } else if isSentenceCaseHeading(text), i + 1 < blocks.count, isParagraph(blocks[i + 1]) {
                blocks[i].isHeading = true
            }
        }
    }

    /// "Why the deal matters": a few words, capital first, no punctuation at the end.
    private static func isSentenceCaseHeading(_ text: String) -> Bool {
        guard let words = candidateWords(text), (2...maxSentenceCaseWords).contains(words.count) else { return false }
        guard let first = text.first, first.isUppercase, text.last != "?" && text.last != "!" else { return false }
        return true
    }

    /// A real paragraph (several words ending a sentence) or a list item.
    private static func isParagraph(_ block: Block) -> Bool {
        if case .item = block.kind { return true }
        return !block.isHeading && TextRules.wordCount(block.text) >= 12 && TextRules.endsSentence(block.text)
    }

    /// The words of a line that may be a heading, or nil when its shape rules that out.
    /// Ends as a sentence or clause does, which no heading does: the cheapest test, first for every line.
    static func endsLikeProse(_ text: String) -> Bool {
        guard let lastByte = text.utf8.last else { return true }
        return lastByte == UInt8(ascii: ".") && !endsWithAbbreviation(text) || lastByte == UInt8(ascii: ",")
            || lastByte == UInt8(ascii: ";") || text.hasSuffixBytes("…")
    }

    private static func candidateWords(_ text: String) -> [Substring]? {
        guard !endsLikeProse(text), text.utf8.last != UInt8(ascii: ":") else { return nil }
        guard text.utf8.count <= maxCharacters || text.utf8.count <= maxCharacters * 4 && text.count <= maxCharacters
        else { return nil }
        guard let first = text.first, first.isLetter || first.isNumber, !(first.isLowercase && !startsWithBrand(text))
        else { return nil }
        guard !TextRules.looksLikeListItem(text), !TextRules.containsURL(text) else { return nil }
        // Counted before the words are made: most lines that get this far are too long for a heading.
        guard TextRules.wordCount(text) <= maxWords else { return nil }
        let words = TextRules.words(text)
        guard words.count <= maxWords, !TextRules.containsSentenceBreak(text) else { return nil }
        return words
    }

    /// "xAI Unveils Grok", "iPhone Sales Slip": a first word in lower case that is a brand.
    private static func startsWithBrand(_ text: String) -> Bool {
        let word = text.prefix { $0 != " " }
        return word.dropFirst().contains { $0.isUppercase }
    }

    private static func endsWithAbbreviation(_ text: String) -> Bool {
        text.withBytes { bytes in
            var start = bytes.count
            while start > 0, bytes[start - 1] != 0x20 {
                start -= 1
                if bytes.count - start > 6 { return false }
            }
            let lastWord = UnsafeBufferPointer(rebasing: bytes[start...])
            // Plain ASCII compares byte for byte; anything else as strings do (canonical equivalence).
            if lastWord.allSatisfy({ $0 < 0x80 }) {
                return abbreviationBytes.contains { $0.withUnsafeBufferPointer { Bytes.equal($0, lastWord) } }
            }
            return abbreviations.contains(Substring(String(decoding: lastWord, as: UTF8.self)))
        }
    }

    private static let abbreviationBytes = abbreviations.map { Array($0.utf8) }
}
