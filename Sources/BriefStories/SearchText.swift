import BriefModel

/// A story's text as the search index holds it: the JSON string of its paragraphs, and its
/// distinct words. Made when the source is processed, and kept in the build cache; read from
/// there, the bytes stay slices of the cache file instead of being copied out.
public struct SearchText: Sendable, Hashable {
    /// The text as a JSON string literal, quotes included.
    public var text: ArraySlice<UInt8> = Array("\"\"".utf8)[...]
    /// The words, lower-cased, each once, in order of first use, separated by spaces.
    public var words: ArraySlice<UInt8> = []

    /// Empty text: a JSON empty string and no words, for stories made by hand.
    public init() {}

    /// Search text from bytes already in the format, as the cache reader finds them.
    package init(text: ArraySlice<UInt8>, words: ArraySlice<UInt8>) {
        self.text = text
        self.words = words
    }

    /// The search text of a story's paragraphs.
    package init(_ paragraphs: [Paragraph]) {
        var text: [UInt8] = []
        var words: [UInt8] = []
        Escaping.appendJSON(paragraphs.map(\.text), separator: "\n\n", to: &text)
        Self.appendDistinctWords(paragraphs, to: &words)
        self.text = text[...]
        self.words = words[...]
    }

    /// Words are letters and digits (any non-ASCII byte counts as a letter), so nothing here needs escaping in JSON.
    static func appendDistinctWords(_ paragraphs: [Paragraph], to out: inout [UInt8]) {
        var seen = Set<UInt64>()
        var first = true
        for paragraph in paragraphs {
            paragraph.text.withBytes { bytes in
                var start = -1
                var hash: UInt64 = 0
                for i in 0...bytes.count {
                    let b = i < bytes.count ? bytes[i] : 0x20
                    let isWord = b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    if isWord {
                        if start < 0 {
                            start = i
                            hash = 0xcbf2_9ce4_8422_2325
                        }
                        hash = (hash ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
                    } else if start >= 0 {
                        if seen.insert(hash).inserted {
                            if !first { out.append(0x20) }
                            first = false
                            let from = out.count
                            out.append(contentsOf: bytes[start..<i])
                            for k in from..<out.count where out[k] >= 0x41 && out[k] <= 0x5A { out[k] |= 0x20 }
                        }
                        start = -1
                    }
                }
            }
        }
    }
}
