import BriefModel

/// Finds and removes the marks scrapers leave where they cut text: `[...]`, `[…]`, `(...)`, `(…)`.
enum ElisionMarks {
    struct Stripped {
        var text: String
        /// The line began with a mark: what follows continues something cut before.
        var atStart = false
        /// The line ended with a mark: the text stops where something was cut.
        var atEnd = false
    }

    /// Removes every bracketed ellipsis from the line; a line that is only "…" or "..." counts as one.
    static func strip(_ line: String) -> Stripped {
        if line == "…" || line == "..." || line == ". . ." {
            return Stripped(text: "", atStart: true, atEnd: true)
        }
        guard mayHoldMark(line) else { return Stripped(text: line) }
        var result = Stripped(text: line)
        var chars = Array(line)
        var i = 0
        var removedAny = false
        while i < chars.count {
            guard chars[i] == "[" || chars[i] == "(", let end = markEnd(chars, from: i) else {
                i += 1
                continue
            }
            if i == 0 || chars[..<i].allSatisfy({ $0 == " " }) { result.atStart = true }
            if end == chars.count || chars[end...].allSatisfy({ $0 == " " }) { result.atEnd = true }
            chars.removeSubrange(i..<end)
            removedAny = true
        }
        guard removedAny else { return result }
        result.text = LineCleaner.clean(Substring(String(chars)))
        return result
    }

    /// A quick byte test: "..", ". ." or "…" somewhere in the line.
    private static func mayHoldMark(_ line: String) -> Bool {
        line.withBytes(mayHoldMark)
    }

    private static func mayHoldMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for b in bytes {
            if b == 0x2E && (previous == 0x2E || previous == 0x20 && beforePrevious == 0x2E) { return true }
            if b == 0xA6 && previous == 0x80 && beforePrevious == 0xE2 { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// The index after a mark that starts at `start` with a bracket, or nil.
    private static func markEnd(_ chars: [Character], from start: Int) -> Int? {
        let close: Character = chars[start] == "[" ? "]" : ")"
        var i = start + 1
        var dots = 0
        var ellipses = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." {
                dots += 1
            } else if c == "…" {
                ellipses += 1
            } else if c == " " {
                // spaces allowed inside: "[ … ]", ". . ."
            } else if c == close {
                return (dots >= 3 || ellipses >= 1) ? i + 1 : nil
            } else {
                return nil
            }
            i += 1
        }
        return nil
    }

    /// Removes a bare "..." or "…" that ends the last line of a chunk.
    static func stripTrailingEllipsis(_ line: String) -> String? {
        for mark in ["...", "…"] where line.hasSuffix(mark) {
            var text = String(line.dropLast(mark.count))
            while text.last == " " { text.removeLast() }
            return text
        }
        return nil
    }
}
