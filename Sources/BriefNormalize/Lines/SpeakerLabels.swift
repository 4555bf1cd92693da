import Foundation

/// The speaker labels of transcripts: ">>", "Speaker 2:", "BECKY QUICK:", "Jensen Huang:".
///
/// A named label counts only when the speaker's name (its last word) labels two or more lines of
/// the transcript, so a one-off "WHERE:" or "Summary:" stays text.
struct SpeakerLabels {
    /// The most words of a speaker's name.
    static let maxNameWords = 3
    /// How often a name must label a line to be taken as a speaker.
    static let minUses = 2

    /// Last words of names that label at least `minUses` lines.
    private let speakers: Set<Substring>
    /// How many lines start with a speaker's name of two letters or more (not "Q:" and "A:").
    let labelledLines: Int

    init(_ lines: [Line]) {
        var counts: [Substring: Int] = [:]
        for line in lines where line.kind == .text {
            guard Bytes.contains(UInt8(ascii: ":"), inFirst: 48, of: line.content) || line.content.containsBytes(">")
            else {
                continue
            }
            for piece in Self.turns(in: HTMLEntities.decode(line.content)) {
                if let name = Self.name(in: piece), let last = name.split(separator: " ").last {
                    counts[last, default: 0] += 1
                }
            }
        }
        let named = counts.filter { $0.value >= Self.minUses }
        speakers = Set(named.keys)
        labelledLines = named.filter { $0.key.count >= 2 || $0.key.first?.isNumber == true }.values.reduce(0, +)
    }

    /// The text after a speaker label at its start, or nil when it starts with none.
    func strip(_ text: String) -> String? {
        if text.hasPrefix(">>") { return String(text.dropFirst(2).drop { $0 == " " || $0 == ">" }) }
        guard let name = Self.name(in: text), let last = name.split(separator: " ").last,
            speakers.contains(last) || Self.isNumberedSpeaker(name)
        else { return nil }
        return String(text.dropFirst(name.count + 1).drop { $0 == " " })
    }

    /// How many speaker changes (">>", escaped or not) the text marks.
    static func markerCount(in text: String) -> Int {
        guard text.containsByte(UInt8(ascii: ">")) || text.containsBytes("&gt;") else { return 0 }
        return text.withBytes { bytes in
            var count = 0
            var i = 0
            while i + 1 < bytes.count {
                if bytes[i] == UInt8(ascii: ">"), bytes[i + 1] == UInt8(ascii: ">") {
                    count += 1
                    i += 2
                } else if bytes[i] == UInt8(ascii: "&"), i + 7 < bytes.count, bytes[i + 1] == UInt8(ascii: "g"),
                    bytes[(i + 1)..<(i + 8)].elementsEqual("gt;&gt;".utf8)
                {
                    count += 1
                    i += 8
                } else {
                    i += 1
                }
            }
            return count
        }
    }

    /// Whether the text starts with a speaker change (">>", escaped or not).
    static func startsWithMarker(_ text: String) -> Bool {
        text.hasPrefix(">>") || text.hasPrefix("&gt;&gt;")
    }

    /// "… happened? >> I think it was…": the pieces of a line that several speakers share.
    static func turns(in text: String) -> [String] {
        guard text.containsBytes(">>") else { return [text] }
        var pieces = text.components(separatedBy: ">>").map { $0.trimmingCharacters(in: .whitespaces) }
        if pieces.first?.isEmpty == true { pieces.removeFirst() }
        return pieces.filter { !$0.isEmpty }
    }

    /// "Speaker 1", "BECKY QUICK", "Jensen Huang": a name of up to three capitalised words
    /// followed by a colon at the start of the text, and what they say (not a title: "Cloud
    /// Computing: Hitachi Raises the Stakes" is a heading).
    private static func name(in text: String) -> Substring? {
        guard Bytes.contains(UInt8(ascii: ":"), inFirst: 40, of: text), let colon = text.prefix(40).firstIndex(of: ":")
        else {
            return nil
        }
        let said = text[text.index(after: colon)...].drop { $0 == " " }
        if !said.isEmpty, HeadingRules.looksLikeHeading(String(said)) { return nil }
        let name = text[..<colon]
        let words = name.split(separator: " ")
        guard (1...maxNameWords).contains(words.count), name.first?.isUppercase == true else { return nil }
        let isName = words.allSatisfy { word in
            word.first?.isUppercase == true
                && word.allSatisfy { $0.isLetter || $0 == "." || $0 == "'" || $0 == "-" || $0.isNumber }
        }
        return isName || isNumberedSpeaker(name) ? name : nil
    }

    private static func isNumberedSpeaker(_ name: Substring) -> Bool {
        let lower = name.lowercased()
        return lower.hasPrefix("speaker ") || lower.hasPrefix("spk ") || lower == "interviewer" || lower == "host"
    }
}
