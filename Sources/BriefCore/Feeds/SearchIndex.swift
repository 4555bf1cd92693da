/// `search.json`, the full text of every story for other tools, and `assets/search-index.js`,
/// which the search page loads with a script tag so that search also works from `file://`
/// and offline. The script holds each story's distinct words instead of its text: a third
/// of the size, and all that matching words needs.
enum SearchIndex {
    static func json(_ model: SiteModel) -> [UInt8] {
        entries(model, prefix: "{\"stories\":[\n", suffix: "]}\n") { story, out in
            out += "\"text\":".utf8
            out += story.search.text
            out.append(UInt8(ascii: ","))
        }
    }

    static func script(_ model: SiteModel) -> [UInt8] {
        entries(model, prefix: "window.BRIEF_SEARCH = {\"stories\":[\n", suffix: "]};\n") { story, out in
            out += "\"words\":\"".utf8
            out += story.search.words
            out += "\",".utf8
        }
    }

    /// The entries, made in parallel in runs of stories and joined in order.
    private static func entries(_ model: SiteModel, prefix: String, suffix: String,
                                body: @escaping @Sendable (Story, inout [UInt8]) -> Void) -> [UInt8] {
        let run = 512
        let parts = Parallel.map((model.stories.count + run - 1) / run) { part -> [UInt8] in
            let range = (part * run)..<min(model.stories.count, (part + 1) * run)
            var out: [UInt8] = []
            out.reserveCapacity(range.reduce(0) { $0 + 400 + model.stories[$1].search.text.count })
            for i in range { entry(model, i, to: &out, body: body) }
            return out
        }
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(prefix.utf8.count + suffix.utf8.count) { $0 + $1.count })
        out += prefix.utf8
        for part in parts { out += part }
        out += suffix.utf8
        return out
    }

    private static func entry(_ model: SiteModel, _ i: Int, to out: inout [UInt8], body: (Story, inout [UInt8]) -> Void) {
        let story = model.stories[i]
        let briefing = model.briefings[story.briefing]
        out.append(UInt8(ascii: "{"))
        Escaping.appendJSONField("id", story.slug, to: &out)
        Escaping.appendJSONField("title", story.heading, to: &out)
        Escaping.appendJSONField("briefing", briefing.title, to: &out)
        if let date = story.date { Escaping.appendJSONField("date", date.isoDay, to: &out) } else { out += "\"date\":null,".utf8 }
        out += "\"companies\":[".utf8
        for (k, company) in story.companies.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            Escaping.appendJSON(company.name, to: &out)
        }
        out += "],".utf8
        Escaping.appendJSONField("url", SitePaths.story(story.slug), to: &out)
        Escaping.appendJSONField("summary", story.summary, to: &out)
        body(story, &out)
        out.removeLast()  // the comma after the last field
        out += (i + 1 < model.stories.count ? "},\n" : "}\n").utf8
    }

}

/// A story's text as the search index holds it: the JSON string of its paragraphs, and its
/// distinct words. Made when the source is processed, and kept in the build cache.
public struct SearchText: Sendable, Hashable {
    /// The text as a JSON string literal, quotes included.
    public var text: [UInt8] = Array("\"\"".utf8)
    /// The words, lower-cased, each once, in order of first use, separated by spaces.
    public var words: [UInt8] = []

    public init() {}

    init(text: [UInt8], words: [UInt8]) {
        self.text = text
        self.words = words
    }

    init(_ paragraphs: [Paragraph]) {
        text = []
        Escaping.appendJSON(paragraphs.map(\.text), separator: "\n\n", to: &text)
        Self.appendDistinctWords(paragraphs, to: &words)
    }

    /// Words are letters and digits (any non-ASCII byte counts as a letter), so nothing here needs escaping in JSON.
    static func appendDistinctWords(_ paragraphs: [Paragraph], to out: inout [UInt8]) {
        var seen = Set<UInt64>()
        var first = true
        for paragraph in paragraphs {
            paragraph.text.withBytes { bytes in
                var start = -1
                var hash: UInt64 = 0
                for i in 0...bytes.count {
                    let b = i < bytes.count ? bytes[i] : 0x20
                    let isWord = b >= 0x80 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
                    if isWord {
                        if start < 0 { start = i; hash = 0xcbf2_9ce4_8422_2325 }
                        hash = (hash ^ UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)) &* 0x100_0000_01b3
                    } else if start >= 0 {
                        if seen.insert(hash).inserted {
                            if !first { out.append(0x20) }
                            first = false
                            let from = out.count
                            out.append(contentsOf: bytes[start..<i])
                            for k in from..<out.count where out[k] >= 0x41 && out[k] <= 0x5A { out[k] |= 0x20 }
                        }
                        start = -1
                    }
                }
            }
        }
    }
}
