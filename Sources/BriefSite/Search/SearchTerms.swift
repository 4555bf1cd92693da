import Foundation

/// How search splits and folds words, the same way `assets/search.js` splits and folds a query: runs of
/// letters, digits and marks, lower-cased, accents removed (NFD without U+0300–U+036F). Terms of one
/// character are left out, in the index and in queries.
enum SearchTerms {
    /// The terms of a text, in order, repeats included.
    static func terms(of text: String) -> [[UInt8]] {
        var out: [[UInt8]] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            forEachWord(bytes[...]) { out += fold($0) }
        } ?? forEachWord(Array(text.utf8)[...]) { out += fold($0) }
        return out
    }

    /// Calls `body` with each run of bytes that are ASCII letters or digits or non-ASCII.
    static func forEachWord<C: Collection<UInt8>>(_ bytes: C, _ body: (C.SubSequence) -> Void) where C.Index == Int {
        var start = -1
        var i = bytes.startIndex
        while i <= bytes.endIndex {
            let isWord = i < bytes.endIndex && isWordByte(bytes[i])
            if isWord {
                if start < 0 { start = i }
            } else if start >= 0 {
                body(bytes[start..<i])
                start = -1
            }
            i += 1
        }
    }

    /// The terms of one word as `forEachWord` gives it: itself lower-cased when it is plain ASCII, else folded
    /// and split where a character is neither letter, digit nor mark (a curly apostrophe or quote).
    static func fold<C: Collection<UInt8>>(_ word: C) -> [[UInt8]] {
        if word.allSatisfy({ $0 < 0x80 }) {
            guard word.count > 1 else { return [] }
            return [word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }]
        }
        let folded = String(decoding: word, as: UTF8.self).lowercased().decomposedStringWithCanonicalMapping
        var terms: [[UInt8]] = []
        var current = String.UnicodeScalarView()
        func finish() {
            if current.count > 1 { terms.append(Array(String(current).utf8)) }
            current = String.UnicodeScalarView()
        }
        for scalar in folded.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if isTermScalar(scalar) { current.append(scalar) } else { finish() }
        }
        finish()
        return terms
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    /// A letter, digit or mark, as the script's `[\p{L}\p{N}\p{M}]`.
    private static func isTermScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
