/// `sitemap.xml` listing every page, and the `robots.txt` that points to it.
enum Sitemap {
    static func render(_ context: FeedContext, pages: [Page]) -> String {
        let model = context.model
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page != .notFound {
            out += "  <url><loc>\(Escaping.xml(context.url(page.path(in: model))))</loc>"
            if let date = lastModified(page, model) { out += "<lastmod>\(date.isoDay)</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    private static func lastModified(_ page: Page, _ model: SiteModel) -> ContentDate? {
        switch page {
        case .story(let i): model.stories[i].date
        case .briefing(let i): model.briefings[i].date
        case .company(let i): model.companies[i].storyIDs.first.flatMap { model.stories[$0].date }
        case .home, .briefingIndex: model.briefings.first?.date
        default: nil
        }
    }

    static func robots(_ context: FeedContext) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(context.url("sitemap.xml"))\n"
    }
}
