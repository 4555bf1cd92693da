import BriefCache
import BriefCompanies
import BriefFileSystem
import BriefModel
import BriefOutput
import BriefSite
import BriefStories
import BriefTemplate
import Foundation

/// One build, as the chain of steps `SiteBuilder.build` runs: each step takes the values the ones
/// before it made and returns its own (the last build → inputs → processed sources → site model →
/// plan → written site). The run itself keeps only what every step adds to: the warnings and the timer.
///
/// A step that fails throws the diagnostics that explain it, with the warnings found so far.
struct BuildRun {
    let options: BuildOptions
    let start = Date()
    var timer = PhaseTimer()
    /// Warnings (and errors, until a step stops on them) in the order they were found.
    var diagnostics = Diagnostics()
    /// Parsing the built-in gazetteer takes a while: it overlaps reading the sources, unless the last build's state
    /// makes a build with nothing to do likely, where it would only take cores from the check of the output.
    private var gazetteerStarted = false

    init(_ options: BuildOptions) { self.options = options }

    /// The failure of the build: the diagnostics so far and `more`, by location.
    func failure(_ more: [Diagnostic] = []) -> DiagnosticError {
        DiagnosticError((diagnostics.all + more).sortedByLocation())
    }

    /// Starts parsing the built-in gazetteer on another core, once.
    mutating func startParsingGazetteer() {
        guard !gazetteerStarted else { return }
        gazetteerStarted = true
        DispatchQueue.global().async { _ = Gazetteer.builtIn }
    }

    // MARK: The last build

    /// What the last build left: the cache, the state when it can be used, and the check of its output.
    struct LastBuild: Sendable {
        let cache: BuildCache
        var state: BuildState?
        /// Started as soon as the state gives the files the last build wrote, into the same output folder.
        var outputCheck: OutputCheck.Pending?
        /// Whether the state is of a build into the same output folder.
        var sameOutput: Bool { outputCheck != nil }
    }

    /// Opens the cache and reads the last build's state (nothing of it with `--clean`, which clears the cache).
    /// A build that uses the state checks the files it wrote: on other cores, as soon as the state gives them,
    /// while the rest of the state is decoded and the sources are read.
    mutating func lastBuild() throws(DiagnosticError) -> LastBuild {
        do throws(BuildError) { try options.checkOutput() } catch { throw failure([error.diagnostic]) }
        var last = LastBuild(cache: BuildCache(folder: options.cacheFolder))
        if options.clean {
            do throws(FileFailure) { try last.cache.clear() } catch {
                diagnostics.add(CacheWarning.notWritten(error, cacheFolder: last.cache.folder))
            }
        } else {
            let outputPath = options.output.path
            let outputInode = SiteBuilder.inode(outputPath)
            var check: OutputCheck.Pending?
            let read = last.cache.readState { path, inode, outputs in
                guard path == outputPath, inode == outputInode, inode != 0 else { return }
                check = OutputCheck.start(in: path) { outputs }
            }
            last.state = read.state
            last.outputCheck = read.state == nil ? nil : check
            if read.damaged { timer.note("cache: the state of the last build is damaged; ignored") }
        }
        if last.state == nil { startParsingGazetteer() }
        return last
    }

    // MARK: Inputs

    /// The inputs of a build: the sources and settings read, the theme, and the keys that say what changed.
    struct Inputs: Sendable {
        var site: SiteInputs
        let theme: Theme
        /// Warnings about the theme's templates; more come once pages can be checked.
        var themeWarnings: [Diagnostic]
        /// What every page depends on (`SiteBuilder.globalKey`).
        let globalKey: UInt64
        /// The theme, the gazetteer and the settings file: what else can change pages.
        let otherInputsKey: UInt64
        /// Each source's key by its path below `Content/`.
        let sourceKeys: [String: UInt64]
    }

