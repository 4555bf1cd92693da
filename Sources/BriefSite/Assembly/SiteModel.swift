import BriefCompanies
import BriefModel
import BriefStories

/// Everything the pages are made from: briefings, stories and companies with their links
/// resolved. Plain values, built once per build by `SiteAssembler`.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first; undated briefings last, by file name.
    public var briefings: [Briefing]
    /// In briefing order, then in reading order within each briefing.
    public var stories: [Story]
    /// Most stories first.
    public var companies: [CompanyEntry]
    /// The briefings by day, newest first, the undated ones last (made from `briefings` once, here).
    public let editions: [Edition]
    /// The editions by year and month.
    public let archive: Archive
    /// Per briefing, the index of its edition in `editions`.
    public let editionOfBriefing: [Int]

    public init(config: SiteConfig, briefings: [Briefing], stories: [Story], companies: [CompanyEntry]) {
        self.config = config
        self.briefings = briefings
        self.stories = stories
        self.companies = companies
        editions = Edition.group(briefings)
        archive = Archive(editions)
        var editionOf = [Int](repeating: 0, count: briefings.count)
        for (e, edition) in editions.enumerated() {
            for b in edition.briefings { editionOf[b] = e }
        }
        editionOfBriefing = editionOf
    }
}

/// One source text as published: its title, date and stories.
public struct Briefing: Sendable, Hashable {
    public var slug: String
    public var title: String
    public var date: ContentDate?
    /// The source file, as shown in diagnostics.
    public var source: String
    public var description: String?
    /// Indices into `SiteModel.stories`, in reading order.
    public var storyIDs: [Int]
}

/// One section of a source, published as a page of its own.
public struct Story: Sendable, Hashable {
    public var id: Int
    public var slug: String
    public var heading: String
    /// Index into `SiteModel.briefings`.
    public var briefing: Int
    public var date: ContentDate?
    public var paragraphs: [Paragraph]
    /// The body rendered to HTML by cmark-gfm.
    public var html: String
    public var companies: [CompanyMention]
    /// The first sentence, for listings and descriptions.
    public var summary: String
    public var wordCount: Int
    public var keyFigures: [KeyFigure]
    /// Up to five other stories that share the most companies, newest first among equals.
    public var related: [Int]
    /// The source file and line of the heading, for diagnostics.
    public var source: String
    public var line: Int
    /// The hash of the story's content (`StoryDraft.hash`), for incremental builds.
    public var hash: UInt64
    public var search: SearchText
}

/// A company with the stories that mention it.
public struct CompanyEntry: Sendable, Hashable {
    public var company: Company
    /// Indices into `SiteModel.stories`, newest first.
    public var storyIDs: [Int]
    /// Mentions over all stories.
    public var mentions: Int
    /// Other companies named in the same stories, most shared stories first.
    public var mentionedWith: [(slug: String, stories: Int)]

    public static func == (lhs: CompanyEntry, rhs: CompanyEntry) -> Bool {
        lhs.company == rhs.company && lhs.storyIDs == rhs.storyIDs && lhs.mentions == rhs.mentions
            && lhs.mentionedWith.elementsEqual(rhs.mentionedWith) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(company)
        hasher.combine(storyIDs)
    }
}
