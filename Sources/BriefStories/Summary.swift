/// A story's summary for listings, feeds and page descriptions: the first sentence of its first
/// paragraph, made when the source is processed.
enum Summary {
    /// The first sentence of a paragraph, for listings; at most 300 bytes, cut at a word.
    static func firstSentence(_ text: String) -> String {
        let bytes = Array(text.utf8.prefix(600))
        var i = 20
        while i < bytes.count {
            defer { i += 1 }
            let b = bytes[i]
            guard b == 0x2E || b == 0x21 || b == 0x3F else { continue }
            var end = i + 1
            if end < bytes.count, bytes[end] == 0x22 { end += 1 }
            // ” (right double quotation mark)
            if end + 2 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x9D { end += 3 }
            guard end == bytes.count || bytes[end] == 0x20 else { continue }
            // "Dr. Smith", "U.S. sales": a short capitalised word before the dot is an abbreviation.
            var start = i
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            let word = bytes[start..<i]
            if b == 0x2E, word.count <= 2, let first = word.first, first >= 0x41 && first <= 0x5A || word.contains(0x2E)
            {
                continue
            }
            if end > 400 { break }
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
        guard text.utf8.count > 300 else { return text }
        let cut = bytes.prefix(300)
        let atWord = cut.lastIndex(of: 0x20).map { cut[..<$0] } ?? cut
        return String(decoding: atWord, as: UTF8.self) + "…"
    }
}
