import BriefModel

/// `search.json`: the full text of every story, for other tools (the search page reads the smaller
/// files of `SearchShards`).
package enum SearchIndex {
    /// The file, in pieces made in parallel (written one after the other, never joined).
    package struct File {
        /// The file's bytes, in order.
        package var pieces: [[UInt8]] = []
        /// The content hash of the whole file, to compare with the previous build's without joining the pieces.
        package var hash: UInt64 = 0
    }

    /// The file, made in parallel runs of stories.
    package static func json(_ model: SiteModel) -> File {
        let run = 512
        let parts = Parallel.map((model.stories.count + run - 1) / run) { part -> [UInt8] in
            let range = (part * run)..<min(model.stories.count, (part + 1) * run)
            var json: [UInt8] = []
            json.reserveCapacity(range.reduce(0) { $0 + 400 + model.stories[$1].search.text.count })
            for i in range {
                appendFields(model, i, to: &json)
                json += "\"text\":".utf8
                json += model.stories[i].search.text
                json += (i + 1 < model.stories.count ? "}," : "}").utf8
                json.append(0x0A)
            }
            return json
        }
        return file(parts, prefix: "{\"stories\":[\n", suffix: "]}\n")
    }

    private static func file(_ parts: [[UInt8]], prefix: String, suffix: String) -> File {
        let pieces = [Array(prefix.utf8)] + parts + [Array(suffix.utf8)]
        return File(pieces: pieces, hash: ContentHash.of(pieces: pieces))
    }

    /// A story's fields besides its text, each followed by a comma.
    private static func appendFields(_ model: SiteModel, _ i: Int, to out: inout [UInt8]) {
        let story = model.stories[i]
        out.append(UInt8(ascii: "{"))
        Escaping.appendJSONField("id", story.slug, to: &out)
        Escaping.appendJSONField("title", story.heading, to: &out)
        Escaping.appendJSONField("briefing", model.briefings[story.briefing].title, to: &out)
        if let date = story.date {
            Escaping.appendJSONField("date", date.isoDay, to: &out)
        } else {
            out += "\"date\":null,".utf8
        }
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
