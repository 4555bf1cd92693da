import BriefModel

/// Turns the lines of a transcript (a caption track, a transcript page, subtitles) into blocks:
/// caption fragments are joined into running text, speaker labels and cues like "[music]" go,
/// each speaker's turn is split into paragraphs of a few sentences, and chapter titles (`###`
/// lines, bold lines, or a table of contents of time codes) start stories.
enum TranscriptBlocks {
    /// Sentences in a paragraph of running text.
    static let sentencesPerParagraph = 4
    /// A paragraph ends at the next sentence end after this many bytes.
    static let paragraphLength = 600
    /// Running text with no sentence end is cut into paragraphs of this many words.
    static let unpunctuatedParagraphWords = 100
    /// A table of contents has at least this many time-coded title lines in a row…
    static let contentsMinEntries = 3
    /// …that are on average this many seconds apart (caption lines are a few seconds apart).
    static let contentsMinGap = 20
    /// The most words of a table of contents entry.
    static let contentsMaxWords = 14

    static func blocks(_ lines: [Line], usesMarkdown: Bool) -> [Block] {
        let speakers = SpeakerLabels(lines)
        let contents = tableOfContents(lines)
        let chapters = lines.contains { isChapterHeading($0) } ? [] : contents.entries
        var builder = TurnBuilder()
        var nextChapter = 0
        var time: Int?
        let bodyStart = firstCaption(lines, speakers: speakers)
        for (index, line) in lines.enumerated() where !contents.indices.contains(index) {
            if let t = line.time { time = t }
            if index < bodyStart, line.kind == .text, isHeadline(line.content) {
                // The page's headline above the transcript: a candidate for the title.
                builder.flush()
                builder.blocks.append(
                    Block.heading(line, text: HTMLEntities.decode(line.content), rank: Block.lineHeadingRank))
                continue
            }
            if isChapterHeading(line) {
                builder.flush()
                let text = usesMarkdown ? InlineMarkdown.plainText(line.content) : HTMLEntities.decode(line.content)
                let rank = if case .heading(let level) = line.kind { level } else { Block.lineHeadingRank }
                builder.blocks.append(Block.heading(line, text: text, rank: rank))
                continue
            }
            guard line.kind == .text || line.kind == .quote || line.kind == .bullet(ordered: false) else { continue }
            if nextChapter < chapters.count, let time, time >= chapters[nextChapter].time {
                builder.flush()
                builder.blocks.append(
                    Block.heading(line, text: chapters[nextChapter].title, rank: Block.lineHeadingRank))
                nextChapter += 1
            }
            var text = usesMarkdown ? InlineMarkdown.plainText(line.content) : HTMLEntities.decode(line.content)
            text = Cues.remove(text)
            if line.startsTurn || SpeakerLabels.startsWithMarker(text) { builder.flush() }
            for (k, piece) in SpeakerLabels.turns(in: text).enumerated() {
                var piece = piece
                if let rest = speakers.strip(piece) {
                    piece = rest
                    builder.flush()
                } else if k > 0 {
                    builder.flush()
                }
                builder.add(piece, line: line)
            }
        }
        builder.flush()
        var blocks = builder.blocks
        if let last = blocks.indices.last, !blocks[last].isHeading {
            blocks[last].cutAfter = !TextRules.endsSentence(blocks[last].text)
        }
        for i in blocks.indices { blocks[i].key = Block.key(for: blocks[i].text) }
        return blocks
    }

    /// The most words of a headline above a transcript.
    static let headlineMaxWords = 30

    /// The index of the first line of the transcript proper: the first time code, cue or speaker label.
    /// Without time codes or speaker marks, the first line that is not a headline.
    static func firstCaption(_ lines: [Line], speakers: SpeakerLabels) -> Int {
        let marked = lines.firstIndex { line in
            line.time != nil || line.kind == .timestamp || line.kind == .cueTiming || line.startsTurn
                || line.kind == .text
                    && (SpeakerLabels.markerCount(in: line.content) > 0
                        || speakers.strip(HTMLEntities.decode(line.content)) != nil)
        }
        return marked ?? lines.firstIndex { $0.kind == .text && !isHeadline($0.content) } ?? 0
    }

