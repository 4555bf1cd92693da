import ArgumentParser
import BriefCore
import Foundation
import BriefModel
import BriefNormalize
import BriefStories

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show what brief understands of source texts, as Markdown or JSON.",
        discussion: "The Markdown can be saved as a cleaned source. Diagnostics go to standard error."
    )

    @Flag(help: "Print one JSON object per file (an array for several files).")
    var json = false

    @Argument(help: ArgumentHelp("Source files (.txt or .md).", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one source file") }
    }

    func run() throws {
        var siteDiagnostics: [Diagnostic] = []
        let gazetteer = ContentLoader.loadGazetteer(BuildOptions(root: URL(fileURLWithPath: ".")), diagnostics: &siteDiagnostics)
        printDiagnostics(siteDiagnostics)
        let processor = SourceProcessor(gazetteer: gazetteer)
        var reports: [NormalizedFile] = []
        var failed = false
        for file in files {
            var diagnostics: [Diagnostic] = []
            var processed: ProcessedSource?
            if let data = FileManager.default.contents(atPath: file) {
                switch SourceDecoder.decode([UInt8](data), path: file) {
                case .source(let source):
                    processed = processor.process(source)
                    diagnostics = processed?.document.diagnostics ?? []
                case .skipped(let d), .failed(let d):
                    diagnostics = [d]
                }
            } else {
                diagnostics = [.error(file, "cannot read the file: \(String(cString: strerror(errno)))")]
            }
            printDiagnostics(diagnostics)
            failed = failed || diagnostics.hasErrors
            if json {
                reports.append(NormalizedFile(file: file, processed: processed, diagnostics: diagnostics))
            } else if let processed {
                print(processed.document.markdownWithFrontMatter, terminator: "")
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            let data = reports.count == 1 ? try encoder.encode(reports[0]) : try encoder.encode(reports)
            print(String(decoding: data, as: UTF8.self))
        }
        if failed { throw ExitCode(1) }
    }
}

/// The JSON form of one normalized file.
struct NormalizedFile: Encodable {
    struct Story: Encodable {
        var heading: String?
        var slug: String
        var paragraphs: [String]
        var companies: [Company]
        var markdown: String

        enum CodingKeys: String, CodingKey { case heading, slug, paragraphs, companies, markdown }

        /// A story without a heading of its own says `"heading": null`, not nothing.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(heading, forKey: .heading)
            try container.encode(slug, forKey: .slug)
            try container.encode(paragraphs, forKey: .paragraphs)
            try container.encode(companies, forKey: .companies)
            try container.encode(markdown, forKey: .markdown)
        }
    }

    struct Company: Encodable {
        var name: String
        var slug: String
        var mentions: Int
    }

    var source: String
    var title: String?
    var date: String?
    var stories: [Story]
    var diagnostics: [Diagnostic]

    init(file: String, processed: ProcessedSource?, diagnostics: [Diagnostic]) {
        source = file
        title = processed.flatMap { $0.document.hasOwnTitle ? $0.document.title : nil }
        date = processed?.document.date?.isoDay
        let sections = processed?.document.sections ?? []
        stories = zip(sections, processed?.stories ?? []).map { section, story in
            Story(heading: section.hasOwnHeading ? section.heading : nil, slug: Slug.make(section.heading, fallbackPrefix: "story"),
                  paragraphs: section.paragraphs.map(\.text),
                  companies: story.companies.map { Company(name: $0.name, slug: $0.slug, mentions: $0.mentions) },
                  markdown: section.markdown)
        }
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey { case source, title, date, stories, diagnostics }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(stories, forKey: .stories)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}
