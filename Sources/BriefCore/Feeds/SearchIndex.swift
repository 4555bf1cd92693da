/// `search.json`, the full text of every story for other tools, and `assets/search-index.js`,
/// which the search page loads with a script tag so that search also works from `file://`
/// and offline. The script holds each story's distinct words instead of its text: a third
/// of the size, and all that matching words needs.
enum SearchIndex {
    static func json(_ model: SiteModel) -> [UInt8] {
        entries(model, prefix: "{\"stories\":[\n") { story, out in
            Escaping.appendJSONField("text", story.paragraphs.map(\.text).joined(separator: "\n\n"), to: &out)
        } + Array("]}\n".utf8)
    }

    static func script(_ model: SiteModel) -> [UInt8] {
        entries(model, prefix: "window.BRIEF_SEARCH = {\"stories\":[\n") { story, out in
            Escaping.appendJSONField("words", distinctWords(story.paragraphs), to: &out)
        } + Array("]};\n".utf8)
    }

    private static func entries(_ model: SiteModel, prefix: String, body: (Story, inout [UInt8]) -> Void) -> [UInt8] {
        var out = Array(prefix.utf8)
        out.reserveCapacity(model.stories.count * 1200)
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
        return out
    }

    /// The story's words, lower-cased, each once, in order of first use.
    static func distinctWords(_ paragraphs: [Paragraph]) -> String {
        var seen = Set<String>()
        var words: [String] = []
        for paragraph in paragraphs {
            var current: [UInt8] = []
            for b in paragraph.text.utf8 + [0x20] {
                if b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
                    current.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                } else if !current.isEmpty {
                    let word = String(decoding: current, as: UTF8.self)
                    if seen.insert(word).inserted { words.append(word) }
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        return words.joined(separator: " ")
    }
}
