/// Reads the inline Markdown of one line as a reader sees it: emphasis markers, code ticks and
/// link addresses go, link text stays, images go, escapes and HTML entities are resolved.
///
/// One pass over the text with a stack of open brackets, so any nesting of emphasis, brackets or
/// links costs time linear in the length of the line.
enum InlineMarkdown {
    /// The text of the line without its inline Markdown.
    /// - Parameter keepingLinks: keep links as written, `[text](address)`: in a list of links
    ///   (a digest's sources, a report's headlines) the address is part of the item.
    static func plainText(_ line: String, keepingLinks: Bool = false) -> String {
        guard mayHoldMarkup(line) else { return HTMLEntities.decode(line) }
        let chars = Array(line)
        var out: [Character] = []
        out.reserveCapacity(chars.count)
        // Brackets stay in the output until they turn out to open a link; then they are marked dropped.
        var dropped = Set<Int>()
        var openBrackets: [(position: Int, isImage: Bool)] = []
        // No ")" at or after this index: a link address cannot close any more.
        var noCloseFrom = chars.count + 1
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && chars[i + 1].isASCII && (chars[i + 1].isPunctuation || chars[i + 1].isSymbol):
                out.append(chars[i + 1])
                i += 2
                continue
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                openBrackets.append((out.count, true))
                out.append(contentsOf: ["!", "["])
                i += 2
                continue
            case "[":
                openBrackets.append((out.count, false))
                out.append("[")
                i += 1
                continue
            case "]":
                if let open = openBrackets.popLast(), i + 1 < chars.count, chars[i + 1] == "(", i + 1 < noCloseFrom {
                    if let close = addressEnd(chars, from: i + 2) {
                        if open.isImage {
                            out.removeSubrange(open.position...)
                            dropped = dropped.filter { $0 < open.position }
                            openBrackets.removeAll { $0.position >= open.position }
                        } else if keepingLinks {
                            out.append(contentsOf: chars[i...close])
                        } else {
                            dropped.insert(open.position)
                        }
                        i = close + 1
                        continue
                    }
                    noCloseFrom = i + 1
                }
            case "*", "_", "~":
                var j = i
                while j < chars.count, chars[j] == c { j += 1 }
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = j < chars.count ? chars[j] : nil
                if !isDelimiter(c, run: j - i, before: before, after: after) { out.append(contentsOf: chars[i..<j]) }
                i = j
                continue
            case "`":
                i += 1
                continue
            case "<":
                if let end = autolinkEnd(chars, from: i) {
                    out.append(contentsOf: chars[(i + 1)..<end])
                    i = end + 1
                    continue
                }
                if let end = tagEnd(chars, from: i) {
                    i = end + 1
                    continue
                }
            default:
                break
            }
            out.append(c)
            i += 1
        }
        var text = ""
        text.reserveCapacity(out.count)
        for (k, c) in out.enumerated() where !dropped.contains(k) { text.append(c) }
        return HTMLEntities.decode(text)
    }

    /// A quick test for characters that inline Markdown uses.
    static func mayHoldMarkup(_ line: String) -> Bool {
        line.utf8.contains { b in
            b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "[") || b == UInt8(ascii: "`")
                || b == UInt8(ascii: "\\") || b == UInt8(ascii: "<") || b == UInt8(ascii: "~")
        }
    }

    /// Whether a run of `*`, `_` or `~` opens or closes emphasis: it touches text on one side and
    /// space or punctuation (or the line's end) on the other. `_` inside a word ("snake_case") and
    /// a lone `~` are text.
    private static func isDelimiter(_ c: Character, run: Int, before: Character?, after: Character?) -> Bool {
        if c == "~" && run < 2 { return false }
        let spaceBefore = before.map { $0 == " " } ?? true
        let spaceAfter = after.map { $0 == " " } ?? true
        if spaceBefore && spaceAfter { return false }
        if c == "_", let before, let after, before.isLetter || before.isNumber, after.isLetter || after.isNumber { return false }
        if c == "*", run == 1, let before, let after, before.isNumber, after.isNumber { return false }
        let punctBefore = before.map { $0.isPunctuation || $0.isSymbol } ?? true
        let punctAfter = after.map { $0.isPunctuation || $0.isSymbol } ?? true
        let opens = !spaceAfter && (spaceBefore || punctBefore || !punctAfter)
        let closes = !spaceBefore && (spaceAfter || punctAfter || !punctBefore)
        return opens || closes
    }

    /// The index of the ")" that ends a link address starting at `start`, allowing balanced
    /// parentheses inside; nil when the line ends first.
    private static func addressEnd(_ chars: [Character], from start: Int) -> Int? {
        var depth = 0
        var i = start
        while i < chars.count {
            switch chars[i] {
            case "(": depth += 1
            case ")":
                if depth == 0 { return i }
                depth -= 1
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The most characters of an inline HTML tag.
    static let maxTagLength = 512

    /// `<span class="x">`, `</b>`, `<br/>`: the index of the ">" that closes an inline HTML tag,
    /// which a reader does not see.
    private static func tagEnd(_ chars: [Character], from start: Int) -> Int? {
        var i = start + 1
        if i < chars.count, chars[i] == "/" { i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isLetter else { return nil }
        let limit = min(chars.count, start + maxTagLength)
        while i < limit, chars[i] != ">" && chars[i] != "<" { i += 1 }
        return i < limit && chars[i] == ">" ? i : nil
    }

    /// `<https://example.com>`: the index of the closing ">" of an autolink.
    private static func autolinkEnd(_ chars: [Character], from start: Int) -> Int? {
        let scheme = String(chars[(start + 1)..<min(chars.count, start + 8)]).lowercased()
        guard ["http:", "https:", "mailto:", "www."].contains(where: { scheme.hasPrefix($0) }) else { return nil }
        var i = start + 1
        let limit = min(chars.count, start + 2048)
        while i < limit, chars[i] != ">" && chars[i] != " " && chars[i] != "<" { i += 1 }
        guard i < limit, chars[i] == ">" else { return nil }
        return i
    }
}

/// Decodes the HTML character references scrapers leave in text (`&amp;`, `&gt;&gt;`, `&#39;`).
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "mdash": "—", "ndash": "–",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»",
        "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "middot": "·",
        "bull": "•", "deg": "°", "times": "×", "shy": "",
    ]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            let end = after.index(after.startIndex, offsetBy: name.count)
            if name.count <= 10, end < after.endIndex, after[end] == ";", let decoded = character(for: name) {
                out += decoded
                rest = after[after.index(after: end)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }

    private static func character(for name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
        return named[String(name)]
    }
}
