// BriefCore: runs brief — reads Content/, drives the stages (normalize, tag, render, assemble, draw, write)
// with the cache, and serves each command (build, init, normalize, companies, template render). The
// only target that knows every stage; depends on all of them. Nothing depends on it but the command line
// and BriefServe (which runs its builds).

import BriefCache
import BriefCompanies
import BriefFileSystem
import BriefModel
import BriefOutput
import BriefSite
import BriefTemplate
import Foundation

/// Runs the whole pipeline: read `Content/`, normalize, tag, render, assemble, draw the pages
/// and put the new `Site/` in place. Any error leaves the previous `Site/` as it was.
///
/// With the build cache, unchanged sources are not processed again, unchanged pages are not
/// drawn again, and a build where nothing changed writes nothing at all.
public enum SiteBuilder {
    /// Builds the site described by `options` and puts it in place.
    /// Returns the report, warnings included; on failure, the diagnostics that explain it, with `Site/` untouched.
    public static func build(_ options: BuildOptions) -> Result<BuildReport, DiagnosticError> {
        let start = Date()
        var timer = PhaseTimer()
        defer { timer.report() }
        var diagnostics: [Diagnostic] = []
        func fail(_ more: [Diagnostic] = []) -> Result<BuildReport, DiagnosticError> {
            .failure(DiagnosticError((diagnostics + more).sortedByLocation()))
        }

        if let problem = options.outputProblem { return fail([problem]) }
        // Parsing the built-in gazetteer takes a while: it overlaps reading the sources, unless the last build's state
        // makes a build with nothing to do likely, where it would only take cores from the check of the output.
        var gazetteerStarted = false
        func startParsingGazetteer() {
            guard !gazetteerStarted else { return }
            gazetteerStarted = true
            DispatchQueue.global().async { _ = Gazetteer.builtIn }
        }
        let cache = BuildCache(folder: options.cacheFolder)
        let outputInode = Self.inode(options.output.path)
        var state: BuildState?
        // A build that uses the last build's state checks the files it wrote: on other cores, as soon as the state
        // gives them, while the rest of the state is decoded and the sources are read.
        var outputCheck: OutputCheck.Pending?
        if options.clean {
            // `--clean` reads nothing of the old cache: it is removed, and written afresh.
            do throws(FileFailure) { try cache.clear() } catch {
                diagnostics.append(ContentLoader.cacheWarning(error, cache: cache))
            }
        } else {
            let read = cache.readState { path, inode, outputs in
                guard path == options.output.path, inode == outputInode, inode != 0 else { return }
                outputCheck = OutputCheck.start(in: path) { outputs }
            }
            state = read.state
            if state == nil { outputCheck = nil }
            if read.damaged { timer.note("cache: the state of the last build is damaged; ignored") }
        }
        if state == nil { startParsingGazetteer() }
        let sameOutput = outputCheck != nil
        var inputs: SiteInputs
        switch ContentLoader.read(options, previous: state) {
        case .success(let read): inputs = read
        case .failure(let error): return diagnostics.isEmpty ? .failure(error) : fail(error.diagnostics)
        }
        diagnostics += inputs.diagnostics
        let theme: Theme
        do {
            theme = try Theme.load(
                overrides: ContentLoader.directoryExists(options.templates) ? options.templates : nil,
                displayPrefix: options.display(options.templates))
        } catch {
            return fail(error.diagnostics)
        }
        var themeWarnings = ThemeCheck.templateWarnings(theme)
        timer.lap("read \(inputs.files.count) sources, settings and theme")

        let globalKey = globalKey(inputs, options)
        let sourceKeys = Dictionary(inputs.files.map { ($0.relative, $0.key) }, uniquingKeysWith: { a, _ in a })
        var otherInputsKey = Fingerprint(theme.key)
        otherInputsKey.add(inputs.gazetteerKey)
        otherInputsKey.add(ContentHash.of(inputs.configBytes))
        // What a killed build left beside the output is cleared by a build that takes the output folder. Files changed
        // on disk since the last build are written again.
        var changedOnDisk: Set<String>?
        if let state, let outputCheck, state.globalKey == globalKey, state.otherInputsKey == otherInputsKey.value,
            state.sourceKeys == sourceKeys, state.counts.count == 3, !SiteWriter.hasLeftovers(output: options.output)
        {
            changedOnDisk = outputCheck.changed
            timer.lap("check the \(state.outputs.count) files of the last build (what is left after the reading)")
        }
        if changedOnDisk?.isEmpty != true { startParsingGazetteer() }
        if let state, let changedOnDisk, changedOnDisk.isEmpty {
            var report = BuildReport()
            (report.sources, report.stories, report.companies) = (state.counts[0], state.counts[1], state.counts[2])
            report.upToDate = true
            report.filesUnchanged = state.outputs.count
            report.diagnostics = state.diagnostics
            report.seconds = Date().timeIntervalSince(start)
            return .success(report)
        }

        let gazetteer = ContentLoader.loadGazetteer(inputs, options, diagnostics: &diagnostics)
        if diagnostics.hasErrors { return fail() }
        let (processed, found, damaged) = ContentLoader.process(
            &inputs, gazetteer: gazetteer, cache: cache, reuse: !options.clean,
            previousKeys: state.map { Set($0.sourceKeys.values) },
            drafts: options.drafts)
        diagnostics += found
        if damaged > 0 { timer.note("cache: \(damaged) damaged record(s) ignored; their sources were processed again") }
        if diagnostics.hasErrors { return fail() }
        if let error = ContentLoader.nothingToPublish(processed, inputs, options) { return fail([error]) }
        // Processed: the raw bytes need not stay in memory.
        for i in inputs.files.indices { inputs.files[i].bytes = nil }
        timer.lap("normalize, tag and render the sources (cached or anew)")

        let (model, assembly) = SiteAssembler(config: inputs.config, gazetteer: gazetteer).assemble(processed)
        diagnostics += assembly
        if model.config.baseURL == nil {
            diagnostics.append(ContentLoader.baseURLWarning(options, hasConfig: !inputs.configBytes.isEmpty))
        }
        let checkOptions = RenderOptions(maxOutputBytes: model.config.maxPageSize)
        themeWarnings += ThemeCheck.pageWarnings(model, theme: theme, options: checkOptions)
        // `--strict` holds a site's templates to what it holds their data to.
        diagnostics += themeWarnings.map { options.strict ? $0.with(severity: .error) : $0 }
        if diagnostics.hasErrors { return fail() }
        timer.lap("assemble the site")

        // An existing site built with the same page settings is updated in place, even when the theme, the gazetteer or
        // other settings changed: the pages whose templates, companies or data changed are drawn again. Otherwise it
        // is rebuilt and swapped.
        let previous = sameOutput ? state : nil
        let incremental = previous?.globalKey == globalKey
        var previousHash: (@Sendable (String) -> UInt64?)?
        if let outputs = previous?.outputs { previousHash = { outputs[$0]?.contentHash } }
        let writer: SiteWriter
        do {
            writer = try SiteWriter(
                output: options.output, mode: incremental ? .update : .replace, previousHash: previousHash)
        } catch {
            return fail(error.diagnostics)
        }
        let changed =
            previous.map { previous in
                writer.finishedInterruptedUpdate
                    ? OutputCheck.changed(in: options.output.path, previous.outputStamps)
                    : outputCheck?.changed ?? []
            } ?? []
        if !changed.isEmpty {
            timer.note("output check: \(changed.count) file(s) changed on disk since the last build")
        }
        writer.distrust(changed)
        var written = writeOutputs(
            model, theme: theme, options: options, writer: writer, globalKey: globalKey,
            previous: incremental ? previous : nil, changed: changed, timer: &timer)
        if !written.errors.isEmpty || diagnostics.hasErrors {
            writer.abandon()
            return fail(written.errors)
        }
        let deletions = incremental ? (previous?.outputs.keys.filter { written.outputs[$0] == nil }.sorted() ?? []) : []
        let kept = incremental ? written.kept : []
        do {
            try writer.commit(deletions: deletions, kept: kept) { () throws(DiagnosticError) in
                try forgetState(cache, options)
            }
        } catch {
            writer.abandon()
            return fail(error.diagnostics)
        }
        for (path, stamp) in writer.stamps { written.outputs[path]?.stamp = stamp }
        let sortedDiagnostics = diagnostics.sortedByLocation()
        let newState = BuildState(
            globalKey: globalKey, otherInputsKey: otherInputsKey.value, sources: inputs.stateSources,
            readStarted: inputs.readStarted, outputs: written.outputs, outputPath: options.output.path,
            outputInode: Self.inode(options.output.path),
            counts: [model.briefings.count, model.stories.count, model.companies.count],
            diagnostics: sortedDiagnostics.filter { $0.severity == .warning })
        // The site is in place: a cache that cannot be saved costs the next build time, not correctness.
        var cacheWarnings: [Diagnostic] = []
        do throws(FileFailure) { try cache.save(newState) } catch {
            cacheWarnings.append(ContentLoader.cacheWarning(error, cache: cache))
        }
        timer.lap("put the site in place")

        var report = BuildReport()
        report.sources = model.briefings.count
        report.stories = model.stories.count
        report.companies = model.companies.count
        report.filesWritten = writer.written
        report.filesUnchanged = written.outputs.count - writer.written
        report.diagnostics = sortedDiagnostics + cacheWarnings
        let removed = sameOutput ? (state?.outputs.keys.filter { written.outputs[$0] == nil } ?? []) : []
        report.changedFiles = writer.writtenPaths + removed
        report.deletedFiles = removed
        report.seconds = Date().timeIntervalSince(start)
        // Consumed, so that the last reference, and the freeing, is the disposal's.
        Disposal.later(
            consume inputs, consume processed, consume model, consume written, consume state, consume previous,
            consume previousHash, consume writer, consume sourceKeys, keepUntilExit: options.exitsAfterBuild)
        return .success(report)
    }

