import BriefTemplate

/// Builds the template data of each page from the site model: plain dictionaries and lists,
/// with every link already made relative to the page.
struct PageData: Sendable {
    let model: SiteModel
    private let companyIndex: [String: Int]
    private let siteValue: TemplateValue

    init(model: SiteModel) {
        self.model = model
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
    }

    func data(for page: Page) -> TemplateValue {
        let path = page.path(in: model)
        // The 404 page is served at any depth, so its links are absolute when the site's address is known.
        let root = page == .notFound ? (model.config.baseURL ?? "/") : SitePaths.root(from: path)
        var values: [String: TemplateValue]
        var meta = PageMeta(title: model.config.title, description: model.config.description)
        switch page {
        case .home:
            values = home(root: root)
            meta.isHome = true
        case .briefingIndex:
            values = briefingIndex(root: root)
            meta = PageMeta(title: "Briefings", description: "All \(model.briefings.count) briefings of \(model.config.title), newest first.")
            meta.section = "in_briefings"
        case .briefing(let i):
            let briefing = model.briefings[i]
            values = self.briefing(briefing, root: root)
            meta = PageMeta(title: briefing.title, description: briefing.description ?? briefingDescription(briefing))
            meta.ogType = "article"
            meta.section = "in_briefings"
        case .story(let i):
            let story = model.stories[i]
            values = self.story(story, root: root)
            meta = PageMeta(title: story.heading, description: story.summary)
            meta.ogType = "article"
        case .companyIndex:
            values = companyIndexValues(root: root)
            meta = PageMeta(title: "Companies", description: "The \(model.companies.count) companies mentioned in \(model.config.title).")
            meta.section = "in_companies"
        case .company(let i):
            let entry = model.companies[i]
            values = company(entry, root: root)
            meta = PageMeta(title: entry.company.name,
                            description: entry.company.description ?? "Stories that mention \(entry.company.name).")
            meta.section = "in_companies"
        case .search:
            values = [:]
            meta = PageMeta(title: "Search", description: "Search the stories of \(model.config.title).")
            meta.section = "in_search"
        case .notFound:
            values = [:]
            meta = PageMeta(title: "Page not found", description: "There is no page at this address.")
        }
        values["root"] = .string(root)
        values["site"] = siteValue
        values["page"] = meta.value(canonical: page == .notFound ? nil : model.config.baseURL.map { SitePaths.absolute(path, base: $0) })
        return .dictionary(values)
    }

    // MARK: Pages

