// BriefStories: the per-source stage — a normalized source split into story drafts, tagged with companies,
// rendered to HTML, with key figures, a summary and search text. One source at a time, so it runs in
// parallel and is cached per source. Depends on BriefModel, BriefNormalize, BriefMarkdown, BriefCompanies;
// nothing of the site or the output.

import BriefCompanies
import BriefMarkdown
import BriefModel
import BriefNormalize

/// One source after the per-source stages (normalize, tag, render), ready to be assembled.
///
/// This is the unit of parallel work and of the incremental cache: it depends only on
/// the source's text and the gazetteer, never on other sources.
public struct ProcessedSource: Sendable, Hashable {
    /// The normalized source: its title, date, metadata and diagnostics, which assembly still needs.
    public var document: Document
    /// One draft per section of the document, in the same order.
    public var stories: [StoryDraft]
    /// The key of the gazetteer the stories' companies were found with: when the gazetteer
    /// changes, a cached source is tagged again, not processed again.
    public var companiesKey: UInt64 = 0
    /// The names front matter's `companies:` lists that tag no story, since no story names them: worth a warning.
    public var untaggedCompanies: [String] = []

    /// A processed source from its parts; `SourceProcessor` and the cache reader make them.
    package init(document: Document, stories: [StoryDraft]) {
        self.document = document
        self.stories = stories
    }

    /// A story before the site gives it a slug and neighbours.
    public struct StoryDraft: Sendable, Hashable {
        /// The section's heading, as pages show it.
        public var heading: String
        /// The 1-based source line of the heading, for diagnostics and the story's source link.
        public var line: Int
        /// The body blocks, without the story's own `companies:` line.
        public var paragraphs: [Paragraph]
        /// The body rendered once here, so that no build renders Markdown for a cached source.
        public var html: String
        /// The companies the story is tagged with, subject first.
        public var companies: [CompanyMention]
        /// Numbers worth pulling out of the text ("$5 billion"), at most six.
        public var keyFigures: [KeyFigure]
        /// The first sentence, for listings and descriptions.
        public var summary: String
        /// Words in the body, for the reading time pages show.
        public var wordCount: Int
        /// A hash of everything above, so that pages showing the story can tell whether it changed.
        public var hash: UInt64 = 0
        /// The story's text for the search index, made here once rather than on every build.
        public var search = SearchText()

        /// A draft from its parts; `hash` and `search` are set afterwards (computed, or read from the cache).
        package init(
            heading: String, line: Int, paragraphs: [Paragraph], html: String, companies: [CompanyMention],
            keyFigures: [KeyFigure], summary: String, wordCount: Int
        ) {
            self.heading = heading
            self.line = line
            self.paragraphs = paragraphs
            self.html = html
            self.companies = companies
            self.keyFigures = keyFigures
            self.summary = summary
            self.wordCount = wordCount
        }

        mutating func computeHash() {
            var f = Fingerprint()
            f.add(heading)
            f.add(html)
            for paragraph in paragraphs { f.add(paragraph.text) }
            for company in companies {
                f.add(company.slug)
                f.add(company.name)
                f.add(company.mentions)
            }
            for figure in keyFigures {
                f.add(figure.value)
                f.add(figure.unit)
            }
            f.add(summary)
            f.add(wordCount)
            hash = f.value
        }
    }
}

/// Runs the per-source stages.
public struct SourceProcessor: Sendable {
    /// The tagger built from the gazetteer, kept so that cached sources can be tagged again.
    public var tagger: CompanyTagger
    /// How the site wants its sources normalized (brief.yml's `ignore:`).
    public var normalizing: NormalizeOptions
    /// Companies by name, alias or slug, for front matter `companies:` lists.
    private let lookup: [String: Company]
    /// Merges the companies authors list with those found.
    private let authored: StoryCompanies

    /// Builds the tagger and the name lookup once; one processor serves every source of a build.
    public init(gazetteer: Gazetteer, normalizing: NormalizeOptions = NormalizeOptions()) {
        tagger = CompanyTagger(gazetteer: gazetteer)
        self.normalizing = normalizing
        var lookup: [String: Company] = [:]
        for company in gazetteer.companies {
            for key in company.spellings + [company.slug] where lookup[key] == nil { lookup[key] = company }
        }
        self.lookup = lookup
        authored = StoryCompanies(lookup: lookup)
    }

