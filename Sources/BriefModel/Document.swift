// BriefModel: the plain values every stage shares — documents, dates, diagnostics, slugs — and the
// small helpers every stage may use: stable hashes and fingerprints, the parallel loop, YAML reading,
// text escaping. Depends on nothing of brief (Yams only, for YAML).

/// What the normalizer understood of one source: its title, date and sections.
///
/// A plain value so that every later stage (tagging, rendering, the site model) can be
/// tested on hand-written documents without going through the normalizer.
public struct Document: Sendable, Hashable {
    /// The path shown in diagnostics, for example `Content/2024-05-01-tesla.txt`.
    public var source: String
    /// The title pages show: the source's own, or one derived from its text or file name.
    public var title: String
    /// Whether the source gives its title itself (front matter, a title line, a `#` heading),
    /// rather than brief deriving one; `brief normalize --json` shows a derived title as null.
    public var hasOwnTitle: Bool
    /// The date the briefing is filed under: from front matter or the file name; nil leaves it undated.
    public var date: ContentDate?
    /// The source's stories, in reading order.
    public var sections: [Section]
    /// Settings from front matter that later stages honour.
    public var metadata: Metadata
    /// Problems the normalizer found in this source, reported with the build's own.
    public var diagnostics: [Diagnostic]

    /// Makes a document by hand; tests use it to feed later stages without the normalizer.
    public init(
        source: String, title: String, hasOwnTitle: Bool = true, date: ContentDate? = nil, sections: [Section],
        metadata: Metadata = Metadata(), diagnostics: [Diagnostic] = []
    ) {
        self.source = source
        self.title = title
        self.hasOwnTitle = hasOwnTitle
        self.date = date
        self.sections = sections
        self.metadata = metadata
        self.diagnostics = diagnostics
    }

    /// Front matter keys beyond title and date.
    public struct Metadata: Sendable, Hashable {
        /// A slug chosen by the author for the briefing.
        public var slug: String?
        /// `draft: true`: the briefing is left out of the site unless drafts are asked for.
        public var draft: Bool = false
        /// Companies the author lists (`companies:`): tagged on the stories that name them, besides
        /// those tagging finds.
        public var companies: [String]?
        /// The line of the `companies:` key, for a warning about what it lists.
        public var companiesLine: Int?
        /// `companies_only: true`: tagging is off, and every story has the listed companies alone.
        public var companiesOnly: Bool
        /// A summary the author wrote for the briefing.
        public var description: String?

        /// Makes metadata with every key absent unless given.
        public init(
            slug: String? = nil, draft: Bool = false, companies: [String]? = nil, companiesLine: Int? = nil,
            companiesOnly: Bool = false, description: String? = nil
        ) {
            self.slug = slug
            self.draft = draft
            self.companies = companies
            self.companiesLine = companiesLine
            self.companiesOnly = companiesOnly
            self.description = description
        }
    }
}

/// One section of a source: it becomes one story.
public struct Section: Sendable, Hashable {
    /// The heading pages show: the section's own, or (for text before the first heading) a derived one.
    public var heading: String
    /// Whether the heading is written in the source; false for the text before the first heading.
    public var hasOwnHeading: Bool
    /// The 1-based line of the heading in the source (or of the first paragraph when the heading was derived).
    public var line: Int
    /// The section's body blocks, in order; empty for a heading with no text.
    public var paragraphs: [Paragraph]

    /// Makes a section by hand; line defaults to 1 for hand-written tests.
    public init(heading: String, hasOwnHeading: Bool = true, line: Int = 1, paragraphs: [Paragraph]) {
        self.heading = heading
        self.hasOwnHeading = hasOwnHeading
        self.line = line
        self.paragraphs = paragraphs
    }
}

/// One block of a section's body.
public struct Paragraph: Sendable, Hashable {
    /// What kind of block it is, so that Markdown output keeps lists as lists.
    public enum Kind: Sendable, Hashable {
        /// A paragraph of prose.
        case text
        /// A list item, at a nesting depth (0 for the outermost list).
        case item(depth: Int)
        /// A short label inside a story that introduces what follows ("Why it matters:").
        case subhead
        /// A quoted block.
        case quote
    }

    /// The text as a reader sees it, without Markdown syntax (ends in "…" when cut).
    public var text: String
    /// The same block as Markdown, escaped so that it renders to `text`.
    public var markdown: String
    /// The 1-based source line where the block starts.
    public var line: Int
    /// Whether every copy of the source stops in the middle of this block.
    public var isCut: Bool
    /// Whether the block is prose, a list item, a subhead or a quote.
    public var kind: Kind

    /// Makes a block; `markdown` must render to `text`, which the normalizer guarantees and tests must too.
    public init(text: String, markdown: String, line: Int = 1, isCut: Bool = false, kind: Kind = .text) {
        self.text = text
        self.markdown = markdown
        self.line = line
        self.isCut = isCut
        self.kind = kind
    }
}
