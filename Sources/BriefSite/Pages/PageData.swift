import BriefModel
import BriefTemplate

/// Builds the data of each page from the site model: plain dictionaries and lists, as the template values a page
/// is drawn with (`PageData<TemplateValue>`) or as the hash that tells whether it changed (`PageData<PageHash>`).
///
/// Every `url` in the data is relative to the site root and templates write `{{root}}{{url}}`;
/// so the value of a story, briefing or company is the same on every page, and is built once
/// here instead of once per page that lists it (a company page can list thousands of stories).
package struct PageData<Value: PageValue>: Sendable {
    let model: SiteModel
    /// Per company slug, its index in `model.companies` and the url of its page: stories name companies by slug.
    private let companiesBySlug: [String: (index: Int, url: Value)]
    /// The site's settings as every page shows them.
    let siteValue: Value
    /// Per story: its url; heading, url, date; the same plus summary and briefing; its company tags.
    /// Made for every story at once when most pages are drawn, else (empty) when a page needs them.
    private let storyURLs: [Value]
    private let links: [Value]
    private let cards: [Value]
    private let companyTags: [Value]
    /// Per briefing: title, url, date, story count; title and url; its date (its stories' date too).
    private let briefingLinks: [Value.Fields]
    private let briefingRefs: [Value]
    private let briefingDates: [Value]
    /// Per company: name, url, counts.
    let companyLinks: [Value]
    /// Per edition, where the archive lists it.
    private let editionPaths: [String]

    /// Prepares the data of one build's pages; `prebuildStories` makes every story's link and card up front,
    /// which pays when most pages are drawn (a full build) and not when a few are (an incremental one).
    package init(model: SiteModel, prebuildStories: Bool = true) {
        self.model = model
        editionPaths = SitePaths.editions(in: model)
        let companyURLs = model.companies.map { Value.string(SitePaths.company($0.company.slug)) }
        let companiesBySlug = Dictionary(
            model.companies.indices.map { (model.companies[$0].company.slug, (index: $0, url: companyURLs[$0])) },
            uniquingKeysWith: { _, last in last })
        self.companiesBySlug = companiesBySlug
        var site: Value.Fields = [
            "title": .string(model.config.title),
            "description": .string(model.config.description),
            "language": .string(model.config.language),
        ]
        if let author = model.config.author { site.add("author", .string(author)) }
        if let base = model.config.baseURL { site.add("base_url", .string(base)) }
        siteValue = .dictionary(site)

        let briefingDates = model.briefings.map { Self.dateValue($0.date) }
        self.briefingDates = briefingDates
        let briefingURLs = model.briefings.map { Value.string(SitePaths.briefing($0.slug)) }
        briefingLinks = model.briefings.indices.map { b -> Value.Fields in
            let briefing = model.briefings[b]
            return [
                "title": .string(briefing.title),
                "url": briefingURLs[b],
                "date": briefingDates[b],
                "story_count": .number(Double(briefing.storyIDs.count)),
                "story_noun": .string(briefing.storyIDs.count == 1 ? "story" : "stories"),
            ]
        }
        let briefingRefs = model.briefings.indices.map { b in
            Value.dictionary(["title": .string(model.briefings[b].title), "url": briefingURLs[b]])
        }
        self.briefingRefs = briefingRefs
        let built = Parallel.map(prebuildStories ? model.stories.count : 0) { i in
            Self.values(of: model.stories[i], briefingDates, briefingRefs, companiesBySlug)
        }
        storyURLs = built.map(\.url)
        links = built.map(\.link)
        cards = built.map(\.card)
        companyTags = built.map(\.tags)
        companyLinks = model.companies.indices.map { i in
            let entry = model.companies[i]
            return .dictionary([
                "name": .string(entry.company.name),
                "url": companyURLs[i],
                "story_count": .number(Double(entry.storyIDs.count)),
                "story_noun": .string(entry.storyIDs.count == 1 ? "story" : "stories"),
                "mentions": .number(Double(entry.mentions)),
            ])
        }
    }

    /// The data `page`'s template receives: the site, the page's own values and its meta.
    package func data(for page: Page) -> Value { data(for: page, at: page.path(in: model)) }

    /// The data of `page`, whose path (`Page.path(in:)`) the caller has made already.
    package func data(for page: Page, at path: String) -> Value {
        var values: Value.Fields
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
        values.add("root", .string(page == .notFound ? (model.config.baseURL ?? "") : SitePaths.root(from: path)))
        values.add("site", siteValue)
        values.add(
            "page",
            meta.value(
                canonical: page == .notFound ? nil : model.config.baseURL.map { SitePaths.absolute(path, base: $0) }))
        return .dictionary(values)
    }

    // MARK: Pages

    private func home() -> Value.Fields {
        var values: Value.Fields = [:]
        if let newest = model.editions.first { values.add("edition", .dictionary(edition(newest))) }
        let previous = model.editions.indices.dropFirst().prefix(Self.previousEditions).map { e -> Value in
            var value = editionLink(e)
            value.add("briefings", .list(model.editions[e].briefings.map { .dictionary(briefingLinks[$0]) }))
            return .dictionary(value)
        }
        values.add("previous_editions", .list(Array(previous)))
        values.add("has_previous_editions", .bool(!previous.isEmpty))
        values.add("top_companies", .list(Array(companyLinks.prefix(Self.topCompanies))))
        values.add("has_companies", .bool(!model.companies.isEmpty))
        return values
    }

    /// How many editions the front page links to after the newest.
    private static var previousEditions: Int { 10 }
    /// How many companies the front page lists, those in most stories first.
    private static var topCompanies: Int { 12 }
    /// How many companies a company's page lists as mentioned in the same stories.
    private static var mentionedWith: Int { 10 }

    /// The newest edition for the front page: each briefing with its first stories, as many in all as
    /// `stories_on_front_page` allows.
    private func edition(_ edition: Edition) -> Value.Fields {
        var values = editionHeading(edition)
        var left = model.config.storiesOnFrontPage
        let briefings = edition.briefings.map { b -> Value in
            var value = briefingLinks[b]
            let ids = model.briefings[b].storyIDs
            let shown = ids.prefix(max(0, left))
            left -= shown.count
            value.add("stories", .list(shown.map { editionCard($0) }))
            value.add("has_stories", .bool(!shown.isEmpty))
            let more = ids.count - shown.count
            value.add("more_count", .number(Double(more)))
            value.add("more_noun", .string(more == 1 ? "story" : "stories"))
            value.add("has_more", .bool(more > 0))
            return .dictionary(value)
        }
        values.add("briefings", .list(briefings))
        return values
    }

    /// A story on the front page: its card without date or briefing (the edition's heading gives the date and
    /// the briefing's heading its title), with its company tags.
    private func editionCard(_ id: Int) -> Value {
        let story = model.stories[id]
        return .dictionary([
            "heading": .string(story.heading),
            "url": storyURL(id),
            "summary": .string(story.summary),
            "has_meta": .bool(false),
            "companies": storyCompanies(id),
            "has_companies": .bool(!story.companies.isEmpty),
        ])
    }

    /// An edition's date, or the heading of the undated one.
    private func editionHeading(_ edition: Edition) -> Value.Fields {
        let date = edition.day.flatMap(Self.date)
        return [
            "date": Self.dateValue(date),
            "heading": .string(date.map(DisplayDate.text) ?? "Undated briefings"),
            "briefing_count": .number(Double(edition.briefings.count)),
            "briefing_noun": .string(edition.briefings.count == 1 ? "briefing" : "briefings"),
        ]
    }

    private func briefing(_ index: Int) -> Value.Fields {
        let briefing = model.briefings[index]
        var values = briefingLinks[index]
        var words = 0
        let stories = briefing.storyIDs.enumerated().map { position, id -> Value in
            let story = model.stories[id]
            words += story.wordCount
            return briefingEntry(story, position: position)
        }
        values.add("stories", .list(stories))
        values.add("reading_time", .number(Double(Self.readingTime(words: words))))
        let e = model.editionOfBriefing[index]
        values.add("edition_url", .string(editionPaths[e]))
        // Editions run newest first: the previous (older) one follows this one.
        if e + 1 < model.editions.count { values.add("previous_edition", .dictionary(editionLink(e + 1))) }
        if e > 0 { values.add("next_edition", .dictionary(editionLink(e - 1))) }
        return values
    }

    /// A story on its briefing's page, in full.
    private func briefingEntry(_ story: Story, position: Int) -> Value {
        var value: Value.Fields = [
            "heading": .string(story.heading),
            "url": storyURL(story.id),
            "anchor": .string(position < storyAnchors.count ? storyAnchors[position] : "story-\(position + 1)"),
            "companies": storyCompanies(story.id),
            "has_companies": .bool(!story.companies.isEmpty),
        ]
        Value.addContent(of: story, to: &value) { $0.add("html", .string(story.html)) }
        return .dictionary(value)
    }

    /// An edition's heading, and where the archive lists it.
    private func editionLink(_ e: Int) -> Value.Fields {
        var value = editionHeading(model.editions[e])
        value.add("url", .string(editionPaths[e]))
        return value
    }

    private func story(_ story: Story) -> Value.Fields {
        let ids = model.briefings[story.briefing].storyIDs
        let position = ids.firstIndex(of: story.id) ?? 0
        let previous = position > 0 ? storyLink(ids[position - 1]) : .null
        let next = position + 1 < ids.count ? storyLink(ids[position + 1]) : .null
        var values: Value.Fields = [
            "heading": .string(story.heading),
            "summary": .string(story.summary),
            "briefing": briefingRefs[story.briefing],
            "date": briefingDates[story.briefing],
            "reading_time": .number(Double(Self.readingTime(words: story.wordCount))),
            "companies": storyCompanies(story.id),
            "has_companies": .bool(!story.companies.isEmpty),
            "previous": previous,
            "next": next,
            "has_neighbours": .bool(ids.count > 1),
            // A closure, not `map(storyLink)`: a method reference copies `self`, with all its lists, each time.
            "related": .list(story.related.map { storyLink($0) }),
            "has_related": .bool(!story.related.isEmpty),
        ]
        Value.addContent(of: story, to: &values) { values in
            values.add("html", .string(story.html))
            let figures = KeyFigureContext.find(story.keyFigures, in: story.paragraphs).map { figure -> Value in
                .dictionary([
                    "before": .string(Typography.smart(figure.before)), "value": .string(figure.value),
                    "after": .string(Typography.smart(figure.after)),
                ])
            }
            values.add("key_figures", .list(figures))
            values.add("has_key_figures", .bool(!figures.isEmpty))
        }
        return values
    }

    private func company(_ i: Int, page: Int) -> Value.Fields {
        let entry = model.companies[i]
        let company = entry.company
        let pages = model.storyPages(ofCompany: i)
        var values: Value.Fields = [
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
        if let v = company.description { values.add("description", .string(v)) }
        if let v = company.sector { values.add("sector", .string(v)) }
        if let v = company.ticker { values.add("ticker", .string(v)) }
        if let v = company.website, v.hasPrefix("https://") || v.hasPrefix("http://") {
            values.add("website", .string(v))
            var label = v.drop { $0 != "/" }.drop { $0 == "/" }
            if label.hasPrefix("www.") { label = label.dropFirst(4) }
            if label.hasSuffix("/") { label = label.dropLast() }
            values.add("website_label", .string(String(label)))
        }
        let with = entry.mentionedWith.prefix(Self.mentionedWith).compactMap { pair -> Value? in
            guard let other = companiesBySlug[pair.slug] else { return nil }
            return .dictionary([
                "name": .string(model.companies[other.index].company.name),
                "url": other.url,
                "stories": .number(Double(pair.stories)),
            ])
        }
        values.add("mentioned_with", .list(with))
        values.add("has_mentioned_with", .bool(!with.isEmpty))
        return values
    }

    // MARK: Archive

    private func archiveIndex() -> Value.Fields {
        let years = model.archive.years.map { year -> Value in
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
        var values: Value.Fields = ["years": .list(years), "has_years": .bool(!years.isEmpty)]
        let undated = model.archive.undated.count
        if undated > 0 {
            values.add(
                "undated",
                .dictionary([
                    "url": .string("archive/undated/index.html"),
                    "count": .number(Double(undated)),
                    "noun": .string(undated == 1 ? "briefing" : "briefings"),
                ]))
        }
        return values
    }

    private func archiveYear(_ y: Int) -> Value.Fields {
        let year = model.archive.years[y]
        let months = year.months.map { month -> Value in
            let days = month.editions.map { e -> Value in
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
        var values: Value.Fields = [
            "year": .number(Double(year.year)),
            "count": .number(Double(year.count)),
            "noun": .string(year.count == 1 ? "briefing" : "briefings"),
            "months": .list(months),
        ]
        if y + 1 < model.archive.years.count { values.add("older", yearLink(y + 1)) }
        if y > 0 { values.add("newer", yearLink(y - 1)) }
        values.add("has_neighbours", .bool(model.archive.years.count > 1))
        return values
    }

    private func yearLink(_ y: Int) -> Value {
        let year = model.archive.years[y].year
        return .dictionary(["heading": .string("\(year)"), "url": .string(SitePaths.archiveYear(year))])
    }

    private func archiveMonth(_ y: Int, _ m: Int, page: Int) -> Value.Fields {
        let year = model.archive.years[y]
        let month = year.months[m]
        let pages = model.briefingPages(ofMonth: y, m)
        var values = dayGroups(month.briefings, pages: pages, page: page)
        values.add("heading", .string(Self.monthName(month)))
        values.add("year", yearLink(y))
        values.add("pagination", Self.pagination(pages, page, folder: SitePaths.archiveMonthFolder(month)))
        // Months run newest first, across years.
        let all = model.archive.years.indices.flatMap { yy in model.archive.years[yy].months.indices.map { (yy, $0) } }
        let position = all.firstIndex { $0 == (y, m) } ?? 0
        if position + 1 < all.count { values.add("older", monthLink(all[position + 1])) }
        if position > 0 { values.add("newer", monthLink(all[position - 1])) }
        values.add("has_neighbours", .bool(all.count > 1))
        return values
    }

    private func monthLink(_ at: (Int, Int)) -> Value {
        let month = model.archive.years[at.0].months[at.1]
        return .dictionary([
            "heading": .string(Self.monthName(month)),
            "url": .string(SitePaths.archiveMonthFolder(month) + "index.html"),
        ])
    }

    private func archiveUndated(page: Int) -> Value.Fields {
        let pages = model.undatedPages
        var values = dayGroups(model.archive.undated, pages: pages, page: page)
        values.add("heading", .string("Undated briefings"))
        values.add("pagination", Self.pagination(pages, page, folder: "archive/undated/"))
        return values
    }

    /// One page of a list of briefings, under a heading per day.
    private func dayGroups(_ briefings: [Int], pages: Pagination, page: Int) -> Value.Fields {
        var groups: [(day: Edition.Day?, briefings: [Int])] = []
        for k in pages.items(page) {
            let day = model.briefings[briefings[k]].date.map(Edition.Day.init)
            if groups.isEmpty || groups[groups.count - 1].day != day { groups.append((day, [])) }
            groups[groups.count - 1].briefings.append(briefings[k])
        }
        let days = groups.map { group -> Value in
            let links = group.briefings.map { Value.dictionary(briefingLinks[$0]) }
            var value: Value.Fields = ["briefings": .list(links)]
            if let day = group.day {
                value.add("date", Self.dateValue(Self.date(day)))
                value.add("anchor", .string("day-" + day.iso))
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
    static func pagination(_ pages: Pagination, _ page: Int, folder: String) -> Value {
        var values: Value.Fields = [
            "page": .number(Double(page)),
            "pages": .number(Double(pages.pages)),
            "has_pages": .bool(pages.pages > 1),
        ]
        if page > 1 { values.add("previous", .string(Pagination.path(folder, page: page - 1))) }
        if page < pages.pages { values.add("next", .string(Pagination.path(folder, page: page + 1))) }
        return .dictionary(values)
    }

    /// A list's title, with the page number after the first page.
    static func paged(_ title: String, _ page: Int, _ pages: Pagination) -> String {
        page > 1 ? "\(title), page \(page) of \(pages.pages)" : title
    }

    /// What is made once per story for the pages that list it: its url, link, card and company tags.
    private static func values(
        of story: Story, _ dates: [Value], _ briefingRefs: [Value], _ companies: [String: (index: Int, url: Value)]
    ) -> (url: Value, link: Value, card: Value, tags: Value) {
        let url = Value.string(SitePaths.story(story.slug))
        let link = Self.link(story, url, dates)
        return (url, .dictionary(link), card(story, link: link, briefingRefs), tags(story, companies))
    }

    private func storyURL(_ id: Int) -> Value {
        storyURLs.isEmpty ? .string(SitePaths.story(model.stories[id].slug)) : storyURLs[id]
    }

    private func storyLink(_ id: Int) -> Value {
        links.isEmpty ? .dictionary(Self.link(model.stories[id], storyURL(id), briefingDates)) : links[id]
    }

    /// Story `id` as lists of stories show it: its link, summary and briefing.
    func storyCard(_ id: Int) -> Value {
        if !cards.isEmpty { return cards[id] }
        let story = model.stories[id]
        return Self.card(story, link: Self.link(story, storyURL(id), briefingDates), briefingRefs)
    }

    private func storyCompanies(_ id: Int) -> Value {
        companyTags.isEmpty ? Self.tags(model.stories[id], companiesBySlug) : companyTags[id]
    }

    /// A story's heading, url and date (its briefing's, in `dates`).
    private static func link(_ story: Story, _ url: Value, _ dates: [Value]) -> Value.Fields {
        ["heading": .string(story.heading), "url": url, "date": dates[story.briefing]]
    }

    private static func card(_ story: Story, link: Value.Fields, _ briefingRefs: [Value]) -> Value {
        var card = link
        card.add("summary", .string(story.summary))
        card.add("briefing", briefingRefs[story.briefing])
        card.add("has_meta", .bool(true))
        return .dictionary(card)
    }

    /// A story's company tags, with the urls of the company pages in `companies`.
    private static func tags(_ story: Story, _ companies: [String: (index: Int, url: Value)]) -> Value {
        .list(
            story.companies.map {
                .dictionary([
                    "name": .string($0.name), "url": companies[$0.slug]?.url ?? .string(SitePaths.company($0.slug)),
                    "mentions": .number(Double($0.mentions)),
                ])
            })
    }

    private static func dateValue(_ date: ContentDate?) -> Value {
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

extension PageData<TemplateValue> {
    /// The template data of each of `pages`, in order: built here, where the generic code is specialized, for
    /// callers in other targets (the benchmarks), which would otherwise run it unspecialized, a third slower.
    package func templateData(for pages: [Page]) -> [TemplateValue] { pages.map { data(for: $0) } }
}

/// What every page says about itself in `<head>`.
private struct PageMeta {
    var title: String
    var description: String
    var ogType = "website"
    var isHome = false
    /// Which navigation entry is current.
    var section: String?

    func value<Value: PageValue>(canonical: String?) -> Value {
        var values: Value.Fields = [
            "title": .string(title),
            "description": .string(description),
            "og_type": .string(ogType),
            "is_home": .bool(isHome),
        ]
        if let canonical { values.add("canonical", .string(canonical)) }
        if let section { values.add(section, .bool(true)) }
        return .dictionary(values)
    }
}

/// The anchors of a briefing's first stories on its page, made once.
private let storyAnchors = (1...50).map { "story-\($0)" }
