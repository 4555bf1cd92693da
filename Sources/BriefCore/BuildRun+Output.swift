import BriefCache
import BriefFileSystem
import BriefModel
import BriefOutput
import BriefSite
import Foundation

extension BuildRun {
    /// Where a build writes, and what the last build's records say of the files there.
    struct Target: Sendable {
        let writer: SiteWriter
        /// The last build's state when this build updates its output in place, else nil (a full build).
        let previous: BuildState?
        /// Files changed on disk since the last build: made and written again whatever their records say.
        let changed: Set<String>
    }

    /// Opens the output. An existing site built with the same page settings is updated in place, even when the
    /// theme, the gazetteer or other settings changed: the pages whose templates, companies or data changed are
    /// drawn again. Otherwise it is rebuilt and swapped.
    mutating func openOutput(_ inputs: Inputs, _ last: LastBuild) throws(DiagnosticError) -> Target {
        let previous = last.sameOutput ? last.state : nil
        let incremental = previous?.globalKey == inputs.globalKey
        var previousHash: (@Sendable (String) -> UInt64?)?
        if let outputs = previous?.outputs { previousHash = { outputs[$0]?.contentHash } }
        let writer: SiteWriter
        do {
            writer = try SiteWriter(
                output: options.output, mode: incremental ? .update : .replace, previousHash: previousHash)
        } catch {
            throw failure(error.diagnostics)
        }
        let changed =
            previous.map { previous in
                writer.finishedInterruptedUpdate
                    ? OutputCheck.changed(in: options.output.path, previous.outputStamps)
                    : last.outputCheck?.changed ?? []
            } ?? []
        if !changed.isEmpty {
            timer.note("output check: \(changed.count) file(s) changed on disk since the last build")
        }
        writer.distrust(changed)
        return Target(writer: writer, previous: incremental ? previous : nil, changed: changed)
    }

    /// Makes and writes what changed of `plan`, then puts the new site in place, forgetting the last build's state
    /// right before the site changes. On any error the output stays as it was.
    mutating func write(_ plan: FilePlan, to target: Target, _ last: LastBuild) throws(DiagnosticError) -> PlanOutcome {
        let writer = target.writer
        var outcome: PlanOutcome
        do {
            outcome = try plan.write(with: writer, previous: target.previous?.outputs ?? [:], changed: target.changed)
        } catch {
            writer.abandon()
            throw failure(error.diagnostics)
        }
        timer.lap("make and write the files that changed, of \(plan.entries.count) entries")
        if diagnostics.hasErrors {
            writer.abandon()
            throw failure()
        }
        let deletions = target.previous?.outputs.keys.filter { outcome.outputs[$0] == nil }.sorted() ?? []
        do {
            try writer.commit(deletions: deletions, kept: target.previous == nil ? [] : outcome.kept) {
                () throws(DiagnosticError) in try forgetState(last.cache)
            }
        } catch {
            writer.abandon()
            throw failure(error.diagnostics)
        }
        for (path, stamp) in writer.stamps { outcome.outputs[path]?.stamp = stamp }
        return outcome
    }

    /// Removes the state of the last build right before the site changes: a build killed or failing from then
    /// on leaves none, and the next one is a full build rather than one that trusts a state the site no longer matches.
    private func forgetState(_ cache: BuildCache) throws(DiagnosticError) {
        do { try cache.forgetState() } catch {
            let path = options.display(URL(fileURLWithPath: error.path))
            throw DiagnosticError(BuildError.fileFailure(path: path, action: error.action, reason: error.reason))
        }
    }

    /// Saves the new state for the next build and reports what the build did. The site is in place: a cache that
    /// cannot be saved costs the next build time, not correctness.
    mutating func finish(
        _ written: PlanOutcome, model: SiteModel, inputs: Inputs, last: LastBuild, target: Target
    ) -> BuildReport {
        let diagnostics = diagnostics.all.sortedByLocation()
        let counts = [model.briefings.count, model.stories.count, model.companies.count]
        let state = BuildState(
            globalKey: inputs.globalKey, otherInputsKey: inputs.otherInputsKey, sources: inputs.site.stateSources,
            readStarted: inputs.site.readStarted, outputs: written.outputs, outputPath: options.output.path,
            outputInode: SiteBuilder.inode(options.output.path), counts: counts,
            diagnostics: diagnostics.filter { $0.severity == .warning })
        var cacheWarnings: [Diagnostic] = []
        do throws(FileFailure) { try last.cache.save(state) } catch {
            cacheWarnings.append(CacheWarning.notWritten(error, cacheFolder: last.cache.folder).diagnostic)
        }
        timer.lap("put the site in place")

        var report = BuildReport()
        (report.sources, report.stories, report.companies) = (counts[0], counts[1], counts[2])
        report.filesWritten = target.writer.written
        report.filesUnchanged = written.outputs.count - target.writer.written
        report.diagnostics = diagnostics + cacheWarnings
        let removed = last.sameOutput ? (last.state?.outputs.keys.filter { written.outputs[$0] == nil } ?? []) : []
        report.changedFiles = target.writer.writtenPaths + removed
        report.deletedFiles = removed
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
}
