/// The block forms of Markdown, recognized on one line: headings, rules, images, quotes,
/// list items, bold lines and lines of links. Whether a source *means* them as Markdown is the
/// layout's decision; these only say that a line has the form.
enum MarkdownForms {
    /// Characters that mark a bullet when a space follows.
    static let bulletMarks: Set<Character> = [
        "-", "*", "+", "•", "·", "▪", "◦", "‣", "●", "○", "–", "➤", "►", "✓", "✔",
    ]

    /// `## Heading ##` → (2, "Heading").
    static func atxHeading(_ line: Substring) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var heading = Substring(rest.trimmingCharacters(in: .whitespaces))
        while heading.hasSuffix("#") { heading = heading.dropLast() }
        let text = heading.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : (hashes.count, text)
    }

    /// The bytes a rule or underline is made of ("-*_=~#+ ", and "•", "·" in UTF-8).
    static let ruleBytes: Set<UInt8> = Set("-*_=~#•·+ ".utf8)

    /// `===` (a level 1 underline), `---` (level 2, or a rule), `***`, `* * *`, `___` (rules).
    static func ruleOrUnderline(_ line: String) -> Line.Kind? {
        guard line.utf8.count >= 3 || line == "=" || line == "==" || line == "--",
            !line.containsByte(where: { !ruleBytes.contains($0) })
        else { return nil }
        let marks = line.filter { $0 != " " }
        if marks.allSatisfy({ $0 == "=" }) { return .underline(level: 1) }
        if marks.allSatisfy({ $0 == "-" }) && !line.contains(" ") { return .underline(level: 2) }
        return .rule
    }

    /// `![alt](address)` and nothing else (or several images).
    static func isImageLine(_ line: String) -> Bool {
        line.hasPrefix("![") && line.contains("](") && InlineMarkdown.plainText(line).allSatisfy { $0 == " " }
    }

    /// `> text` → "text"; `>` alone → "". Not `>>`, a transcript's speaker change.
    static func quoteContent(_ line: String) -> String? {
        guard line.hasPrefix(">"), !line.hasPrefix(">>") else { return nil }
        return String(line.dropFirst().drop { $0 == " " })
    }

    /// `- item`, `• item`, `1. item`, `2) item`, `a. item` → (ordered, "item").
    static func bulletContent(_ line: String) -> (Bool, String)? {
        // A capital letter starts neither a bullet, a number nor an outline letter: most lines.
        if let byte = line.utf8.first, byte >= 0x41 && byte <= 0x5A { return nil }
        guard let first = line.first else { return nil }
        if bulletMarks.contains(first) {
            let rest = line.dropFirst()
            guard rest.first == " " else { return nil }
            let item = rest.drop { $0 == " " }
            return item.isEmpty ? nil : (false, String(item))
        }
        var digits = line.prefix { $0.isASCII && $0.isNumber }
        // "a. The first point": a letter of an outline, followed by a sentence.
        if digits.isEmpty, first.isASCII, first.isLowercase, line.dropFirst().first == ".",
            line.dropFirst(3).first?.isUppercase == true
        {
            digits = line.prefix(1)
        }
        guard (1...3).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " else { return nil }
        let item = rest.dropFirst(2).drop { $0 == " " }
        return item.isEmpty ? nil : (true, String(item))
    }

    /// `**Why it matters:**`, `__Summary__`, `**Label**:` → the text inside, with the colon.
    static func strongLineContent(_ line: String) -> String? {
        for mark in ["**", "__"] where line.hasPrefix(mark) && line.utf8.count > 4 {
            var body = Substring(line.dropFirst(2))
            var colon = ""
            if body.hasSuffix(mark + ":") {
                body = body.dropLast(3)
                colon = ":"
            } else if body.hasSuffix(mark) {
                body = body.dropLast(2)
            } else {
                return nil
            }
            guard !body.isEmpty, !body.contains(mark), body.first != " ", body.last != " " else { return nil }
            return String(body) + colon
        }
        return nil
    }

    /// A line made only of links (`[Original Press Release](…) [Reddit Post](…)`): a link list, not text.
    static func isLinkOnly(_ line: String) -> Bool {
        guard line.hasPrefix("["), line.contains("](") else { return false }
        var rest = Substring(line)
        while rest.hasPrefix("[") {
            guard let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") else {
                return false
            }
            rest = rest[rest.index(after: end)...].drop { " |·•,".contains($0) }
        }
        return rest.isEmpty
    }

    /// The enumerator of a numbered line as written, with one space: "2. ".
    static func enumerator(of raw: Substring) -> String? {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        let mark = line.prefix { $0 != " " }
        return mark.isEmpty ? nil : String(mark) + " "
    }

    /// Tags that open a block of raw HTML in Markdown (CommonMark's kinds 1, 2 and 6, in short).
    static let htmlBlockTags: Set<String> = [
        "script", "style", "pre", "textarea", "iframe", "div", "p", "table", "form", "object", "embed", "video",
        "audio",
        "section", "article", "aside", "header", "footer", "nav", "ul", "ol", "li", "blockquote", "figure", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "br", "img", "center", "details", "summary", "dl", "noscript", "svg", "canvas",
    ]

    /// `<div onclick=…>`, `<script>`, `<!-- … -->`: a line that starts a raw HTML block.
    static func opensHTMLBlock(_ line: String) -> Bool {
        guard line.hasPrefix("<") else { return false }
        if line.hasPrefix("<!--") { return true }
        let name = line.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return htmlBlockTags.contains(name)
    }
}
