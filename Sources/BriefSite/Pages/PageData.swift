import BriefModel
import BriefTemplate

/// Builds the template data of each page from the site model: plain dictionaries and lists.
///
/// Every `url` in the data is relative to the site root and templates write `{{root}}{{url}}`;
/// so the value of a story, briefing or company is the same on every page, and is built once
/// here instead of once per page that lists it (a company page can list thousands of stories).
package struct PageData: Sendable {
    let model: SiteModel
    private let companyIndex: [String: Int]
    private let siteValue: TemplateValue
    /// Per story: heading, url, date; the same plus summary and briefing; its company tags.
    /// Made for every story at once when most pages are drawn, else when a page needs them.
    private let prebuilt: (links: [TemplateValue], cards: [TemplateValue], companies: [TemplateValue])?
    /// Per briefing: title, url, date, story count; title and url; per company: name, url, counts.
    private let briefingLinks: [[String: TemplateValue]]
    private let briefingRefs: [TemplateValue]
    private let companyLinks: [TemplateValue]
    /// Per edition, where the archive lists it.
    private let editionPaths: [String]

    /// Prepares the data of one build's pages; `prebuildStories` makes every story's link and card up front,
    /// which pays when most pages are drawn (a full build) and not when a few are (an incremental one).
    package init(model: SiteModel, prebuildStories: Bool = true) {
        self.model = model
        editionPaths = SitePaths.editions(in: model)
        var index: [String: Int] = [:]
        for (i, entry) in model.companies.enumerated() { index[entry.company.slug] = i }
        companyIndex = index
        var site: [String: TemplateValue] = [
            "title": .string(model.config.title),
            "description": .string(model.config.description),
            "language": .string(model.config.language),
        ]
        if let author = model.config.author { site["author"] = .string(author) }
        if let base = model.config.baseURL { site["base_url"] = .string(base) }
        siteValue = .dictionary(site)

        let briefingLinks = model.briefings.map { briefing -> [String: TemplateValue] in
            [
                "title": .string(briefing.title),
                "url": .string(SitePaths.briefing(briefing.slug)),
                "date": Self.dateValue(briefing.date),
                "story_count": .number(Double(briefing.storyIDs.count)),
                "story_noun": .string(briefing.storyIDs.count == 1 ? "story" : "stories"),
            ]
        }
        self.briefingLinks = briefingLinks
        let briefingRefs = model.briefings.map {
            TemplateValue.dictionary(["title": .string($0.title), "url": .string(SitePaths.briefing($0.slug))])
        }
        self.briefingRefs = briefingRefs
        if prebuildStories {
            let built = Parallel.map(model.stories.count) { i -> (TemplateValue, TemplateValue, TemplateValue) in
                let story = model.stories[i]
                let link = Self.link(story)
                return (.dictionary(link), Self.card(story, link: link, briefingRefs), Self.companies(story))
            }
            prebuilt = (built.map(\.0), built.map(\.1), built.map(\.2))
        } else {
            prebuilt = nil
        }
        companyLinks = model.companies.map { entry in
            .dictionary([
                "name": .string(entry.company.name),
                "url": .string(SitePaths.company(entry.company.slug)),
                "story_count": .number(Double(entry.storyIDs.count)),
                "story_noun": .string(entry.storyIDs.count == 1 ? "story" : "stories"),
                "mentions": .number(Double(entry.mentions)),
            ])
        }
    }

    /// The data `page`'s template receives: the site, the page's own values and its meta.
    package func data(for page: Page) -> TemplateValue {
        let path = page.path(in: model)
        var values: [String: TemplateValue]
        var meta = PageMeta(title: model.config.title, description: model.config.description)
        switch page {
        case .home:
            values = home()
            meta.isHome = true
        case .briefingIndex(let page):
            let pages = model.briefingPages
            values = [
                "briefings": .list(pages.items(page).map { .dictionary(briefingLinks[$0]) }),
                "count": .number(Double(model.briefings.count)),
                "noun": .string(model.briefings.count == 1 ? "briefing" : "briefings"),
                "pagination": Self.pagination(pages, page, folder: "briefings/"),
            ]
            meta = PageMeta(
                title: Self.paged("Briefings", page, pages),
                description: "All \(model.briefings.count) briefings of \(model.config.title), "
                    + "newest first.")
            meta.section = "in_briefings"
        case .briefing(let i):
            let briefing = model.briefings[i]
            values = self.briefing(i)
            meta = PageMeta(title: briefing.title, description: briefing.description ?? briefingDescription(briefing))
            meta.ogType = "article"
            meta.section = "in_briefings"
        case .story(let i):
            let story = model.stories[i]
            values = self.story(story)
            meta = PageMeta(title: story.heading, description: story.summary)
            meta.ogType = "article"
        case .companyIndex:
            values = [
                "companies": .list(companyLinks),
                "count": .number(Double(model.companies.count)),
                "noun": .string(model.companies.count == 1 ? "company" : "companies"),
            ]
            meta = PageMeta(
                title: "Companies",
                description: "The \(model.companies.count) companies mentioned in \(model.config.title).")
            meta.section = "in_companies"
        case .company(let i, let page):
            let entry = model.companies[i]
            values = company(i, page: page)
            meta = PageMeta(
                title: Self.paged(entry.company.name, page, model.storyPages(ofCompany: i)),
                description: entry.company.description ?? "Stories that mention \(entry.company.name).")
            meta.section = "in_companies"
        case .archiveIndex:
            values = archiveIndex()
            meta = PageMeta(title: "Archive", description: "The briefings of \(model.config.title) by year and month.")
        case .archiveYear(let y):
            let year = model.archive.years[y]
            values = archiveYear(y)
            meta = PageMeta(
                title: "\(year.year)",
                description: "The \(year.count) briefings of \(year.year), by month and day.")
        case .archiveMonth(let y, let m, let page):
            let month = model.archive.years[y].months[m]
            values = archiveMonth(y, m, page: page)
            meta = PageMeta(
                title: Self.paged(Self.monthName(month), page, model.briefingPages(ofMonth: y, m)),
                description: "The \(month.briefings.count) briefings of \(Self.monthName(month)), by day.")
        case .archiveUndated(let page):
            values = archiveUndated(page: page)
            meta = PageMeta(
                title: Self.paged("Undated briefings", page, model.undatedPages),
                description: "The briefings of \(model.config.title) that have no date.")
        case .search:
            values = [:]
            meta = PageMeta(title: "Search", description: "Search the stories of \(model.config.title).")
            meta.section = "in_search"
        case .notFound:
            values = [:]
            meta = PageMeta(title: "Page not found", description: "There is no page at this address.")
        }
        // The 404 page is served at any depth: its links start at the site's address when it is known, else they are
        // relative to the site's root, which a script of the page finds from its address (see 404.mustache).
        values["root"] = .string(page == .notFound ? (model.config.baseURL ?? "") : SitePaths.root(from: path))
        values["site"] = siteValue
        values["page"] = meta.value(
            canonical: page == .notFound ? nil : model.config.baseURL.map { SitePaths.absolute(path, base: $0) })
        return .dictionary(values)
    }

    // MARK: Pages

    private func home() -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        if let newest = model.editions.first { values["edition"] = .dictionary(edition(newest)) }
        let previous = model.editions.indices.dropFirst().prefix(Self.previousEditions).map { e -> TemplateValue in
            var value = editionLink(e)
            value["briefings"] = .list(model.editions[e].briefings.map { .dictionary(briefingLinks[$0]) })
            return .dictionary(value)
        }
        values["previous_editions"] = .list(Array(previous))
        values["has_previous_editions"] = .bool(!previous.isEmpty)
        values["top_companies"] = .list(Array(companyLinks.prefix(Self.topCompanies)))
        values["has_companies"] = .bool(!model.companies.isEmpty)
        return values
    }

    /// How many editions the front page links to after the newest.
    static let previousEditions = 10
    /// How many companies the front page lists, those in most stories first.
    static let topCompanies = 12
    /// How many companies a company's page lists as mentioned in the same stories.
    static let mentionedWith = 10

    /// The newest edition for the front page: each briefing with its first stories, as many in all as
    /// `stories_on_front_page` allows.
    private func edition(_ edition: Edition) -> [String: TemplateValue] {
        var values = editionHeading(edition)
        var left = model.config.storiesOnFrontPage
        values["briefings"] = .list(
            edition.briefings.map { b in
                var value = briefingLinks[b]
                let ids = model.briefings[b].storyIDs
                let shown = ids.prefix(max(0, left))
                left -= shown.count
                value["stories"] = .list(
                    shown.map { id in
                        guard case .dictionary(var card) = storyCard(id) else { return storyCard(id) }
                        // The edition's heading gives the date and the briefing's heading its title.
                        card["briefing"] = nil
                        card["date"] = nil
                        card["has_meta"] = .bool(false)
                        card["companies"] = storyCompanies(id)
                        card["has_companies"] = .bool(!model.stories[id].companies.isEmpty)
                        return .dictionary(card)
                    })
                value["has_stories"] = .bool(!shown.isEmpty)
                let more = ids.count - shown.count
                value["more_count"] = .number(Double(more))
                value["more_noun"] = .string(more == 1 ? "story" : "stories")
                value["has_more"] = .bool(more > 0)
                return .dictionary(value)
            })
        return values
    }

    /// An edition's date, or the heading of the undated one.
    private func editionHeading(_ edition: Edition) -> [String: TemplateValue] {
        let date = edition.day.flatMap { ContentDate(year: $0.year, month: $0.month, day: $0.day) }
        return [
            "date": Self.dateValue(date),
            "heading": .string(date.map(DisplayDate.text) ?? "Undated briefings"),
            "briefing_count": .number(Double(edition.briefings.count)),
            "briefing_noun": .string(edition.briefings.count == 1 ? "briefing" : "briefings"),
        ]
    }

    private func briefing(_ index: Int) -> [String: TemplateValue] {
        let briefing = model.briefings[index]
        var values = briefingLinks[index]
        var words = 0
        values["stories"] = .list(
            briefing.storyIDs.enumerated().map { position, id in
                let story = model.stories[id]
                words += story.wordCount
                return .dictionary([
                    "heading": .string(story.heading),
                    "url": .string(SitePaths.story(story.slug)),
                    "anchor": .string("story-\(position + 1)"),
                    "html": .string(story.html),
                    "companies": storyCompanies(id),
                    "has_companies": .bool(!story.companies.isEmpty),
                ])
            })
        values["reading_time"] = .number(Double(Self.readingTime(words: words)))
        let e = model.editionOfBriefing[index]
        values["edition_url"] = .string(editionPaths[e])
        // Editions run newest first: the previous (older) one follows this one.
        if e + 1 < model.editions.count { values["previous_edition"] = .dictionary(editionLink(e + 1)) }
        if e > 0 { values["next_edition"] = .dictionary(editionLink(e - 1)) }
        return values
    }

    /// An edition's heading, and where the archive lists it.
    private func editionLink(_ e: Int) -> [String: TemplateValue] {
        var value = editionHeading(model.editions[e])
        value["url"] = .string(editionPaths[e])
        return value
    }

    private func story(_ story: Story) -> [String: TemplateValue] {
        let briefing = model.briefings[story.briefing]
        let position = briefing.storyIDs.firstIndex(of: story.id) ?? 0
        func neighbour(_ offset: Int) -> TemplateValue {
            let p = position + offset
            return briefing.storyIDs.indices.contains(p) ? storyLink(briefing.storyIDs[p]) : .null
        }
        let figures = KeyFigureContext.find(story.keyFigures, in: story.paragraphs).map { figure -> TemplateValue in
            .dictionary([
                "before": .string(Typography.smart(figure.before)), "value": .string(figure.value),
                "after": .string(Typography.smart(figure.after)),
            ])
        }
        let previous = neighbour(-1)
        let next = neighbour(1)
        return [
            "heading": .string(story.heading),
            "summary": .string(story.summary),
            "html": .string(story.html),
            "briefing": .dictionary([
                "title": .string(briefing.title), "url": .string(SitePaths.briefing(briefing.slug)),
            ]),
            "date": Self.dateValue(story.date),
            "reading_time": .number(Double(Self.readingTime(words: story.wordCount))),
            "companies": storyCompanies(story.id),
            "has_companies": .bool(!story.companies.isEmpty),
            "key_figures": .list(figures),
            "has_key_figures": .bool(!figures.isEmpty),
            "previous": previous,
            "next": next,
            "has_neighbours": .bool(previous != .null || next != .null),
            "related": .list(story.related.map(storyLink)),
            "has_related": .bool(!story.related.isEmpty),
        ]
    }

    private func company(_ i: Int, page: Int) -> [String: TemplateValue] {
        let entry = model.companies[i]
        let company = entry.company
        let pages = model.storyPages(ofCompany: i)
        var values: [String: TemplateValue] = [
            "name": .string(company.name),
            "mentions": .number(Double(entry.mentions)),
            "mention_noun": .string(entry.mentions == 1 ? "time" : "times"),
            "story_count": .number(Double(entry.storyIDs.count)),
            "story_noun": .string(entry.storyIDs.count == 1 ? "story" : "stories"),
            // Company pages leave out each story's company tags: with thousands of stories, the page would be mostly tags.
            "stories": .list(pages.items(page).map { storyCard(entry.storyIDs[$0]) }),
            "pagination": Self.pagination(pages, page, folder: "companies/\(company.slug)/"),
            "feed_url": .string(SitePaths.companyFeed(company.slug, json: false)),
            "json_feed_url": .string(SitePaths.companyFeed(company.slug, json: true)),
        ]
        if let v = company.description { values["description"] = .string(v) }
        if let v = company.sector { values["sector"] = .string(v) }
        if let v = company.ticker { values["ticker"] = .string(v) }
        if let v = company.website, v.hasPrefix("https://") || v.hasPrefix("http://") {
            values["website"] = .string(v)
            var label = v.drop { $0 != "/" }.drop { $0 == "/" }
            if label.hasPrefix("www.") { label = label.dropFirst(4) }
            if label.hasSuffix("/") { label = label.dropLast() }
            values["website_label"] = .string(String(label))
        }
        let with = entry.mentionedWith.prefix(Self.mentionedWith).compactMap { pair -> TemplateValue? in
            guard let i = companyIndex[pair.slug] else { return nil }
            return .dictionary([
                "name": .string(model.companies[i].company.name),
                "url": .string(SitePaths.company(pair.slug)),
                "stories": .number(Double(pair.stories)),
            ])
        }
        values["mentioned_with"] = .list(with)
        values["has_mentioned_with"] = .bool(!with.isEmpty)
        return values
    }

    // MARK: Archive

    private func archiveIndex() -> [String: TemplateValue] {
        let years = model.archive.years.map { year -> TemplateValue in
            .dictionary([
                "year": .number(Double(year.year)),
                "url": .string(SitePaths.archiveYear(year.year)),
                "count": .number(Double(year.count)),
                "noun": .string(year.count == 1 ? "briefing" : "briefings"),
                "months": .list(
                    year.months.map { month in
                        .dictionary([
                            "name": .string(DisplayDate.months[month.month - 1]),
                            "url": .string(SitePaths.archiveMonthFolder(month) + "index.html"),
                            "count": .number(Double(month.briefings.count)),
                        ])
                    }),
            ])
        }
        var values: [String: TemplateValue] = ["years": .list(years), "has_years": .bool(!years.isEmpty)]
        let undated = model.archive.undated.count
        if undated > 0 {
            values["undated"] = .dictionary([
                "url": .string("archive/undated/index.html"),
                "count": .number(Double(undated)),
                "noun": .string(undated == 1 ? "briefing" : "briefings"),
            ])
        }
        return values
    }

    private func archiveYear(_ y: Int) -> [String: TemplateValue] {
        let year = model.archive.years[y]
        let months = year.months.map { month -> TemplateValue in
            let days = month.editions.map { e -> TemplateValue in
                .dictionary([
                    "day": .number(Double(model.editions[e].day?.day ?? 0)), "url": .string(editionPaths[e]),
                    "count": .number(Double(model.editions[e].briefings.count)),
                    "date": Self.dateValue(model.editions[e].day.flatMap(Self.date)),
                ])
            }
            return .dictionary([
                "name": .string(Self.monthName(month)),
                "url": .string(SitePaths.archiveMonthFolder(month) + "index.html"),
                "count": .number(Double(month.briefings.count)),
                "noun": .string(month.briefings.count == 1 ? "briefing" : "briefings"),
                "days": .list(days),
            ])
        }
        var values: [String: TemplateValue] = [
            "year": .number(Double(year.year)),
            "count": .number(Double(year.count)),
            "noun": .string(year.count == 1 ? "briefing" : "briefings"),
            "months": .list(months),
        ]
        if y + 1 < model.archive.years.count { values["older"] = yearLink(y + 1) }
        if y > 0 { values["newer"] = yearLink(y - 1) }
        values["has_neighbours"] = .bool(model.archive.years.count > 1)
        return values
    }

    private func yearLink(_ y: Int) -> TemplateValue {
        let year = model.archive.years[y].year
        return .dictionary(["heading": .string("\(year)"), "url": .string(SitePaths.archiveYear(year))])
    }

    private func archiveMonth(_ y: Int, _ m: Int, page: Int) -> [String: TemplateValue] {
        let year = model.archive.years[y]
        let month = year.months[m]
        let pages = model.briefingPages(ofMonth: y, m)
        var values = dayGroups(month.briefings, pages: pages, page: page)
        values["heading"] = .string(Self.monthName(month))
        values["year"] = yearLink(y)
        values["pagination"] = Self.pagination(pages, page, folder: SitePaths.archiveMonthFolder(month))
        // Months run newest first, across years.
        let all = model.archive.years.indices.flatMap { yy in model.archive.years[yy].months.indices.map { (yy, $0) } }
        let position = all.firstIndex { $0 == (y, m) } ?? 0
        if position + 1 < all.count { values["older"] = monthLink(all[position + 1]) }
        if position > 0 { values["newer"] = monthLink(all[position - 1]) }
        values["has_neighbours"] = .bool(all.count > 1)
        return values
    }

    private func monthLink(_ at: (Int, Int)) -> TemplateValue {
        let month = model.archive.years[at.0].months[at.1]
        return .dictionary([
            "heading": .string(Self.monthName(month)),
            "url": .string(SitePaths.archiveMonthFolder(month) + "index.html"),
        ])
    }

    private func archiveUndated(page: Int) -> [String: TemplateValue] {
        let pages = model.undatedPages
        var values = dayGroups(model.archive.undated, pages: pages, page: page)
        values["heading"] = .string("Undated briefings")
        values["pagination"] = Self.pagination(pages, page, folder: "archive/undated/")
        return values
    }

    /// One page of a list of briefings, under a heading per day.
    private func dayGroups(_ briefings: [Int], pages: Pagination, page: Int) -> [String: TemplateValue] {
        var groups: [(day: Edition.Day?, briefings: [Int])] = []
        for k in pages.items(page) {
            let day = model.briefings[briefings[k]].date.map(Edition.Day.init)
            if groups.isEmpty || groups[groups.count - 1].day != day { groups.append((day, [])) }
            groups[groups.count - 1].briefings.append(briefings[k])
        }
        let days = groups.map { group -> TemplateValue in
            let links = group.briefings.map { TemplateValue.dictionary(briefingLinks[$0]) }
            var value: [String: TemplateValue] = ["briefings": .list(links)]
            if let day = group.day {
                value["date"] = Self.dateValue(Self.date(day))
                value["anchor"] = .string("day-" + day.iso)
            }
            return .dictionary(value)
        }
        return [
            "days": .list(days), "count": .number(Double(briefings.count)),
            "noun": .string(briefings.count == 1 ? "briefing" : "briefings"),
        ]
    }

    static func monthName(_ month: Archive.Month) -> String {
        "\(DisplayDate.months[month.month - 1]) \(month.year)"
    }

    static func date(_ day: Edition.Day) -> ContentDate? {
        ContentDate(year: day.year, month: day.month, day: day.day)
    }

    // MARK: Shared pieces

    /// Where page `page` of a list stands among its pages, with the paths of its neighbours.
    static func pagination(_ pages: Pagination, _ page: Int, folder: String) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "page": .number(Double(page)),
            "pages": .number(Double(pages.pages)),
            "has_pages": .bool(pages.pages > 1),
        ]
        if page > 1 { values["previous"] = .string(Pagination.path(folder, page: page - 1)) }
        if page < pages.pages { values["next"] = .string(Pagination.path(folder, page: page + 1)) }
        return .dictionary(values)
    }

    /// A list's title, with the page number after the first page.
    static func paged(_ title: String, _ page: Int, _ pages: Pagination) -> String {
        page > 1 ? "\(title), page \(page) of \(pages.pages)" : title
    }

    private func storyLink(_ id: Int) -> TemplateValue {
        prebuilt?.links[id] ?? .dictionary(Self.link(model.stories[id]))
    }

    private func storyCard(_ id: Int) -> TemplateValue {
        prebuilt?.cards[id] ?? Self.card(model.stories[id], link: Self.link(model.stories[id]), briefingRefs)
    }

    private func storyCompanies(_ id: Int) -> TemplateValue {
        prebuilt?.companies[id] ?? Self.companies(model.stories[id])
    }

    private static func link(_ story: Story) -> [String: TemplateValue] {
        ["heading": .string(story.heading), "url": .string(SitePaths.story(story.slug)), "date": dateValue(story.date)]
    }

    private static func card(_ story: Story, link: [String: TemplateValue], _ briefingRefs: [TemplateValue])
        -> TemplateValue
    {
        var card = link
        card["summary"] = .string(story.summary)
        card["briefing"] = briefingRefs[story.briefing]
        card["has_meta"] = .bool(true)
        return .dictionary(card)
    }

    private static func companies(_ story: Story) -> TemplateValue {
        .list(
            story.companies.map {
                .dictionary([
                    "name": .string($0.name), "url": .string(SitePaths.company($0.slug)),
                    "mentions": .number(Double($0.mentions)),
                ])
            })
    }

    private static func dateValue(_ date: ContentDate?) -> TemplateValue {
        guard let date else { return .null }
        return .dictionary(["iso": .string(date.isoDay), "display": .string(DisplayDate.text(date))])
    }

    private func briefingDescription(_ briefing: Briefing) -> String {
        briefing.storyIDs.prefix(4).map { model.stories[$0].heading }.joined(separator: " · ")
    }

    static func readingTime(words: Int) -> Int {
        max(1, Int((Double(words) / 230).rounded()))
    }
}

/// What every page says about itself in `<head>`.
private struct PageMeta {
    var title: String
    var description: String
    var ogType = "website"
    var isHome = false
    /// Which navigation entry is current.
    var section: String?

    func value(canonical: String?) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "title": .string(title),
            "description": .string(description),
            "og_type": .string(ogType),
            "is_home": .bool(isHome),
        ]
        if let canonical { values["canonical"] = .string(canonical) }
        if let section { values[section] = .bool(true) }
        return .dictionary(values)
    }
}