    /// A short line that does not end a sentence: a headline, not a caption.
    static func isHeadline(_ text: String) -> Bool {
        TextRules.wordCount(text) <= headlineMaxWords && !TextRules.endsSentence(text) && !TextRules.containsURL(text)
    }

    /// A chapter title in a transcript: a `#` heading, a bold line, or "Chapter 2: …".
    static func isChapterHeading(_ line: Line) -> Bool {
        switch line.kind {
        case .heading, .strong: true
        case .text:
            line.content.hasPrefix("Chapter ") && line.content.dropFirst(8).first?.isNumber == true
                && TextRules.wordCount(line.content) <= contentsMaxWords
        default: false
        }
    }

    /// A run of time-coded title lines far apart in time ("0:29 - The fight over Chinese AI"): the
    /// chapters of the video listed before the transcript. Not content.
    static func tableOfContents(_ lines: [Line]) -> (indices: Set<Int>, entries: [(time: Int, title: String)]) {
        var indices = Set<Int>()
        var entries: [(Int, String)] = []
        var run: [Int] = []
        func close() {
            defer { run = [] }
            guard run.count >= contentsMinEntries, let first = lines[run[0]].time,
                let last = lines[run[run.count - 1]].time,
                (last - first) / (run.count - 1) >= contentsMinGap
            else { return }
            indices.formUnion(run)
            entries += run.map { (lines[$0].time ?? 0, HTMLEntities.decode(lines[$0].content)) }
        }
        for (i, line) in lines.enumerated() {
            if line.isBlank { continue }
            if line.kind == .text, line.time != nil, TextRules.wordCount(line.content) <= contentsMaxWords,
                line.content.first?.isUppercase == true || line.content.first?.isNumber == true,
                !TextRules.endsSentence(line.content) || line.content.hasSuffix("?")
            {
                run.append(i)
            } else {
                close()
            }
        }
        close()
        return (indices, entries)
    }
}

/// Running text of one speaker's turn, cut into paragraphs when the turn ends.
struct TurnBuilder {
    var blocks: [Block] = []
    private var text = ""
    private var first: Line?
    private var last: Line?

    mutating func add(_ piece: String, line: Line) {
        guard !piece.isEmpty else { return }
        if first == nil { first = line }
        last = line
        text += text.isEmpty ? piece : " " + piece
    }

    mutating func flush() {
        defer {
            text = ""
            first = nil
            last = nil
        }
        guard let first, let last, !text.isEmpty else { return }
        for paragraph in Sentences.paragraphs(text) {
            var block = Block(first, text: paragraph)
            block.endLine = last.number
            block.endRaw = last.raw
            blocks.append(block)
        }
    }
}

