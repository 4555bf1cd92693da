/// Smart punctuation for the plain text pages show (headings, titles, first sentences), by the rules
/// cmark-gfm's smart option applies to story bodies: curly quotes and apostrophes, `--` and `---` as
/// en and em dashes, `...` as an ellipsis; and, as in the bodies, a hyphen between spaces as an en dash.
enum Typography {
    static func smart(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let previous: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            switch c {
            case "\"":
                out.append(opens(previous) ? "\u{201C}" : "\u{201D}")
            case "'":
                out.append(opens(previous) && next.map(isWordScalar) == true ? "\u{2018}" : "\u{2019}")
            case "." where next == "." && i + 2 < scalars.count && scalars[i + 2] == ".":
                out.append("\u{2026}")
                i += 2
            case "-" where next == "-":
                let em = i + 2 < scalars.count && scalars[i + 2] == "-"
                out.append(em ? "\u{2014}" : "\u{2013}")
                i += em ? 2 : 1
            case "-" where previous == " " && next == " ":
                out.append("\u{2013}")
            default:
                out.append(c)
            }
            i += 1
        }
        return String(out)
    }

    /// Whether the text has anything to change: most first sentences have no quote, dash or ellipsis.
    private static func needsWork(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for b in text.utf8 {
            if b == 0x22 || b == 0x27 { return true }
            if b == 0x2D && previous == 0x2D { return true }
            if b == 0x20 && previous == 0x2D && beforePrevious == 0x20 { return true }
            if b == 0x2E && previous == 0x2E && beforePrevious == 0x2E { return true }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// A quote opens at the start, after white space, an opening bracket or a dash.
    private static func opens(_ previous: Unicode.Scalar?) -> Bool {
        guard let previous else { return true }
        return previous.properties.isWhitespace || "([{\u{2013}\u{2014}-/".unicodeScalars.contains(previous)
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }
}
