import BriefModel

/// `feed.json` and each company's `feed.json`: JSON Feed 1.1 feeds of the newest stories.
package enum JSONFeed {
    /// The site's feed, with every story's full HTML.
    package static func render(_ context: FeedContext) -> String {
        render(context, context.siteFeed)
    }

    static func render(_ context: FeedContext, _ feed: FeedInfo) -> String {
        render(context, feed) { item(context, feed, $0) }
    }

    /// The feed with each story's item from `item`, which the company feeds take from a cache.
    static func render(_ context: FeedContext, _ feed: FeedInfo, item: (Int) -> String) -> String {
        let config = context.model.config
        var fields: [String] = [
            "\"version\": \"https://jsonfeed.org/version/1.1\"",
            "\"title\": \(Escaping.json(feed.title))",
            "\"description\": \(Escaping.json(feed.subtitle))",
            "\"language\": \(Escaping.json(config.language))",
        ]
        if context.base != nil {
            fields.append("\"home_page_url\": \(Escaping.json(context.url(feed.page, from: feed.path)))")
            fields.append("\"feed_url\": \(Escaping.json(context.url(feed.path + "feed.json", from: feed.path)))")
        }
        if let author = config.author { fields.append("\"authors\": [{\"name\": \(Escaping.json(author))}]") }
        let items = feed.stories.map(item)
        fields.append("\"items\": [" + (items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ") + "]")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }

    /// One story's item, the same in every feed at the same depth of the site.
    static func item(_ context: FeedContext, _ feed: FeedInfo, _ id: Int) -> String {
        let story = context.model.stories[id]
        let url = context.url(SitePaths.story(story.slug), from: feed.path)
        var item = [
            "\"id\": \(Escaping.json(context.base.map { _ in url } ?? "urn:brief:story:" + story.slug))",
            "\"url\": \(Escaping.json(url))",
            "\"title\": \(Escaping.json(story.heading))",
        ]
        if feed.fullText {
            item.append("\"summary\": \(Escaping.json(story.summary))")
            item.append("\"content_html\": \(Escaping.json(story.html))")
        } else {
            item.append("\"content_text\": \(Escaping.json(story.summary))")
        }
        item.append("\"date_published\": \"\(FeedContext.rfc3339(context.date(story.date)))\"")
        if !story.companies.isEmpty {
            item.append("\"tags\": [\(story.companies.map { Escaping.json($0.name) }.joined(separator: ", "))]")
        }
        return "    {\n      " + item.joined(separator: ",\n      ") + "\n    }"
    }
}
