/// `search.json` and the same data as `assets/search-index.js`, which the search page loads
/// with a script tag so that search also works from `file://` and offline.
enum SearchIndex {
    static func json(_ model: SiteModel) -> String {
        var out = "{\"stories\":[\n"
        for (i, story) in model.stories.enumerated() {
            let briefing = model.briefings[story.briefing]
            out += "{\"id\":\(Escaping.json(story.slug)),\"title\":\(Escaping.json(story.heading)),"
            out += "\"briefing\":\(Escaping.json(briefing.title)),\"date\":\(story.date.map { Escaping.json($0.isoDay) } ?? "null"),"
            out += "\"companies\":[\(story.companies.map { Escaping.json($0.name) }.joined(separator: ","))],"
            out += "\"url\":\(Escaping.json(SitePaths.story(story.slug))),\"summary\":\(Escaping.json(story.summary)),"
            out += "\"text\":\(Escaping.json(story.paragraphs.map(\.text).joined(separator: "\n\n")))}"
            out += i + 1 < model.stories.count ? ",\n" : "\n"
        }
        return out + "]}\n"
    }

    static func script(json: String) -> String {
        "window.BRIEF_SEARCH = " + json.dropLast() + ";\n"
    }
}
