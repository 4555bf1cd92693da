import BriefModel
import BriefSite
import BriefStories
import BriefTemplate
import Foundation

/// Renders the default theme's story page over and over with real data, for `brief-bench`:
/// templates are parsed once per build and rendered once per page, so this is the cost per page.
enum RenderBenchmark {
    struct Result: Sendable {
        var pages: Int
        var seconds: Double
        var bytesPerPage: Int
    }

    /// Renders the story pages of the site built from `sources`, round-robin, `iterations` times.
    static func storyPages(sources: [SourceText], iterations: Int) throws -> Result {
        let processor = SourceProcessor(gazetteer: .builtIn)
        let (model, _) = SiteAssembler(config: SiteConfig(), gazetteer: .builtIn).assemble(
            sources.map(processor.process))
        guard !model.stories.isEmpty else { return Result(pages: 0, seconds: 0, bytesPerPage: 0) }
        let theme = try Theme.load(overrides: nil)
        let data = PageData(model: model)
        let values = model.stories.indices.map { data.data(for: .story($0)) }
        let options = RenderOptions(strict: true, missingPartialIsError: true)
        var bytes = 0
        let start = DispatchTime.now()
        for i in 0..<iterations {
            bytes &+= try theme.library.render("story", values[i % values.count], options: options).utf8.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Result(pages: iterations, seconds: seconds, bytesPerPage: bytes / max(1, iterations))
    }
}

extension RenderBenchmark {
    /// Builds the data of every page of `model` and renders it, on one core, without writing.
    static func allPages(_ model: SiteModel) throws -> (data: Double, render: Double, pages: Int, bytes: Int) {
        let theme = try Theme.load(overrides: nil)
        let pageData = PageData(model: model)
        let pages = Page.all(in: model)
        let options = RenderOptions(strict: false, missingPartialIsError: true)
        var values: [TemplateValue] = []
        values.reserveCapacity(pages.count)
        let start = DispatchTime.now()
        for page in pages { values.append(pageData.data(for: page)) }
        let middle = DispatchTime.now()
        var bytes = 0
        for (page, value) in zip(pages, values) {
            bytes += try theme.library.render(page.template, value, options: options).utf8.count
        }
        let end = DispatchTime.now()
        return (
            Double(middle.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
            Double(end.uptimeNanoseconds - middle.uptimeNanoseconds) / 1e9, pages.count, bytes
        )
    }
}
