import BriefBuiltIn
import BriefCache
import BriefCompanies
import BriefFileSystem
import BriefModel
import BriefNormalize
import BriefSite
import BriefStories
import Foundation

/// What a site's content amounts to before pages are drawn: its settings, its gazetteer and
/// every source normalized, tagged and rendered.
public struct LoadedContent: Sendable {
    /// The site's settings from `brief.yml` (defaults when there is none).
    public var config: SiteConfig
    /// The built-in gazetteer with the site's `Content/companies.yml` applied, as the stories were tagged with it.
    public var gazetteer: Gazetteer
    /// Sources with their stories, drafts left out unless asked for.
    public var sources: [ProcessedSource]
    /// Warnings met on the way (errors end the load instead).
    public var diagnostics: [Diagnostic]
}

/// The raw inputs of a build, read but not yet processed, with the keys that tell whether
/// anything changed since the last build.
struct SiteInputs: Sendable {
    struct SourceFile: Sendable {
        /// The path below `Content/`, as diagnostics show it, and the full one.
        var relative: String
        var display: String
        var path: String
        /// Nil when the file was not read because the last build's stamp shows it unchanged.
        var bytes: [UInt8]?
        var contentHash: UInt64
        var stamp: FileStamp
        /// Identifies the file's path and bytes together with everything processing depends on.
        var key: UInt64
    }

    var config: SiteConfig
    var configBytes: [UInt8]
    var companiesBytes: [UInt8]?
    var files: [SourceFile]
    /// Hash of what processing a source depends on besides the source: brief and its settings.
    var processingKey: UInt64
    /// Hash of the gazetteer, built-in and `companies.yml`: what tagging depends on.
    var gazetteerKey: UInt64
    /// When reading the sources began, in nanoseconds since 1970.
    var readStarted: UInt64
    var diagnostics: [Diagnostic]

    /// What the build state keeps of each source.
    var stateSources: [String: BuildState.Source] {
        Dictionary(
            files.map { ($0.relative, BuildState.Source(key: $0.key, contentHash: $0.contentHash, stamp: $0.stamp)) },
            uniquingKeysWith: { a, _ in a })
    }
}

