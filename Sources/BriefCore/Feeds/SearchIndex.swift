/// `search.json`, the full text of every story for other tools, and `assets/search-index.js`,
/// which the search page loads with a script tag so that search also works from `file://`
/// and offline. The script holds each story's distinct words instead of its text: a third
/// of the size, and all that matching words needs.
enum SearchIndex {
    /// One of the two files, with a hash of its bytes (made from the hashes of its parts).
    struct File {
        var bytes: [UInt8] = []
        var hash: UInt64 = 0
    }

    /// Both files, made in one pass in parallel runs of stories: each story's fields are escaped
    /// once for both, and each run is hashed on the core that made it.
    static func files(_ model: SiteModel) -> (json: File, script: File) {
        let run = 512
        let parts = Parallel.map((model.stories.count + run - 1) / run) { part -> (json: File, script: File) in
            let range = (part * run)..<min(model.stories.count, (part + 1) * run)
            var json = File(), script = File()
            json.bytes.reserveCapacity(range.reduce(0) { $0 + 400 + model.stories[$1].search.text.count })
            script.bytes.reserveCapacity(range.reduce(0) { $0 + 400 + model.stories[$1].search.words.count })
            var head: [UInt8] = []
            for i in range {
                head.removeAll(keepingCapacity: true)
                appendFields(model, i, to: &head)
                let end = (i + 1 < model.stories.count ? "}," : "}").utf8
                json.bytes += head
                json.bytes += "\"text\":".utf8
                json.bytes += model.stories[i].search.text
                json.bytes += end
                json.bytes.append(0x0A)
                script.bytes += head
                script.bytes += "\"words\":\"".utf8
                script.bytes += model.stories[i].search.words
                script.bytes.append(0x22)
                script.bytes += end
                script.bytes.append(0x0A)
            }
            json.hash = ContentHash.of(json.bytes)
            script.hash = ContentHash.of(script.bytes)
            return (json, script)
        }
        return (join(parts.map(\.json), prefix: "{\"stories\":[\n", suffix: "]}\n"),
                join(parts.map(\.script), prefix: "window.BRIEF_SEARCH = {\"stories\":[\n", suffix: "]};\n"))
    }

    private static func join(_ parts: [File], prefix: String, suffix: String) -> File {
        var file = File()
        file.bytes.reserveCapacity(parts.reduce(prefix.utf8.count + suffix.utf8.count) { $0 + $1.bytes.count })
        file.bytes += prefix.utf8
        var hash = Fingerprint(ContentHash.of(prefix))
        for part in parts {
            file.bytes += part.bytes
            hash.add(part.hash)
        }
        file.bytes += suffix.utf8
        hash.add(ContentHash.of(suffix))
        file.hash = hash.value
        return file
    }

    /// The fields both files share, each followed by a comma.
    private static func appendFields(_ model: SiteModel, _ i: Int, to out: inout [UInt8]) {
        let story = model.stories[i]
        out.append(UInt8(ascii: "{"))
        Escaping.appendJSONField("id", story.slug, to: &out)
        Escaping.appendJSONField("title", story.heading, to: &out)
        Escaping.appendJSONField("briefing", model.briefings[story.briefing].title, to: &out)
        if let date = story.date { Escaping.appendJSONField("date", date.isoDay, to: &out) } else { out += "\"date\":null,".utf8 }
        out += "\"companies\":[".utf8
        for (k, company) in story.companies.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            Escaping.appendJSON(company.name, to: &out)
        }
        out += "],".utf8
        Escaping.appendJSONField("url", SitePaths.story(story.slug), to: &out)
        Escaping.appendJSONField("summary", story.summary, to: &out)
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
