/// A company that stories can be tagged with.
public struct Company: Sendable, Hashable {
    /// The display name pages show; also matched in text.
    public var name: String
    /// The URL segment of the company's pages and feeds (`companies/<slug>/`), unique in the gazetteer.
    public var slug: String
    /// Other spellings matched exactly (case-sensitive), besides the name.
    public var aliases: [String]
    /// The stock ticker, shown on the company's page when known.
    public var ticker: String?
    /// The industry, shown on the company's page when known.
    public var sector: String?
    /// A one-line summary, shown on the company's page when known.
    public var description: String?
    /// The company's own site, linked from its page when known.
    public var website: String?
    /// The name is also an ordinary word ("Apple", "Shell"): a match needs evidence.
    public var ambiguous: Bool

    /// Makes a company by hand; the gazetteer file and tests use it.
    public init(
        name: String, slug: String, aliases: [String] = [], ticker: String? = nil, sector: String? = nil,
        description: String? = nil, website: String? = nil, ambiguous: Bool = false
    ) {
        self.name = name
        self.slug = slug
        self.aliases = aliases
        self.ticker = ticker
        self.sector = sector
        self.description = description
        self.website = website
        self.ambiguous = ambiguous
    }

    /// The name and every alias.
    public var spellings: [String] { [name] + aliases }
}

/// How often a story mentions one company, and where first.
public struct CompanyMention: Sendable, Hashable, Codable {
    /// The company's slug, so the mention can be found again in the gazetteer.
    public var slug: String
    /// The company's display name when tagged, kept so pages need not look it up.
    public var name: String
    /// How many times the story names the company (heading and body).
    public var mentions: Int
    /// The position of the first mention within the story's text (heading first), for ordering.
    public var firstPosition: Int

    /// Makes a mention by hand, for the tagger, the cache reader and tests.
    public init(slug: String, name: String, mentions: Int, firstPosition: Int) {
        self.slug = slug
        self.name = name
        self.mentions = mentions
        self.firstPosition = firstPosition
    }
}

extension CompanyMention {
    /// A story's companies in the order its pages list them: its subject first — the companies its heading
    /// names, in the heading's order — then the others, most mentioned first, ties in order of first mention.
    /// A story about CATL that mentions Tesla more often still lists CATL first.
    /// - Parameter headingLength: the heading's length in UTF-8 bytes; positions below it are in the heading.
    public static func subjectFirst(_ mentions: [CompanyMention], headingLength: Int) -> [CompanyMention] {
        mentions.sorted { a, b in
            let aInHeading = a.firstPosition < headingLength
            let bInHeading = b.firstPosition < headingLength
            if aInHeading != bInHeading { return aInHeading }
            if aInHeading { return a.firstPosition < b.firstPosition }
            return (b.mentions, a.firstPosition) < (a.mentions, b.firstPosition)
        }
    }
}
