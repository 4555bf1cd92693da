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
                builder.blocks.append(Block.heading(line, text: HTMLEntities.decode(line.content), rank: Block.lineHeadingRank))
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
                builder.blocks.append(Block.heading(line, text: chapters[nextChapter].title, rank: Block.lineHeadingRank))
                nextChapter += 1
            }
            var text = usesMarkdown ? InlineMarkdown.plainText(line.content) : HTMLEntities.decode(line.content)
            text = Cues.remove(text)
            if line.startsTurn { builder.flush() }
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
        if let last = blocks.indices.last, !blocks[last].isHeading { blocks[last].cutAfter = !TextRules.endsSentence(blocks[last].text) }
        for i in blocks.indices { blocks[i].key = Block.key(for: blocks[i].text) }
        return blocks
    }

    /// The most words of a headline above a transcript.
    static let headlineMaxWords = 30

    /// The index of the first line of the transcript proper: the first time code, cue or speaker label.
    static func firstCaption(_ lines: [Line], speakers: SpeakerLabels) -> Int {
        lines.firstIndex { line in
            line.time != nil || line.kind == .timestamp || line.kind == .cueTiming || line.startsTurn
                || line.kind == .text && speakers.strip(HTMLEntities.decode(line.content)) != nil
        } ?? 0
    }

    /// A short line that does not end a sentence: a headline, not a caption.
    static func isHeadline(_ text: String) -> Bool {
        TextRules.wordCount(text) <= headlineMaxWords && !TextRules.endsSentence(text) && !TextRules.containsURL(text)
    }

    /// A chapter title in a transcript: a `#` heading, a bold line, or "Chapter 2: …".
    static func isChapterHeading(_ line: Line) -> Bool {
        switch line.kind {
        case .heading, .strong: true
        case .text: line.content.hasPrefix("Chapter ") && line.content.dropFirst(8).first?.isNumber == true
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
            guard run.count >= contentsMinEntries, let first = lines[run[0]].time, let last = lines[run[run.count - 1]].time,
                  (last - first) / (run.count - 1) >= contentsMinGap else { return }
            indices.formUnion(run)
            entries += run.map { (lines[$0].time ?? 0, HTMLEntities.decode(lines[$0].content)) }
        }
        for (i, line) in lines.enumerated() {
            if line.isBlank { continue }
            if line.kind == .text, line.time != nil, TextRules.wordCount(line.content) <= contentsMaxWords,
               line.content.first?.isUppercase == true || line.content.first?.isNumber == true,
               !TextRules.endsSentence(line.content) || line.content.hasSuffix("?") {
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
        defer { text = ""; first = nil; last = nil }
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
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var paragraphs: [String] = []
        var current: [Substring] = []
        var sentences = 0
        var length = 0
        for (i, word) in words.enumerated() {
            current.append(word)
            length += word.utf8.count + 1
            let next = i + 1 < words.count ? words[i + 1] : nil
            if endsSentence(word, next: next) {
                sentences += 1
                if sentences >= TranscriptBlocks.sentencesPerParagraph || length >= TranscriptBlocks.paragraphLength {
                    paragraphs.append(current.joined(separator: " "))
                    (current, sentences, length) = ([], 0, 0)
                }
            } else if current.count >= TranscriptBlocks.unpunctuatedParagraphWords * 2
                        || sentences == 0 && current.count >= TranscriptBlocks.unpunctuatedParagraphWords && next.map(startsNewThought) == true {
                paragraphs.append(current.joined(separator: " "))
                (current, sentences, length) = ([], 0, 0)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    /// "said." followed by a capitalised word: a sentence ends (not "Mr." or "U.S." before a name).
    private static func endsSentence(_ word: Substring, next: Substring?) -> Bool {
        guard TextRules.endsSentence(word), word.last != ":" else { return false }
        guard let next, let first = next.first else { return true }
        if word.hasSuffix(".") {
            let stem = word.dropLast()
            if stem.count <= 3 && stem.first?.isUppercase == true || stem.contains(".") { return false }
        }
        return first.isUppercase || first.isNumber || "\"“‘'(".contains(first)
    }

    /// Where unpunctuated captions may be cut: before a word that often starts a clause.
    private static func startsNewThought(_ word: Substring) -> Bool {
        ["and", "so", "but", "now", "well", "because", "then", "i", "we", "you", "they", "it's", "that's"].contains(word.lowercased())
    }
}

/// Cues in brackets that transcripts carry: "[music]", "[Applause]", "(laughter)", "[ __ ]".
enum Cues {
    /// The most words of a cue.
    static let maxWords = 3

    static func remove(_ text: String) -> String {
        guard text.contains("[") || text.contains("(") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "(" }) {
            let close: Character = rest[open] == "[" ? "]" : ")"
            out += rest[..<open]
            let inner = rest[rest.index(after: open)...].prefix { $0 != close && $0 != "[" && $0 != "(" }
            let end = rest.index(open, offsetBy: inner.count + 1)
            if end < rest.endIndex, rest[end] == close, isCue(inner, bracket: rest[open]) {
                rest = rest[rest.index(after: end)...]
                while out.last == " " && rest.first == " " { rest = rest.dropFirst() }
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
        guard words.count <= maxWords, !inner.contains(where: \.isNumber) else { return false }
        if inner.allSatisfy({ $0 == "_" || $0 == " " }) { return !inner.isEmpty }
        // A parenthesis is a cue only when lower case or a known sound ("(laughter)", "(Applause)").
        if bracket == "(" { return ["laughter", "laughs", "applause", "music", "inaudible", "crosstalk", "silence"].contains(inner.lowercased()) }
        return words.allSatisfy { $0.first?.isLetter == true }
    }
}
