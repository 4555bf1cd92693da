/// Recognizes the time codes of transcripts in every form they take: alone on a line ("0:02",
/// "[05:06]", "00:05:00"), as ranges ("00:00:00 – 00:31:06", "[00:00–09:25]"), bracketed or bold
/// before the text ("[00:01:02] So…", "**0:16** · Jensen…") and glued to it ("00:15You might…").
///
/// A clock time in prose ("10:30 a.m.", "at 9:45 the market…") is not a time code: only a code at
/// the start of a line counts, and it must be followed by the end of the line, a separator, or a
/// capital letter glued to it.
enum Timestamps {
    /// What follows a clock time in prose rather than a time code.
    static let clockWords: Set<String> = [
        "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "et", "pt", "gmt", "utc", "cet", "bst", "est", "pst",
    ]

    /// The line without its leading time codes; nil when nothing else is left.
    static func strip(_ line: String) -> String? {
        guard let rest = afterLeadingCodes(Substring(line)) else { return line }
        return rest.isEmpty ? nil : String(rest)
    }

    /// The text after the time codes (and the separators after them) at the start of `line`,
    /// or nil when the line does not start with a time code.
    static func afterLeadingCodes(_ line: Substring) -> Substring? {
        guard let first = line.utf8.first,
            isDigit(first) || first == UInt8(ascii: "[") || first == UInt8(ascii: "(")
                || first == UInt8(ascii: "*") || first == UInt8(ascii: "<")
        else { return nil }
        var rest = line
        var found = false
        while let after = afterCode(rest) {
            rest = after.drop { " ·•-–—|:,".contains($0) }
            found = true
        }
        return found ? rest : nil
    }

    /// Whether the line is a subtitle timing line: `00:00:01,000 --> 00:00:02,500 align:start`.
    static func isCueTiming(_ line: Substring) -> Bool {
        guard line.utf8.first.map(isDigit) == true, line.containsBytes("-->"), let arrow = line.range(of: "-->") else {
            return false
        }
        return timeCodeEnd(line[..<arrow.lowerBound].drop { $0 == " " }) != nil
            && timeCodeEnd(line[arrow.upperBound...].drop { $0 == " " }) != nil
    }

    /// Whether the whole line is one time code, possibly cut short ("0:01:14.04", "0:01:1").
    static func isTimeCodeOnly(_ line: Substring) -> Bool {
        guard let first = line.utf8.first, isDigit(first), line.utf8.count <= 16 else { return false }
        return line.utf8.allSatisfy {
            isDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",")
        }
            && line.contains(":")
    }

    /// Removes bracketed time codes and ranges anywhere in the text: "Duration: [00:00–09:25]" → "Duration:".
    static func removeBracketed(_ text: String) -> String {
        guard text.contains("[") || text.contains("(") else { return text }
        var out = Substring()
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "(" }) {
            out += rest[..<open]
            if let after = bracketedCode(rest[open...]) {
                while out.last == " " { out = out.dropLast() }
                rest = after
            } else {
                out += rest[open...open]
                rest = rest[rest.index(after: open)...]
            }
        }
        out += rest
        return String(out)
    }

    /// The time, in seconds, of the code that starts the line ("[01:02]" → 62).
    static func leadingSeconds(_ line: Substring) -> Int? {
        let code = line.drop { $0 == "[" || $0 == "(" || $0 == "*" }
        guard let end = timeCodeEnd(code) else { return nil }
        let clock = code[..<end].prefix { $0 != "." && $0 != "," }
        return clock.split(separator: ":").reduce(0) { $0 * 60 + (Int($1) ?? 0) }
    }

    // MARK: Scanning

    /// The text after one time code (or range) at the start of `text`, in any of the leading forms.
    private static func afterCode(_ text: Substring) -> Substring? {
        if let after = bracketedCode(text) { return after }
        if text.hasPrefix("**"), let end = codeOrRangeEnd(text.dropFirst(2)), text[end...].hasPrefix("**") {
            return text[end...].dropFirst(2)
        }
        guard let end = codeOrRangeEnd(text) else { return nil }
        let after = text[end...]
        guard let next = after.first else { return after }
        if next == " " {
            let word = after.drop { $0 == " " }.prefix { $0 != " " }.lowercased()
            return clockWords.contains(word) ? nil : after
        }
        // Glued: "00:15You might…", "01:06right" — a letter or an opening quote right after the code,
        // unless the letters are a clock's ("10:30am").
        if next.isLetter {
            let word = after.prefix { $0 != " " }.lowercased()
            return clockWords.contains(word) || clockWords.contains(where: { word.hasPrefix($0) && $0.count > 2 })
                ? nil : after
        }
        if "\"“‘'(".contains(next) || "·•-–—|".contains(next) { return after }
        return nil
    }

    /// "[00:01:02]", "(1:02)", "[00:00–09:25]": the text after the closing bracket.
    private static func bracketedCode(_ text: Substring) -> Substring? {
        guard let open = text.first, open == "[" || open == "(" else { return nil }
        let close: Character = open == "[" ? "]" : ")"
        guard let end = codeOrRangeEnd(text.dropFirst()), text[end...].first == close else { return nil }
        return text[text.index(after: end)...]
    }

    /// The end of a time code, or of a range of two ("00:00:00 – 00:31:06", "0:00-9:25").
    private static func codeOrRangeEnd(_ text: Substring) -> Substring.Index? {
        guard let end = timeCodeEnd(text) else { return nil }
        let after = text[end...]
        let dash = after.drop { $0 == " " }
        for separator in ["-->", "–", "—", "-", "to"] where dash.hasPrefix(separator) {
            let second = dash.dropFirst(separator.count).drop { $0 == " " }
            if let secondEnd = timeCodeEnd(second) { return secondEnd }
        }
        return end
    }

    /// The end of `H:MM`, `HH:MM:SS` or `MM:SS.mmm` at the start of `text`: a first group of one to
    /// three digits, then one or two groups of exactly two, then optional fractions.
    static func timeCodeEnd(_ text: Substring) -> Substring.Index? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        var digits = 0
        while i < utf8.endIndex, isDigit(utf8[i]) {
            digits += 1
            i = utf8.index(after: i)
        }
        guard (1...3).contains(digits) else { return nil }
        var groups = 1
        while groups < 3, i < utf8.endIndex, utf8[i] == UInt8(ascii: ":") {
            let start = utf8.index(after: i)
            var j = start
            var n = 0
            while j < utf8.endIndex, isDigit(utf8[j]) {
                n += 1
                j = utf8.index(after: j)
            }
            guard n == 2 else { break }
            i = j
            groups += 1
        }
        guard groups >= 2 else { return nil }
        if i < utf8.endIndex, utf8[i] == UInt8(ascii: ".") || utf8[i] == UInt8(ascii: ",") {
            var j = utf8.index(after: i)
            var n = 0
            while j < utf8.endIndex, isDigit(utf8[j]) {
                n += 1
                j = utf8.index(after: j)
            }
            if (1...3).contains(n) { i = j }
        }
        return i
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