    /// Reads the settings, the sources (those whose stamp changed since the last build) and the theme.
    mutating func readInputs(_ last: LastBuild) throws(DiagnosticError) -> Inputs {
        let site: SiteInputs
        var found = Diagnostics()
        do throws(DiagnosticError) { site = try SiteInputs.read(options, previous: last.state, into: &found) } catch {
            throw diagnostics.isEmpty ? error : failure(error.diagnostics)
        }
        diagnostics.add(contentsOf: found.all)
        let theme: Theme
        do {
            theme = try Theme.load(
                overrides: SiteFiles.directoryExists(options.templates) ? options.templates : nil,
                displayPrefix: options.display(options.templates))
        } catch {
            throw failure(error.diagnostics)
        }
        var otherInputsKey = Fingerprint(theme.key)
        otherInputsKey.add(site.gazetteerKey)
        otherInputsKey.add(ContentHash.of(site.configBytes))
        timer.lap("read \(site.files.count) sources, settings and theme")
        return Inputs(
            site: site, theme: theme, themeWarnings: ThemeCheck.templateWarnings(theme),
            globalKey: SiteBuilder.globalKey(site, options), otherInputsKey: otherInputsKey.value,
            sourceKeys: Dictionary(site.files.map { ($0.relative, $0.key) }, uniquingKeysWith: { a, _ in a }))
    }

    /// The report of a build with nothing to do — same inputs as the last build, whose files are all as it left
    /// them — or nil. What a killed build left beside the output is cleared by a build that takes the output folder.
    mutating func upToDate(_ inputs: Inputs, _ last: LastBuild) -> BuildReport? {
        var changedOnDisk: Set<String>?
        if let state = last.state, let outputCheck = last.outputCheck, state.globalKey == inputs.globalKey,
            state.otherInputsKey == inputs.otherInputsKey, state.sourceKeys == inputs.sourceKeys,
            state.counts.count == 3, !SiteWriter.hasLeftovers(output: options.output)
        {
            changedOnDisk = outputCheck.changed
            timer.lap("check the \(state.outputs.count) files of the last build (what is left after the reading)")
        }
        guard let state = last.state, changedOnDisk?.isEmpty == true else {
            startParsingGazetteer()
            return nil
        }
        var report = BuildReport()
        (report.sources, report.stories, report.companies) = (state.counts[0], state.counts[1], state.counts[2])
        report.upToDate = true
        report.filesUnchanged = state.outputs.count
        report.diagnostics = state.diagnostics
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    // MARK: Sources and the site model

    /// The sources processed: normalized, tagged and rendered, or taken from the cache.
    struct Sources: Sendable {
        let gazetteer: Gazetteer
        let processed: [ProcessedSource]
    }

    /// Processes every source whose key is not in the cache; fails on any error so far, or when no story is left.
    mutating func process(_ inputs: inout Inputs, _ last: LastBuild) throws(DiagnosticError) -> Sources {
        let gazetteer = GazetteerLoader.load(inputs.site, options, into: &diagnostics)
        if diagnostics.hasErrors { throw failure() }
        let outcome = SourceProcessing.process(
            &inputs.site, gazetteer: gazetteer, cache: last.cache, reuse: !options.clean,
            previousKeys: last.state.map { Set($0.sourceKeys.values) }, drafts: options.drafts, into: &diagnostics)
        let damaged = outcome.damagedRecords
        let processed = (consume outcome).sources
        if damaged > 0 { timer.note("cache: \(damaged) damaged record(s) ignored; their sources were processed again") }
        if diagnostics.hasErrors { throw failure() }
        do throws(BuildError) { try ContentLoader.checkSomethingToPublish(processed, inputs.site, options) } catch {
            throw failure([error.diagnostic])
        }
        // Processed: the raw bytes need not stay in memory.
        for i in inputs.site.files.indices { inputs.site.files[i].bytes = nil }
        timer.lap("normalize, tag and render the sources (cached or anew)")
        return Sources(gazetteer: gazetteer, processed: processed)
    }

    /// Assembles the site model and checks the theme against it; fails on any error so far.
    /// `--strict` holds a site's templates to what it holds their data to.
    mutating func assemble(_ sources: Sources, _ inputs: Inputs) throws(DiagnosticError) -> SiteModel {
        let model = SiteAssembler(config: inputs.site.config, gazetteer: sources.gazetteer)
            .assemble(sources.processed, into: &diagnostics)
        if model.config.baseURL == nil {
            diagnostics.add(BuildWarning.baseURLNotSet(options, hasConfig: !inputs.site.configBytes.isEmpty))
        }
        let checkOptions = RenderOptions(maxOutputBytes: model.config.maxPageSize)
        let themeWarnings =
            inputs.themeWarnings + ThemeCheck.pageWarnings(model, theme: inputs.theme, options: checkOptions)
        diagnostics.add(contentsOf: themeWarnings.map { options.strict ? $0.with(severity: .error) : $0 })
        if diagnostics.hasErrors { throw failure() }
        timer.lap("assemble the site")
        return model
    }
}