    /// Normalizes a source file, then processes the document.
    public func process(_ source: SourceText) -> ProcessedSource {
        process(Normalizer.normalize(source, options: normalizing))
    }

    /// Splits a document into story drafts: tags companies, renders HTML, finds key figures and the summary.
    public func process(_ document: Document) -> ProcessedSource {
        let named = namedCompanies(document)
        let listed = listedCompanies(document)
        let stories = document.sections.map { section -> ProcessedSource.StoryDraft in
            let (own, paragraphs) = StoryCompanies.ownLine(section, source: document.source)
            var body = section
            body.paragraphs = paragraphs
            let texts = paragraphs.map(\.text)
            var draft = ProcessedSource.StoryDraft(
                heading: section.heading,
                line: section.line,
                paragraphs: paragraphs,
                html: StoryHTML.render(body.bodyMarkdown),
                companies: companies(
                    document, named: named, listed: story(listed, own), heading: section.heading,
                    texts),
                keyFigures: KeyFigureExtractor.extract(texts),
                summary: Summary.firstSentence(texts.first ?? ""),
                wordCount: texts.reduce(0) { $0 + TextRules.wordCount($1) }
            )
            draft.computeHash()
            draft.search = SearchText(paragraphs)
            return draft
        }
        var source = ProcessedSource(document: document, stories: stories)
        source.untaggedCompanies = untagged(source)
        return source
    }

    /// The source with its stories' companies found again, as this processor's gazetteer has them.
    public func retag(_ source: ProcessedSource) -> ProcessedSource {
        var source = source
        let named = namedCompanies(source.document)
        let listed = listedCompanies(source.document)
        for i in source.stories.indices {
            // Stories are made one per section, so the section holds the story's own `companies:` line.
            let sections = source.document.sections
            let own =
                i < sections.count
                ? StoryCompanies.ownLine(sections[i], source: source.document.source).names : nil
            source.stories[i].companies = companies(
                source.document, named: named, listed: story(listed, own),
                heading: source.stories[i].heading,
                source.stories[i].paragraphs.map(\.text))
            source.stories[i].computeHash()
        }
        source.untaggedCompanies = untagged(source)
        return source
    }

    /// The names front matter lists that tag none of the source's stories (with `companies_only`, every listed
    /// name tags the stories without a line of their own, so none is reported).
    private func untagged(_ source: ProcessedSource) -> [String] {
        guard !source.document.metadata.companiesOnly, let names = source.document.metadata.companies else { return [] }
        let tagged = Set(source.stories.flatMap { $0.companies.map(\.slug) })
        return names.filter { !tagged.contains(authored.company(named: $0).slug) }
    }

    /// The companies of a story: those the tagger finds, those the document names as companies by form
    /// (`named`) and those the author lists (`StoryCompanies`); with `companies_only`, the listed ones alone.
    private func companies(
        _ document: Document, named: [Company], listed: StoryCompanies.Listed, heading: String,
        _ texts: [String]
    ) -> [CompanyMention] {
        if document.metadata.companiesOnly { return authored.only(listed.story ?? listed.source) }
        var found = tagger.tag(heading: heading, paragraphs: texts)
        let more = DocumentCompanies.mentions(of: named, heading: heading, paragraphs: texts)
            .filter { mention in !found.contains { $0.slug == mention.slug } }
        // "Google Ventures" is not a mention of Google.
        for mention in more {
            for k in found.indices where mention.name.hasPrefix(found[k].name + " ") {
                found[k].mentions -= mention.mentions
            }
        }
        return authored.merge(found.filter { $0.mentions > 0 } + more, listed: listed, heading: heading, texts)
    }

    /// Companies the document's paragraphs name by form ("the Enron Corporation") that the gazetteer lacks.
    private func namedCompanies(_ document: Document) -> [Company] {
        guard !document.metadata.companiesOnly else { return [] }
        let texts = document.sections.flatMap { $0.paragraphs.map(\.text) }
        return DocumentCompanies.find(in: texts) { lookup[$0] != nil }
    }

    /// The companies the front matter lists, known or not.
    private func listedCompanies(_ document: Document) -> [Company] {
        (document.metadata.companies ?? []).map(authored.company(named:))
    }

    /// The listed companies of one story: the source's, and those of the story's own line.
    private func story(_ listed: [Company], _ own: [String]?) -> StoryCompanies.Listed {
        StoryCompanies.Listed(source: listed, story: own.map { $0.map(authored.company(named:)) })
    }
}
