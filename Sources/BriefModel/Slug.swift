import Foundation

/// Makes URL path segments from titles and names: lower-case ASCII letters, digits and
/// single hyphens, never empty, never `.` or `..`, never a path separator.
///
/// Titles in other scripts are transliterated ("小米" → "xiao-mi"); a title with nothing
/// to transliterate (only emoji or punctuation) gets a stable fallback from its hash.
public enum Slug {
    /// The longest slug in UTF-8 bytes: longer ones are cut at a hyphen, keeping URLs and file names short.
    public static let maxLength = 80

    /// The slug for `text`; `fallbackPrefix` names what it is (`company-…`) when nothing in the text can be used.
    public static func make(_ text: String, fallbackPrefix: String = "item") -> String {
        var slug = asciiSlug(text)
        if slug.isEmpty, text.unicodeScalars.contains(where: { $0.value > 0x7F }),
            let latin = text.applyingTransform(.toLatin, reverse: false)
        {
            slug = asciiSlug(latin)
        }
        if slug.isEmpty { slug = fallbackPrefix + "-" + StableHash.hex(text, digits: 8) }
        return slug
    }

    /// Whether a slug given by an author can be used as it is.
    public static func isValid(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.count <= maxLength
            && slug.utf8.allSatisfy { isAllowed($0) || $0 == UInt8(ascii: "-") }
            && !slug.hasPrefix("-") && !slug.hasSuffix("-")
    }

    private static func isAllowed(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
    }

    private static func asciiSlug(_ text: String) -> String {
        // Folding accents goes through ICU, which is slow; plain ASCII titles need none.
        let folded =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? text : (text.applyingTransform(.stripDiacritics, reverse: false) ?? text)
        var out: [UInt8] = []
        out.reserveCapacity(min(folded.utf8.count, maxLength + 8))
        var pendingDash = false
        let scalars = Array(folded.unicodeScalars)
        func appendWord(_ word: String, joined: Bool = false) {
            if !joined { pendingDash = true }
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = !joined
            out += Array(word.utf8)
        }

        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "'", "’", "‘", "`":
                continue
            case "&":
                let spaced = i > 0 && scalars[i - 1] == " " && i + 1 < scalars.count && scalars[i + 1] == " "
                if spaced { appendWord("and") }
                continue
            default:
                break
            }
            if scalar.isASCII, let b = UInt8(exactly: scalar.value) {
                let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b + 32 : b
                if isAllowed(lower) {
                    if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    out.append(lower)
                    continue
                }
            } else if let mapped = ligatures[scalar] {
                appendWord(mapped, joined: true)
                continue
            }
            pendingDash = true
        }

        if out.count > maxLength {
            out = Array(out.prefix(maxLength))
            if let lastDash = out.lastIndex(of: UInt8(ascii: "-")), lastDash > maxLength / 2 {
                out = Array(out[..<lastDash])
            }
        }
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    private static let ligatures: [Unicode.Scalar: String] = [
        "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "ß": "ss", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i",
    ]
}
