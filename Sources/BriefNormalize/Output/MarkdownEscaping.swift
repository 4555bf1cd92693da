import BriefModel

/// Escapes plain text so that Markdown renders it back to exactly the same text.
///
/// Scraped prose is full of characters Markdown would read as syntax: `*` and `_` in
/// names, `<` in comparisons, a line that starts with `#`, `1.` or `-`.
public enum MarkdownEscaping {
    /// The text with every character Markdown would read as syntax escaped; text without any comes back as it is.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var urlEnd = 0
        for (i, b) in bytes.enumerated() {
            // A web address is left as written: cmark-gfm links it, and an escape inside would end up in the link.
            if i >= urlEnd, let end = urlSpanEnd(bytes, at: i) { urlEnd = end }
            if i < urlEnd {
                out.append(b)
                continue
            }
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "|"):
                out.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "&") where startsEntity(bytes, at: i):
                out.append(UInt8(ascii: "\\"))
            default:
                break
            }
            out.append(b)
        }
        return escapeLineStart(String(decoding: out, as: UTF8.self))
    }

    /// The end of a web address that starts at `i`: `https://…`, `http://…` or `www.…` at the start of a
    /// word, up to the next space; or an autolink `<https://…>` with its brackets.
    private static func urlSpanEnd(_ bytes: [UInt8], at i: Int) -> Int? {
        let wordStart =
            i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == UInt8(ascii: "(") || bytes[i - 1] == UInt8(ascii: "\"")
        if bytes[i] == UInt8(ascii: "<") {
            guard startsURL(bytes, at: i + 1) else { return nil }
            var j = i + 1
            while j < bytes.count, bytes[j] != 0x20, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<") {
                j += 1
            }
            return j < bytes.count && bytes[j] == UInt8(ascii: ">") ? j + 1 : nil
        }
        guard wordStart, startsURL(bytes, at: i) else { return nil }
        var j = i
        while j < bytes.count, bytes[j] != 0x20, bytes[j] != UInt8(ascii: "<"), bytes[j] != UInt8(ascii: ">") { j += 1 }
        return j
    }

    private static func startsURL(_ bytes: [UInt8], at i: Int) -> Bool {
        ["https://", "http://", "www."].contains { prefix in
            bytes.count - i > prefix.utf8.count && bytes[i..<(i + prefix.utf8.count)].elementsEqual(prefix.utf8)
        }
    }

    /// The characters that open a block at the start of a line: headings, lists, quotes, rules, code.
    private static func escapeLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        switch first {
        case "#", "-", "+", "=", ">":
            return "\\" + text
        default:
            break
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty && digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true {
                return String(digits) + "\\" + rest
            }
        }
        return text
    }

    /// `&amp;`, `&#39;`, `&#x27;`: text that Markdown would decode as a character reference.
    private static func startsEntity(_ bytes: [UInt8], at i: Int) -> Bool {
        var j = i + 1
        if j < bytes.count, bytes[j] == UInt8(ascii: "#") { j += 1 }
        let start = j
        while j < bytes.count, j - start <= 32,
            (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A || bytes[j] >= 0x30 && bytes[j] <= 0x39
        { j += 1 }
        return j > start && j < bytes.count && bytes[j] == UInt8(ascii: ";")
    }

    private static func needsEscaping(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        // What opens a block only matters at the start of the line.
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
            || first == UInt8(ascii: "=")
            || first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
        {
            return true
        }
        return text.withBytes { bytes in
            bytes.contains { b in
                switch b {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                    UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "|"),
                    UInt8(ascii: "&"):
                    return true
                default:
                    return false
                }
            }
        }
    }
}

extension Paragraph {
    /// A paragraph of plain text, escaped for Markdown.
    public init(plainText: String, line: Int = 1, isCut: Bool = false) {
        self.init(text: plainText, markdown: MarkdownEscaping.escape(plainText), line: line, isCut: isCut)
    }
}
