import Foundation

/// A number in a story with what it counts: "122 days", "1,000 Powerwall units", "$5 billion".
public struct KeyFigure: Sendable, Hashable, Codable {
    /// The number as written, with its currency sign or scale word ("$4.5 billion", "13.5").
    public var value: String
    /// What it counts ("megawatt-hours", "Powerwall units"); empty for money and percentages.
    public var unit: String

    public init(value: String, unit: String) {
        self.value = value
        self.unit = unit
    }

    public var text: String { unit.isEmpty ? value : value + " " + unit }
}

/// Finds the key figures of a story: numbers followed by what they count, amounts of money, percentages.
///
/// The counted thing is the noun phrase after the number, up to a function word or a verb;
/// a long phrase keeps its first and last word ("1,000 Powerwall home battery units" →
/// "1,000 Powerwall units"). Years, model numbers ("Model 3") and bare numbers are skipped.
public enum KeyFigureExtractor {
    static let limit = 6

    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "per", "than",
        "that", "which", "who", "this", "these", "those", "its", "their", "his", "her", "our", "is", "are", "was",
        "were", "be", "been", "will", "would", "can", "could", "has", "have", "had", "as", "ago", "earlier", "later",
        "more", "less", "fewer", "over", "under", "about", "around", "since", "until", "after", "before", "into",
        "each", "every", "so", "far", "it", "they", "we", "he", "she", "up", "down", "out", "off", "if", "when",
        "while", "where", "there", "here", "not", "no", "just", "only", "also", "still", "even", "across", "during",
        "between", "among", "through", "via", "next", "last", "this", "new", "all", "both", "such", "what",
    ]
    static let scaleWords: Set<String> = ["thousand", "million", "billion", "trillion"]
    static let percentWords: Set<String> = ["percent", "per cent", "percentage"]

    public static func extract(_ paragraphs: [String]) -> [KeyFigure] {
        var figures: [KeyFigure] = []
        var seen = Set<String>()
        for paragraph in paragraphs {
            let words = paragraph.split(separator: " ")
            var i = 0
            while i < words.count, figures.count < limit {
                defer { i += 1 }
                guard let figure = figure(at: i, in: words, consumed: &i) else { continue }
                if seen.insert(figure.text.lowercased()).inserted { figures.append(figure) }
            }
        }
        return figures
    }

    private static func figure(at index: Int, in words: [Substring], consumed: inout Int) -> KeyFigure? {
        var word = words[index]
        var currency = ""
        if let first = word.first, "$€£¥".contains(first) {
            currency = String(first)
            word = word.dropFirst()
        }
        let numberPart = word.prefix { $0.isNumber || $0 == "," || $0 == "." }
        guard let firstDigit = numberPart.first, firstDigit.isNumber else { return nil }
        var number = String(numberPart)
        while let last = number.last, last == "," || last == "." { number.removeLast() }
        let suffix = word.dropFirst(numberPart.count)
        // "Model 3", "H100": a number glued to or right after a capitalised name is part of the name.
        if index > 0, let previous = words[index - 1].last, currency.isEmpty,
           words[index - 1].first?.isUppercase == true, previous.isLetter, !isSentenceStart(words, index - 1) {
            return nil
        }
        if suffix.hasPrefix("%") { return KeyFigure(value: currency + number + "%", unit: "") }
        guard suffix.isEmpty || suffix.allSatisfy({ ",.;:)".contains($0) }) else { return nil }
        let plain = number.replacingOccurrences(of: ",", with: "")
        var value = currency + number
        var j = index + 1
        if suffix.isEmpty, j < words.count {
            let next = words[j].lowercased().trimmingCharacters(in: .punctuationCharacters)
            if scaleWords.contains(next) {
                value += " " + next
                j += 1
                if !currency.isEmpty || words[j - 1].last.map({ ",.;:".contains($0) }) == true {
                    consumed = j - 1
                    return KeyFigure(value: value, unit: "")
                }
            } else if next == "percent" {
                consumed = j
                return KeyFigure(value: value + " percent", unit: "")
            }
        }
        if !currency.isEmpty { consumed = j - 1; return KeyFigure(value: value, unit: "") }
        if !suffix.isEmpty { return nil }
        // A bare year ("in 2024") counts nothing.
        if let year = Int(plain), (1800...2100).contains(year), !number.contains(","), value == number { return nil }
        var unit: [Substring] = []
        while j < words.count, unit.count < 5 {
            var w = words[j]
            let endsClause = w.last.map { ",.;:!?)\"”".contains($0) } ?? false
            w = w.drop { "(\"“".contains($0) }
            while let last = w.last, ",.;:!?)\"”".contains(last) { w = w.dropLast() }
            let lower = w.lowercased()
            guard !w.isEmpty, w.first?.isLetter == true, !stopWords.contains(lower) else { break }
            if !unit.isEmpty && (lower.hasSuffix("ed") || lower.hasSuffix("ing") || lower.hasSuffix("ly")) { break }
            if unit.isEmpty && (lower.hasSuffix("ed") || lower.hasSuffix("ly")) { break }
            unit.append(w)
            j += 1
            if endsClause { break }
        }
        guard !unit.isEmpty else { return nil }
        consumed = j - 1
        let phrase = unit.count > 2 ? [unit[0], unit[unit.count - 1]] : unit
        return KeyFigure(value: value, unit: phrase.joined(separator: " "))
    }

    private static func isSentenceStart(_ words: [Substring], _ index: Int) -> Bool {
        index == 0 || words[index - 1].last.map { ".!?:".contains($0) } == true
    }
}