/// Reads `brief.yml`, `Content/companies.yml` and every source of `Content/`, and processes
/// sources in parallel, taking them from the build cache when their key is there.
public enum ContentLoader {
    /// Everything `brief companies` needs: the content processed, without a cache.
    public static func load(_ options: BuildOptions) -> Result<LoadedContent, DiagnosticError> {
        var inputs: SiteInputs
        switch read(options) {
        case .success(let found): inputs = found
        case .failure(let error): return .failure(error)
        }
        var diagnostics = inputs.diagnostics
        let gazetteer = loadGazetteer(inputs, options, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics.sortedByLocation())) }
        let (sources, found, _) = process(&inputs, gazetteer: gazetteer, cache: nil, drafts: options.drafts)
        diagnostics += found
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics.sortedByLocation())) }
        if let error = nothingToPublish(sources, inputs, options) {
            return .failure(DiagnosticError(diagnostics + [error]))
        }
        return .success(
            LoadedContent(config: inputs.config, gazetteer: gazetteer, sources: sources, diagnostics: diagnostics))
    }

    /// Reads the settings and every source's bytes (in parallel), and computes their keys. A source
    /// whose file is as `previous` saw it is not read: its key is taken from there.
    static func read(_ options: BuildOptions, previous: BuildState? = nil) -> Result<SiteInputs, DiagnosticError> {
        let readStarted = FileStamp.now()
        var diagnostics: [Diagnostic] = []
        let configBytes = readOptional(options.configFile, options, diagnostics: &diagnostics) ?? []
        if FileManager.default.fileExists(atPath: options.root.appendingPathComponent("brief.yaml").path),
            options.configFile.lastPathComponent == "brief.yml"
        {
            diagnostics.append(
                .error(
                    options.display(options.root.appendingPathComponent("brief.yaml")),
                    "both brief.yml and brief.yaml are here; brief reads brief.yml: remove one"))
        }
        var config = parseConfig(configBytes, options, diagnostics: &diagnostics)
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        let links = config.followSymlinks ? nil : ContentLinks(options)
        var companiesBytes: [UInt8]?
        if let links, let target = links.outsideTarget(ofFileAt: options.companiesFile.path) {
            diagnostics.append(links.skipped(options.companiesFile, target: target))
        } else {
            companiesBytes = readOptional(options.companiesFile, options, diagnostics: &diagnostics)
        }
        let names: [String]
        switch listSources(options, links: links) {
        case .success(let found):
            names = found.sources
            diagnostics += found.warnings
        case .failure(let error): return .failure(DiagnosticError(diagnostics + error.diagnostics))
        }
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics.sortedByLocation())) }

        var key = Fingerprint()
        key.add(BuildCache.version)
        key.add(StoryHTML.version)
        key.add(config.maxSourceSize)
        for pattern in config.ignore { key.add(pattern.source) }
        let processingKey = key.value
        var gazetteerKey = Fingerprint()
        gazetteerKey.add(EmbeddedFiles.files["data/Gazetteer.yml"] ?? "")
        gazetteerKey.add(companiesBytes.map { ContentHash.of($0) } ?? 0)
        let limit = config.maxSourceSize
        // Paths are joined as strings: URL's methods cost more than reading a file that did not change.
        let folder = options.content.path
        let folderDisplay = options.display(options.content)
        let results = Parallel.map(names.count) { i -> Result<SiteInputs.SourceFile, DiagnosticError> in
            let path = folder + "/" + names[i]
            let display = folderDisplay == "." ? names[i] : folderDisplay + "/" + names[i]
            var info = stat()
            guard stat(path, &info) == 0 else {
                return .failure(
                    DiagnosticError(.error(display, "cannot read the file: \(String(cString: strerror(errno)))")))
            }
            if Int(info.st_size) > limit {
                return .failure(
                    DiagnosticError(SourceDecoder.sizeError(path: display, size: Int(info.st_size), limit: limit)))
            }
            let stamp = FileStamp(info)
            var file = SiteInputs.SourceFile(
                relative: names[i], display: display, path: path, bytes: nil, contentHash: 0, stamp: stamp, key: 0)
            if let previous, let known = previous.sources[names[i]], known.stamp == stamp,
                stamp.isSettled(before: previous.readStarted)
            {
                file.contentHash = known.contentHash
            } else {
                guard let bytes = FileTree.read(path) else {
                    return .failure(
                        DiagnosticError(.error(display, "cannot read the file: \(String(cString: strerror(errno)))")))
                }
                file.bytes = bytes
                file.contentHash = ContentHash.of(bytes)
            }
            file.key = sourceKey(file, processingKey: processingKey)
            return .success(file)
        }
        var files: [SiteInputs.SourceFile] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics.sortedByLocation())) }
        return .success(
            SiteInputs(
                config: config, configBytes: configBytes, companiesBytes: companiesBytes, files: files,
                processingKey: processingKey, gazetteerKey: gazetteerKey.value, readStarted: readStarted,
                diagnostics: diagnostics))
    }

    /// A source's cache key: its bytes, its path as diagnostics show it, and what processing depends on.
    static func sourceKey(_ file: SiteInputs.SourceFile, processingKey: UInt64) -> UInt64 {
        var key = Fingerprint(processingKey)
        key.add(file.display)
        key.add(file.contentHash)
        return key.value
    }

    /// Decodes and processes every source, or takes it from `cache` when its key is there (unless
    /// `reuse` is false), tagging it again when the gazetteer changed; what is processed or tagged
    /// anew is stored in the cache. Drafts are left out unless `drafts`.
    /// A file left unread whose bytes turn out not to match its key loses its stamp, so the next build reads it.
    /// - Returns: the sources, the diagnostics, and how many damaged records of the cache were passed over.
    static func process(
        _ inputs: inout SiteInputs, gazetteer: Gazetteer, cache: BuildCache?, reuse: Bool = true,
        previousKeys: Set<UInt64>? = nil, drafts: Bool
    ) -> ([ProcessedSource], [Diagnostic], damaged: Int) {
        let files = inputs.files
        let limit = inputs.config.maxSourceSize
        let found = reuse ? cache?.records(for: files.map(\.key)) : nil
        var stored = found?.records ?? [:]
        let missing = files.indices.filter { stored[files[$0].key] == nil }
        let gazetteerKey = inputs.gazetteerKey
        let untagged = stored.filter { $0.value.companiesKey != gazetteerKey }.map { (key: $0.key, source: $0.value) }
        let processor =
            missing.isEmpty && untagged.isEmpty
            ? nil : SourceProcessor(gazetteer: gazetteer, normalizing: inputs.config.normalizeOptions)
        let retagged =
            processor.map { processor in
                Parallel.map(untagged.count) { i -> (key: UInt64, source: ProcessedSource) in
                    var source = processor.retag(untagged[i].source)
                    source.companiesKey = gazetteerKey
                    return (untagged[i].key, source)
                }
            } ?? []
        for (key, source) in retagged { stored[key] = source }
        let fresh = Parallel.map(missing.count) { k -> (ProcessedSource?, [Diagnostic], matchesKey: Bool) in
            let file = files[missing[k]]
            // A file left unread as unchanged is read now; if its bytes are not what its key says, it changed
            // during this build, and what is made of it is not stored under that key.
            guard let bytes = file.bytes ?? FileTree.read(file.path) else {
                return (nil, [.error(file.display, "cannot read the file: \(String(cString: strerror(errno)))")], true)
            }
            let matchesKey = file.bytes != nil || ContentHash.of(bytes) == file.contentHash
            var (processed, diagnostics) = process(bytes, path: file.display, sizeLimit: limit, processor: processor)
            processed?.companiesKey = gazetteerKey
            return (processed, diagnostics, matchesKey)
        }
        var results = files.map { file in stored[file.key].map { ($0, $0.document.diagnostics) } ?? (nil, []) }
        for (k, index) in missing.enumerated() {
            results[index] = (fresh[k].0, fresh[k].1)
            if !fresh[k].matchesKey { inputs.files[index].stamp = .unknown }
        }
        let storable = missing.indices.compactMap { k -> (key: UInt64, source: ProcessedSource)? in
            guard fresh[k].matchesKey, let source = fresh[k].0, !source.document.diagnostics.hasErrors else {
                return nil
            }
            return (files[missing[k]].key, source)
        }
        let failures = cache?.store(storable + retagged, keep: Set(files.map(\.key)), previous: previousKeys) ?? []
        var sources: [ProcessedSource] = []
        var diagnostics = failures.map { cacheWarning($0, cache: cache) }
        for (source, found) in results {
            diagnostics += found
            guard let source, !source.document.metadata.draft || drafts else { continue }
            sources.append(source)
        }
        return (sources, diagnostics, found?.damaged ?? 0)
    }

    /// A warning that the build cache could not be written: the build is right, the next one slower.
    static func cacheWarning(_ failure: FileFailure, cache: BuildCache?) -> Diagnostic {
        let root = cache?.folder.deletingLastPathComponent().path ?? ""
        let path = failure.path.hasPrefix(root + "/") ? String(failure.path.dropFirst(root.count + 1)) : failure.path
        return .warning(
            path, "\(failure.action): \(failure.reason); the next build does again the work it would have saved")
    }

    /// Decodes and processes one source's bytes: what a build does with each source, and `brief normalize`
    /// with each file it is given.
    static func process(
        _ bytes: [UInt8], path: String, sizeLimit: Int,
        processor: SourceProcessor?
    ) -> (ProcessedSource?, [Diagnostic]) {
        switch SourceDecoder.decode(bytes, path: path, sizeLimit: sizeLimit) {
        case .source(let source):
            guard let processed = processor?.process(source) else { return (nil, []) }
            return (processed, processed.document.diagnostics)
        case .skipped(let warning): return (nil, [warning])
        case .failed(let error): return (nil, [error])
        }
    }

    /// An error when no source has anything to publish.
    static func nothingToPublish(_ sources: [ProcessedSource], _ inputs: SiteInputs, _ options: BuildOptions)
        -> Diagnostic?
    {
        guard sources.allSatisfy({ $0.stories.isEmpty }) else { return nil }
        let count = inputs.files.count
        let sources = count == 1 ? "the source has" : "none of the \(count) sources has"
        return .about(
            .error, options.display(options.content) + "/",
            "no stories to publish: \(sources) any text left; see the warnings above")
    }

    /// An optional file's bytes: nil when it does not exist, an error when it exists but cannot be read.
    static func readOptional(_ url: URL, _ options: BuildOptions, diagnostics: inout [Diagnostic]) -> [UInt8]? {
        if let bytes = FileTree.read(url.path) { return bytes }
        if errno != ENOENT {
            diagnostics.append(
                .error(options.display(url), "cannot read the file: \(String(cString: strerror(errno)))"))
        }
        return nil
    }

    static func parseConfig(_ bytes: [UInt8], _ options: BuildOptions, diagnostics: inout [Diagnostic]) -> SiteConfig {
        guard !bytes.isEmpty else { return SiteConfig() }
        let path = options.display(options.configFile)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.append(.error(path, "brief.yml is not valid UTF-8"))
            return SiteConfig()
        }
        let (config, found) = SiteConfig.parse(text, path: path)
        diagnostics += found
        return config
    }

    /// The built-in gazetteer extended by the site's `Content/companies.yml`, when there is one;
    /// the file's problems are added to `diagnostics`.
    public static func loadGazetteer(_ options: BuildOptions, diagnostics: inout [Diagnostic]) -> Gazetteer {
        let bytes = readOptional(options.companiesFile, options, diagnostics: &diagnostics)
        return loadGazetteer(
            companiesBytes: bytes, path: options.display(options.companiesFile), diagnostics: &diagnostics)
    }

    static func loadGazetteer(_ inputs: SiteInputs, _ options: BuildOptions, diagnostics: inout [Diagnostic])
        -> Gazetteer
    {
        loadGazetteer(
            companiesBytes: inputs.companiesBytes, path: options.display(options.companiesFile),
            diagnostics: &diagnostics)
    }

    private static func loadGazetteer(companiesBytes: [UInt8]?, path: String, diagnostics: inout [Diagnostic])
        -> Gazetteer
    {
        let builtIn = Gazetteer.builtIn
        guard let bytes = companiesBytes else { return builtIn }
        guard let text = String(validating: bytes, as: UTF8.self) else {
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

    /// The source files in `Content/`, sorted; other files there get a warning, and so do links that
    /// `links` says lead outside the site folder.
    static func listSources(
        _ options: BuildOptions, links: ContentLinks?
    ) -> Result<(sources: [String], warnings: [Diagnostic]), DiagnosticError> {
        let folder = options.content
        let display = options.display(folder)
        guard directoryExists(folder) else { return .failure(DiagnosticError(missingContent(options))) }
        guard access(folder.path, R_OK | X_OK) == 0 else {
            return .failure(
                DiagnosticError(.error(display, "cannot read the folder: \(String(cString: strerror(errno)))")))
        }
        var sources: [String] = []
        var warnings: [Diagnostic] = []
        let listing = FileTree.filesAndLinks(under: folder)
        var outside: [String: String] = [:]
        for link in listing.links {
            if let target = links?.outsideTarget(folder.path + "/" + link) { outside[link] = target }
        }
        for file in listing.files where file != "companies.yml" {
            let name = (file as NSString).lastPathComponent
            if let links, let target = outside[file] {
                warnings.append(links.skipped(folder.appendingPathComponent(file), target: target))
            } else if SourceText.isSourceFileName(name) {
                sources.append(file)
            } else {
                warnings.append(
                    .warning(
                        options.display(folder.appendingPathComponent(file)),
                        "ignored: brief reads .txt and .md sources only"))
            }
        }
        if sources.isEmpty {
            let error = Diagnostic.about(
                .error, display + "/",
                "no sources: add .txt or .md files (scraped articles, "
                    + "transcripts, notes), or run `brief init` for a sample")
            return .failure(DiagnosticError(warnings + [error]))
        }
        return .success((sources, warnings))
    }

    /// Why there is no `Content/`: no site folder at all, a lowercase `content/`, or none.
    static func missingContent(_ options: BuildOptions) -> Diagnostic {
        guard directoryExists(options.root) else {
            let message = "no such folder: the site folder (--root) must exist and hold Content/"
            return .about(.error, options.root.path, message)
        }
        let display = options.display(options.content)
        var message =
            "no Content/ folder here: put your source texts (.txt or .md) into \(display)/, "
            + "or run `brief init` to start a new site"
        let lowercase = options.root.appendingPathComponent("content")
        if directoryExists(lowercase) {
            message =
                "no Content/ folder here, but a content/ folder: brief reads Content/, with a capital C; "
                + "rename it (mv content Content)"
        }
        return .about(.error, display + "/", message)
    }

    /// The warning that feeds and the sitemap get relative links: at `brief.yml` when there is one.
    static func baseURLWarning(_ options: BuildOptions, hasConfig: Bool) -> Diagnostic {
        let message =
            "base_url is not set: feeds and the sitemap get relative links, but feed readers and search "
            + "engines need absolute ones"
        guard hasConfig else {
            return .about(
                .warning, "",
                message + "; create brief.yml with a line such as "
                    + "`base_url: https://example.org/news/`, or pass --base-url")
        }
        let name = options.configFile.lastPathComponent
        return .warning(options.display(options.configFile), message + "; set base_url in \(name)")
    }

    static func directoryExists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
