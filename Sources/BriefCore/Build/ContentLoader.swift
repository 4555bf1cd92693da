import Foundation

/// What a site's content amounts to before pages are drawn: its settings, its gazetteer and
/// every source normalized, tagged and rendered.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var gazetteer: Gazetteer
    /// Sources with their stories, drafts left out unless asked for.
    public var sources: [ProcessedSource]
    /// Warnings met on the way (errors end the load instead).
    public var diagnostics: [Diagnostic]
}

/// Reads `brief.yml`, `Content/companies.yml` and every source of `Content/`, processing
/// sources in parallel. Shared by `brief build` and `brief companies`.
public enum ContentLoader {
    public static func load(_ options: BuildOptions) -> Result<LoadedContent, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        func fail(_ more: [Diagnostic] = []) -> Result<LoadedContent, DiagnosticError> {
            .failure(DiagnosticError((diagnostics + more).sortedByLocation()))
        }
        let config = loadConfig(options, diagnostics: &diagnostics)
        let gazetteer = loadGazetteer(options, diagnostics: &diagnostics)
        let files: [String]
        switch listSources(options) {
        case .success(let found): files = found.sources; diagnostics += found.warnings
        case .failure(let error): return fail(error.diagnostics)
        }
        if diagnostics.hasErrors { return fail() }

        let processor = SourceProcessor(gazetteer: gazetteer)
        let limit = config.maxSourceSize
        let results = Parallel.map(files.count) { i -> (ProcessedSource?, [Diagnostic]) in
            let url = options.content.appendingPathComponent(files[i])
            let display = options.display(url)
            guard let bytes = FileTree.read(url.path) else {
                return (nil, [.error(display, "cannot read the file: \(String(cString: strerror(errno)))")])
            }
            switch SourceDecoder.decode(bytes, path: display, sizeLimit: limit) {
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
        return .success(LoadedContent(config: config, gazetteer: gazetteer, sources: processed, diagnostics: diagnostics))
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
