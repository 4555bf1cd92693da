import Foundation
import BriefModel
import BriefFileSystem
import BriefNormalize
import BriefStories
import BriefSite

/// One source file as `brief normalize` shows it: what a build makes of it, with the slugs the
/// site gives its stories. Encodes as the command's JSON; `markdown` is its Markdown form.
public struct NormalizedFile: Encodable, Sendable {
    public struct Story: Encodable, Sendable {
        public var heading: String?
        public var slug: String
        public var paragraphs: [String]
        public var companies: [Company]
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

    public struct Company: Encodable, Sendable {
        public var name: String
        public var slug: String
        public var mentions: Int
    }

    public var source: String
    public var title: String?
    public var date: String?
    public var stories: [Story]
    public var diagnostics: [Diagnostic]
    /// The document as cleaned Markdown with front matter; nil when the file could not be read or decoded.
    public var markdown: String?

    /// Reads, decodes and processes each file as a build does its sources, tagging companies with the
    /// gazetteer of the site at `root` (its `Content/companies.yml`, when there is one).
    /// - Returns: the problems of the site's companies file, and one value per file, in order.
    public static func normalize(_ files: [String], root: URL) -> (settings: [Diagnostic], files: [NormalizedFile]) {
        var settings: [Diagnostic] = []
        let gazetteer = ContentLoader.loadGazetteer(BuildOptions(root: root), diagnostics: &settings)
        let processor = SourceProcessor(gazetteer: gazetteer)
        let results = files.map { file -> (ProcessedSource?, [Diagnostic]) in
            guard let bytes = FileTree.read(file) else {
                return (nil, [.error(file, "cannot read the file: \(String(cString: strerror(errno)))")])
            }
            let limit = SourceDecoder.defaultSizeLimit
            return ContentLoader.process(bytes, path: file, sizeLimit: limit, processor: processor)
        }
        var slugs = SiteAssembler.storySlugs(results.compactMap(\.0))[...]
        let normalized = zip(files, results).map { file, result in
            let storySlugs = result.0 == nil ? [] : slugs.popFirst() ?? []
            return NormalizedFile(file: file, processed: result.0, slugs: storySlugs, diagnostics: result.1)
        }
        return (settings, normalized)
    }

    init(file: String, processed: ProcessedSource?, slugs: [String], diagnostics: [Diagnostic]) {
        source = file
        title = processed.flatMap { $0.document.hasOwnTitle ? $0.document.title : nil }
        date = processed?.document.date?.isoDay
        let sections = processed?.document.sections ?? []
        stories = zip(zip(sections, processed?.stories ?? []), slugs).map { pair, slug in
            let (section, story) = pair
            let companies = story.companies.map { Company(name: $0.name, slug: $0.slug, mentions: $0.mentions) }
            return Story(heading: section.hasOwnHeading ? section.heading : nil, slug: slug,
                         paragraphs: section.paragraphs.map(\.text), companies: companies, markdown: section.markdown)
        }
        self.diagnostics = diagnostics
        markdown = processed?.document.markdownWithFrontMatter
    }

    enum CodingKeys: String, CodingKey { case source, title, date, stories, diagnostics }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(stories, forKey: .stories)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}
