import BriefModel
/// `feed.json`: a JSON Feed 1.1 of the newest stories, with their full HTML.
package enum JSONFeed {
    package static func render(_ context: FeedContext) -> String {
        let config = context.model.config
        var fields: [String] = [
            "\"version\": \"https://jsonfeed.org/version/1.1\"",
            "\"title\": \(Escaping.json(config.title))",
            "\"description\": \(Escaping.json(config.description))",
            "\"language\": \(Escaping.json(config.language))",
        ]
        if let base = context.base {
            fields.append("\"home_page_url\": \(Escaping.json(base))")
            fields.append("\"feed_url\": \(Escaping.json(context.url("feed.json")))")
        }
        if let author = config.author { fields.append("\"authors\": [{\"name\": \(Escaping.json(author))}]") }
        let items = context.feedStories.map { story -> String in
            let url = context.url(SitePaths.story(story.slug))
            var item = [
                "\"id\": \(Escaping.json(context.base.map { _ in url } ?? "urn:brief:story:" + story.slug))",
                "\"url\": \(Escaping.json(url))",
                "\"title\": \(Escaping.json(story.heading))",
                "\"summary\": \(Escaping.json(story.summary))",
                "\"content_html\": \(Escaping.json(story.html))",
                "\"date_published\": \"\(FeedContext.rfc3339(context.date(story.date)))\"",
            ]
            if !story.companies.isEmpty {
                item.append("\"tags\": [\(story.companies.map { Escaping.json($0.name) }.joined(separator: ", "))]")
            }
            return "    {\n      " + item.joined(separator: ",\n      ") + "\n    }"
        }
        fields.append("\"items\": [\n" + items.joined(separator: ",\n") + "\n  ]")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }
}
