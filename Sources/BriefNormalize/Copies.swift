import BriefModel
/// One cleaned line of a source, remembering where it came from.
struct SourceLine {
    var text: String
    /// 1-based line number in the file.
    var number: Int
    /// The line as it is in the file, to count its columns when a diagnostic needs them.
    var raw: Substring
    /// 1-based column of the line's last character in the file.
    var lastColumn: Int { raw.count }
    /// The line has a heading's shape (judged once, asked often).
    var looksLikeHeading: Bool
    /// The line was labelled as the title ("Title: …", "Headline: …").
    var isLabelledTitle = false
    /// Text was cut right before this line (an elision mark or a chunk start).
    var cutBefore = false
    /// Text was cut right after this line (an elision mark or a chunk end).
    var cutAfter = false
}

/// A run of lines between part markers; `nil` stands for a blank line.
struct Chunk {
    var index = 0
    var total = 0
    var lines: [SourceLine?] = []

    var hasText: Bool { lines.contains { $0 != nil } }
}

/// One complete rendition of the text: the full copy before any part marker, or one series of "Part k/N" chunks.
struct Copy {
    var chunks: [Chunk]
}

/// Splits cleaned source lines into copies: what precedes the first "Part k/N" marker,
/// then each series of chunks in part order. Removes elision marks, time codes and
/// boilerplate on the way, remembering where text was cut.
enum CopySplitter {
    static func split(_ rawLines: [(text: Substring, number: Int)]) -> [Copy] {
        var preamble = Chunk()
        var chunks: [Chunk] = []
        var current = Chunk()
        var inChunks = false
        var cutPending = false

        func finish() {
            closeChunk(&current, isFinalPart: current.index == current.total)
            if inChunks { chunks.append(current) } else { preamble = current }
        }

        for (raw, number) in rawLines {
            var line = cleaned(raw)
            if let marker = PartMarkers.parse(line.text) {
                finish()
                inChunks = true
                current = Chunk(index: marker.index, total: marker.total)
                cutPending = false
                guard !marker.rest.isEmpty else { continue }
                line = cleaned(Substring(marker.rest))
            }
            if line.atStart {
                markCut(after: &current)
                cutPending = true
            }
            if line.isBlank {
                current.lines.append(nil)
                continue
            }
            guard !line.text.isEmpty, !Boilerplate.isBoilerplate(line.text) else {
                if line.atEnd { markCut(after: &current); cutPending = true }
                continue
            }
            let (text, isTitle) = Self.titleLabel(line.text)
            var sourceLine = SourceLine(text: text, number: number, raw: raw, looksLikeHeading: isTitle || HeadingRules.looksLikeHeading(text))
            sourceLine.isLabelledTitle = isTitle
            sourceLine.cutBefore = cutPending
            sourceLine.cutAfter = line.atEnd
            cutPending = line.atEnd
            current.lines.append(sourceLine)
            if line.atEnd { current.lines.append(nil) }
        }
        finish()

        var copies: [Copy] = []
        if preamble.hasText { copies.append(Copy(chunks: [preamble])) }
        copies += series(chunks).map { Copy(chunks: $0) }
        return copies
    }

    /// A line with its spaces normalized and elision marks and time codes taken off.
    private static func cleaned(_ raw: Substring) -> (text: String, atStart: Bool, atEnd: Bool, isBlank: Bool) {
        let text = LineCleaner.clean(raw)
        if text.isEmpty { return ("", false, false, true) }
        let stripped = ElisionMarks.strip(text)
        let untimed = stripped.text.isEmpty ? "" : (Timestamps.strip(stripped.text) ?? "")
        return (untimed, stripped.atStart, stripped.atEnd, false)
    }

    /// "Title: Tesla's Big Week" → ("Tesla's Big Week", true): summaries made by tools often label the title.
    static func titleLabel(_ text: String) -> (String, Bool) {
        guard let first = text.utf8.first, first | 0x20 == UInt8(ascii: "t") || first | 0x20 == UInt8(ascii: "h") else { return (text, false) }
        for label in ["title:", "headline:"] where text.utf8.count > label.utf8.count + 1
            && text.utf8.prefix(label.utf8.count).map({ $0 | 0x20 }).elementsEqual(label.utf8) {
            let rest = text.dropFirst(label.count).drop { $0 == " " }
            if !rest.isEmpty, rest.count <= HeadingRules.maxCharacters { return (String(rest), true) }
        }
        return (text, false)
    }

    /// Marks the last line so far as cut after, when an elision mark follows it.
    private static func markCut(after chunk: inout Chunk) {
        guard let i = chunk.lines.lastIndex(where: { $0 != nil }) else { return }
        chunk.lines[i]?.cutAfter = true
        chunk.lines.append(nil)
    }

    /// A non-final part ends where the scraper cut; a later part starts where it resumed.
    private static func closeChunk(_ chunk: inout Chunk, isFinalPart: Bool) {
        guard chunk.total > 0 else { return }
        if chunk.index > 1, let i = chunk.lines.firstIndex(where: { $0 != nil }) {
            chunk.lines[i]?.cutBefore = true
        }
        if !isFinalPart, let i = chunk.lines.lastIndex(where: { $0 != nil }), var line = chunk.lines[i] {
            line.cutAfter = true
            if let trimmed = ElisionMarks.stripTrailingEllipsis(line.text), !trimmed.isEmpty { line.text = trimmed }
            chunk.lines[i] = line
        }
    }

    /// Groups chunks into series (same total, each part once) and orders each series by part number.
    static func series(_ chunks: [Chunk]) -> [[Chunk]] {
        var groups: [[Chunk]] = []
        for chunk in chunks where chunk.hasText {
            if let g = groups.firstIndex(where: { group in
                group[0].total == chunk.total && !group.contains { $0.index == chunk.index }
            }) {
                groups[g].append(chunk)
            } else {
                groups.append([chunk])
            }
        }
        return groups.map { group in
            group.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }.map(\.element)
        }
    }
}
