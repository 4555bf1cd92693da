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
        var warnings = Diagnostics()
        let model = SiteAssembler(config: SiteConfig(), gazetteer: .builtIn).assemble(
            sources.map(processor.process), into: &warnings)
        guard !model.stories.isEmpty else { return Result(pages: 0, seconds: 0, bytesPerPage: 0) }
        let theme = try Theme.load(overrides: nil)
        let data = PageData<TemplateValue>(model: model)
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
    /// Builds the data of every page of `model` and renders it, on one core, without writing; and, first, the
    /// fingerprints of every page, which an incremental build makes to choose what to draw.
    static func allPages(
        _ model: SiteModel
    ) throws -> (fingerprints: Double, data: Double, render: Double, pages: Int, bytes: Int) {
        let theme = try Theme.load(overrides: nil)
        let pages = Page.all(in: model)
        let fingerprintStart = DispatchTime.now()
        let fingerprints = PageFingerprints(model: model, global: 0, templateKeys: theme.templateKeys)
        for page in pages { _ = fingerprints.fingerprint(page) }
        let fingerprintEnd = DispatchTime.now()
        let pageData = PageData<TemplateValue>(model: model)
        let options = RenderOptions(strict: false, missingPartialIsError: true)
        let start = DispatchTime.now()
        let values = pageData.templateData(for: pages)
        let middle = DispatchTime.now()
        var bytes = 0
        for (page, value) in zip(pages, values) {
            bytes += try theme.library.render(page.template, value, options: options).utf8.count
        }
        let end = DispatchTime.now()
        return (
            Double(fingerprintEnd.uptimeNanoseconds - fingerprintStart.uptimeNanoseconds) / 1e9,
            Double(middle.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9,
            Double(end.uptimeNanoseconds - middle.uptimeNanoseconds) / 1e9, pages.count, bytes
        )
    }
}
