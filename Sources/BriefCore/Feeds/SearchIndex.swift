/// `search.json`, the full text of every story for other tools, and `assets/search-index.js`,
/// which the search page loads with a script tag so that search also works from `file://`
/// and offline. The script holds each story's distinct words instead of its text: a third
/// of the size, and all that matching words needs.
enum SearchIndex {
    static func json(_ model: SiteModel) -> [UInt8] {
        entries(model, prefix: "{\"stories\":[\n", suffix: "]}\n") { story, out in
            out += Array("\"text\":".utf8)
            Escaping.appendJSON(story.paragraphs.map(\.text), separator: "\n\n", to: &out)
            out.append(UInt8(ascii: ","))
        }
    }

    static func script(_ model: SiteModel) -> [UInt8] {
        entries(model, prefix: "window.BRIEF_SEARCH = {\"stories\":[\n", suffix: "]};\n") { story, out in
            out += Array("\"words\":\"".utf8)
            appendDistinctWords(story.paragraphs, to: &out)
            out += Array("\",".utf8)
        }
    }

    private static func entries(_ model: SiteModel, prefix: String, suffix: String, body: (Story, inout [UInt8]) -> Void) -> [UInt8] {
        var out = Array(prefix.utf8)
        out.reserveCapacity(model.stories.reduce(0) { $0 + 400 + $1.paragraphs.reduce(0) { $0 + $1.text.utf8.count } })
        for (i, story) in model.stories.enumerated() {
            let briefing = model.briefings[story.briefing]
            out.append(UInt8(ascii: "{"))
            Escaping.appendJSONField("id", story.slug, to: &out)
            Escaping.appendJSONField("title", story.heading, to: &out)
            Escaping.appendJSONField("briefing", briefing.title, to: &out)
            if let date = story.date { Escaping.appendJSONField("date", date.isoDay, to: &out) } else { out += Array("\"date\":null,".utf8) }
            out += Array("\"companies\":[".utf8)
            for (k, company) in story.companies.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                Escaping.appendJSON(company.name, to: &out)
            }
            out += Array("],".utf8)
            Escaping.appendJSONField("url", SitePaths.story(story.slug), to: &out)
            Escaping.appendJSONField("summary", story.summary, to: &out)
            body(story, &out)
            out.removeLast()  // the comma after the last field
            out += Array((i + 1 < model.stories.count ? "},\n" : "}\n").utf8)
        }
        return out + Array(suffix.utf8)
    }

    /// Appends the story's words, lower-cased, each once, in order of first use, separated by
    /// spaces. Words are letters and digits (any non-ASCII byte counts as a letter), so nothing
    /// here needs escaping in JSON.
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
