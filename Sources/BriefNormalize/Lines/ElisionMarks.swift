import BriefModel
import Foundation

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
            guard chars[i] == "[" || chars[i] == "(", var end = markEnd(chars, from: i) else {
                i += 1
                continue
            }
            // Emphasis marks around a mark ("*[...]*") belong to it: left alone, they would close around nothing.
            while i > 0, isEmphasis(chars[i - 1]) { i -= 1 }
            while end < chars.count, isEmphasis(chars[end]) { end += 1 }
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

    /// "..", ". ." or "…" somewhere: each "." and each last byte of "…" found with `memchr`.
    private static func mayHoldMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        func occurrences(of byte: UInt8, where test: (Int) -> Bool) -> Bool {
            var i = 0
            while i < bytes.count, let hit = memchr(base + i, Int32(byte), bytes.count - i) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if test(at) { return true }
                i = at + 1
            }
            return false
        }
        return occurrences(of: 0x2E) { at in
            at >= 1 && bytes[at - 1] == 0x2E || at >= 2 && bytes[at - 1] == 0x20 && bytes[at - 2] == 0x2E
        } || occurrences(of: 0xA6) { at in at >= 2 && bytes[at - 1] == 0x80 && bytes[at - 2] == 0xE2 }
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
            } else if c == " " || isEmphasis(c) {
                // spaces allowed inside: "[ … ]", ". . ."; and emphasis marks, which hide nothing: "[...*]"
            } else if c == close {
                return (dots >= 3 || ellipses >= 1) ? i + 1 : nil
            } else {
                return nil
            }
            i += 1
        }
        return nil
    }

    private static func isEmphasis(_ c: Character) -> Bool { c == "*" || c == "_" }

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
