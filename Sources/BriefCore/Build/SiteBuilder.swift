import BriefTemplate
import Foundation

/// Runs the whole pipeline: read `Content/`, normalize, tag, render, assemble, draw the
/// pages and swap the new `Site/` in. Any error leaves the previous `Site/` as it was.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> Result<BuildReport, DiagnosticError> {
        let start = Date()
        var timer = PhaseTimer()
        defer { timer.report() }
        var diagnostics: [Diagnostic] = []
        func fail(_ more: [Diagnostic] = []) -> Result<BuildReport, DiagnosticError> {
            .failure(DiagnosticError((diagnostics + more).sortedByLocation()))
        }

        let content: LoadedContent
        switch ContentLoader.load(options) {
        case .success(let loaded): content = loaded
        case .failure(let error): return .failure(error)
        }
        diagnostics = content.diagnostics
        timer.lap("read, normalize, tag and render \(content.sources.count) sources")
        let theme: Theme
        do {
            theme = try Theme.load(overrides: ContentLoader.directoryExists(options.templates) ? options.templates : nil,
                                   displayPrefix: options.display(options.templates))
        } catch {
            return fail(error.diagnostics)
        }
        let (config, gazetteer, processed) = (content.config, content.gazetteer, content.sources)

        timer.lap("load the theme")
        let (model, assembly) = SiteAssembler(config: config, gazetteer: gazetteer).assemble(processed)
        diagnostics += assembly
        timer.lap("assemble the site")
        if config.baseURL == nil {
            diagnostics.append(.warning(options.display(options.configFile), "base_url is not set: feeds and the sitemap get relative links, but feed readers and search engines need absolute ones; set base_url in brief.yml"))
        }

        let writer: SiteWriter
        do { writer = try SiteWriter(output: options.output) } catch { return fail(error.diagnostics) }
        let pageErrors = writePages(model, theme: theme, options: options, writer: writer, timer: &timer)
        if !pageErrors.isEmpty || diagnostics.hasErrors {
            writer.abandon()
            return fail(pageErrors)
        }
        do { try writer.commit() } catch {
            writer.abandon()
            return fail(error.diagnostics)
        }
        timer.lap("swap the new site in")

        var report = BuildReport()
        report.sources = model.briefings.count
        report.stories = model.stories.count
        report.companies = model.companies.count
        report.filesWritten = writer.written
        report.filesUnchanged = writer.unchanged
        report.diagnostics = diagnostics.sortedByLocation()
        report.seconds = Date().timeIntervalSince(start)
        return .success(report)
    }

    /// Draws every page and writes it with the other files of the site; returns the errors.
    static func writePages(_ model: SiteModel, theme: Theme, options: BuildOptions, writer: SiteWriter, timer: inout PhaseTimer) -> [Diagnostic] {
        let pages = Page.all(in: model)
        let data = PageData(model: model)
        let renderOptions = RenderOptions(strict: options.strict, missingPartialIsError: true)
        let library = theme.library
        let pageErrors = Parallel.map(pages.count) { i -> Diagnostic? in
            let page = pages[i]
            do {
                let html = try library.render(page.template, data.data(for: page), options: renderOptions)
                try writer.write(page.path(in: model), text: html)
                return nil
            } catch let error as TemplateError {
                return Diagnostic(error)
            } catch let error as DiagnosticError {
                return error.diagnostics.first
            } catch {
                return .error(page.path(in: model), "\(error)")
            }
        }
        var errors = pageErrors.compactMap { $0 }
        timer.lap("render and write \(pages.count) pages")
        let feeds = FeedContext(model: model, sourceDateEpoch: options.sourceDateEpoch)
        var files = theme.assets
        files["feed.xml"] = Array(AtomFeed.render(feeds).utf8)
        files["feed.json"] = Array(JSONFeed.render(feeds).utf8)
        files["sitemap.xml"] = Array(Sitemap.render(feeds, pages: pages).utf8)
        files["robots.txt"] = Array(Sitemap.robots(feeds).utf8)
        files["search.json"] = SearchIndex.json(model)
        files["assets/search-index.js"] = SearchIndex.script(model)
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            do { try writer.write(path, bytes) } catch { errors += error.diagnostics }
        }
        timer.lap("write feeds, sitemap, search index and assets")
        // One error per template problem is enough; every page would repeat it.
        var seen = Set<String>()
        return errors.filter { seen.insert("\($0.file):\($0.line):\($0.column):\($0.message)").inserted }
    }

}
