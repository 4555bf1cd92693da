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
    /// `archive/`: the years and months, with their counts.
    case archiveIndex
    /// `archive/YYYY/`: a year's months and days (an index into `SiteModel.archive.years`).
    case archiveYear(Int)
    /// `archive/YYYY/MM/`: a page of a month's editions (year and month indices into `SiteModel.archive`).
    case archiveMonth(Int, Int, page: Int)
    /// `archive/undated/`: a page of the undated edition.
    case archiveUndated(page: Int)
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
        pages.append(.archiveIndex)
        for (y, year) in model.archive.years.enumerated() {
            pages.append(.archiveYear(y))
            for m in year.months.indices {
                pages += (1...model.briefingPages(ofMonth: y, m).pages).map { .archiveMonth(y, m, page: $0) }
            }
        }
        if !model.archive.undated.isEmpty {
            pages += (1...model.undatedPages.pages).map { .archiveUndated(page: $0) }
        }
        return pages
    }

    /// The theme template that draws the page, by name without extension.
    public var template: String {
        switch self {
        case .home: "index"
        case .briefingIndex: "briefings"
        case .briefing: "briefing"
        case .story: "story"
        case .companyIndex: "companies"
        case .company: "company"
        case .archiveIndex: "archive"
        case .archiveYear: "archive-year"
        case .archiveMonth, .archiveUndated: "archive-month"
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
        case .archiveIndex: "archive/index.html"
        case .archiveYear(let y): SitePaths.archiveYear(model.archive.years[y].year)
        case .archiveMonth(let y, let m, let page):
            Pagination.path(SitePaths.archiveMonthFolder(model.archive.years[y].months[m]), page: page)
        case .archiveUndated(let page): Pagination.path("archive/undated/", page: page)
        case .search: "search/index.html"
        case .notFound: "404.html"
        }
    }
}

/// Paths and addresses: relative links between pages, absolute ones for feeds and canonical links.
enum SitePaths {
    /// The way back to the root from the usual depths, made once.
    private static let roots = (0..<8).map { String(repeating: "../", count: $0) }

    /// The relative way from a page at `path` back to the site root ("../../" for `stories/a/index.html`).
    static func root(from path: String) -> String {
        var depth = 0
        path.withBytes { bytes in
            for byte in bytes where byte == UInt8(ascii: "/") { depth += 1 }
        }
        return depth < roots.count ? roots[depth] : String(repeating: "../", count: depth)
    }

    /// The address of a page under `base`, without a trailing `index.html`.
    static func absolute(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    static func story(_ slug: String) -> String { page("stories/", slug) }
    static func briefing(_ slug: String) -> String { page("briefings/", slug) }
    static func company(_ slug: String) -> String { page("companies/", slug) }

    /// `folder` + `slug` + `/index.html`, in one allocation: a build makes tens of thousands of these.
    private static func page(_ folder: String, _ slug: String) -> String {
        var path = folder
        path.reserveCapacity(folder.utf8.count + slug.utf8.count + 11)
        path += slug
        path += "/index.html"
        return path
    }
    static func archiveYear(_ year: Int) -> String { "archive/\(year)/index.html" }
    static func archiveMonthFolder(_ month: Archive.Month) -> String {
        "archive/\(month.year)/" + (month.month < 10 ? "0" : "") + "\(month.month)/"
    }

    /// Where each edition is listed in the archive: its month's page that shows its first briefing, at the
    /// day's anchor; the undated edition's first page.
    static func editions(in model: SiteModel) -> [String] {
        var paths = model.editions.map { $0.day == nil ? "archive/undated/index.html" : "" }
        for (y, year) in model.archive.years.enumerated() {
            for (m, month) in year.months.enumerated() {
                let pages = model.briefingPages(ofMonth: y, m)
                var offset = 0
                for e in month.editions {
                    let anchor = "#day-" + (model.editions[e].day?.iso ?? "")
                    paths[e] = Pagination.path(archiveMonthFolder(month), page: pages.page(of: offset)) + anchor
                    offset += model.editions[e].briefings.count
                }
            }
        }
        return paths
    }

    static func companyFeed(_ slug: String, json: Bool) -> String {
        "companies/\(slug)/" + (json ? "feed.json" : "feed.xml")
    }
}

extension SiteModel {
    /// The pages of the list of briefings.
    public var briefingPages: Pagination { Pagination(count: briefings.count, size: config.pageSize) }

    /// The pages of a month of the archive: its briefings, edition after edition.
    public func briefingPages(ofMonth y: Int, _ m: Int) -> Pagination {
        Pagination(count: archive.years[y].months[m].briefings.count, size: config.pageSize)
    }

    /// The pages of the undated edition in the archive.
    public var undatedPages: Pagination { Pagination(count: archive.undated.count, size: config.pageSize) }

    /// The pages of company `i`'s stories.
    public func storyPages(ofCompany i: Int) -> Pagination {
        Pagination(count: companies[i].storyIDs.count, size: config.pageSize)
    }
}