    private func home(root: String) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        if let latest = model.briefings.first {
            let limit = model.config.storiesOnFrontPage
            var latestValue = briefingLink(latest, root: root)
            latestValue["stories"] = .list(latest.storyIDs.prefix(limit).map { storyCard(model.stories[$0], root: root, withBriefing: false) })
            values["latest"] = .dictionary(latestValue)
        }
        let earlier = model.briefings.dropFirst().prefix(20).map { TemplateValue.dictionary(briefingLink($0, root: root)) }
        values["earlier"] = .list(Array(earlier))
        values["has_earlier"] = .bool(!earlier.isEmpty)
        let top = model.companies.prefix(12).map { companyLink($0, root: root) }
        values["top_companies"] = .list(Array(top))
        values["has_companies"] = .bool(!top.isEmpty)
        return values
    }

    private func briefingIndex(root: String) -> [String: TemplateValue] {
        [
            "briefings": .list(model.briefings.map { .dictionary(briefingLink($0, root: root)) }),
            "count": .number(Double(model.briefings.count)),
            "noun": .string(model.briefings.count == 1 ? "briefing" : "briefings"),
        ]
    }

    private func briefing(_ briefing: Briefing, root: String) -> [String: TemplateValue] {
        var values = briefingLink(briefing, root: root)
        var words = 0
        values["stories"] = .list(briefing.storyIDs.enumerated().map { position, id in
            let story = model.stories[id]
            words += story.wordCount
            return .dictionary([
                "heading": .string(story.heading),
                "url": .string(root + SitePaths.story(story.slug)),
                "anchor": .string("story-\(position + 1)"),
                "html": .string(story.html),
                "companies": companyMentions(story, root: root),
                "has_companies": .bool(!story.companies.isEmpty),
            ])
        })
        values["reading_time"] = .number(Double(Self.readingTime(words: words)))
        return values
    }

    private func story(_ story: Story, root: String) -> [String: TemplateValue] {
        let briefing = model.briefings[story.briefing]
        let position = briefing.storyIDs.firstIndex(of: story.id) ?? 0
        func neighbour(_ offset: Int) -> TemplateValue {
            let p = position + offset
            guard briefing.storyIDs.indices.contains(p) else { return .null }
            let other = model.stories[briefing.storyIDs[p]]
            return .dictionary(["heading": .string(other.heading), "url": .string(root + SitePaths.story(other.slug))])
        }
        var values: [String: TemplateValue] = [
            "heading": .string(story.heading),
            "html": .string(story.html),
            "briefing": .dictionary(["title": .string(briefing.title), "url": .string(root + SitePaths.briefing(briefing.slug))]),
            "date": dateValue(story.date),
            "reading_time": .number(Double(Self.readingTime(words: story.wordCount))),
            "companies": companyMentions(story, root: root),
            "has_companies": .bool(!story.companies.isEmpty),
            "key_figures": .list(story.keyFigures.map { .dictionary(["value": .string($0.value), "unit": .string($0.unit)]) }),
            "has_key_figures": .bool(!story.keyFigures.isEmpty),
            "previous": neighbour(-1),
            "next": neighbour(1),
            "related": .list(story.related.map { id in
                let other = model.stories[id]
                return .dictionary(["heading": .string(other.heading), "url": .string(root + SitePaths.story(other.slug)), "date": dateValue(other.date)])
            }),
            "has_related": .bool(!story.related.isEmpty),
        ]
        values["summary"] = .string(story.summary)
        return values
    }

    private func companyIndexValues(root: String) -> [String: TemplateValue] {
        [
            "companies": .list(model.companies.map { companyLink($0, root: root) }),
            "count": .number(Double(model.companies.count)),
            "noun": .string(model.companies.count == 1 ? "company" : "companies"),
        ]
    }

    private func company(_ entry: CompanyEntry, root: String) -> [String: TemplateValue] {
        let company = entry.company
        var values: [String: TemplateValue] = [
            "name": .string(company.name),
            "mentions": .number(Double(entry.mentions)),
            "mention_noun": .string(entry.mentions == 1 ? "time" : "times"),
            "story_count": .number(Double(entry.storyIDs.count)),
            "story_noun": .string(entry.storyIDs.count == 1 ? "story" : "stories"),
            "stories": .list(entry.storyIDs.map { storyCard(model.stories[$0], root: root, withBriefing: true) }),
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
        let with = entry.mentionedWith.prefix(10).compactMap { pair -> TemplateValue? in
            guard let i = companyIndex[pair.slug] else { return nil }
            return .dictionary([
                "name": .string(model.companies[i].company.name),
                "url": .string(root + SitePaths.company(pair.slug)),
                "stories": .number(Double(pair.stories)),
            ])
        }
        values["mentioned_with"] = .list(with)
        values["has_mentioned_with"] = .bool(!with.isEmpty)
        return values
    }

    // MARK: Shared pieces

    private func briefingLink(_ briefing: Briefing, root: String) -> [String: TemplateValue] {
        [
            "title": .string(briefing.title),
            "url": .string(root + SitePaths.briefing(briefing.slug)),
            "date": dateValue(briefing.date),
            "story_count": .number(Double(briefing.storyIDs.count)),
            "story_noun": .string(briefing.storyIDs.count == 1 ? "story" : "stories"),
        ]
    }

    private func storyCard(_ story: Story, root: String, withBriefing: Bool) -> TemplateValue {
        var values: [String: TemplateValue] = [
            "heading": .string(story.heading),
            "url": .string(root + SitePaths.story(story.slug)),
            "summary": .string(story.summary),
            "date": dateValue(story.date),
            "companies": companyMentions(story, root: root),
            "has_companies": .bool(!story.companies.isEmpty),
        ]
        if withBriefing {
            let briefing = model.briefings[story.briefing]
            values["briefing"] = .dictionary(["title": .string(briefing.title), "url": .string(root + SitePaths.briefing(briefing.slug))])
        }
        return .dictionary(values)
    }

    private func companyLink(_ entry: CompanyEntry, root: String) -> TemplateValue {
        .dictionary([
            "name": .string(entry.company.name),
            "url": .string(root + SitePaths.company(entry.company.slug)),
            "story_count": .number(Double(entry.storyIDs.count)),
            "story_noun": .string(entry.storyIDs.count == 1 ? "story" : "stories"),
            "mentions": .number(Double(entry.mentions)),
        ])
    }

    private func companyMentions(_ story: Story, root: String) -> TemplateValue {
        .list(story.companies.map {
            .dictionary([
                "name": .string($0.name),
                "url": .string(root + SitePaths.company($0.slug)),
                "mentions": .number(Double($0.mentions)),
            ])
        })
    }

    private func dateValue(_ date: ContentDate?) -> TemplateValue {
        guard let date else { return .null }
        return .dictionary(["iso": .string(date.isoDay), "display": .string(DisplayDate.text(date))])
    }

    private func briefingDescription(_ briefing: Briefing) -> String {
        let headings = briefing.storyIDs.prefix(4).map { model.stories[$0].heading }
        return headings.joined(separator: " · ")
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
