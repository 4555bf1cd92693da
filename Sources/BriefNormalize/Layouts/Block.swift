import BriefModel

/// A heading or paragraph of one copy, before the copies are merged.
struct Block {
    /// The text as a reader sees it (no Markdown syntax).
    var text: String
    /// The same text as Markdown written in the source, for layouts that read Markdown; nil when
    /// the text is plain and must be escaped.
    var markdown: String?
    var isHeading = false
    /// How strong a heading is: 1–6 for `#` levels, `Block.lineHeadingRank` for a bold, label or bare line.
    var rank = Block.lineHeadingRank
    /// What a paragraph block is (prose, list item, quote, subhead).
    var kind: Paragraph.Kind = .text
    /// The source marks the heading (`#`, bold, a label, an underline); bare-line headings are only inferred.
    var isMarkedHeading = false
    /// "2. " for an item of a numbered list, as written: kept if the item turns out to be a heading.
    var enumerator: String?
    /// How many source lines were joined into this block.
    var lineCount = 1
    /// A single line with a heading's shape.
    var looksLikeHeading: Bool
    /// The line was labelled as the document's title.
    var isLabelledTitle: Bool
    /// The length in bytes of the last source line joined (lengths here are compared with a wrap width, also in bytes).
    var lastLineLength: Int
    /// Where the block starts and ends in the file (1-based).
    var line: Int
    /// The column where the block's text starts on its first line.
    var column: Int
    var endLine: Int
    /// The file's text of the block's last line, for the column of a diagnostic.
    var endRaw: Substring
    var endColumn: Int { endRaw.count }
    /// The block starts right after a cut: it may be the second half of a paragraph.
    var cutBefore = false
    /// The block ends right at a cut: it may be the first half of a paragraph.
    var cutAfter = false
    /// The text as compared across copies.
    var key: String

    /// The rank of headings that are whole lines in bold, labels or bare short lines: below every `#` level.
    static let lineHeadingRank = 7

    /// A block of one line, whose plain text is `text`.
    init(_ line: Line, text: String, markdown: String? = nil) {
        self.text = text
        self.markdown = markdown
        looksLikeHeading = false
        isLabelledTitle = line.isLabelledTitle
        lastLineLength = text.utf8.count
        self.line = line.number
        column = line.contentColumn
        endLine = line.number
        endRaw = line.raw
        cutBefore = line.cutBefore
        cutAfter = line.cutAfter
        key = ""
    }

    /// Joins the next line of the same paragraph.
    mutating func append(_ next: Line, text nextText: String, markdown nextMarkdown: String? = nil) {
        text += " " + nextText
        if let nextMarkdown { markdown = (markdown ?? "") + "\n" + nextMarkdown }
        lineCount += 1
        looksLikeHeading = false
        lastLineLength = nextText.utf8.count
        endLine = next.number
        endRaw = next.raw
        cutAfter = next.cutAfter
    }

    /// The comparison form of a text: ASCII in lower case, one kind of quote, dash and ellipsis.
    static func key(for text: String) -> String {
        text.withBytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count + bytes.count / 2) { out in
                guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
                let count = bytes.count
                var n = 0
                var i = 0
                while i < count {
                    if i + 8 <= count, let lowered = asciiKey(UnsafeRawPointer(source + i)) {
                        UnsafeMutableRawPointer(target + n).storeBytes(of: lowered, as: UInt64.self)
                        n += 8
                        i += 8
                        continue
                    }
                    let b = source[i]
                    if b < 0x80 {
                        target[n] = b &- 0x41 < 26 ? b | 0x20 : (b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b)
                        n += 1
                        i += 1
                    } else if let (replacement, copies, length) = typographic(bytes, i) {
                        for _ in 0..<copies {
                            target[n] = replacement
                            n += 1
                        }
                        i += length
                    } else {
                        target[n] = b
                        n += 1
                        i += 1
                    }
                }
                return n
            }
        }
    }

    /// Eight bytes of ASCII without a backtick, in lower case; nil for anything else (judged byte by byte).
    @inline(__always)
    private static func asciiKey(_ bytes: UnsafeRawPointer) -> UInt64? {
        let w = bytes.loadUnaligned(as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard w & high == 0 else { return nil }
        let x = w ^ (ones &* UInt64(UInt8(ascii: "`")))
        let notBacktick = (((x & ~high) &+ ~high) | x) & high
        guard notBacktick == high else { return nil }
        let atLeastA = (w &+ ones &* (0x80 - 0x41)) & high
        let pastZ = (w &+ ones &* (0x80 - 0x5B)) & high
        return w | ((atLeastA & ~pastZ) >> 2)
    }

    /// Curly quotes, dashes and the ellipsis, as the ASCII they stand for: a byte, how many times, and
    /// how many bytes of the text it replaces.
    private static func typographic(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt8, Int, Int)? {
        let quote = UInt8(ascii: "\"")
        if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB { return (quote, 1, 2) }
        guard i + 2 < bytes.count, bytes[i] == 0xE2 else { return nil }
        switch (bytes[i + 1], bytes[i + 2]) {
        case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9B), (0x80, 0xB2): return (UInt8(ascii: "'"), 1, 3)
        case (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E), (0x80, 0xB3): return (quote, 1, 3)
        case (0x80, 0x90...0x94), (0x88, 0x92): return (UInt8(ascii: "-"), 1, 3)
        case (0x80, 0xA6): return (UInt8(ascii: "."), 3, 3)
        default: return nil
        }
    }

    /// The most words of a line that an underline makes a heading.
    static let maxUnderlinedWords = 20

    /// Whether `---` under this one-line block makes it a heading rather than being a rule after a
    /// sentence: a short line that does not end like a sentence.
    static func canBeUnderlined(_ block: Block) -> Bool {
        TextRules.wordCount(block.text) <= maxUnderlinedWords
            && !(block.text.hasSuffix(".") && !block.text.hasSuffix("..."))
    }
}