    /// Removes the state of the last build right before the site changes: a build killed or failing from then
    /// on leaves none, and the next one is a full build rather than one that trusts a state the site no longer matches.
    static func forgetState(_ cache: BuildCache, _ options: BuildOptions) throws(DiagnosticError) {
        do { try cache.forgetState() } catch {
            throw DiagnosticError(
                .error(options.display(URL(fileURLWithPath: error.path)), "\(error.action): \(error.reason)"))
        }
    }

    /// Everything that touches every page: brief itself, the settings every page shows (and the size
    /// every page must keep under) and the options.
    /// The theme enters each page's fingerprint by the templates that page uses, the gazetteer by the
    /// companies a page shows; the other settings touch only the feeds or the front page's stories.
    static func globalKey(_ inputs: SiteInputs, _ options: BuildOptions) -> UInt64 {
        var key = Fingerprint(inputs.processingKey)
        let config = inputs.config
        for setting in [config.title, config.description, config.language, config.author, config.baseURL] {
            key.add(setting)
        }
        key.add(config.maxPageSize)
        key.add(options.drafts)
        key.add(options.strict)
        key.add(options.output.path)
        key.add(options.sourceDateEpoch)
        return key.value
    }

    /// The result of drawing and writing the outputs: each file's fingerprint and content hash, or the errors.
    struct Written {
        var outputs: [String: BuildState.Output] = [:]
        /// Files of an incremental build that stay as they are.
        var kept: [String] = []
        var errors: [Diagnostic] = []
    }

