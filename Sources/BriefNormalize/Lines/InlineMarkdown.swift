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
        let text = line.withBytes { bytes in
            var reader = Reader(bytes: bytes, keepingLinks: keepingLinks)
            return reader.read()
        }
        return HTMLEntities.decode(text)
    }

    /// A quick test for characters that inline Markdown uses.
    static func mayHoldMarkup(_ line: String) -> Bool {
        markupBytes.containsAny(in: line)
    }

    private static let markupBytes = Bytes.ASCIISet("*_[`\\<~")

    /// The most bytes of an inline HTML tag or an autolink.
    static let maxTagLength = 2048

    /// One pass over a line's UTF-8 bytes. Every mark of inline Markdown is ASCII, so bytes suffice;
    /// a byte of a multi-byte character counts as a letter when judging emphasis.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let keepingLinks: Bool
        var out: [UInt8] = []
        /// Output positions of "[" that may still close into a link (and whether "![" opened an image).
        var openBrackets: [(position: Int, isImage: Bool)] = []
        /// Output positions of brackets that opened links, left out at the end.
        var dropped = Set<Int>()
        /// No ")" at or after this index: a link address cannot close any more.
        var noCloseFrom: Int

        init(bytes: UnsafeBufferPointer<UInt8>, keepingLinks: Bool) {
            self.bytes = bytes
            self.keepingLinks = keepingLinks
            noCloseFrom = bytes.count + 1
            out.reserveCapacity(bytes.count)
        }

        mutating func read() -> String {
            var i = 0
            while i < bytes.count {
                i = step(at: i)
            }
            if dropped.isEmpty { return String(decoding: out, as: UTF8.self) }
            var kept: [UInt8] = []
            kept.reserveCapacity(out.count)
            for (k, b) in out.enumerated() where !dropped.contains(k) { kept.append(b) }
            return String(decoding: kept, as: UTF8.self)
        }

        /// Reads what starts at `i`; returns where the next thing starts.
        private mutating func step(at i: Int) -> Int {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\") where i + 1 < bytes.count && isASCIIPunctuation(bytes[i + 1]):
                out.append(bytes[i + 1])
                return i + 2
            case UInt8(ascii: "!") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "["):
                openBrackets.append((out.count, true))
                out.append(contentsOf: [b, UInt8(ascii: "[")])
                return i + 2
            case UInt8(ascii: "["):
                openBrackets.append((out.count, false))
                out.append(b)
                return i + 1
            case UInt8(ascii: "]"):
                if let next = closeLink(at: i) { return next }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                var j = i
                while j < bytes.count, bytes[j] == b { j += 1 }
                let before: UInt8? = i > 0 ? bytes[i - 1] : nil
                let after: UInt8? = j < bytes.count ? bytes[j] : nil
                if !InlineMarkdown.isDelimiter(b, run: j - i, before: before, after: after) {
                    out.append(contentsOf: bytes[i..<j])
                }
                return j
            case UInt8(ascii: "`"):
                return i + 1
            case UInt8(ascii: "<"):
                if let end = autolinkEnd(from: i) {
                    out.append(contentsOf: bytes[(i + 1)..<end])
                    return end + 1
                }
                if let end = tagEnd(from: i) { return end + 1 }
            default:
                break
            }
            out.append(b)
            return i + 1
        }

        /// At a "]": when it closes a link or image, its address is skipped and the bracket dropped.
        private mutating func closeLink(at i: Int) -> Int? {
            guard let open = openBrackets.popLast(), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "("),
                i + 1 < noCloseFrom
            else { return nil }
            guard let close = addressEnd(from: i + 2) else {
                noCloseFrom = i + 1
                return nil
            }
            if open.isImage {
                out.removeSubrange(open.position...)
                dropped = dropped.filter { $0 < open.position }
                openBrackets.removeAll { $0.position >= open.position }
            } else if keepingLinks {
                out.append(contentsOf: bytes[i...close])
            } else {
                dropped.insert(open.position)
            }
            return close + 1
        }

        /// The index of the ")" that ends a link address starting at `start`, allowing balanced
        /// parentheses inside; nil when the line ends first.
        private func addressEnd(from start: Int) -> Int? {
            var depth = 0
            var i = start
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "(") {
                    depth += 1
                } else if bytes[i] == UInt8(ascii: ")") {
                    if depth == 0 { return i }
                    depth -= 1
                }
                i += 1
            }
            return nil
        }

        /// `<https://example.com>`: the index of the closing ">" of an autolink.
        private func autolinkEnd(from start: Int) -> Int? {
            let scheme = bytes[(start + 1)..<min(bytes.count, start + 8)].map { $0 | 0x20 }
            guard
                [Array("http:".utf8), Array("https:".utf8), Array("mailto:".utf8), Array("www.".utf8)]
                    .contains(where: { scheme.starts(with: $0) })
            else { return nil }
            return scanToClose(from: start + 1)
        }

        /// `<span class="x">`, `</b>`: the index of the ">" that closes an inline HTML tag, which a reader does not see.
        private func tagEnd(from start: Int) -> Int? {
            var i = start + 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
            guard i < bytes.count, (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A else { return nil }
            return scanToClose(from: i)
        }

        private func scanToClose(from start: Int) -> Int? {
            var i = start
            let limit = min(bytes.count, start + InlineMarkdown.maxTagLength)
            while i < limit, bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "<") { i += 1 }
            return i < limit && bytes[i] == UInt8(ascii: ">") ? i : nil
        }

        private func isASCIIPunctuation(_ b: UInt8) -> Bool {
            b >= 0x21 && b <= 0x2F || b >= 0x3A && b <= 0x40 || b >= 0x5B && b <= 0x60 || b >= 0x7B && b <= 0x7E
        }
    }

    /// Whether a run of `*`, `_` or `~` opens or closes emphasis: it touches text on one side and
    /// space or punctuation (or the line's end) on the other. `_` inside a word ("snake_case"), `*`
    /// between digits ("2*3") and a lone `~` are text.
    static func isDelimiter(_ c: UInt8, run: Int, before: UInt8?, after: UInt8?) -> Bool {
        if c == UInt8(ascii: "~") && run < 2 { return false }
        let spaceBefore = before.map { $0 == 0x20 } ?? true
        let spaceAfter = after.map { $0 == 0x20 } ?? true
        if spaceBefore && spaceAfter { return false }
        if c == UInt8(ascii: "_"), let before, let after, isWordByte(before), isWordByte(after) { return false }
        if c == UInt8(ascii: "*"), run == 1, let before, let after, isDigit(before), isDigit(after) { return false }
        let punctBefore = before.map { !isWordByte($0) && $0 != 0x20 } ?? true
        let punctAfter = after.map { !isWordByte($0) && $0 != 0x20 } ?? true
        let opens = !spaceAfter && (spaceBefore || punctBefore || !punctAfter)
        let closes = !spaceBefore && (spaceAfter || punctAfter || !punctBefore)
        return opens || closes
    }

    /// A letter, a digit, or a byte of a multi-byte character.
    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || isDigit(b) || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
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
        guard text.containsByte(UInt8(ascii: "&")), mayHoldEntity(text) else { return text }
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

    /// Whether some "&" is followed by a name (letters, digits, "#", any non-ASCII byte) and ";":
    /// text like "AT&T" has nothing to decode.
    private static func mayHoldEntity(_ text: String) -> Bool {
        text.withBytes { bytes in
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "&") else {
                    i += 1
                    continue
                }
                i += 1
                while i < bytes.count, nameBytes.contains(bytes[i]) || bytes[i] >= 0x80 { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: ";") { return true }
            }
            return false
        }
    }

    private static let nameBytes = Bytes.ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789#")

    private static func character(for name: Substring) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) } }
        return named[String(name)]
    }
}
