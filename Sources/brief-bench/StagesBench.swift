import ArgumentParser
import BriefCompanies
import BriefModel
import BriefNormalize
import BriefSite
import BriefStories
import Foundation

/// Times each per-source stage over a corpus on one core, to see where a build's time goes.
struct StagesBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages", abstract: "Time read, normalize, tag, render and figures per stage.")

    @Argument(
        help: ArgumentHelp(
            "A folder of sources (for example OUT/brief/Content from gen_corpus.py).", valueName: "folder"))
    var folder: String

    @Option(help: "Only normalize, this many times on every core (for profiling the parallel case).")
    var normalizeOnly: Int?

    @Option(help: "Only tag, render and extract figures, this many times on every core.")
    var processOnly: Int?

    func run() throws {
        var clock = Stopwatch()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter(SourceText.isSourceFileName)
            .sorted()
        var sources: [SourceText] = []
        var bytes = 0
        var skipped = Diagnostics()
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                let source = try? SourceDecoder.decode([UInt8](data), path: name, into: &skipped)
            else { continue }
            bytes += data.count
            sources.append(source)
        }
        clock.lap("read and decode \(sources.count) files (\(bytes / 1_000_000) MB)")
        if let rounds = normalizeOnly {
            Self.onEveryCore(sources, rounds: rounds) { _ = Normalizer.normalize($0) }
            clock.lap("normalize \(rounds) times on every core")
            clock.report()
            return
        }
        let documents = sources.map { Normalizer.normalize($0) }
        clock.lap("normalize")
        if let rounds = processOnly {
            let processor = SourceProcessor(gazetteer: .builtIn)
            clock.lap("gazetteer")
            Self.onEveryCore(documents, rounds: rounds) { _ = processor.process($0) }
            clock.lap("process \(rounds) times on every core")
            clock.report()
            return
        }
        Self.onEveryCore(sources, rounds: 1) { _ = Normalizer.normalize($0) }
        clock.lap("normalize again on every core")
        let tagger = CompanyTagger(gazetteer: .builtIn)
        clock.lap("build the company trie")
        for document in documents {
            for section in document.sections {
                _ = tagger.tag(heading: section.heading, paragraphs: section.paragraphs.map(\.text))
            }
        }
        clock.lap("tag companies")
        for document in documents {
            for section in document.sections { _ = KeyFigureExtractor.extract(section.paragraphs.map(\.text)) }
        }
        clock.lap("extract key figures")
        let processor = SourceProcessor(gazetteer: .builtIn)
        let processed = documents.map(processor.process)
        clock.lap("process (tag, render Markdown, figures)")
        var warnings = Diagnostics()
        let model = SiteAssembler(config: SiteConfig(), gazetteer: .builtIn).assemble(processed, into: &warnings)
        clock.lap("assemble \(model.stories.count) stories, \(model.companies.count) companies")
        let pages = try RenderBenchmark.allPages(model)
        clock.lap(
            "fingerprints (\(String(format: "%.3f", pages.fingerprints)) s), page data (\(String(format: "%.3f", pages.data)) s) and rendering (\(String(format: "%.3f", pages.render)) s) of \(pages.pages) pages, \(pages.bytes / 1_000_000) MB"
        )
        clock.report()
    }
}

extension StagesBench {
    /// Runs `work` over every item, `rounds` times, one thread per core.
    static func onEveryCore<T: Sendable>(_ items: [T], rounds: Int, _ work: @escaping @Sendable (T) -> Void) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for _ in 0..<rounds {
                var i = worker
                while i < items.count {
                    work(items[i])
                    i += workers
                }
            }
        }
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
