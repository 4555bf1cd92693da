import BriefModel
import Foundation

/// How a source is laid out, decided from what its lines are: the evidence, not the file name,
/// except that `.srt`, `.vtt` and `.md` files say what they are. Several layouts combine: a
/// transcript inside page chrome, copies of a Markdown summary.
struct Layout: Equatable {
    /// Cues with timing lines (SubRip, WebVTT).
    var isSubtitles = false
    /// Caption fragments with time codes or speaker changes: joined into running text.
    var isTranscript = false
    /// The text uses Markdown consistently: its headings, bold lines, lists and inline marks are structure.
    var usesMarkdown = false
    /// A full copy and "Part k/N" chunks, to be merged.
    var isChunked = false

    /// At least this many time-coded lines make a transcript…
    static let minTimeCodedLines = 3
    /// …when they are at least this share of the text lines.
    static let minTimeCodedShare = 0.3
    /// Speaker changes (">>", labels) that make a transcript.
    static let minSpeakerChanges = 3
    /// A line this long with fewer sentence ends than one per `captionBytesPerSentence` bytes is an auto-caption track.
    static let minCaptionLineBytes = 1500
    static let captionBytesPerSentence = 400
    /// Lines longer than this are not read for single `*` or `_` emphasis, in bytes.
    static let maxMarkedLineBytes = 2000
    /// Evidence of Markdown needed to read a plain-text file as Markdown.
    static let minMarkdownScore = 3

    static func detect(_ lines: [Line], format: SourceText.Format) -> Layout {
        var layout = Layout()
        var evidence = Evidence()
        for line in lines { evidence.add(line) }
        evidence.speakerChanges += SpeakerLabels(lines).labelledLines
        layout.isSubtitles = format == .subtitles || evidence.cueTimings >= 3
        layout.isChunked = evidence.chunkMarkers > 0
        layout.isTranscript =
            layout.isSubtitles
            || evidence.timeCoded >= minTimeCodedLines
                && Double(evidence.timeCoded) >= Double(evidence.textLines) * minTimeCodedShare
            || evidence.speakerChanges >= minSpeakerChanges
            || evidence.captionLines > 0
        layout.usesMarkdown =
            format == .markdown
            || evidence.markdownScore >= minMarkdownScore
                && (evidence.headings > 0 || evidence.strongLines > 0 || evidence.inlineMarks >= 2)
        return layout
    }

    /// Counts of the forms that point to each layout.
    private struct Evidence {
        var cueTimings = 0, chunkMarkers = 0, timeCoded = 0, textLines = 0, speakerChanges = 0, captionLines = 0
        var headings = 0, strongLines = 0, bullets = 0, inlineMarks = 0

        var markdownScore: Int { headings * 2 + strongLines * 2 + min(bullets, 3) + min(inlineMarks, 4) }

        mutating func add(_ line: Line) {
            switch line.kind {
            case .cueTiming: cueTimings += 1
            case .chunkMarker: chunkMarkers += 1
            case .timestamp: timeCoded += 1
            case .heading, .underline(level: 1), .fence: headings += 1
            case .strong: strongLines += 1
            case .bullet: bullets += 1
            case .text:
                textLines += 1
                if line.removed.contains(.timeCode) { timeCoded += 1 }
                speakerChanges += SpeakerLabels.markerCount(in: line.content)
                let length = line.content.utf8.count
                if length >= Layout.minCaptionLineBytes,
                    sentenceEnds(line.content) * Layout.captionBytesPerSentence < length
                {
                    captionLines += 1
                }
            default: break
            }
            if case .text = line.kind, InlineMarkdown.mayHoldMarkup(line.content), hasInlineMarks(line.content) {
                inlineMarks += 1
            }
            if case .bullet = line.kind, line.content.contains("**") || line.content.contains("](") { inlineMarks += 1 }
        }

        /// Emphasis, code or a link that reading the line as Markdown would take away.
        private func hasInlineMarks(_ text: String) -> Bool {
            if text.containsBytes("**") || text.containsBytes("](") || text.containsBytes("__") { return true }
            return text.utf8.count <= Layout.maxMarkedLineBytes
                && InlineMarkdown.plainText(text).utf8.count < text.utf8.count
                && !text.containsBytes("&")
        }

        private func sentenceEnds(_ text: String) -> Int {
            var count = 0
            var previous: UInt8 = 0
            for b in text.utf8 {
                if b == 0x20,
                    previous == UInt8(ascii: ".") || previous == UInt8(ascii: "?") || previous == UInt8(ascii: "!")
                {
                    count += 1
                }
                previous = b
            }
            return count
        }
    }
}
