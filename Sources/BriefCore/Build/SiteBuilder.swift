import BriefTemplate
import Foundation

/// Runs the whole pipeline: read `Content/`, normalize, tag, render, assemble, draw the
/// pages and swap the new `Site/` in. Any error leaves the previous `Site/` as it was.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> Result<BuildReport, DiagnosticError> {
        let start = Date()
        var diagnostics: [Diagnostic] = []
        func fail(_ more: [Diagnostic] = []) -> Result<BuildReport, DiagnosticError> {
            .failure(DiagnosticError((diagnostics + more).sortedByLocation()))
        }

        let config = loadConfig(options, diagnostics: &diagnostics)
        let gazetteer = loadGazetteer(options, diagnostics: &diagnostics)
        let theme: Theme
        do {
            theme = try Theme.load(overrides: directoryExists(options.templates) ? options.templates : nil,
                                   displayPrefix: options.display(options.templates))
        } catch {
            return fail(error.diagnostics)
        }
        let files: [String]
        switch listSources(options) {
        case .success(let found): files = found.sources; diagnostics += found.warnings
        case .failure(let error): return fail(error.diagnostics)
        }
        if diagnostics.hasErrors { return fail() }

        // Per source, in parallel: read, decode, normalize, tag, render.
        let processor = SourceProcessor(gazetteer: gazetteer)
        let limit = config.maxSourceSize
        let results = Parallel.map(files.count) { i -> (ProcessedSource?, [Diagnostic]) in
            let url = options.content.appendingPathComponent(files[i])
            let display = options.display(url)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return (nil, [.error(display, "cannot read the file: \(String(cString: strerror(errno)))")])
            }
            switch SourceDecoder.decode([UInt8](data), path: display, sizeLimit: limit) {
            case .source(let source):
                let processed = processor.process(source)
                return (processed, processed.document.diagnostics)
            case .skipped(let warning): return (nil, [warning])
            case .failed(let error): return (nil, [error])
            }
        }
        var processed: [ProcessedSource] = []
        for (source, found) in results {
            diagnostics += found
            guard let source else { continue }
            if source.document.metadata.draft && !options.drafts { continue }
            processed.append(source)
        }
        if diagnostics.hasErrors { return fail() }
        if processed.allSatisfy({ $0.stories.isEmpty }) {
            return fail([.error(options.display(options.content), "no stories to publish: none of the \(files.count) source(s) has any text left; see the warnings above")])
        }

        let (model, assembly) = SiteAssembler(config: config, gazetteer: gazetteer).assemble(processed)
        diagnostics += assembly
        if config.baseURL == nil {
            diagnostics.append(.warning(options.display(options.configFile), "base_url is not set: feeds and the sitemap get relative links, but feed readers and search engines need absolute ones; set base_url in brief.yml"))
        }

        let writer: SiteWriter
        do { writer = try SiteWriter(output: options.output) } catch { return fail(error.diagnostics) }
        let pageErrors = writePages(model, theme: theme, options: options, writer: writer)
        if !pageErrors.isEmpty || diagnostics.hasErrors {
            writer.abandon()
            return fail(pageErrors)
        }
        do { try writer.commit() } catch {
            writer.abandon()
            return fail(error.diagnostics)
        }

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
    static func writePages(_ model: SiteModel, theme: Theme, options: BuildOptions, writer: SiteWriter) -> [Diagnostic] {
        let pages = Page.all(in: model)
        let data = PageData(model: model)
        let renderOptions = RenderOptions(strict: options.strict, missingPartialIsError: true)
        let library = theme.library
        let pageErrors = Parallel.map(pages.count) { i -> Diagnostic? in
            let page = pages[i]
            do {
                let html = try library.render(page.template, data.data(for: page), options: renderOptions)
                try writer.write(page.path(in: model), Array(html.utf8))
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
        let feeds = FeedContext(model: model, sourceDateEpoch: options.sourceDateEpoch)
        let search = SearchIndex.json(model)
        var files = theme.assets
        files["feed.xml"] = Array(AtomFeed.render(feeds).utf8)
        files["feed.json"] = Array(JSONFeed.render(feeds).utf8)
        files["sitemap.xml"] = Array(Sitemap.render(feeds, pages: pages).utf8)
        files["robots.txt"] = Array(Sitemap.robots(feeds).utf8)
        files["search.json"] = Array(search.utf8)
        files["assets/search-index.js"] = Array(SearchIndex.script(json: search).utf8)
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            do { try writer.write(path, bytes) } catch { errors += error.diagnostics }
        }
        // One error per template problem is enough; every page would repeat it.
        var seen = Set<String>()
        return errors.filter { seen.insert("\($0.file):\($0.line):\($0.column):\($0.message)").inserted }
    }

    public static func loadConfig(_ options: BuildOptions, diagnostics: inout [Diagnostic]) -> SiteConfig {
        guard let data = FileManager.default.contents(atPath: options.configFile.path) else { return SiteConfig() }
        let path = options.display(options.configFile)
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(path, "brief.yml is not valid UTF-8"))
            return SiteConfig()
        }
        let (config, found) = SiteConfig.parse(text, path: path)
        diagnostics += found
        return config
    }

    public static func loadGazetteer(_ options: BuildOptions, diagnostics: inout [Diagnostic]) -> Gazetteer {
        let builtIn = Gazetteer.builtIn
        guard let data = FileManager.default.contents(atPath: options.companiesFile.path) else { return builtIn }
        let path = options.display(options.companiesFile)
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(path, "companies.yml is not valid UTF-8"))
            return builtIn
        }
        do {
            let parsed = try GazetteerFile.parse(text, path: path, extending: builtIn)
            diagnostics += parsed.diagnostics
            return builtIn.applying(parsed.changes)
        } catch {
            diagnostics += error.diagnostics
            return builtIn
        }
    }

    /// The source files in `Content/`, sorted; other files there get a warning.
    static func listSources(_ options: BuildOptions) -> Result<(sources: [String], warnings: [Diagnostic]), DiagnosticError> {
        let folder = options.content
        let display = options.display(folder)
        guard directoryExists(folder) else {
            return .failure(DiagnosticError(.error(display, "no Content/ folder here: put your source texts (.txt or .md) into \(display)/, or run `brief init` to start a new site")))
        }
        guard access(folder.path, R_OK | X_OK) == 0 else {
            return .failure(DiagnosticError(.error(display, "cannot read the folder: \(String(cString: strerror(errno)))")))
        }
        var sources: [String] = []
        var warnings: [Diagnostic] = []
        for file in FileTree.files(under: folder) {
            let name = (file as NSString).lastPathComponent
            if SourceText.isSourceFileName(name) {
                sources.append(file)
            } else if file != "companies.yml" {
                warnings.append(.warning(options.display(folder.appendingPathComponent(file)), "ignored: brief reads .txt and .md sources only"))
            }
        }
        if sources.isEmpty {
            return .failure(DiagnosticError(warnings + [.error(display, "\(display)/ has no sources: add .txt or .md files (scraped articles, transcripts, notes), or run `brief init` for a sample")]))
        }
        return .success((sources, warnings))
    }

    static func directoryExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
