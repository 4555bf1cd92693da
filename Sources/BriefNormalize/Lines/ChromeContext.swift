/// Chrome that only its place gives away: a chatbot's preamble at the top and sign-off at the end,
/// a comment section after the text, a photo credit under a caption, a link footer after a rule.
enum ChromeContext {
    /// The most words a preamble or sign-off line has.
    static let maxWords = 45
    /// The most words of a signature line after a sign-off ("Keep innovating,", "The Newsletter Team").
    static let maxSignatureWords = 6

    /// Marks what its place gives away in any layout: mail headers, a comment section, photo credits.
    static func mark(_ lines: inout [Line]) {
        markMailHeaders(&lines)
        markCommentSection(&lines)
        markCredits(&lines)
    }

    /// Marks what opens and closes a text written for a reader (not a transcript, where anyone may say
    /// "Welcome to…"): a chatbot's preamble and sign-off, a link footer.
    static func markOpeningAndClosing(_ lines: inout [Line]) {
        markPreviewLists(&lines)
        markPreamble(&lines)
        markSignOff(&lines)
        markLinkFooter(&lines)
        markSponsoredBlocks(&lines)
    }

    // MARK: Preambles and sign-offs

    /// Openings of a chatbot's answer before the content ("Sure! Here's a summary of…:").
    static let preambleStarts = [
        "sure", "certainly", "absolutely", "of course", "okay", "ok,", "great", "here's", "here is",
        "here are", "below is", "below are", "based on", "i've", "i have", "i'll", "let me",
        "as requested", "welcome to",
    ]
    /// What such an opening announces.
    static let preambleTopics = [
        "summary", "summaries", "overview", "breakdown", "recap", "rundown", "highlights", "digest",
        "brief", "key points", "news items", "report",
    ]
    /// Openings of a chatbot's or newsletter's closing lines.
    static let signOffStarts = [
        "let me know", "i hope this", "hope this helps", "feel free", "if you have any", "if you'd like",
        "if you want", "would you like", "do you want me", "is there anything", "happy to help",
        "thanks for reading", "thank you for reading", "stay updated", "stay tuned", "keep innovating",
        "until next time", "as an ai", "disclaimer:", "note: this summary", "note: this content",
    ]
    /// A closing line that describes the text itself: "This structured summary provides …".
    static let selfReferences = ["summary", "overview", "analysis", "report", "recap", "digest", "breakdown", "brief"]

    static func isPreamble(_ text: String) -> Bool {
        let lower = Block.key(for: InlineMarkdown.plainText(text))
        guard TextRules.wordCount(lower) <= maxWords, preambleStarts.contains(where: { lower.hasPrefix($0) }) else {
            return false
        }
        if lower.hasSuffix(":") { return true }
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        return !lower.hasPrefix("based on")
            && preambleTopics.contains { topic in
                topic.contains(" ") ? lower.contains(topic) : words.contains(topic)
            }
    }

    static func isSignOff(_ text: String) -> Bool {
        let lower = Block.key(for: InlineMarkdown.plainText(text))
        guard TextRules.wordCount(lower) <= maxWords * 2 else { return false }
        if signOffStarts.contains(where: { lower.hasPrefix($0) }) { return true }
        // "This structured summary provides a comprehensive overview of…"
        guard lower.hasPrefix("this ") || lower.hasPrefix("in summary, this ") else { return false }
        let words = lower.split { !$0.isLetter }.map(String.init)
        return words.prefix(4).contains { selfReferences.contains($0) }
            && words.prefix(6).contains {
                ["provides", "covers", "highlights", "captures", "offers", "outlines", "gives"].contains($0)
            }
    }

    /// The first content line, when it is a chatbot's or newsletter's preamble.
    private static func markPreamble(_ lines: inout [Line]) {
        guard let first = lines.firstIndex(where: { !$0.isBlank && !$0.isChrome }) else { return }
        guard lines[first].kind == .text || lines[first].kind == .label, isPreamble(lines[first].content) else {
            return
        }
        lines[first].kind = .chrome(.preamble)
    }

    /// Closing lines: a sign-off, and the short signature lines after it.
    private static func markSignOff(_ lines: inout [Line]) {
        var i = lines.count - 1
        var signature: [Int] = []
        while i >= 0 {
            let line = lines[i]
            defer { i -= 1 }
            if line.isBlank || line.isChrome { continue }
            guard line.kind == .text || line.kind == .label || line.kind == .strong else { return }
            if isSignOff(line.content) {
                lines[i].kind = .chrome(.signOff)
                for k in signature { lines[k].kind = .chrome(.signOff) }
                signature = []
                continue
            }
            let words = TextRules.wordCount(line.content)
            guard words <= maxSignatureWords, !TextRules.endsSentence(line.content) || line.content.hasSuffix(","),
                signature.count < 3
            else { return }
            signature.append(i)
        }
    }

    // MARK: Sponsored blocks and previews

    /// The most lines of text a sponsored block has above its closing disclosure.
    static let maxSponsoredLines = 8

    /// "… *This is sponsored content": a disclosure after an ad makes the paragraphs above it, up to
    /// the last heading, list or rule, the ad.
    private static func markSponsoredBlocks(_ lines: inout [Line]) {
        for i in lines.indices where lines[i].kind == .chrome(.advertisement) {
            let disclosure = InlineMarkdown.plainText(lines[i].content).lowercased()
            guard
                disclosure.hasPrefix("this is sponsored") || disclosure.hasPrefix("this was sponsored")
                    || disclosure.hasPrefix("this post is sponsored")
            else { continue }
            var k = i - 1
            var marked = 0
            while k >= 0, marked < maxSponsoredLines {
                if lines[k].kind == .text {
                    lines[k].kind = .chrome(.advertisement)
                    marked += 1
                } else if !lines[k].isBlank {
                    break
                }
                k -= 1
            }
        }
    }

