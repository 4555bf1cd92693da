import BriefModel

/// Small judgements about short pieces of prose that several normalizer steps share.
package enum TextRules {
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

    /// `isOpeningMark` for an ASCII byte, without making a `Character` of it.
    @inline(__always)
    static func isOpeningASCIIMark(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(") || b == UInt8(ascii: "[")
            || b == UInt8(ascii: "{") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_")
    }

    /// `isClosingMark` for an ASCII byte, without making a `Character` of it.
    @inline(__always)
    static func isClosingASCIIMark(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
            || b == UInt8(ascii: "}") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_")
    }

    /// Whether the text ends where a sentence can end ("." "!" "?" "…" ":"), looking past closing quotes and brackets.
    static func endsSentence(_ text: some StringProtocol) -> Bool {
        text.withBytes { bytes in
            var end = bytes.count
            while end > 0 {
                let b = bytes[end - 1]
                if b < 0x80 {
                    if b == 0x20 || isClosingASCIIMark(b) {
                        end -= 1
                        continue
                    }
                    return b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
                        || b == UInt8(ascii: ":")
                }
                // A non-ASCII character: back to its first byte, then judge it whole ("”", "’", "»", "…").
                var start = end - 1
                while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
                let c = Character(String(decoding: bytes[start..<end], as: UTF8.self))
                if isClosingMark(c) {
                    end = start
                    continue
                }
                return c == "…"
            }
            return false
        }
    }

    /// Whether a line continues the sentence of the line before: it starts with a lower-case
    /// word that is not a brand written in lower case ("iPhone", "xAI", "eBay").
    static func startsAsContinuation(_ text: some StringProtocol) -> Bool {
        guard let first = text.first, first.isLetter, first.isLowercase else { return false }
        let word = text.prefix { !$0.isWhitespace }
        return !word.dropFirst().contains { $0.isUppercase }
    }

    static func words(_ text: some StringProtocol) -> [Substring] {
        let text = Substring(text)
        var bounds: [(start: Int, end: Int)] = []
        text.withBytes { bytes in
            var start = -1
            for (i, b) in bytes.enumerated() {
                if b != 0x20 {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    bounds.append((start, i))
                    start = -1
                }
            }
            if start >= 0 { bounds.append((start, bytes.count)) }
        }
        let utf8 = text.utf8
        return bounds.map {
            text[utf8.index(utf8.startIndex, offsetBy: $0.start)..<utf8.index(utf8.startIndex, offsetBy: $0.end)]
        }
    }

    /// Words in a normalized text: runs of bytes between spaces (normalized text has no other whitespace).
    package static func wordCount(_ text: some StringProtocol) -> Int {
        text.withBytes(wordCount)
    }

    /// Counts the bytes that are not a space and follow a space (or start the text), eight bytes at a time.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let high: UInt64 = 0x8080_8080_8080_8080
        var count = 0
        // The high bit of each byte: set when it is not a space. The byte before the text counts as a space.
        var previous: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x2020_2020_2020_2020
            let notSpace = (((x & low7) &+ low7) | x) & high
            let starts = notSpace & ~((notSpace << 8) | (previous >> 56))
            count += starts.nonzeroBitCount
            previous = notSpace
            i += 8
        }
        var previousSpace = previous >> 63 == 0
        while i < bytes.count {
            let isSpace = bytes[i] == 0x20
            if previousSpace && !isSpace { count += 1 }
            previousSpace = isSpace
            i += 1
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
            // Plain ASCII words are judged on their bytes.
            if let firstByte = raw.utf8.first, firstByte < 0x80, raw.utf8.allSatisfy({ $0 < 0x80 }) {
                let isUpper = firstByte >= 0x41 && firstByte <= 0x5A
                let isLower = firstByte >= 0x61 && firstByte <= 0x7A
                if !isUpper && !isLower {
                    if !isOpeningASCIIMark(firstByte) { continue }
                } else {
                    if index > 0 && isLower && minorWords.contains(raw) { continue }
                    significant += 1
                    if isUpper || raw.utf8.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                        capitalized += 1
                    }
                    continue
                }
            }
            let word = raw.drop { isOpeningMark($0) }
            guard let first = word.first else { continue }
            if !first.isLetter { continue }
            if index > 0 && first.isLowercase && minorWords.contains(Substring(word)) { continue }
            significant += 1
            if first.isUppercase || word.dropFirst().contains(where: { $0.isUppercase }) { capitalized += 1 }
        }
        return (capitalized, significant)
    }

    /// Whether the text holds a sentence end followed by another sentence ("… sales. Tesla …").
    static func containsSentenceBreak(_ text: String) -> Bool {
        text.withBytes { bytes in
            guard bytes.count > 6 else { return false }
            for i in 4..<(bytes.count - 2) where bytes[i] == 0x2E || bytes[i] == 0x21 || bytes[i] == 0x3F {
                let next = bytes[i + 2]
                // An upper-case letter, or any non-ASCII letter, may start the next sentence.
                guard bytes[i + 1] == 0x20, next >= 0x41 && next <= 0x5A || next >= 0xC3 else { continue }
                if bytes[i] != 0x2E { return true }
                // "Dr. Smith", "Inc. Reports", "U.S. Sales": the word before must be a plain lower-case word.
                if bytes[(i - 4)..<i].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return true }
            }
            return false
        }
    }

    static func containsURL(_ text: String) -> Bool {
        text.containsBytes("://") || text.containsBytes("www.")
    }

    /// Whether the line starts like a list item in Markdown ("- ", "* ", "• ", "1. ", "2) ").
    static func looksLikeListItem(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return false }
        let second = bytes.dropFirst().first
        if (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")) && second == 0x20 {
            return true
        }
        if first >= 0x80 { return text.hasPrefix("• ") || text.hasPrefix("· ") }
        let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        guard (1...3).contains(digits) else { return false }
        let rest = bytes.dropFirst(digits)
        return (rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ")")) && rest.dropFirst().first == 0x20
    }

    /// The text without the emoji, symbols and mojibake that decorate the start of a heading or list
    /// item ("🚀 Solopreneur Tools", "πŸ’° Tesla Earnings" — an emoji whose UTF-8 was read as Windows-1253).
    static func droppingLeadingDecoration(_ text: String) -> String {
        var rest = Substring(text)
        while let first = rest.first {
            if first == " " || isDecoration(first) {
                rest = rest.dropFirst()
            } else if first == "ð" || first == "π", rest.dropFirst().first == "Ÿ", rest.count >= 4 {
                rest = rest.dropFirst(4)
            } else {
                break
            }
        }
        return rest.isEmpty ? text : String(rest)
    }

    /// An emoji or a pictographic symbol (not a letter, digit, punctuation or currency sign).
    static func isDecoration(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, scalar.value >= 0x2000 else { return false }
        let properties = scalar.properties
        if properties.isEmojiPresentation || properties.isEmoji && scalar.value >= 0x2190 { return true }
        return properties.generalCategory == .otherSymbol || scalar.value == 0xFE0F || scalar.value == 0x200D
    }
}
