import BriefModel

/// `sitemap.xml` listing every page, and the `robots.txt` that points to it.
package enum Sitemap {
    /// The bytes of `sitemap.xml`: the absolute address of every page but the 404 page, dated where it has a date.
    package static func render(_ context: FeedContext, pages: [Page]) -> [UInt8] {
        let model = context.model
        var out = Array(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                .utf8)
        out.reserveCapacity(pages.count * 120)
        for page in pages where page != .notFound {
            out += Array("  <url><loc>".utf8)
            out += Array(Escaping.xml(context.url(page.path(in: model))).utf8)
            out += Array("</loc>".utf8)
            if let date = lastModified(page, model) { out += Array("<lastmod>\(date.isoDay)</lastmod>".utf8) }
            out += Array("</url>\n".utf8)
        }
        return out + Array("</urlset>\n".utf8)
    }

    private static func lastModified(_ page: Page, _ model: SiteModel) -> ContentDate? {
        switch page {
        case .story(let i): model.stories[i].date
        case .briefing(let i): model.briefings[i].date
        case .company(let i, _): model.companies[i].storyIDs.first.flatMap { model.stories[$0].date }
        case .home, .briefingIndex: model.briefings.first?.date
        default: nil
        }
    }

    /// The text of `robots.txt`: everything allowed, and where the sitemap is.
    package static func robots(_ context: FeedContext) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(context.url("sitemap.xml"))\n"
    }
}
