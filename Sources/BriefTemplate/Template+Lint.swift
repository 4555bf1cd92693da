extension Template {
    /// Tags that Mustache accepts but that are almost surely mistakes: a `{{` not closed before the end of
    /// its line or before a `<` or `>` of the markup around it. `<h1>{{title</h1>` parses — the tag runs to
    /// the next `}}`, lines later — and swallows the markup between; a warning says where it starts.
    /// Comments (`{{! … }}`) may span lines; a template that changes its delimiters is not checked.
    public var unclosedTagWarnings: [TemplateError] {
        let bytes = Array(origin.text.utf8)
        guard !Scanner.matches(bytes, Array("{{=".utf8), at: 0), !origin.text.contains("{{=") else { return [] }
        var warnings: [TemplateError] = []
        var index = 0
        while let open = Self.find(Array("{{".utf8), in: bytes, from: index) {
            var inside = open + 2
            if inside < bytes.count, bytes[inside] == UInt8(ascii: "!") {
                index = Self.find(Array("}}".utf8), in: bytes, from: inside).map { $0 + 2 } ?? bytes.count
                continue
            }
            // `{{{`, and a sigil that may be `<` or `>` itself (`{{<layout}}`, `{{> partial}}`).
            while inside < bytes.count, inside < open + 6, " {#^/><$&".utf8.contains(bytes[inside]) { inside += 1 }
            var end = inside
            while end < bytes.count, !Scanner.matches(bytes, Array("}}".utf8), at: end),
                !"\n<>".utf8.contains(bytes[end])
            {
                end += 1
            }
            if end < bytes.count, Scanner.matches(bytes, Array("}}".utf8), at: end) {
                index = end + 2
                continue
            }
            let tag = String(decoding: bytes[open..<end], as: UTF8.self).trimmingSpaces
            let atEnd = end >= bytes.count || bytes[end] == 0x0A
            let place = atEnd ? "the end of the line" : "\"\(Character(Unicode.Scalar(bytes[end])))\""
            let message =
                "unclosed tag: \"\(tag)\" has no \"}}\" before \(place); "
                + "it takes in the text up to the next \"}}\""
            warnings.append(origin.error(.unclosedTag, at: open, message))
            index = end
        }
        return warnings
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if Scanner.matches(bytes, pattern, at: index) { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
