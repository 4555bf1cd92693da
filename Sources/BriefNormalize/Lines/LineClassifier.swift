import BriefModel

/// Says what each line of a source is, from its form alone: a marker, a time code, a Markdown
/// heading or bullet, a bold or label line, page chrome, or text. Nothing is thrown away here;
/// the layouts decide what to keep.
enum LineClassifier {
    /// The longest label line, in words ("Detailed Article:").
    static let maxLabelWords = 6

    static func classify(_ lines: [(text: Substring, number: Int)]) -> [Line] {
        var result: [Line] = []
        result.reserveCapacity(lines.count)
        // A text pasted again in parts repeats most of its lines: each distinct line is classified once.
        // Keyed by a hash of the bytes (Swift's string hashing costs more than classifying), checked on a hit.
        var known: [UInt64: Line] = [:]
        known.reserveCapacity(lines.count)
        for (text, number) in lines {
            let key = text.withBytes { ContentHash.of($0) }
            if var line = known[key], line.raw.withBytes({ a in text.withBytes { b in Bytes.equal(a, b) } }) {
                line.number = number
                result.append(line)
                continue
            }
            guard let pieces = CollapsedParagraphs.split(text) else {
                let line = classify(text, number: number)
                known[key] = line
                result.append(line)
                continue
            }
            for (k, piece) in pieces.enumerated() {
                if k > 0, let (heading, rest) = CollapsedParagraphs.gluedHeading(piece) {
                    var line = classify(heading, number: number)
                    line.kind = .label
                    line.removed.insert(.gluedSubhead)
                    result.append(line)
                    result.append(classify(rest, number: number))
                } else {
                    result.append(classify(piece, number: number))
                }
                result.append(Line(number: number, raw: piece, kind: .blank, content: "", indent: 0))
            }
        }
        return result
    }

    static func classify(_ raw: Substring, number: Int) -> Line {
        var line = Line(number: number, raw: raw, kind: .blank, content: "", indent: indent(of: raw))
        let cleaned = LineCleaner.clean(raw)
        guard !cleaned.isEmpty else { return line }
        var content = cleaned
        if let marker = PartMarkers.parse(content) {
            line.kind = .chunkMarker(index: marker.index, total: marker.total)
            line.content = LineCleaner.clean(Substring(marker.rest))
            return line
        }
        let elided = ElisionMarks.strip(content)
        if elided.atStart || elided.atEnd || elided.text != content {
            (line.cutBefore, line.cutAfter) = (elided.atStart, elided.atEnd)
            line.removed.insert(.elisionMark)
            content = elided.text
            if content.isEmpty { return line }
        }
        if Timestamps.isCueTiming(Substring(content)) {
            line.kind = .cueTiming
            return line
        }
        if Timestamps.isTimeCodeOnly(Substring(content)) {
            line.kind = .timestamp
            line.time = Timestamps.leadingSeconds(Substring(content))
            return line
        }
        if let rest = Timestamps.afterLeadingCodes(Substring(content)) {
            line.removed.insert(.timeCode)
            line.time = Timestamps.leadingSeconds(Substring(content))
            guard !rest.isEmpty else {
                line.kind = .timestamp
                return line
            }
            content = String(rest)
        }
        line.kind = kind(of: &content, line: &line)
        line.content = content
        return line
    }

    /// The kind of a line's content, taking the markers of that kind off the content.
    private static func kind(of content: inout String, line: inout Line) -> Line.Kind {
        let first = content.utf8.first!
        if first == UInt8(ascii: "`") || first == UInt8(ascii: "~"),
            content.hasPrefix("```") || content.hasPrefix("~~~")
        {
            return .fence
        }
        if first == UInt8(ascii: "#"), let (level, heading) = MarkdownForms.atxHeading(Substring(content)) {
            content = heading
            return .heading(level: level)
        }
        if let kind = MarkdownForms.ruleOrUnderline(content) { return kind }
        if first == UInt8(ascii: "!"), MarkdownForms.isImageLine(content) { return .image }
        if first == UInt8(ascii: ">"), let quoted = MarkdownForms.quoteContent(content) {
            content = quoted
            return .quote
        }
        if let (ordered, item) = MarkdownForms.bulletContent(content) {
            content = stripLeadingCodes(item, line: &line)
            if content.utf8.count <= Chrome.maxLength, let chrome = Chrome.kind(of: InlineMarkdown.plainText(content)) {
                return .chrome(chrome)
            }
            return .bullet(ordered: ordered)
        }
        if content.utf8.count <= Chrome.maxLength, let chrome = Chrome.kind(of: InlineMarkdown.plainText(content)) {
            return .chrome(chrome)
        }
        if MarkdownForms.isLinkOnly(content) { return .chrome(.link) }
        if let inner = MarkdownForms.strongLineContent(content) {
            content = inner
            return .strong
        }
        let (title, isTitle) = titleLabel(content)
        if isTitle {
            content = title
            line.isLabelledTitle = true
            return .text
        }
        if isLabel(content) { return .label }
        return .text
    }

    /// "- [00:09] **Jensen Huang:** …": a time code that opens a list item's text.
    private static func stripLeadingCodes(_ item: String, line: inout Line) -> String {
        guard let rest = Timestamps.afterLeadingCodes(Substring(item)) else { return item }
        line.removed.insert(.timeCode)
        return String(rest)
    }

    /// "Summary:", "Key Takeaways:", "Detailed Article:": a few words, a capital first, a colon last.
    static func isLabel(_ content: String) -> Bool {
        guard content.utf8.last == UInt8(ascii: ":"), content.utf8.count <= 60,
            let first = content.first, first.isUppercase || first.isNumber
        else { return false }
        let words = TextRules.wordCount(content)
        return words <= maxLabelWords && content.dropLast().firstIndex(of: ":") == nil
            && !TextRules.containsURL(content)
    }

    /// "Title: Tesla's Big Week" → ("Tesla's Big Week", true): summaries and scrapers often label the title.
    static func titleLabel(_ text: String) -> (String, Bool) {
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "t") || first | 0x20 == UInt8(ascii: "h") else {
            return (text, false)
        }
        for label in ["title:", "headline:"]
        where text.utf8.count > label.utf8.count + 1
            && text.utf8.prefix(label.utf8.count).map({ $0 | 0x20 }).elementsEqual(label.utf8)
        {
            let rest = text.dropFirst(label.count).drop { $0 == " " }
            if !rest.isEmpty, rest.count <= HeadingRules.maxCharacters { return (String(rest), true) }
        }
        return (text, false)
    }

    /// Leading spaces, a tab counting four.
    static func indent(of raw: Substring) -> Int {
        var n = 0
        for b in raw.utf8 {
            if b == 0x20 { n += 1 } else if b == 0x09 { n += 4 } else { break }
        }
        return n
    }
}
