import BriefModel
/// `search.json`, the full text of every story for other tools, and `assets/search-index.js`,
/// which the search page loads with a script tag so that search also works from `file://`
/// and offline. The script holds each story's distinct words instead of its text: a third
/// of the size, and all that matching words needs.
package enum SearchIndex {
    /// One of the two files, in pieces made in parallel (written one after the other, never joined).
    package struct File {
        package var pieces: [[UInt8]] = []
        package var hash: UInt64 = 0
    }

    /// Both files, made in one pass in parallel runs of stories: each story's fields are escaped
    /// once for both.
    package static func files(_ model: SiteModel) -> (json: File, script: File) {
        let run = 512
        let parts = Parallel.map((model.stories.count + run - 1) / run) { part -> (json: [UInt8], script: [UInt8]) in
            let range = (part * run)..<min(model.stories.count, (part + 1) * run)
            var json: [UInt8] = [], script: [UInt8] = []
            json.reserveCapacity(range.reduce(0) { $0 + 400 + model.stories[$1].search.text.count })
            script.reserveCapacity(range.reduce(0) { $0 + 400 + model.stories[$1].search.words.count })
            var head: [UInt8] = []
            for i in range {
                head.removeAll(keepingCapacity: true)
                appendFields(model, i, to: &head)
                let end = (i + 1 < model.stories.count ? "}," : "}").utf8
                json += head
                json += "\"text\":".utf8
                json += model.stories[i].search.text
                json += end
                json.append(0x0A)
                script += head
                script += "\"words\":\"".utf8
                script += model.stories[i].search.words
                script.append(0x22)
                script += end
                script.append(0x0A)
            }
            return (json, script)
        }
        return (file(parts.map(\.json), prefix: "{\"stories\":[\n", suffix: "]}\n"),
                file(parts.map(\.script), prefix: "window.BRIEF_SEARCH = {\"stories\":[\n", suffix: "]};\n"))
    }

    private static func file(_ parts: [[UInt8]], prefix: String, suffix: String) -> File {
        let pieces = [Array(prefix.utf8)] + parts + [Array(suffix.utf8)]
        return File(pieces: pieces, hash: ContentHash.of(pieces: pieces))
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
