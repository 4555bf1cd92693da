import ArgumentParser
import BriefModel
import Foundation

/// Renders the default theme's story page with the sample briefing's data, on one core.
struct TemplateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: "Render the story page template many times.")

    @Option(help: "How many pages to render.")
    var iterations = 100_000

    @Option(help: "The source whose stories give the data (default: the sample in Content/).")
    var source = "Content/tesla-unmatched-speed-of-innovation.txt"

    func run() throws {
        guard let text = try? String(contentsOfFile: source, encoding: .utf8) else {
            throw ValidationError("cannot read \(source); run from the repository root or pass --source")
        }
        let result = try RenderBenchmark.storyPages(
            sources: [SourceText(path: source, text: text)], iterations: iterations)
        print(
            String(
                format: "template: %d story pages (%d bytes each) in %.2f s: %.0f pages/s on one core",
                result.pages, result.bytesPerPage, result.seconds, Double(result.pages) / result.seconds))
    }
}