/// Splits running text into paragraphs of a few sentences, or of about a hundred words when it
/// has no sentence ends (auto-captions).
enum Sentences {
    static func paragraphs(_ text: String) -> [String] {
        let cuts = text.withBytes { bytes -> [Int] in
            var cuts: [Int] = []
            var sentences = 0
            var words = 0
            var start = 0
            for i in bytes.indices where bytes[i] == 0x20 {
                words += 1
                if endsSentence(bytes, space: i) {
                    sentences += 1
                    if sentences >= TranscriptBlocks.sentencesPerParagraph
                        || i - start >= TranscriptBlocks.paragraphLength
                    {
                        cuts.append(i)
                        (sentences, words, start) = (0, 0, i + 1)
                    }
                } else if words >= TranscriptBlocks.unpunctuatedParagraphWords * 2
                    || sentences == 0 && words >= TranscriptBlocks.unpunctuatedParagraphWords
                        && startsNewThought(bytes, after: i)
                {
                    cuts.append(i)
                    (sentences, words, start) = (0, 0, i + 1)
                }
            }
            return cuts
        }
        guard !cuts.isEmpty else { return [text] }
        let utf8 = text.utf8
        var paragraphs: [String] = []
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            paragraphs.append(String(text[start..<end]))
            start = utf8.index(after: end)
        }
        if start < utf8.endIndex { paragraphs.append(String(text[start...])) }
        return paragraphs
    }

    /// At the space at `i`: the word before ends with ".", "!" or "?" (quotes after it allowed) and
    /// the next one starts with a capital, a digit or a quote; "Mr." and "U.S." do not end sentences.
    private static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, space i: Int) -> Bool {
        var j = i - 1
        while j > 0, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") || bytes[j] == UInt8(ascii: ")") {
            j -= 1
        }
        guard j >= 0 else { return false }
        let mark = bytes[j]
        guard
            mark == UInt8(ascii: ".") || mark == UInt8(ascii: "!") || mark == UInt8(ascii: "?")
                || mark == 0xA6 && j >= 2 && bytes[j - 1] == 0x80 && bytes[j - 2] == 0xE2
        else { return false }
        guard i + 1 < bytes.count else { return true }
        let next = bytes[i + 1]
        guard next >= 0x41 && next <= 0x5A || next >= 0x30 && next <= 0x39 || next == UInt8(ascii: "\"") || next >= 0xC0
        else {
            return false
        }
        guard mark == UInt8(ascii: ".") else { return true }
        // The word before the full stop: short and capitalised ("Mr.", "Inc."), or holding a dot ("U.S.").
        var k = j - 1
        while k >= 0, bytes[k] != 0x20 { k -= 1 }
        let word = bytes[(k + 1)..<j]
        if word.contains(UInt8(ascii: ".")) { return false }
        return !(word.count <= 3 && word.first.map { $0 >= 0x41 && $0 <= 0x5A } == true)
    }

    /// Where unpunctuated captions may be cut: before a word that often starts a clause.
    private static func startsNewThought(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        var end = i + 1
        while end < bytes.count, bytes[end] != 0x20 { end += 1 }
        let word = String(decoding: bytes[(i + 1)..<end], as: UTF8.self).lowercased()
        return clauseStarts.contains(word)
    }

    static let clauseStarts: Set<String> = [
        "and", "so", "but", "now", "well", "because", "then", "i", "we", "you", "they",
        "it's", "that's",
    ]
}

/// Cues in brackets that transcripts carry: "[music]", "[Applause]", "(laughter)", "[ __ ]".
enum Cues {
    /// The most words of a cue.
    static let maxWords = 3

    static func remove(_ text: String) -> String {
        guard text.containsByte(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") }) else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "(" }) {
            let close: Character = rest[open] == "[" ? "]" : ")"
            out += rest[..<open]
            let inner = rest[rest.index(after: open)...].prefix { $0 != close && $0 != "[" && $0 != "(" }
            let end = rest.index(open, offsetBy: inner.count + 1)
            if end < rest.endIndex, rest[end] == close, isCue(inner, bracket: rest[open]) {
                rest = rest[rest.index(after: end)...]
                while out.last == " " && (rest.first == " " || rest.first.map { ".,;:!?".contains($0) } == true) {
                    if rest.first == " " { rest = rest.dropFirst() } else { out.removeLast() }
                }
            } else {
                out += rest[open...open]
                rest = rest[rest.index(after: open)...]
            }
        }
        out += rest
        return LineCleaner.clean(Substring(out))
    }

    private static func isCue(_ inner: Substring, bracket: Character) -> Bool {
        let words = inner.split(separator: " ")
        guard words.count <= maxWords, !inner.contains(where: \.isNumber), inner.lowercased() != "sic" else {
            return false
        }
        if inner.allSatisfy({ $0 == "_" || $0 == " " }) { return !inner.isEmpty }
        // A parenthesis is a cue only when lower case or a known sound ("(laughter)", "(Applause)").
        if bracket == "(" {
            return ["laughter", "laughs", "applause", "music", "inaudible", "crosstalk", "silence"].contains(
                inner.lowercased())
        }
        return words.allSatisfy { $0.first?.isLetter == true }
    }
}
