import BriefModel
/// What each page is made of, as one number: equal fingerprints mean equal pages, so an
/// incremental build renders only the pages whose fingerprint changed.
///
/// Each function mirrors what `PageData` puts into the page. Stories enter by their content
/// hash (computed once, when the source is processed), so a fingerprint costs a few
/// multiplications, not a render. The tests compare incremental builds with clean ones.
package struct PageFingerprints {
    let model: SiteModel
    /// Settings and everything else that touches every page.
    let global: UInt64
    /// Per template, the templates it can use (`Theme.templateKeys`).
    let templateKeys: [String: UInt64]
    /// Per story: what its link shows (slug, heading, date), and its card (plus summary and briefing).
    let links: [UInt64]
    let cards: [UInt64]

    package init(model: SiteModel, global: UInt64, templateKeys: [String: UInt64]) {
        self.model = model
        self.global = global
        self.templateKeys = templateKeys
        // Per story, in parallel: hashing the texts of 40,000 stories is the bulk of the work.
        let both = Parallel.map(model.stories.count) { i -> (link: UInt64, card: UInt64) in
            let story = model.stories[i], briefing = model.briefings[story.briefing]
            var link = Fingerprint()
            link.add(story.slug)
            link.add(story.heading)
            link.add(story.date)
            var card = Fingerprint(link.value)
            card.add(story.summary)
            card.add(briefing.slug)
            card.add(briefing.title)
            return (link.value, card.value)
        }
        links = both.map(\.link)
        cards = both.map(\.card)
    }

    package func fingerprint(_ page: Page) -> UInt64 {
        var f = Fingerprint(global)
        f.add(page.template)
        f.add(templateKeys[page.template] ?? 0)
        switch page {
        case .home:
            var left = model.config.storiesOnFrontPage
            for b in model.editions.first?.briefings ?? [] {
                addBriefingLink(model.briefings[b], to: &f)
                let shown = model.briefings[b].storyIDs.prefix(max(0, left))
                left -= shown.count
                for id in shown {
                    f.add(cards[id])
                    f.add(model.stories[id].hash)
                }
            }
            for edition in model.editions.dropFirst().prefix(PageData.previousEditions) {
                f.add(edition.briefings.count)
                for b in edition.briefings { addBriefingLink(model.briefings[b], to: &f) }
            }
            for entry in model.companies.prefix(12) { addCompanyLink(entry, to: &f) }
            f.add(model.companies.isEmpty)
        case .briefingIndex(let page):
            let pages = model.briefingPages
            addPagination(pages, page, to: &f)
            for b in pages.items(page) { addBriefingLink(model.briefings[b], to: &f) }
        case .briefing(let i):
            let briefing = model.briefings[i]
            addBriefingLink(briefing, to: &f)
            f.add(briefing.description)
            for id in briefing.storyIDs {
                f.add(model.stories[id].slug)
                f.add(model.stories[id].hash)
            }
        case .story(let i):
            let story = model.stories[i], briefing = model.briefings[story.briefing]
            f.add(story.hash)
            f.add(links[i])
            f.add(briefing.slug)
            f.add(briefing.title)
            let position = briefing.storyIDs.firstIndex(of: i) ?? 0
            for neighbour in [position - 1, position + 1] {
                f.add(briefing.storyIDs.indices.contains(neighbour) ? links[briefing.storyIDs[neighbour]] : 0)
            }
            f.add(story.related.count)
            for id in story.related { f.add(links[id]) }
        case .companyIndex:
            f.add(model.companies.count)
            for entry in model.companies { addCompanyLink(entry, to: &f) }
        case .company(let i, let page):
            let entry = model.companies[i], company = entry.company
            let pages = model.storyPages(ofCompany: i)
            addCompanyLink(entry, to: &f)
            addPagination(pages, page, to: &f)
            for text in [company.description, company.sector, company.ticker, company.website] { f.add(text) }
            for k in pages.items(page) { f.add(cards[entry.storyIDs[k]]) }
            for pair in entry.mentionedWith.prefix(10) {
                f.add(pair.slug)
                f.add(pair.stories)
                f.add(model.companies.first { $0.company.slug == pair.slug }?.company.name)
            }
        case .search, .notFound:
            break
        }
        return f.value
    }

    /// The search index holds every story's text, title and briefing.
    package func searchIndex() -> UInt64 {
        var f = Fingerprint(global)
        for (i, story) in model.stories.enumerated() {
            f.add(cards[i])
            f.add(story.hash)
        }
        return f.value
    }

    /// A list's page: its number, how many there are (so, its neighbours) and the page size.
    private func addPagination(_ pages: Pagination, _ page: Int, to f: inout Fingerprint) {
        f.add(page)
        f.add(pages.pages)
        f.add(pages.count)
        f.add(pages.size)
    }

    private func addBriefingLink(_ briefing: Briefing, to f: inout Fingerprint) {
        f.add(briefing.slug)
        f.add(briefing.title)
        f.add(briefing.date)
        f.add(briefing.storyIDs.count)
    }

    func addCompanyLink(_ entry: CompanyEntry, to f: inout Fingerprint) {
        f.add(entry.company.slug)
        f.add(entry.company.name)
        f.add(entry.storyIDs.count)
        f.add(entry.mentions)
    }
}
