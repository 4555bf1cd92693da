import BriefModel
/// `feed.xml`: an Atom 1.0 feed of the newest stories, with their full HTML.
package enum AtomFeed {
    package static func render(_ context: FeedContext) -> String {
        let model = context.model
        let config = model.config
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(Escaping.xml(config.language))\">\n"
        out += "  <title>\(Escaping.xml(config.title))</title>\n"
        out += "  <subtitle>\(Escaping.xml(config.description))</subtitle>\n"
        out += "  <id>\(Escaping.xml(context.base ?? "urn:brief:site:" + Slug.make(config.title, fallbackPrefix: "site")))</id>\n"
        out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Escaping.xml(context.url("feed.xml")))\"/>\n"
        out += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(context.base ?? "./"))\"/>\n"
        out += "  <updated>\(FeedContext.rfc3339(context.updated))</updated>\n"
        out += "  <author><name>\(Escaping.xml(config.author ?? config.title))</name></author>\n"
        out += "  <generator>brief</generator>\n"
        for story in context.feedStories {
            let url = context.url(SitePaths.story(story.slug))
            let date = FeedContext.rfc3339(context.date(story.date))
            out += "  <entry>\n"
            out += "    <id>\(Escaping.xml(context.base.map { _ in url } ?? "urn:brief:story:" + story.slug))</id>\n"
            out += "    <title>\(Escaping.xml(story.heading))</title>\n"
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(url))\"/>\n"
            out += "    <published>\(date)</published>\n"
            out += "    <updated>\(date)</updated>\n"
            out += "    <summary>\(Escaping.xml(story.summary))</summary>\n"
            out += "    <content type=\"html\">\(Escaping.xml(story.html))</content>\n"
            for company in story.companies {
                out += "    <category term=\"\(Escaping.xml(company.slug))\" label=\"\(Escaping.xml(company.name))\"/>\n"
            }
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }
}
