import BriefModel

/// Splits text into word and punctuation tokens over its UTF-8 bytes, for the company matcher.
///
/// Words are runs of letters and digits (any non-ASCII letter included); every other
/// character is a token of its own. Curly quotes, dashes and ellipses count as their
/// ASCII punctuation, so "xAI’s" and "xAI's" tokenize alike.
struct Tokenizer {
    struct Token {
        /// Byte range in the text.
        var start: Int
        var end: Int
        /// White space came right before the token.
        var spaceBefore: Bool
        var isWord: Bool
        /// The token's identity: FNV-1a over its (normalized) bytes.
        var hash: UInt64
        /// First byte, after normalization (for case checks on ASCII).
        var first: UInt8
        /// A word whose first letter is upper case, or that starts with a digit or a non-ASCII letter.
        var isCapitalized: Bool
        /// A lower-case word with a capital inside ("xAI", "eBay").
        var isMixedCase: Bool
    }

    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        var i = 0
        var space = true
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                space = true
                i += 1
                continue
            }
            if let (punct, length) = punctuation(bytes, i) {
                tokens.append(
                    Token(
                        start: i, end: i + length, spaceBefore: space, isWord: false,
                        hash: StableHash.value(bytes: CollectionOfOne(punct)), first: punct,
                        isCapitalized: false, isMixedCase: false))
                space = false
                i += length
                continue
            }
            let start = i
            var hasInnerUpper = false
            while i < n {
                let c = bytes[i]
                if c < 0x80 {
                    guard isAlnum(c) else { break }
                    if i > start && c >= 0x41 && c <= 0x5A { hasInnerUpper = true }
                    i += 1
                } else {
                    if punctuation(bytes, i) != nil { break }
                    i += 1
                }
            }
            let first = bytes[start]
            let capitalized = (first >= 0x41 && first <= 0x5A) || (first >= 0x30 && first <= 0x39) || first >= 0x80
            tokens.append(
                Token(
                    start: start, end: i, spaceBefore: space, isWord: true,
                    hash: StableHash.value(bytes: bytes[start..<i]), first: first,
                    isCapitalized: capitalized, isMixedCase: !capitalized && hasInnerUpper))
            space = false
        }
        return tokens
    }

    @inline(__always)
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// An ASCII punctuation byte, or a typographic mark mapped to one, and its length in bytes.
    @inline(__always)
    static func punctuation(_ bytes: [UInt8], _ i: Int) -> (UInt8, Int)? {
        let b = bytes[i]
        if b < 0x80 { return isAlnum(b) ? nil : (b, 1) }
        if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
            return (bytes[i + 1] == 0xA0 ? 0x20 : UInt8(ascii: "\""), 2)
        }
        guard b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 else { return nil }
        switch bytes[i + 2] {
        case 0x98, 0x99, 0x9B: return (UInt8(ascii: "'"), 3)
        case 0x9C, 0x9D, 0x9E: return (UInt8(ascii: "\""), 3)
        case 0x90...0x95: return (UInt8(ascii: "-"), 3)
        case 0xA6: return (UInt8(ascii: "."), 3)
        default: return nil
        }
    }
}
