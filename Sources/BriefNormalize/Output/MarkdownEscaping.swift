import BriefModel
/// Escapes plain text so that Markdown renders it back to exactly the same text.
///
/// Scraped prose is full of characters Markdown would read as syntax: `*` and `_` in
/// names, `<` in comparisons, a line that starts with `#`, `1.` or `-`.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (i, b) in bytes.enumerated() {
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
        while j < bytes.count, j - start <= 32, (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A || bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
        return j > start && j < bytes.count && bytes[j] == UInt8(ascii: ";")
    }

    private static func needsEscaping(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        // What opens a block only matters at the start of the line.
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=")
            || first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") {
            return true
        }
        return text.withBytes { bytes in
            bytes.contains { b in
                switch b {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                     UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "&"):
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
