// BriefSite: the site stage — the settings (brief.yml), assembly of all stories into the site model (slugs,
// company pages, related stories), the pages and their template data and fingerprints, the feeds, sitemap
// and search index, the theme, and the plan of every file of the site (`SitePlan`). Depends on the stages
// before it (BriefStories, BriefCompanies, BriefNormalize for the size limit), BriefTemplate, BriefModel,
// BriefFileSystem, BriefBuiltIn (the default theme), Yams (for brief.yml) and BriefOutput for the type of
// the plan (`FilePlan`), which the writer consumes; nothing of the cache.

import BriefCompanies
import BriefModel
import BriefStories

/// Puts processed sources together into the site: orders briefings, gives every briefing,
/// story and company a unique slug, and works out company pages and related stories.
public struct SiteAssembler {
    /// The settings, handed on to the model for pages and feeds; assembly itself reads none of them.
    public var config: SiteConfig
    /// The gazetteer the stories were tagged with, for the details company pages show.
    public var gazetteer: Gazetteer

    /// Makes an assembler for one build.
    public init(config: SiteConfig, gazetteer: Gazetteer) {
        self.config = config
        self.gazetteer = gazetteer
    }

    /// The site model of all sources; slug clashes and undated sources are recorded as warnings.
    /// Sources without stories are left out; briefings come out sorted by date, then file name.
    public func assemble(_ sources: [ProcessedSource], into diagnostics: inout Diagnostics) -> SiteModel {
        let usable = sources.filter { !$0.stories.isEmpty }
        let ages = Self.ages(usable)
        let slugs = Self.claimSlugs(usable, ages: ages, diagnostics: &diagnostics)

        var briefings: [Briefing] = []
        var stories: [Story] = []
        for i in Self.displayOrder(ages) {
            let document = usable[i].document
            // Titles, headings and first sentences get the smart punctuation story bodies get from cmark-gfm;
            // slugs come from the text as written, so published addresses stay as they were.
            var briefing = Briefing(
                slug: slugs[i].briefing, title: Typography.smart(document.title), date: document.date,
                source: document.source, description: document.metadata.description.map(Typography.smart),
                storyIDs: [])
            for (position, draft) in usable[i].stories.enumerated() {
                briefing.storyIDs.append(stories.count)
                stories.append(
                    Story(
                        id: stories.count, slug: slugs[i].stories[position], heading: Typography.smart(draft.heading),
                        briefing: briefings.count, date: document.date, paragraphs: draft.paragraphs, html: draft.html,
                        companies: draft.companies, summary: Typography.smart(draft.summary),
                        wordCount: draft.wordCount,
                        keyFigures: draft.keyFigures, related: [], source: document.source, line: draft.line,
                        hash: draft.hash, search: draft.search))
            }
            briefings.append(briefing)
        }

        let (companies, storyCompanies) = companyEntries(stories)
        RelatedStories.fill(&stories, companies: companies, storyCompanies: storyCompanies)
        let undated = usable.filter { $0.document.date == nil }.map(\.document.source)
        if let first = undated.min() { diagnostics.add(SiteWarning.undated(path: first, others: undated.count - 1)) }
        return SiteModel(config: config, briefings: briefings, stories: stories, companies: companies)
    }

    /// The slugs the site gives the stories of each source (none to a source without stories), as
    /// `assemble` hands them out; for showing a source's stories as the site will publish them.
    public static func storySlugs(_ sources: [ProcessedSource]) -> [[String]] {
        let usable = sources.indices.filter { !sources[$0].stories.isEmpty }
        let usableSources = usable.map { sources[$0] }
        var ignored = Diagnostics()
        let claimed = claimSlugs(usableSources, ages: ages(usableSources), diagnostics: &ignored)
        var slugs = [[String]](repeating: [], count: sources.count)
        for (k, i) in usable.enumerated() { slugs[i] = claimed[k].stories }
        return slugs
    }

    /// The slugs of each source (with stories) and of its stories: made in parallel, and handed out oldest
    /// first, so that new content never renames what was published.
    static func claimSlugs(
        _ usable: [ProcessedSource], ages: [Age],
        diagnostics: inout Diagnostics
    ) -> [(briefing: String, stories: [String])] {
        let wanted = Parallel.map(usable.count) { i -> (briefing: String, stories: [String]) in
            let document = usable[i].document
            // Front matter slugs are checked where they are read; an invalid one never gets here.
            let custom = document.metadata.slug.flatMap { Slug.isValid($0) ? $0 : nil }
            return (
                custom ?? Slug.make(document.title, fallbackPrefix: "briefing"),
                usable[i].stories.map { Slug.make($0.heading, fallbackPrefix: "story") }
            )
        }
        var briefingSlugs = SlugRegistry(kind: "briefing")
        var storySlugs = SlugRegistry(kind: "story")
        var slugs = wanted
        for i in usable.indices.sorted(by: { ages[$0] < ages[$1] }) {
            let source = usable[i].document.source
            slugs[i].briefing = briefingSlugs.claim(wanted[i].briefing, by: source, line: 1, diagnostics: &diagnostics)
            for (k, story) in usable[i].stories.enumerated() {
                slugs[i].stories[k] = storySlugs.claim(
                    wanted[i].stories[k], by: source, line: story.line, diagnostics: &diagnostics)
            }
        }
        return slugs
    }

