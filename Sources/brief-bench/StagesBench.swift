import ArgumentParser
import BriefCore
import Foundation

/// Times each per-source stage over a corpus on one core, to see where a build's time goes.
struct StagesBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stages", abstract: "Time read, normalize, tag, render and figures per stage.")

    @Argument(help: ArgumentHelp("A folder of sources (for example OUT/brief/Content from gen_corpus.py).", valueName: "folder"))
    var folder: String

    func run() throws {
        var clock = Stopwatch()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(SourceText.isSourceFileName).sorted()
        var sources: [SourceText] = []
        var bytes = 0
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  case .source(let source) = SourceDecoder.decode([UInt8](data), path: name) else { continue }
            bytes += data.count
            sources.append(source)
        }
        clock.lap("read and decode \(sources.count) files (\(bytes / 1_000_000) MB)")
        let documents = sources.map(Normalizer.normalize)
        clock.lap("normalize")
        let tagger = CompanyTagger(gazetteer: .builtIn)
        clock.lap("build the company trie")
        for document in documents {
            for section in document.sections { _ = tagger.tag(heading: section.heading, paragraphs: section.paragraphs.map(\.text)) }
        }
        clock.lap("tag companies")
        for document in documents {
            for section in document.sections { _ = KeyFigureExtractor.extract(section.paragraphs.map(\.text)) }
        }
        clock.lap("extract key figures")
        let processor = SourceProcessor(gazetteer: .builtIn)
        let processed = documents.map(processor.process)
        clock.lap("process (tag, render Markdown, figures)")
        let (model, _) = SiteAssembler(config: SiteConfig(), gazetteer: .builtIn).assemble(processed)
        clock.lap("assemble \(model.stories.count) stories, \(model.companies.count) companies")
        clock.report()
    }
}

/// Laps of wall time, printed as a table.
struct Stopwatch {
    private var last = DispatchTime.now()
    private var laps: [(String, Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    func report() {
        for (name, seconds) in laps { print(String(format: "%8.3f s  %@", seconds, name)) }
    }
}
