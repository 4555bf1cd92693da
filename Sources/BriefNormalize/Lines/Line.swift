import BriefModel

/// One line of a source and what the normalizer recognized it as.
///
/// Lines are classified once, by their form alone (`LineClassifier`), then by their neighbours
/// (`ChromeContext`); the layouts read the kinds instead of looking at the text again, and
/// `brief normalize --explain` prints them.
struct Line {
    /// What a line is.
    enum Kind: Equatable, Sendable {
        case blank
        /// Prose, or a fragment of it.
        case text
        /// "Part 2/5:", "2/12": a chunk of a text cut into parts (any text after it is the line's content).
        case chunkMarker(index: Int, total: Int)
        /// Nothing but time codes: "0:02", "[05:06]", "00:00:00 – 00:31:06".
        case timestamp
        /// A subtitle cue's number, alone on its line before a timing line.
        case cueNumber
        /// `00:00:01,000 --> 00:00:03,000`: a subtitle cue's timing.
        case cueTiming
        /// "WEBVTT", "Kind: captions", "Language: en", "NOTE …": a subtitle file's header.
        case subtitleHeader
        /// `## Heading`, at its level.
        case heading(level: Int)
        /// `=====` or `-----` under a line: makes it a heading (also a rule where nothing precedes it).
        case underline(level: Int)
        /// `***`, `* * *`, `___`: a thematic break.
        case rule
        /// A code fence, ``` or ~~~.
        case fence
        /// A list item ("- ", "• ", "1. "): the content is the line without its marker.
        case bullet(ordered: Bool)
        /// `> quoted text`.
        case quote
        /// A line in bold and nothing else: `**Why it matters:**`.
        case strong
        /// A short label that ends with a colon and nothing after it: "Summary:", "Detailed Article:".
        case label
        /// `![alt](address)`: an image and nothing else.
        case image
        /// Page chrome of some kind.
        case chrome(Chrome)
        /// A caption already shown (roll-up subtitles repeat each line).
        case repeated
    }

    /// 1-based line number in the file.
    var number: Int
    /// The line as it is in the file, to count columns and to explain it.
    var raw: Substring
    var kind: Kind
    /// The content: spaces normalized; markers, time codes and elision marks taken off; inline Markdown kept.
    var content: String
    /// Leading spaces in the file (a tab counts four), for list nesting and indented bodies.
    var indent: Int
    /// Text was cut right before this line (an elision mark or a chunk start).
    var cutBefore = false
    /// Text was cut right after this line (an elision mark or a chunk end).
    var cutAfter = false
    /// The line was labelled as the title ("Title: …", "Headline: …").
    var isLabelledTitle = false
    /// A new speaker starts talking on this line (a speaker label or voice tag was taken off).
    var startsTurn = false
    /// The time code the line started with, in seconds.
    var time: Int?
    /// A text line with a heading's shape (judged once by `CopySplitter`, asked often).
    var looksLikeHeading = false
    /// What was taken off the line, for `--explain`.
    var removed: Removed = []

    /// 1-based column of the line's last character in the file.
    var lastColumn: Int { raw.count }

    /// 1-based column where the content starts in the file (after indentation and markers).
    var contentColumn: Int {
        // Most lines start with their content.
        let startsLine = content.withBytes { content in
            raw.withBytes { raw in
                let n = min(12, content.count)
                return n > 0 && raw.count >= n
                    && Bytes.equal(
                        UnsafeBufferPointer(rebasing: raw[..<n]), UnsafeBufferPointer(rebasing: content[..<n]))
            }
        }
        if startsLine { return 1 }
        let probe = Array(content.utf8.prefix(12))
        guard !probe.isEmpty else { return indent + 1 }
        let offset =
            raw.utf8.withContiguousStorageIfAvailable { bytes in
                probe.withUnsafeBufferPointer { ByteSearch.firstIndex(of: $0, in: bytes) }
            } ?? nil
        guard let offset else { return indent + 1 }
        return raw[..<raw.utf8.index(raw.startIndex, offsetBy: offset)].count + 1
    }

    var isBlank: Bool { kind == .blank }

    var isChrome: Bool {
        if case .chrome = kind { return true }
        return false
    }
}

extension Line.Kind {
    /// A short name for `--explain`.
    var name: String {
        switch self {
        case .blank: "blank"
        case .text: "text"
        case .chunkMarker(let k, let n): "chunk marker \(k)/\(n)"
        case .timestamp: "time code"
        case .cueNumber: "cue number"
        case .cueTiming: "cue timing"
        case .subtitleHeader: "subtitle header"
        case .heading(let level): "heading (level \(level))"
        case .underline: "heading underline"
        case .rule: "rule"
        case .fence: "code fence"
        case .bullet(let ordered): ordered ? "numbered item" : "bullet"
        case .quote: "quote"
        case .strong: "bold line"
        case .label: "label line"
        case .image: "image"
        case .chrome(let kind): "chrome (\(kind.rawValue))"
        case .repeated: "repeated caption"
        }
    }
}

extension Line {
    /// Marks taken off a line's content.
    struct Removed: OptionSet, Sendable {
        let rawValue: UInt8

        static let timeCode = Removed(rawValue: 1)
        static let elisionMark = Removed(rawValue: 2)
        /// The line was a subhead glued to the paragraph after it, split off.
        static let gluedSubhead = Removed(rawValue: 4)

        /// The marks' names, for `--explain`.
        var names: [String] {
            [
                (Removed.timeCode, "time code"), (.elisionMark, "elision mark"),
                (.gluedSubhead, "subhead glued to a paragraph"),
            ]
            .filter { contains($0.0) }.map(\.1)
        }
    }
}