    static func ages(_ sources: [ProcessedSource]) -> [Age] {
        sources.map { Age(date: $0.document.date, source: $0.document.source) }
    }

    /// What orders briefings: by date, undated ones last, then by file name. Kept apart from
    /// the sources so that sorting compares two small values, not two whole sources.
    struct Age: Comparable {
        var date: ContentDate?
        var source: String

        /// Older first.
        static func < (a: Age, b: Age) -> Bool {
            switch (a.date, b.date) {
            case (let x?, let y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.source < b.source
            }
        }
    }

    /// The indices of the sources of `ages` newest first; undated sources after all dated ones, by file name.
    static func displayOrder(_ ages: [Age]) -> [Int] {
        let dated = ages.indices.filter { ages[$0].date != nil }.sorted { ages[$1] < ages[$0] }
        let undated = ages.indices.filter { ages[$0].date == nil }.sorted { ages[$0].source < ages[$1].source }
        return dated + undated
    }

    /// The companies with their stories, most stories first, and per story the indices of its companies in that list.
    private func companyEntries(_ stories: [Story]) -> ([CompanyEntry], [[Int]]) {
        var entries: [CompanyEntry] = []
        var index: [String: Int] = [:]
        var pairs: [Int: Int] = [:]
        let known = Dictionary(gazetteer.companies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var storyCompanies: [[Int]] = []
        storyCompanies.reserveCapacity(stories.count)
        for s in stories.indices {
            let mentions = stories[s].companies
            let ids = mentions.map { mention -> Int in
                if let i = index[mention.slug] { return i }
                let company = known[mention.slug] ?? Company(name: mention.name, slug: mention.slug)
                entries.append(CompanyEntry(company: company, storyIDs: [], mentions: 0, mentionedWith: []))
                index[mention.slug] = entries.count - 1
                return entries.count - 1
            }
            for (mention, i) in zip(mentions, ids) {
                entries[i].storyIDs.append(stories[s].id)
                entries[i].mentions += mention.mentions
                for j in ids where j != i { pairs[i << 32 | j, default: 0] += 1 }
            }
            storyCompanies.append(ids)
        }
        var with = [[(slug: String, stories: Int)]](repeating: [], count: entries.count)
        for (key, count) in pairs { with[key >> 32].append((entries[key & 0xFFFF_FFFF].company.slug, count)) }
        for i in entries.indices {
            entries[i].mentionedWith = with[i].sorted { ($1.stories, $0.slug) < ($0.stories, $1.slug) }
        }
        // Most stories first; the indices per story follow the new order.
        let order = entries.indices.sorted {
            (entries[$1].storyIDs.count, entries[$0].company.name) < (
                entries[$0].storyIDs.count, entries[$1].company.name
            )
        }
        var position = [Int](repeating: 0, count: entries.count)
        for (newIndex, oldIndex) in order.enumerated() { position[oldIndex] = newIndex }
        return (order.map { entries[$0] }, storyCompanies.map { $0.map { position[$0] } })
    }
}

/// Hands out unique slugs in one namespace: a taken slug gets a numbered suffix and a warning naming both sources.
struct SlugRegistry {
    var kind: String
    /// Who took each slug: the source and line, kept as they are and formatted only for a warning.
    private var owners: [String: (source: String, line: Int)] = [:]
    /// Per wanted slug, the next suffix to try: a heading used a thousand times costs no more than one.
    private var nextSuffix: [String: Int] = [:]

    init(kind: String) { self.kind = kind }

    mutating func claim(_ wanted: String, by source: String, line: Int, diagnostics: inout Diagnostics) -> String {
        guard let owner = owners[wanted] else {
            owners[wanted] = (source, line)
            return wanted
        }
        var n = nextSuffix[wanted] ?? 2
        while owners["\(wanted)-\(n)"] != nil { n += 1 }
        nextSuffix[wanted] = n + 1
        let slug = "\(wanted)-\(n)"
        owners[slug] = (source, line)
        diagnostics.add(
            SiteWarning.slugTaken(
                kind: kind, wanted: wanted, path: source, line: line, owner: owner.source, ownerLine: owner.line,
                slug: slug))
        return slug
    }
}