    /// The fewest items of a preview list.
    static let minPreviewItems = 2

    /// "Here's what's on our plate today:" and a list, before the text's sections: a newsletter's
    /// preview of what follows, not a story. (A chatbot's "Here are the key points:" with no sections
    /// after its list is the content itself, and stays.)
    private static func markPreviewLists(_ lines: inout [Line]) {
        guard
            let label = lines.firstIndex(where: {
                ($0.kind == .text || $0.kind == .label) && $0.content.hasSuffix(":")
                    && isPreviewLabel($0.content)
            })
        else { return }
        var items: [Int] = []
        var end = label + 1
        while end < lines.count,
            lines[end].isBlank || lines[end].kind == .bullet(ordered: false)
                || lines[end].kind == .bullet(ordered: true)
        {
            if !lines[end].isBlank { items.append(end) }
            end += 1
        }
        let sectionsFollow = lines[end...].contains { line in
            switch line.kind {
            case .heading, .strong, .label: true
            case .text:
                line.content.utf8.count <= HeadingRules.maxCharacters && HeadingRules.looksLikeHeading(line.content)
            default: false
            }
        }
        guard items.count >= minPreviewItems, sectionsFollow else { return }
        for k in [label] + items { lines[k].kind = .chrome(.navigation) }
    }

    /// A line that announces a preview ("Here's what's on…:", "In today's issue:").
    private static func isPreviewLabel(_ text: String) -> Bool {
        let lower = Block.key(for: InlineMarkdown.plainText(text))
        return TextRules.wordCount(lower) <= 12
            && [
                "here's what", "here is what", "in today's", "in this issue", "inside:", "today's menu",
                "what's inside", "on the menu",
            ].contains { lower.hasPrefix($0) }
    }

    // MARK: Mail headers, comments, credits, footers

    /// The fewest header lines that make a mail's header block.
    static let minMailHeaders = 3

    /// "From: …", "Subject: …", "Message-ID: …" at the top, folded lines included: a mail's headers.
    private static func markMailHeaders(_ lines: inout [Line]) {
        guard let first = lines.firstIndex(where: { !$0.isBlank }) else { return }
        var end = first
        var headers = 0
        while end < lines.count, !lines[end].isBlank {
            if isMailHeader(lines[end].raw) {
                headers += 1
            } else if !(headers > 0 && lines[end].indent > 0) {
                return
            }
            end += 1
        }
        guard headers >= minMailHeaders else { return }
        for i in first..<end { lines[i].kind = .chrome(.meta) }
    }

    /// `Content-Type: text/plain`: a header name (letters, digits and hyphens), a colon, a space.
    private static func isMailHeader(_ raw: Substring) -> Bool {
        raw.withBytes { bytes in
            guard let first = bytes.first, first | 0x20 >= UInt8(ascii: "a"), first | 0x20 <= UInt8(ascii: "z") else {
                return false
            }
            var colon = 1
            while colon < bytes.count, bytes[colon] != UInt8(ascii: ":") {
                guard colon < maxMailHeaderName, headerNameBytes.contains(bytes[colon]) else { return false }
                colon += 1
            }
            return colon < bytes.count && (colon + 1 == bytes.count || bytes[colon + 1] == 0x20)
        }
    }

    /// The longest mail header name, in bytes.
    static let maxMailHeaderName = 40
    private static let headerNameBytes = Bytes.ASCIISet(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")

    /// "157 comments" after the text: everything from there on is the comment section.
    private static func markCommentSection(_ lines: inout [Line]) {
        var sawText = false
        for i in lines.indices {
            if !sawText && lines[i].kind == .text && TextRules.wordCount(lines[i].content) >= 12 { sawText = true }
            guard sawText, case .chrome(.meta) = lines[i].kind, lines[i].content.lowercased().hasSuffix("comments"),
                lines[i].content.first?.isNumber == true
            else { continue }
            for k in i..<lines.count where !lines[k].isBlank { lines[k].kind = .chrome(.comments) }
            return
        }
    }

    /// A name alone next to a photo caption is its credit ("Matt Rourke").
    private static func markCredits(_ lines: inout [Line]) {
        for i in lines.indices where lines[i].kind == .text {
            let previous = i > 0 ? lines[i - 1].kind : .blank
            let next = i + 1 < lines.count ? lines[i + 1].kind : .blank
            if previous == .chrome(.caption) || next == .chrome(.caption), isShortName(lines[i].content) {
                lines[i].kind = .chrome(.caption)
            }
        }
    }

    private static func isShortName(_ text: String) -> Bool {
        guard text.utf8.count <= 60 else { return false }
        let words = TextRules.words(text)
        return (1...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
            && !TextRules.endsSentence(text)
    }

    /// After the last rule of the text, lines that are only links (and their images) are a footer.
    private static func markLinkFooter(_ lines: inout [Line]) {
        guard let rule = lines.lastIndex(where: { $0.kind == .rule || $0.kind == .underline(level: 2) }) else { return }
        let after = lines[(rule + 1)...].filter { !$0.isBlank }
        guard !after.isEmpty, after.allSatisfy({ $0.kind == .chrome(.link) || $0.kind == .image || $0.isChrome }) else {
            return
        }
        for k in (rule + 1)..<lines.count where lines[k].kind == .image { lines[k].kind = .chrome(.link) }
    }
}
