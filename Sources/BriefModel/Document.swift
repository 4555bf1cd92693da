/// What the normalizer understood of one source: its title, date and sections.
///
/// A plain value so that every later stage (tagging, rendering, the site model) can be
/// tested on hand-written documents without going through the normalizer.
public struct Document: Sendable, Hashable {
    /// The path shown in diagnostics, for example `Content/2024-05-01-tesla.txt`.
    public var source: String
    public var title: String
    public var date: ContentDate?
    public var sections: [Section]
    /// Settings from front matter that later stages honour.
    public var metadata: Metadata
    public var diagnostics: [Diagnostic]

    public init(source: String, title: String, date: ContentDate? = nil, sections: [Section],
                metadata: Metadata = Metadata(), diagnostics: [Diagnostic] = []) {
        self.source = source
        self.title = title
        self.date = date
        self.sections = sections
        self.metadata = metadata
        self.diagnostics = diagnostics
    }

    /// Front matter keys beyond title and date.
    public struct Metadata: Sendable, Hashable {
        /// A slug chosen by the author for the briefing.
        public var slug: String?
        public var draft: Bool = false
        /// Company names that replace what tagging would find, when given.
        public var companies: [String]?
        /// A summary the author wrote for the briefing.
        public var description: String?

        public init(slug: String? = nil, draft: Bool = false, companies: [String]? = nil, description: String? = nil) {
            self.slug = slug
            self.draft = draft
            self.companies = companies
            self.description = description
        }
    }
}

/// One section of a source: it becomes one story.
public struct Section: Sendable, Hashable {
    public var heading: String
    /// The 1-based line of the heading in the source (or of the first paragraph when the heading was derived).
    public var line: Int
    public var paragraphs: [Paragraph]

    public init(heading: String, line: Int = 1, paragraphs: [Paragraph]) {
        self.heading = heading
        self.line = line
        self.paragraphs = paragraphs
    }
}

/// One block of a section's body.
public struct Paragraph: Sendable, Hashable {
    /// The text as a reader sees it, without Markdown syntax (ends in "…" when cut).
    public var text: String
    /// The same block as Markdown, escaped so that it renders to `text`.
    public var markdown: String
    /// The 1-based source line where the block starts.
    public var line: Int
    /// Whether every copy of the source stops in the middle of this block.
    public var isCut: Bool

    public init(text: String, markdown: String, line: Int = 1, isCut: Bool = false) {
        self.text = text
        self.markdown = markdown
        self.line = line
        self.isCut = isCut
    }
}
