import BriefModel

/// A run of lines between part markers, blank lines included.
struct Chunk {
    var index = 0
    var total = 0
    var lines: [Line] = []

    var hasText: Bool { lines.contains { !$0.isBlank } }
}

/// One complete rendition of the text: the full copy before any part marker, or one series of "Part k/N" chunks.
struct Copy {
    var chunks: [Chunk]
}

/// Splits classified lines into copies: what precedes the first "Part k/N" marker, then each
/// series of chunks in part order. Leaves out what is not text (chrome, time codes, images),
/// remembering where text was cut.
enum CopySplitter {
    static func split(_ lines: [Line]) -> [Copy] {
        var preamble = Chunk()
        var chunks: [Chunk] = []
        var current = Chunk()
        var inChunks = false
        var cutPending = false

        func finish() {
            closeChunk(&current, isFinalPart: current.index == current.total)
            if inChunks { chunks.append(current) } else { preamble = current }
        }

        for var line in lines {
            if case .chunkMarker(let index, let total) = line.kind {
                finish()
                inChunks = true
                current = Chunk(index: index, total: total)
                cutPending = false
                guard !line.content.isEmpty else { continue }
                line = LineClassifier.classify(Substring(line.content), number: line.number)
            }
            if line.cutBefore {
                markCut(after: &current)
                cutPending = true
            }
            if line.isBlank {
                current.lines.append(line)
                if line.cutAfter { cutPending = true }
                continue
            }
            guard isKept(line) else {
                if line.cutAfter {
                    markCut(after: &current)
                    cutPending = true
                }
                continue
            }
            line.cutBefore = cutPending
            cutPending = line.cutAfter
            if line.kind == .text, line.content.utf8.count <= HeadingRules.maxCharacters * 4,
                line.isLabelledTitle || !HeadingRules.endsLikeProse(line.content)
            {
                let text = TitleFinder.headingText(InlineMarkdown.plainText(line.content))
                line.looksLikeHeading = line.isLabelledTitle || HeadingRules.looksLikeHeading(text)
            }
            current.lines.append(line)
            if line.cutAfter {
                current.lines.append(Line(number: line.number, raw: line.raw, kind: .blank, content: "", indent: 0))
            }
        }
        finish()

        var copies: [Copy] = []
        if preamble.hasText { copies.append(Copy(chunks: [preamble])) }
        copies += series(chunks).map { Copy(chunks: $0) }
        return copies
    }

    /// Whether a line can be part of the text (the layouts decide what it becomes).
    private static func isKept(_ line: Line) -> Bool {
        switch line.kind {
        case .chrome, .timestamp, .cueTiming, .cueNumber, .subtitleHeader, .image: false
        default:
            !line.content.isEmpty || line.kind == .rule || line.kind == .fence || line.kind == .quote
                || line.kind == .underline(level: 1) || line.kind == .underline(level: 2)
        }
    }

    /// Marks the last line so far as cut after, when an elision mark follows it.
    private static func markCut(after chunk: inout Chunk) {
        guard let i = chunk.lines.lastIndex(where: { !$0.isBlank }) else { return }
        chunk.lines[i].cutAfter = true
        chunk.lines.append(
            Line(number: chunk.lines[i].number, raw: chunk.lines[i].raw, kind: .blank, content: "", indent: 0))
    }

    /// A non-final part ends where the scraper cut; a later part starts where it resumed.
    private static func closeChunk(_ chunk: inout Chunk, isFinalPart: Bool) {
        guard chunk.total > 0 else { return }
        if chunk.index > 1, let i = chunk.lines.firstIndex(where: { !$0.isBlank }) {
            chunk.lines[i].cutBefore = true
        }
        if !isFinalPart, let i = chunk.lines.lastIndex(where: { !$0.isBlank }) {
            chunk.lines[i].cutAfter = true
            if let trimmed = ElisionMarks.stripTrailingEllipsis(chunk.lines[i].content), !trimmed.isEmpty {
                chunk.lines[i].content = trimmed
            }
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
