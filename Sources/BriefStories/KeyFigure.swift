import Foundation

/// A number in a story with what it counts: "122 days", "1,000 Powerwall units", "$5 billion".
public struct KeyFigure: Sendable, Hashable, Codable {
    /// The number as written, with its currency sign or scale word ("$4.5 billion", "13.5").
    public var value: String
    /// What it counts ("megawatt-hours", "Powerwall units"); empty for money and percentages.
    public var unit: String

    /// Makes a figure from its number and what it counts.
    public init(value: String, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// The figure as one phrase ("1,000 Powerwall units"), or the value alone when it has no unit.
    public var text: String { unit.isEmpty ? value : value + " " + unit }
}

/// Finds the key figures of a story: numbers followed by what they count, amounts of money, percentages.
///
/// The counted thing is the noun phrase after the number, up to a function word or a verb;
/// a long phrase keeps its first and last word ("1,000 Powerwall home battery units" →
/// "1,000 Powerwall units"). Years, model numbers ("Model 3") and bare numbers are skipped.
/// Works on UTF-8 bytes: it runs over every paragraph of every build.
public enum KeyFigureExtractor {
    static let limit = 6

    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "per", "than",
        "that", "which", "who", "this", "these", "those", "its", "their", "his", "her", "our", "is", "are", "was",
        "were", "be", "been", "will", "would", "can", "could", "has", "have", "had", "as", "ago", "earlier", "later",
        "more", "less", "fewer", "over", "under", "about", "around", "since", "until", "after", "before", "into",
        "each", "every", "so", "far", "it", "they", "we", "he", "she", "up", "down", "out", "off", "if", "when",
        "while", "where", "there", "here", "not", "no", "just", "only", "also", "still", "even", "across", "during",
        "between", "among", "through", "via", "next", "last", "new", "all", "both", "such", "what",
    ]
    static let scaleWords: Set<String> = ["thousand", "million", "billion", "trillion"]

    /// The figures of a story's paragraphs, in order, each once, at most six.
    public static func extract(_ paragraphs: [String]) -> [KeyFigure] {
        var figures: [KeyFigure] = []
        var seen = Set<String>()
        for paragraph in paragraphs where figures.count < limit {
            let bytes = Array(paragraph.utf8)
            guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            let words = Words(bytes)
            var i = 0
            while i < words.count, figures.count < limit {
                if let (figure, last) = figure(at: i, words) {
                    if seen.insert(figure.text.lowercased()).inserted { figures.append(figure) }
                    i = last
                }
                i += 1
            }
        }
        return figures
    }

