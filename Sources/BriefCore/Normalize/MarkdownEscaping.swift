/// Escapes plain text so that Markdown renders it back to exactly the same text.
///
/// Scraped prose is full of characters Markdown would read as syntax: `*` and `_` in
/// names, `<` in comparisons, a line that starts with `#`, `1.` or `-`.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "~", "|":
                out.append("\\")
            case "&" where startsEntity(chars, at: i):
                out.append("\\")
            default:
                break
            }
            out.append(c)
        }
        return escapeLineStart(out)
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
    private static func startsEntity(_ chars: [Character], at i: Int) -> Bool {
        var j = i + 1
        if j < chars.count, chars[j] == "#" { j += 1 }
        let start = j
        while j < chars.count, j - start <= 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return j > start && j < chars.count && chars[j] == ";"
    }

    private static func needsEscaping(_ text: String) -> Bool {
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "|"),
                 UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
                return true
            default:
                continue
            }
        }
        return text.first?.isNumber == true
    }
}
