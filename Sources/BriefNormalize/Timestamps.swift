import BriefModel
/// Recognizes the time codes of video transcripts: `[00:01:23]`, `(1:02)`, `0:45`.
enum Timestamps {
    /// The line without a leading time code, or nil when the line is nothing but time codes.
    static func strip(_ line: String) -> String? {
        guard let first = line.utf8.first, first >= 0x30 && first <= 0x39 || first == UInt8(ascii: "[") || first == UInt8(ascii: "(") else { return line }
        var rest = Substring(line)
        var stripped = false
        while let after = timeCode(in: rest) {
            rest = after.drop { $0 == " " || $0 == "-" || $0 == "–" || $0 == ":" }
            stripped = true
        }
        guard stripped else { return line }
        if rest.isEmpty { return nil }
        return String(rest)
    }

    /// The text after a time code at the start of `text`, or nil when it does not start with one.
    private static func timeCode(in text: Substring) -> Substring? {
        var s = text
        var bracket: Character?
        if let f = s.first, f == "[" || f == "(" { bracket = f == "[" ? "]" : ")"; s = s.dropFirst() }
        var groups = 0
        while true {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(digits.count) else { return nil }
            s = s.dropFirst(digits.count)
            groups += 1
            if s.first == ":" && s.dropFirst().first?.isNumber == true { s = s.dropFirst(); continue }
            break
        }
        guard (2...3).contains(groups) else { return nil }
        if s.first == "." { s = s.dropFirst(); s = s.drop { $0.isNumber } }
        if let bracket {
            guard s.first == bracket else { return nil }
            return s.dropFirst()
        }
        // An unbracketed time must stand alone or be followed by text that is not a clock time ("10:30 a.m.").
        let next = s.drop { $0 == " " }.prefix { $0 != " " }.lowercased()
        if ["a.m.", "p.m.", "am", "pm", "a.m", "p.m", "et", "pt", "gmt", "utc", "cet", "bst"].contains(next) { return nil }
        guard s.isEmpty || s.first == " " else { return nil }
        return s
    }
}
