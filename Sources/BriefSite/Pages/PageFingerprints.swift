import BriefModel

/// What each page is made of, as one number: equal fingerprints mean equal pages, so an
/// incremental build renders only the pages whose fingerprint changed.
///
/// A fingerprint takes the values `PageData` puts into the page from the model directly, and stories by their
/// content hash (computed once, when the source is processed), so it costs a few multiplications. Hashing the
/// page's data itself would be right by construction but means building every page's data on every build: a
/// one-source rebuild took 55% longer that way, at 1,000 and 10,000 briefings. So the two are kept in step by a
/// test instead: `PageFingerprintsTests` changes one story, briefing, company or setting at a time and checks, on
/// every page, that the fingerprint changes exactly when the page's data does; the limits (`PageData.topCompanies`
/// and the like) are shared.
package struct PageFingerprints {
    let model: SiteModel
    /// Settings and everything else that touches every page.
    let global: UInt64
    /// Per template, the templates it can use (`Theme.templateKeys`).
    let templateKeys: [String: UInt64]
    /// Per story: what its link shows (slug, heading, date), and its card (plus summary and briefing).
    let links: [UInt64]
    let cards: [UInt64]
    /// Per edition, where the archive lists it (`SitePaths.editions`).
    let editionPaths: [String]

    /// Hashes every story's link and card once, in parallel, for the pages that list them.
    package init(model: SiteModel, global: UInt64, templateKeys: [String: UInt64]) {
        self.model = model
        editionPaths = SitePaths.editions(in: model)
        self.global = Self.settings(model.config, global)
        self.templateKeys = templateKeys
        // Per story, in parallel: hashing the texts of 40,000 stories is the bulk of the work.
        let both = Parallel.map(model.stories.count) { i -> (link: UInt64, card: UInt64) in
            let story = model.stories[i]
            let briefing = model.briefings[story.briefing]
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

    /// `global` with the settings every page shows (the site's name, description, language, author and address).
    private static func settings(_ config: SiteConfig, _ global: UInt64) -> UInt64 {
        var f = Fingerprint(global)
        for setting in [config.title, config.description, config.language, config.author, config.baseURL] {
            f.add(setting)
        }
        return f.value
    }

    /// The fingerprint of `page`: equal to the last build's, the page need not be drawn again.
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
            for e in model.editions.indices.dropFirst().prefix(PageData.previousEditions) {
                addEditionLink(e, to: &f)
                for b in model.editions[e].briefings { addBriefingLink(model.briefings[b], to: &f) }
            }
            for entry in model.companies.prefix(PageData.topCompanies) { addCompanyLink(entry, to: &f) }
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
            let e = model.editionOfBriefing[i]
            f.add(editionPaths[e])
            for neighbour in [e - 1, e + 1] {
                if model.editions.indices.contains(neighbour) { addEditionLink(neighbour, to: &f) } else { f.add(0) }
            }
        case .story(let i):
            let story = model.stories[i]
            let briefing = model.briefings[story.briefing]
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
            let entry = model.companies[i]
            let company = entry.company
            let pages = model.storyPages(ofCompany: i)
            addCompanyLink(entry, to: &f)
            addPagination(pages, page, to: &f)
            for text in [company.description, company.sector, company.ticker, company.website] { f.add(text) }
            for k in pages.items(page) { f.add(cards[entry.storyIDs[k]]) }
            for pair in entry.mentionedWith.prefix(PageData.mentionedWith) {
                f.add(pair.slug)
                f.add(pair.stories)
                f.add(model.companies.first { $0.company.slug == pair.slug }?.company.name)
            }
        case .archiveIndex, .archiveYear, .archiveMonth, .archiveUndated:
            addArchive(page, to: &f)
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

    /// What an archive page shows: counts, links of editions and briefings, its neighbours.
    private func addArchive(_ page: Page, to f: inout Fingerprint) {
        let archive = model.archive
        switch page {
        case .archiveIndex:
            for year in archive.years {
                f.add(year.year)
                for month in year.months {
                    f.add(month.month)
                    f.add(month.briefings.count)
                }
            }
            f.add(archive.undated.count)
        case .archiveYear(let y):
            for neighbour in [y - 1, y + 1] {
                f.add(archive.years.indices.contains(neighbour) ? archive.years[neighbour].year : 0)
            }
            f.add(archive.years[y].year)
            for month in archive.years[y].months {
                f.add(month.month)
                f.add(month.briefings.count)
                for e in month.editions { addEditionLink(e, to: &f) }
            }
        case .archiveMonth(let y, let m, let page):
            let pages = model.briefingPages(ofMonth: y, m)
            addPagination(pages, page, to: &f)
            let months = archive.years.flatMap { year in year.months.map { ($0.year, $0.month) } }
            let position = months.firstIndex { $0 == (archive.years[y].year, archive.years[y].months[m].month) } ?? 0
            for k in [position - 1, position, position + 1] {
                f.add(months.indices.contains(k) ? months[k].0 * 100 + months[k].1 : 0)
            }
            let briefings = archive.years[y].months[m].briefings
            for k in pages.items(page) { addBriefingLink(model.briefings[briefings[k]], to: &f) }
        case .archiveUndated(let page):
            let pages = model.undatedPages
            addPagination(pages, page, to: &f)
            for k in pages.items(page) { addBriefingLink(model.briefings[archive.undated[k]], to: &f) }
        default:
            break
        }
    }

    /// An edition as a link shows it: its day, its number of briefings and where the archive lists it.
    private func addEditionLink(_ e: Int, to f: inout Fingerprint) {
        let edition = model.editions[e]
        f.add(edition.day?.iso)
        f.add(edition.briefings.count)
        f.add(editionPaths[e])
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