    /// Draws every page whose fingerprint changed (every page, without `previous`) and writes the
    /// ones whose bytes changed, then the feeds, sitemap, search index and assets. Files `changed`
    /// on disk since the last build are drawn and written whatever their fingerprint.
    static func writeOutputs(
        _ model: SiteModel, theme: Theme, options: BuildOptions, writer: SiteWriter, globalKey: UInt64,
        previous: BuildState?, changed: Set<String>, timer: inout PhaseTimer
    ) -> Written {
        let pages = Page.all(in: model)
        let data = PageData(model: model, prebuildStories: previous == nil)
        let fingerprints = PageFingerprints(model: model, global: globalKey, templateKeys: theme.templateKeys)
        let renderOptions = RenderOptions(
            strict: options.strict, missingPartialIsError: true,
            maxOutputBytes: model.config.maxPageSize)
        let library = theme.library
        let results = Parallel.map(pages.count) { i -> Drawn in
            let page = pages[i]
            let path = page.path(in: model)
            let old = changed.contains(path) ? nil : previous?.outputs[path]
            return draw(path, fingerprint: fingerprints.fingerprint(page), old: old, writer: writer) {
                try library.render(page.template, data.data(for: page), options: renderOptions)
            }
        }
        // Each company's two feeds, drawn again only when what they show changed.
        let feeds = FeedContext(model: model, sourceDateEpoch: options.sourceDateEpoch)
        let companyFeeds = CompanyFeeds(feeds)
        let feedResults = Parallel.map(companyFeeds.count) { i -> [Drawn] in
            let fingerprint = companyFeeds.fingerprint(i, fingerprints)
            var texts: [String]?
            return companyFeeds.paths(i).enumerated().map { k, path in
                let old = changed.contains(path) ? nil : previous?.outputs[path]
                return draw(path, fingerprint: fingerprint, old: old, writer: writer) {
                    if texts == nil { texts = companyFeeds.render(i) }
                    return texts?[k] ?? ""
                }
            }
        }
        var written = Written()
        written.outputs.reserveCapacity(results.count + theme.assets.count + 8)
        for (path, output, kept, error) in results + feedResults.joined() {
            if let output { written.outputs[path] = output }
            if kept && previous != nil { written.kept.append(path) }
            if let error { written.errors.append(error) }
        }
        timer.lap("draw and write the pages and company feeds that changed, of \(pages.count + 2 * companyFeeds.count)")

        // Each file in pieces: the search files are made in parallel runs, and written without joining them.
        var files = theme.assets.mapValues { [$0] }
        files["feed.xml"] = [Array(AtomFeed.render(feeds).utf8)]
        files["feed.json"] = [Array(JSONFeed.render(feeds).utf8)]
        files["sitemap.xml"] = [Sitemap.render(feeds, pages: pages)]
        files["robots.txt"] = [Array(Sitemap.robots(feeds).utf8)]
        // The search index is large; it is made again only when a story changed. Its files are named by their
        // content, so they are known only once made: when no story changed, every file of the last one stays.
        let searchKey = fingerprints.searchIndex()
        let previousSearch = previous?.outputs.filter { $0.key == "search.json" || SearchShards.owns($0.key) } ?? [:]
        var searchHashes: [String: UInt64] = [:]
        if !previousSearch.isEmpty,
            previousSearch.allSatisfy({ $0.value.fingerprint == searchKey && !changed.contains($0.key) })
        {
            written.outputs.merge(previousSearch) { _, old in old }
            written.kept += previousSearch.keys
        } else {
            let json = SearchIndex.json(model)
            files["search.json"] = json.pieces
            searchHashes["search.json"] = json.hash
            for (path, bytes) in SearchShards.files(model) { files[path] = [bytes] }
        }
        // Written in parallel: the search files alone are 90 MB at 10,000 briefings.
        let sorted = files.sorted(by: { $0.key < $1.key })
        let outcomes = Parallel.map(sorted.count) {
            [searchHashes] i -> (hash: UInt64, kept: Bool, errors: [Diagnostic]) in
            let (path, pieces) = sorted[i]
            let hash = searchHashes[path] ?? ContentHash.of(pieces: pieces)
            let old = changed.contains(path) ? nil : previous?.outputs[path]
            guard old?.contentHash != hash else { return (hash, previous != nil, []) }
            do throws(DiagnosticError) { try writer.write(path, pieces: pieces, hash: hash) } catch {
                return (hash, false, error.diagnostics)
            }
            return (hash, false, [])
        }
        for ((path, _), outcome) in zip(sorted, outcomes) {
            written.errors += outcome.errors
            if outcome.kept { written.kept.append(path) }
            guard outcome.errors.isEmpty else { continue }
            let isSearch = path == "search.json" || SearchShards.owns(path)
            written.outputs[path] = BuildState.Output(
                fingerprint: isSearch ? searchKey : outcome.hash,
                contentHash: outcome.hash, stamp: previous?.outputs[path]?.stamp ?? .unknown)
        }
        timer.lap("write feeds, sitemap, search index and assets")
        // One error per template problem is enough; every page would repeat it.
        var seen = Set<String>()
        written.errors = written.errors.filter {
            seen.insert("\($0.file):\($0.line):\($0.column):\($0.message)").inserted
        }
        Disposal.later(
            consume pages, consume data, consume fingerprints, consume results, consume feedResults,
            consume files, consume sorted)
        return written
    }

