import BriefModel
import BriefStories

/// A key figure as a story page shows it: the number with the few words around it in the story
/// ("…set a new record by building **1,000** Powerwall home battery units in a single day"),
/// never a bare "30 percent".
///
/// Found in the story's paragraphs at page time (the cache keeps figures as number and unit), in
/// bytes and in reading order: figures come from the first paragraphs, so the search stops early.
struct KeyFigureContext: Equatable {
    /// The words before the number in its clause, with "…" when the clause starts earlier.
    var before: String
    /// The number as written ("1,000", "$4.5 billion", "56%").
    var value: String
    /// The words after it in its clause, with "…" when the clause goes on.
    var after: String

    static let wordsBefore = 5
    static let wordsAfter = 8

    /// The contexts of `figures` in `paragraphs`; a figure not found shows its number and unit.
    static func find(_ figures: [KeyFigure], in paragraphs: [Paragraph]) -> [KeyFigureContext] {
        var found = [KeyFigureContext?](repeating: nil, count: figures.count)
        let needles = figures.map { figure -> (full: [UInt8], value: [UInt8]) in
            let value = Array(figure.value.utf8)
            let firstUnitWord = figure.unit.split(separator: " ").first.map { Array(" \($0)".utf8) } ?? []
            return (value + firstUnitWord, value)
        }
        guard !figures.isEmpty else { return [] }
        var missing = figures.count
        let texts = paragraphs.map { Array($0.text.utf8) }
        // First the number with the first word of its unit, as the extractor read it; then the number alone.
        for pass in 0..<2 {
            for bytes in texts where missing > 0 {
                for i in figures.indices where found[i] == nil {
                    guard let at = position(of: pass == 0 ? needles[i].full : needles[i].value, in: bytes) else {
                        continue
                    }
                    found[i] = context(bytes, at..<(at + needles[i].value.count))
                    missing -= 1
                }
            }
        }
        return figures.indices.map { i in
            found[i] ?? KeyFigureContext(before: "", value: figures[i].value, after: figures[i].unit)
        }
    }

    /// The first place `needle` stands as a whole word in `bytes`: not inside a longer number or word.
    static func position(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle),
                i == 0 || !isWordByte(bytes[i - 1]),
                i + needle.count == bytes.count || !isWordByte(bytes[i + needle.count])
            {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The clause around `number`: up to `wordsBefore` words back and `wordsAfter` on, not past , ; : . ! ?
    private static func context(_ bytes: [UInt8], _ number: Range<Int>) -> KeyFigureContext {
        let words = KeyFigureExtractor.Words(bytes).ranges
        guard let first = words.firstIndex(where: { $0.upperBound > number.lowerBound }),
            let last = words.firstIndex(where: { $0.upperBound >= number.upperBound })
        else {
            return KeyFigureContext(before: "", value: text(bytes[number]), after: "")
        }
        var from = first
        while from > 0, first - from < wordsBefore, !endsClause(bytes, words[from - 1]) { from -= 1 }
        let cutBefore = from > 0 && !endsClause(bytes, words[from - 1])
        var to = last
        while to + 1 < words.count, to - last < wordsAfter, !endsClause(bytes, words[to]) { to += 1 }
        let cutAfter = to + 1 < words.count && !endsClause(bytes, words[to])
        var end = words[to].upperBound
        while end > number.upperBound, isClauseEnd(bytes[end - 1]) { end -= 1 }
        let before = text(bytes[words[from].lowerBound..<number.lowerBound])
        let after = text(bytes[number.upperBound..<end])
        return KeyFigureContext(
            before: (cutBefore && !before.isEmpty ? "…" : "") + before, value: text(bytes[number]),
            after: after + (cutAfter && !after.isEmpty ? "…" : ""))
    }

    private static func endsClause(_ bytes: [UInt8], _ word: Range<Int>) -> Bool {
        var end = word.upperBound
        // A closing quote or bracket after the punctuation: `said "yes."`
        while end > word.lowerBound + 1, bytes[end - 1] == 0x22 || bytes[end - 1] == 0x29 { end -= 1 }
        return isClauseEnd(bytes[end - 1])
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    private static func isClauseEnd(_ b: UInt8) -> Bool {
        b == 0x2C || b == 0x3B || b == 0x3A || b == 0x2E || b == 0x21 || b == 0x3F
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