    /// The figure starting at word `index`, and the index of its last word.
    private static func figure(at index: Int, _ words: Words) -> (KeyFigure, Int)? {
        var word = words[index]
        // Most words start with a letter: only a digit or a currency sign ($ € £ ¥) can start a figure.
        guard let lead = word.first, isDigit(lead) || lead == 0x24 || lead == 0xE2 || lead == 0xC2 else { return nil }
        var currency = ""
        for sign in ["$", "€", "£", "¥"] where word.starts(with: sign.utf8) {
            currency = sign
            word = word.dropFirst(sign.utf8.count)
            break
        }
        guard let first = word.first, isDigit(first) else { return nil }
        var numberEnd = word.startIndex
        while numberEnd < word.endIndex, isDigit(word[numberEnd]) || word[numberEnd] == 0x2C || word[numberEnd] == 0x2E
        { numberEnd += 1 }
        var digitsEnd = numberEnd
        while digitsEnd > word.startIndex, !isDigit(word[digitsEnd - 1]) { digitsEnd -= 1 }
        let number = String(decoding: word[word.startIndex..<digitsEnd], as: UTF8.self)
        let suffix = word[digitsEnd...]
        // "Model 3": a number right after a capitalised name, mid-sentence, belongs to the name.
        if index > 0, currency.isEmpty, let previous = words[index - 1].last, isLetter(previous),
            let initial = words[index - 1].first, initial >= 0x41 && initial <= 0x5A, !words.endsSentence(index - 2)
        {
            return nil
        }
        if suffix.first == 0x25 { return (KeyFigure(value: currency + number + "%", unit: ""), index) }
        guard suffix.allSatisfy({ isClosing($0) }) else { return nil }
        var value = currency + number
        var next = index + 1
        if suffix.isEmpty, next < words.count {
            let following = words.lowercase(next)
            if scaleWords.contains(following) {
                value += " " + following
                if !currency.isEmpty || words[next].last.map(isClosing) == true {
                    return (KeyFigure(value: value, unit: ""), next)
                }
                next += 1
            } else if following == "percent" {
                return (KeyFigure(value: value + " percent", unit: ""), next)
            }
        }
        if !currency.isEmpty { return (KeyFigure(value: value, unit: ""), next - 1) }
        guard suffix.isEmpty else { return nil }
        // A bare year ("in 2024") counts nothing.
        if value == number, number.utf8.count == 4, let year = Int(number), (1800...2100).contains(year) { return nil }
        var unit: [String] = []
        while next < words.count, unit.count < 5 {
            let raw = words[next]
            let endsClause = raw.last.map { isClosing($0) || $0 == 0x21 || $0 == 0x3F } ?? false
            let lower = words.lowercase(next)
            guard let initial = lower.utf8.first, isLetter(initial) || initial >= 0x80, !stopWords.contains(lower)
            else { break }
            let verbLike = lower.hasSuffix("ed") || lower.hasSuffix("ly") || (!unit.isEmpty && lower.hasSuffix("ing"))
            if verbLike { break }
            unit.append(words.trimmed(next))
            next += 1
            if endsClause { break }
        }
        guard !unit.isEmpty else { return nil }
        let phrase = unit.count > 2 ? [unit[0], unit[unit.count - 1]] : unit
        return (KeyFigure(value: value, unit: phrase.joined(separator: " ")), next - 1)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    /// `,` `.` `;` `:` `)` `"` — punctuation that may close a word.
    @inline(__always) static func isClosing(_ b: UInt8) -> Bool {
        b == 0x2C || b == 0x2E || b == 0x3B || b == 0x3A || b == 0x29 || b == 0x22
    }

    /// The space-separated words of a paragraph, as byte slices.
    package struct Words {
        /// The paragraph's UTF-8 bytes.
        package let bytes: [UInt8]
        /// Each word's byte range, in order.
        package let ranges: [Range<Int>]

        /// Cuts `bytes` at spaces.
        package init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var ranges: [Range<Int>] = []
            var start = -1
            for (i, b) in bytes.enumerated() {
                if b == 0x20 {
                    if start >= 0 { ranges.append(start..<i) }
                    start = -1
                } else if start < 0 {
                    start = i
                }
            }
            if start >= 0 { ranges.append(start..<bytes.count) }
            self.ranges = ranges
        }

        var count: Int { ranges.count }
        subscript(i: Int) -> ArraySlice<UInt8> { bytes[ranges[i]] }

        /// The word without surrounding quotes and punctuation, in lower case.
        func lowercase(_ i: Int) -> String { trimmed(i).lowercased() }

        /// The word without opening quotes or brackets and closing punctuation.
        func trimmed(_ i: Int) -> String {
            var word = self[i]
            while let f = word.first, f == 0x28 || f == 0x22 { word = word.dropFirst() }
            while let l = word.last, KeyFigureExtractor.isClosing(l) || l == 0x21 || l == 0x3F {
                word = word.dropLast()
            }
            var text = String(decoding: word, as: UTF8.self)
            for quote in ["“", "”"] where text.hasPrefix(quote) || text.hasSuffix(quote) {
                text = text.replacingOccurrences(of: quote, with: "")
            }
            return text
        }

        /// Whether word `i` ends a sentence (or `i` is before the first word).
        func endsSentence(_ i: Int) -> Bool {
            guard i >= 0 else { return true }
            guard let last = self[i].last else { return false }
            return last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A
        }
    }
}
