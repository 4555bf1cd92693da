import BriefModel

/// Reads a subtitle file (SubRip `.srt` or WebVTT `.vtt`) as the caption lines it shows, in order,
/// each once: cue numbers, timing lines, headers, notes, styles and inline tags go; a caption
/// that repeats what was just shown (roll-up auto-captions show every line two or three times)
/// is kept once. A voice tag (`<v Speaker 2>`) starts a new speaker's turn.
enum Subtitles {
    /// Captions remembered to drop repeats: roll-up captions repeat a line in the next cues.
    static let repeatWindow = 3

    struct Read {
        /// The title on a `WEBVTT - Title` header line.
        var title: String?
        /// Every line of the file, classified (for `--explain`); the captions are the `.text` ones.
        var lines: [Line]
    }

    /// Lines looked at to tell a subtitle file by its content.
    static let probeLines = 200
    /// Timing lines among them that make a subtitle file.
    static let minTimingLines = 3

    /// Whether the lines are laid out as subtitles: several timing lines.
    static func looksLikeSubtitles(_ lines: [Substring]) -> Bool {
        lines.lazy.filter { $0.containsBytes("-->") && Timestamps.isCueTiming(Substring(LineCleaner.clean($0))) }
            .prefix(minTimingLines).count >= minTimingLines
    }

    static func read(_ body: [(text: Substring, number: Int)]) -> Read {
        var result = Read(title: nil, lines: [])
        var recent: [String] = []
        var inCue = false
        var inHeader = false
        var lastVoice: String?
        for (index, (raw, number)) in body.enumerated() {
            var line = Line(number: number, raw: raw, kind: .blank, content: "", indent: 0)
            let text = LineCleaner.clean(raw)
            defer { result.lines.append(line) }
            if raw.isEmpty {
                inCue = false
                inHeader = false
                continue
            }
            if text.isEmpty { continue }
            if index == 0 && text.hasPrefix("WEBVTT") {
                line.kind = .subtitleHeader
                let title = text.dropFirst(6).drop { " -–:".contains($0) }
                if !title.isEmpty { result.title = String(title) }
                inHeader = true
                continue
            }
            if inHeader || !inCue && ["NOTE", "STYLE", "REGION"].contains(where: { text.hasPrefix($0) }) {
                line.kind = .subtitleHeader
                inHeader = true
                continue
            }
            if Timestamps.isCueTiming(Substring(text)) {
                line.kind = .cueTiming
                inCue = true
                continue
            }
            if !inCue {
                // A cue number or identifier before its timing line, or a timing line cut short at the end of the file.
                line.kind = Timestamps.isTimeCodeOnly(Substring(text)) ? .timestamp : .cueNumber
                continue
            }
            let (caption, voice) = captionText(text)
            guard !caption.isEmpty else {
                line.kind = .timestamp
                continue
            }
            line.content = caption
            if let voice, voice != lastVoice {
                line.startsTurn = lastVoice != nil
                lastVoice = voice
            }
            // Roll-up captions show earlier lines above the new one: any line of a cue but its last may
            // repeat one of the last few; the last line repeats only the caption right before it.
            let isLastOfCue = index + 1 == body.count || body[index + 1].text.isEmpty
            if isLastOfCue ? recent.last == caption : recent.contains(caption) {
                line.kind = .repeated
                continue
            }
            if let last = recent.last, caption.hasPrefix(last + " "),
                let previous = result.lines.lastIndex(where: { $0.kind == .text })
            {
                // A roll-up caption that grew: the longer one replaces the shorter.
                result.lines[previous].kind = .repeated
            }
            line.kind = .text
            recent.append(caption)
            if recent.count > repeatWindow { recent.removeFirst() }
        }
        return result
    }

    /// The caption's text without tags and time tags, and the speaker a voice tag names.
    static func captionText(_ text: String) -> (String, voice: String?) {
        var out = ""
        var voice: String?
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                out += rest[open...]
                rest = ""
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            if tag.hasPrefix("v ") || tag.hasPrefix("v.") { voice = String(tag.dropFirst(2)) }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return (LineCleaner.clean(Substring(HTMLEntities.decode(out))), voice)
    }
}