    /// A drawn file: its path, what the build state keeps of it, whether it stayed as it was, or its error.
    typealias Drawn = (path: String, output: BuildState.Output?, kept: Bool, error: Diagnostic?)

    /// Draws the file at `path` unless the last build drew it from the same `fingerprint` (`old`, nil when there
    /// is none or the file changed on disk since), and writes it when its bytes changed.
    static func draw(
        _ path: String, fingerprint: UInt64, old: BuildState.Output?, writer: SiteWriter,
        render: () throws -> String
    ) -> Drawn {
        if let old, old.fingerprint == fingerprint { return (path, old, true, nil) }
        do {
            let text = try render()
            let hash = ContentHash.of(text)
            let unchanged = old?.contentHash == hash
            if !unchanged { try writer.write(path, text: text, hash: hash) }
            let output = BuildState.Output(fingerprint: fingerprint, contentHash: hash, stamp: old?.stamp ?? .unknown)
            return (path, output, unchanged, nil)
        } catch let error as TemplateError {
            return (path, nil, false, Diagnostic(error))
        } catch let error as DiagnosticError {
            return (path, nil, false, error.diagnostics.first)
        } catch {
            return (path, nil, false, .error(path, "\(error)"))
        }
    }

    /// The inode of a folder, 0 when there is none: tells the folder the last build wrote from one put there since.
    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }
}
