import BriefBuiltIn
import BriefCache
import BriefFileSystem
import BriefModel
import BriefNormalize
import BriefSite
import BriefStories
import Foundation

/// The raw inputs of a build, read but not yet processed, with the keys that tell whether
/// anything changed since the last build.
struct SiteInputs: Sendable {
    /// One source of `Content/`, read or known unchanged.
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

    /// What the build state keeps of each source.
    var stateSources: [String: BuildState.Source] {
        Dictionary(
            files.map { ($0.relative, BuildState.Source(key: $0.key, contentHash: $0.contentHash, stamp: $0.stamp)) },
            uniquingKeysWith: { a, _ in a })
    }

    /// Reads the settings and every source's bytes (in parallel), and computes their keys. A source
    /// whose file is as `previous` saw it is not read: its key is taken from there.
    /// - Throws: any error met, with the warnings recorded before it.
    static func read(_ options: BuildOptions, previous: BuildState? = nil, into diagnostics: inout Diagnostics)
        throws(DiagnosticError) -> SiteInputs
    {
        let readStarted = FileStamp.now()
        let configBytes = SiteFiles.readOptional(options.configFile, options, into: &diagnostics) ?? []
        SiteSettings.checkOneFile(options, into: &diagnostics)
        var config = SiteSettings.parse(configBytes, options, into: &diagnostics)
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        let links = config.followSymlinks ? nil : ContentLinks(options)
        var companiesBytes: [UInt8]?
        if let links, let target = links.outsideTarget(ofFileAt: options.companiesFile.path) {
            diagnostics.add(links.skipped(options.companiesFile, target: target))
        } else {
            companiesBytes = SiteFiles.readOptional(options.companiesFile, options, into: &diagnostics)
        }
        let names = try SourceListing.list(options, links: links, into: &diagnostics)
        try diagnostics.check()
        var inputs = SiteInputs(
            config: config, configBytes: configBytes, companiesBytes: companiesBytes, files: [],
            processingKey: processingKey(config), gazetteerKey: gazetteerKey(companiesBytes), readStarted: readStarted)
        inputs.files = try inputs.readSources(names, options, previous: previous, into: &diagnostics)
        return inputs
    }

    /// Hash of what processing a source depends on besides its bytes: brief's formats and the settings used.
    private static func processingKey(_ config: SiteConfig) -> UInt64 {
        var key = Fingerprint()
        key.add(BuildCache.version)
        key.add(StoryHTML.version)
        key.add(config.maxSourceSize)
        for pattern in config.ignore { key.add(pattern.source) }
        return key.value
    }

    /// Hash of the gazetteer: the built-in one's text and the site's `companies.yml`.
    private static func gazetteerKey(_ companiesBytes: [UInt8]?) -> UInt64 {
        var key = Fingerprint()
        key.add(EmbeddedFiles.files["data/Gazetteer.yml"] ?? "")
        key.add(companiesBytes.map { ContentHash.of($0) } ?? 0)
        return key.value
    }

    /// Every source named in `names`, in parallel; each one's error is recorded, and any ends the read.
    private func readSources(
        _ names: [String], _ options: BuildOptions, previous: BuildState?, into diagnostics: inout Diagnostics
    ) throws(DiagnosticError) -> [SourceFile] {
        // Paths are joined as strings: URL's methods cost more than reading a file that did not change.
        let folder = options.content.path
        let folderDisplay = options.display(options.content)
        // Each file's error is carried out of the parallel loop as a `Result`, and recorded in order.
        let results = Parallel.map(names.count) { [self] i in
            let display = folderDisplay == "." ? names[i] : folderDisplay + "/" + names[i]
            return Result { () throws(DiagnosticError) in
                try readSource(names[i], path: folder + "/" + names[i], display: display, previous: previous)
            }
        }
        var files: [SourceFile] = []
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): diagnostics.add(contentsOf: error.diagnostics)
            }
        }
        try diagnostics.check()
        return files
    }

    /// One source: its stamp, and its bytes unless `previous` shows it unchanged and settled.
    private func readSource(_ name: String, path: String, display: String, previous: BuildState?)
        throws(DiagnosticError) -> SourceFile
    {
        var info = stat()
        guard stat(path, &info) == 0 else { throw DiagnosticError(BuildError.unreadableFile(at: display)) }
        let limit = config.maxSourceSize
        if Int(info.st_size) > limit {
            throw DiagnosticError(DecodeError.tooLarge(path: display, size: Int(info.st_size), limit: limit))
        }
        let stamp = FileStamp(info)
        var file = SourceFile(
            relative: name, display: display, path: path, bytes: nil, contentHash: 0, stamp: stamp, key: 0)
        if let previous, let known = previous.sources[name], known.stamp == stamp,
            stamp.isSettled(before: previous.readStarted)
        {
            file.contentHash = known.contentHash
        } else {
            guard let bytes = FileTree.read(path) else { throw DiagnosticError(BuildError.unreadableFile(at: display)) }
            file.bytes = bytes
            file.contentHash = ContentHash.of(bytes)
        }
        file.key = Self.sourceKey(file, processingKey: processingKey)
        return file
    }

    /// A source's cache key: its bytes, its path as diagnostics show it, and what processing depends on.
    static func sourceKey(_ file: SourceFile, processingKey: UInt64) -> UInt64 {
        var key = Fingerprint(processingKey)
        key.add(file.display)
        key.add(file.contentHash)
        return key.value
    }
}
