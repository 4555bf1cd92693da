import BriefCompanies
import BriefModel
import BriefStories

/// Everything the pages are made from: briefings, stories and companies with their links
/// resolved. Plain values, built once per build by `SiteAssembler`.
public struct SiteModel: Sendable {
    /// The settings, which pages and feeds read for titles, counts and addresses.
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

    /// Makes the model and works out editions and archives from `briefings`, which must be in site order.
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
    /// The briefing's URL segment, unique among briefings (a clash gets `-2`, `-3` and a warning).
    public var slug: String
    /// The title pages show, with smart punctuation.
    public var title: String
    /// The briefing's date; nil puts it in the undated edition.
    public var date: ContentDate?
    /// The source file, as shown in diagnostics.
    public var source: String
    /// The author's summary from front matter, with smart punctuation; nil lets pages use the first story's.
    public var description: String?
    /// Indices into `SiteModel.stories`, in reading order.
    public var storyIDs: [Int]
}

/// One section of a source, published as a page of its own.
public struct Story: Sendable, Hashable {
    /// The story's index in `SiteModel.stories`, which other values use to refer to it.
    public var id: Int
    /// The story's URL segment, unique among stories (a clash gets `-2`, `-3` and a warning).
    public var slug: String
    /// The heading pages show, with smart punctuation.
    public var heading: String
    /// Index into `SiteModel.briefings`.
    public var briefing: Int
    /// Its briefing's date, copied here so that listings of stories need not look it up.
    public var date: ContentDate?
    /// The body blocks as plain text, for key figures and search.
    public var paragraphs: [Paragraph]
    /// The body rendered to HTML by cmark-gfm.
    public var html: String
    /// The companies the story is tagged with, subject first.
    public var companies: [CompanyMention]
    /// The first sentence, for listings and descriptions.
    public var summary: String
    /// Words in the body, for the reading time pages show.
    public var wordCount: Int
    /// Numbers worth pulling out of the text, shown with the sentence they come from.
    public var keyFigures: [KeyFigure]
    /// Up to five other stories that share the most companies, newest first among equals.
    public var related: [Int]
    /// The source file and line of the heading, for diagnostics.
    public var source: String
    /// The 1-based line of the heading in `source`.
    public var line: Int
    /// The hash of the story's content (`StoryDraft.hash`), for incremental builds.
    public var hash: UInt64
    /// The story's text for the search index, carried from the processed source unchanged.
    public var search: SearchText
}

/// A company with the stories that mention it.
public struct CompanyEntry: Sendable, Hashable {
    /// The company as the gazetteer describes it, or by its name alone when it is not in the gazetteer.
    public var company: Company
    /// Indices into `SiteModel.stories`, newest first.
    public var storyIDs: [Int]
    /// Mentions over all stories.
    public var mentions: Int
    /// Other companies named in the same stories, most shared stories first.
    public var mentionedWith: [(slug: String, stories: Int)]

    /// Equal when company, stories, mention count and companions are equal (tuples are not `Equatable`).
    public static func == (lhs: CompanyEntry, rhs: CompanyEntry) -> Bool {
        lhs.company == rhs.company && lhs.storyIDs == rhs.storyIDs && lhs.mentions == rhs.mentions
            && lhs.mentionedWith.elementsEqual(rhs.mentionedWith) { $0 == $1 }
    }

    /// Hashes the company and its stories only, enough to tell entries apart and consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(company)
        hasher.combine(storyIDs)
    }
}
