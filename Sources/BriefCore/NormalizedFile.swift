import BriefFileSystem
import BriefModel
import BriefNormalize
import BriefSite
import BriefStories
import Foundation

/// One source file as `brief normalize` shows it: what a build makes of it, with the slugs the
/// site gives its stories. Encodes as the command's JSON; `markdown` is its Markdown form.
public struct NormalizedFile: Encodable, Sendable {
    /// One section of the file as the site would publish it.
    public struct Story: Encodable, Sendable {
        /// The heading as written in the source; null for text before the first heading.
        public var heading: String?
        /// The story's slug as the site gives it, clashes with other files of the run resolved as a build does.
        public var slug: String
        /// The body blocks as plain text.
        public var paragraphs: [String]
        /// The companies the story is tagged with, subject first.
        public var companies: [Company]
        /// The section as cleaned Markdown.
        public var markdown: String

        enum CodingKeys: String, CodingKey { case heading, slug, paragraphs, companies, markdown }

        /// A story without a heading of its own says `"heading": null`, not nothing.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(heading, forKey: .heading)
            try container.encode(slug, forKey: .slug)
            try container.encode(paragraphs, forKey: .paragraphs)
            try container.encode(companies, forKey: .companies)
            try container.encode(markdown, forKey: .markdown)
        }
    }

    /// One company a story is tagged with, as the JSON shows it.
    public struct Company: Encodable, Sendable {
        /// The company's display name.
        public var name: String
        /// The company's slug, as in its page's address.
        public var slug: String
        /// How many times the story names it.
        public var mentions: Int
    }

    /// How many lines of the file one of brief.yml's `ignore:` patterns removed.
    public struct IgnoredLines: Encodable, Sendable {
        /// The pattern as written in `brief.yml`.
        public var pattern: String
        /// How many lines of this file it removed.
        public var lines: Int
    }

    /// The file's path as given on the command line.
    public var source: String
    /// The title the source gives itself; nil (JSON null) when brief would derive one.
    public var title: String?
    /// The briefing's date as `YYYY-MM-DD`; nil when the source is undated or could not be read.
    public var date: String?
    /// The stories, in reading order; empty when the file could not be read or decoded.
    public var stories: [Story]
    /// The file's warnings and errors, as a build would report them.
    public var diagnostics: [Diagnostic]
    /// The `ignore:` patterns that removed lines of this file.
    public var ignored: [IgnoredLines] = []
    /// The document as cleaned Markdown with front matter; nil when the file could not be read or decoded.
    public var markdown: String?
    /// Every line and what it was recognized as, when asked for.
    public var explanation: [LineExplanation]?

    /// The explanation as lines to print: the file's name, then `  12  chrome (share)  Share this…`.
    public var explanationTable: [String]? {
        guard let explanation else { return nil }
        let width = min(40, explanation.map(\.what.count).max() ?? 0)
        return ["\(source):"]
            + explanation.map { line in
                let number = String(line.line)
                let padding = String(repeating: " ", count: max(0, width - line.what.count))
                return String(repeating: " ", count: max(0, 6 - number.count)) + number + "  " + line.what + padding
                    + "  " + line.text
            }
    }

    /// Reads, decodes and processes each file as a build does its sources, tagging companies with the
    /// gazetteer of the site at `root` (its `Content/companies.yml`, when there is one).
    /// The site's settings (`brief.yml`'s `ignore:` and `max_source_size`) apply as in a build.
    /// - Parameters:
    ///   - explaining: also say, line by line, what each file's lines were recognized as.
    ///   - settings: where the problems of the site's settings and companies file are recorded.
    /// - Returns: one value per file, in order, each with its own problems.
    public static func normalize(
        _ files: [String], root: URL, explaining: Bool = false, into settings: inout Diagnostics
    ) -> [NormalizedFile] {
        let options = BuildOptions(root: root)
        let config = SiteSettings.load(options, into: &settings).config
        let gazetteer = GazetteerLoader.load(options, into: &settings)
        let processor = SourceProcessor(gazetteer: gazetteer, normalizing: config.normalizeOptions)
        let read = files.map { FileTree.read($0) }
        let results = zip(files, read).map { file, bytes -> (ProcessedSource?, [Diagnostic]) in
            var found = Diagnostics()
            guard let bytes else {
                found.add(BuildError.unreadableFile(at: file))
                return (nil, found.all)
            }
            let processed = SourceProcessing.process(
                bytes, path: file, sizeLimit: config.maxSourceSize, processor: processor, into: &found)
            return (processed, found.all)
        }
        var slugs = SiteAssembler.storySlugs(results.compactMap(\.0))[...]
        let normalized = zip(zip(files, read), results).map { pair, result in
            let (file, bytes) = pair
            let storySlugs = result.0 == nil ? [] : slugs.popFirst() ?? []
            var normalized = NormalizedFile(file: file, processed: result.0, slugs: storySlugs, diagnostics: result.1)
            // Decoded again for the lines `ignore:` removed; the decoding's problems are recorded above.
            var again = Diagnostics()
            if let bytes,
                let source = try? SourceDecoder.decode(bytes, path: file, sizeLimit: config.maxSourceSize, into: &again)
            {
                let counts = Normalizer.ignoredLineCounts(source, options: config.normalizeOptions)
                normalized.ignored = zip(config.ignore, counts).filter { $0.1 > 0 }.map {
                    IgnoredLines(pattern: $0.0.source, lines: $0.1)
                }
                if explaining { normalized.explanation = Normalizer.explain(source, options: config.normalizeOptions) }
            }
            return normalized
        }
        return normalized
    }

    init(file: String, processed: ProcessedSource?, slugs: [String], diagnostics: [Diagnostic]) {
        source = file
        title = processed.flatMap { $0.document.hasOwnTitle ? $0.document.title : nil }
        date = processed?.document.date?.isoDay
        let sections = processed?.document.sections ?? []
        stories = zip(zip(sections, processed?.stories ?? []), slugs).map { pair, slug in
            let (section, story) = pair
            let companies = story.companies.map { Company(name: $0.name, slug: $0.slug, mentions: $0.mentions) }
            // The story as the site shows it: without its own `companies:` line, which only tags it.
            var body = section
            body.paragraphs = story.paragraphs
            return Story(
                heading: section.hasOwnHeading ? section.heading : nil, slug: slug,
                paragraphs: story.paragraphs.map(\.text), companies: companies, markdown: body.markdown)
        }
        self.diagnostics = diagnostics
        markdown = processed?.document.markdownWithFrontMatter
    }

    enum CodingKeys: String, CodingKey { case source, title, date, stories, diagnostics, ignored, lines }
    enum LineKeys: String, CodingKey { case line, what, text }

    /// Writes every key, absent values as null, so the JSON's shape does not vary; `lines` only when explaining.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(stories, forKey: .stories)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(ignored, forKey: .ignored)
        guard let explanation else { return }
        var lines = container.nestedUnkeyedContainer(forKey: .lines)
        for line in explanation {
            var entry = lines.nestedContainer(keyedBy: LineKeys.self)
            try entry.encode(line.line, forKey: .line)
            try entry.encode(line.what, forKey: .what)
            try entry.encode(line.text, forKey: .text)
        }
    }
}
