/// Small judgements about short pieces of prose that several normalizer steps share.
enum TextRules {
    /// Words that stay lower case inside a title ("Pays Homage to Elon Musk").
    static let minorWords: Set<Substring> = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of",
        "off", "on", "per", "to", "up", "via", "vs", "vs.", "v.", "with", "from", "into", "onto", "over",
        "than", "that", "out", "amid", "after", "over", "about", "its", "is", "are", "be",
    ]

    static func isOpeningMark(_ c: Character) -> Bool {
        "\"'“‘«([{¿¡*_".contains(c)
    }

    static func isClosingMark(_ c: Character) -> Bool {
        "\"'”’»)]}*_".contains(c)
    }

    /// Whether the text ends where a sentence can end ("." "!" "?" "…" ":"), looking past closing quotes and brackets.
    static func endsSentence(_ text: some StringProtocol) -> Bool {
        var last = text.endIndex
        while last > text.startIndex {
            let i = text.index(before: last)
            let c = text[i]
            if isClosingMark(c) || c == " " { last = i; continue }
            return ".!?…:".contains(c)
        }
        return false
    }

    /// Whether a line continues the sentence of the line before: it starts with a lower-case
    /// word that is not a brand written in lower case ("iPhone", "xAI", "eBay").
    static func startsAsContinuation(_ text: some StringProtocol) -> Bool {
        guard let first = text.first, first.isLetter, first.isLowercase else { return false }
        let word = text.prefix { !$0.isWhitespace }
        return !word.dropFirst().contains { $0.isUppercase }
    }

    static func words(_ text: some StringProtocol) -> [Substring] {
        Substring(text).split(separator: " ", omittingEmptySubsequences: true)
    }

    static func wordCount(_ text: some StringProtocol) -> Int {
        var count = 0
        var inWord = false
        for b in text.utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// In bytes, like the line lengths it is compared with.
    static func firstWordLength(_ text: some StringProtocol) -> Int {
        text.utf8.prefix { $0 != 0x20 }.count
    }

    /// The share of significant words that start with a capital (or are brands like "xAI").
    static func titleCaseScore(_ words: [Substring]) -> (capitalized: Int, significant: Int) {
        var capitalized = 0
        var significant = 0
        for (index, raw) in words.enumerated() {
            let word = raw.drop { isOpeningMark($0) }
            guard let first = word.first else { continue }
            if !first.isLetter { continue }
            if index > 0 && minorWords.contains(Substring(word.lowercased())) && first.isLowercase { continue }
            significant += 1
            if first.isUppercase || word.dropFirst().contains(where: { $0.isUppercase }) { capitalized += 1 }
        }
        return (capitalized, significant)
    }

    /// Whether the text holds a sentence end followed by another sentence ("… sales. Tesla …").
    static func containsSentenceBreak(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count > 6 else { return false }
        for i in 4..<(chars.count - 2) where chars[i] == "." || chars[i] == "!" || chars[i] == "?" {
            guard chars[i + 1] == " ", chars[i + 2].isUppercase else { continue }
            if chars[i] != "." { return true }
            // "Dr. Smith", "Inc. Reports", "U.S. Sales": the word before must be a plain lower-case word.
            let word = chars[(i - 4)..<i]
            if word.allSatisfy({ $0.isLetter && $0.isLowercase }) { return true }
        }
        return false
    }

    static func containsURL(_ text: String) -> Bool {
        text.containsBytes("://") || text.containsBytes("www.")
    }

    /// Whether the line starts like a list item in Markdown ("- ", "* ", "• ", "1. ", "2) ").
    static func looksLikeListItem(_ text: some StringProtocol) -> Bool {
        if text.hasPrefix("- ") || text.hasPrefix("* ") || text.hasPrefix("• ") || text.hasPrefix("+ ") || text.hasPrefix("· ") {
            return true
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = text.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
}
