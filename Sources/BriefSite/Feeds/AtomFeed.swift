import BriefModel

/// `feed.xml` and each company's `feed.xml`: Atom 1.0 feeds of the newest stories.
package enum AtomFeed {
    /// The site's feed, with every story's full HTML.
    package static func render(_ context: FeedContext) -> String {
        render(context, context.siteFeed)
    }

    static func render(_ context: FeedContext, _ feed: FeedInfo) -> String {
        render(context, feed) { entry(context, feed, $0) }
    }

    /// The feed with each story's `<entry>` from `entry`, which the company feeds take from a cache.
    static func render(_ context: FeedContext, _ feed: FeedInfo, entry: (Int) -> String) -> String {
        let config = context.model.config
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(Escaping.xml(config.language))\">\n"
        out += "  <title>\(Escaping.xml(feed.title))</title>\n"
        out += "  <subtitle>\(Escaping.xml(feed.subtitle))</subtitle>\n"
        let page = context.url(feed.page, from: feed.path)
        let own = context.url(feed.path + "feed.xml", from: feed.path)
        out += "  <id>\(Escaping.xml(context.base == nil ? feed.urn : page))</id>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Escaping.xml(own))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(page))\"/>\n"
        out += "  <updated>\(FeedContext.rfc3339(context.updated(feed.stories)))</updated>\n"
        out += "  <author><name>\(Escaping.xml(config.author ?? config.title))</name></author>\n"
        out += "  <generator>brief</generator>\n"
        for id in feed.stories {
            out += entry(id)
        }
        return out + "</feed>\n"
    }

    /// One story's `<entry>`, the same in every feed at the same depth of the site.
    static func entry(_ context: FeedContext, _ feed: FeedInfo, _ id: Int) -> String {
        var out = ""
        let story = context.model.stories[id]
        let url = context.url(SitePaths.story(story.slug), from: feed.path)
        let date = FeedContext.rfc3339(context.date(story.date))
        out += "  <entry>\n"
        out += "    <id>\(Escaping.xml(context.base.map { _ in url } ?? "urn:brief:story:" + story.slug))</id>\n"
        out += "    <title>\(Escaping.xml(story.heading))</title>\n"
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(url))\"/>\n"
        out += "    <published>\(date)</published>\n"
        out += "    <updated>\(date)</updated>\n"
        out += "    <summary>\(Escaping.xml(story.summary))</summary>\n"
        if feed.fullText { out += "    <content type=\"html\">\(Escaping.xml(story.html))</content>\n" }
        for company in story.companies {
            out +=
                "    <category term=\"\(Escaping.xml(company.slug))\" label=\"\(Escaping.xml(company.name))\"/>\n"
        }
        out += "  </entry>\n"
        return out
    }
}
