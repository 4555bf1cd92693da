/// One HTML page of the site: where it goes and which template draws it.
///
/// Pages are listed cheaply up front and their data is built only when the page is
/// rendered, so a large site never holds every page's data at once.
public enum Page: Sendable, Hashable {
    case home
    /// A page (from 1) of the list of briefings.
    case briefingIndex(page: Int)
    case briefing(Int)
    case story(Int)
    case companyIndex
    /// A company, with a page (from 1) of its stories.
    case company(Int, page: Int)
    case search
    case notFound

    /// Every page of a site, in a fixed order.
    public static func all(in model: SiteModel) -> [Page] {
        var pages: [Page] = [.home, .briefingIndex(page: 1), .companyIndex, .search, .notFound]
        pages += (1..<model.briefingPages.pages).map { .briefingIndex(page: $0 + 1) }
        pages += model.briefings.indices.map(Page.briefing)
        pages += model.stories.indices.map(Page.story)
        for i in model.companies.indices {
            pages += (1...model.storyPages(ofCompany: i).pages).map { .company(i, page: $0) }
        }
        return pages
    }

    public var template: String {
        switch self {
        case .home: "index"
        case .briefingIndex: "briefings"
        case .briefing: "briefing"
        case .story: "story"
        case .companyIndex: "companies"
        case .company: "company"
        case .search: "search"
        case .notFound: "404"
        }
    }

    /// The file's path inside the output folder.
    public func path(in model: SiteModel) -> String {
        switch self {
        case .home: "index.html"
        case .briefingIndex(let page): Pagination.path("briefings/", page: page)
        case .briefing(let i): "briefings/\(model.briefings[i].slug)/index.html"
        case .story(let i): "stories/\(model.stories[i].slug)/index.html"
        case .companyIndex: "companies/index.html"
        case .company(let i, let page): Pagination.path("companies/\(model.companies[i].company.slug)/", page: page)
        case .search: "search/index.html"
        case .notFound: "404.html"
        }
    }
}

/// Paths and addresses: relative links between pages, absolute ones for feeds and canonical links.
enum SitePaths {
    /// The relative way from a page at `path` back to the site root ("../../" for `stories/a/index.html`).
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }

    /// The address of a page under `base`, without a trailing `index.html`.
    static func absolute(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    static func story(_ slug: String) -> String { "stories/\(slug)/index.html" }
    static func briefing(_ slug: String) -> String { "briefings/\(slug)/index.html" }
    static func company(_ slug: String) -> String { "companies/\(slug)/index.html" }
    static func companyFeed(_ slug: String, json: Bool) -> String { "companies/\(slug)/" + (json ? "feed.json" : "feed.xml") }
}

extension SiteModel {
    /// The pages of the list of briefings.
    public var briefingPages: Pagination { Pagination(count: briefings.count, size: config.pageSize) }

    /// The pages of company `i`'s stories.
    public func storyPages(ofCompany i: Int) -> Pagination {
        Pagination(count: companies[i].storyIDs.count, size: config.pageSize)
    }
}
