import BriefModel

/// What writing a plan did: each file's record for the build state, and the files that stayed as they were.
package struct PlanOutcome: Sendable {
    /// Every file of the new output by path (without the stamps of files written anew: the writer has them).
    package var outputs: [String: OutputRecord] = [:]
    /// The files that stayed as they were: not made again, or made again to the same bytes.
    package var kept: [String] = []
}

extension FilePlan {
    /// Makes and writes, on every core, each entry whose fingerprint differs from its files' in `previous`
    /// (the last build's records; empty for a full build), and writes each made file whose bytes differ.
    /// Files in `changed` (changed on disk since the last build) are made and written whatever their records say.
    /// - Throws: every entry's problems, each once (a template error would otherwise repeat on every page), once
    ///   every entry is made: the writer is then to be abandoned.
    package func write(with writer: SiteWriter, previous: [String: OutputRecord], changed: Set<String>)
        throws(DiagnosticError) -> PlanOutcome
    {
        let results = Parallel.map(entries.count) { i in
            Self.run(entries[i], writer: writer, previous: previous, changed: changed)
        }
        var outcome = PlanOutcome()
        outcome.outputs.reserveCapacity(results.reduce(0) { $0 + $1.files.count })
        var seen = Set<Diagnostic>()
        var errors = Diagnostics()
        for result in results {
            for file in result.files {
                outcome.outputs[file.path] = file.record
                if file.kept { outcome.kept.append(file.path) }
            }
            errors.add(contentsOf: result.errors.filter { seen.insert($0).inserted })
        }
        try errors.check()
        return outcome
    }

    /// What one entry did.
    private typealias Run = (files: [(path: String, record: OutputRecord, kept: Bool)], errors: [Diagnostic])

    private static func run(
        _ entry: Entry, writer: SiteWriter, previous: [String: OutputRecord], changed: Set<String>
    ) -> Run {
        if let kept = keptFiles(entry, previous: previous, changed: changed) {
            return (kept.map { ($0.path, $0.record, true) }, [])
        }
        let files: [File]
        do throws(DiagnosticError) { files = try entry.make() } catch { return ([], error.diagnostics) }
        var run: Run = ([], [])
        for file in files {
            let old = changed.contains(file.path) ? nil : previous[file.path]
            let hash = file.contents.hash
            let unchanged = old?.contentHash == hash
            if !unchanged {
                do throws(DiagnosticError) { try write(file, hash: hash, with: writer) } catch {
                    run.errors += error.diagnostics
                    continue
                }
            }
            let record = OutputRecord(
                fingerprint: entry.fingerprint ?? hash, contentHash: hash, stamp: old?.stamp ?? .unknown)
            run.files.append((file.path, record, unchanged))
        }
        return run
    }

    /// The last build's records of an entry's files when all of them stay as they are: the entry has a
    /// fingerprint, every file has a record with it, and none changed on disk since. Nil otherwise.
    private static func keptFiles(
        _ entry: Entry, previous: [String: OutputRecord], changed: Set<String>
    ) -> [(path: String, record: OutputRecord)]? {
        guard let fingerprint = entry.fingerprint, !previous.isEmpty else { return nil }
        let old: [(path: String, record: OutputRecord)]
        switch entry.paths {
        case .fixed(let paths):
            var found: [(path: String, record: OutputRecord)] = []
            for path in paths {
                guard let record = previous[path] else { return nil }
                found.append((path, record))
            }
            old = found
        case .owned(let owns):
            old = previous.filter { owns($0.key) }.map { ($0.key, $0.value) }
        }
        let same = !old.isEmpty && old.allSatisfy { $0.record.fingerprint == fingerprint && !changed.contains($0.path) }
        return same ? old : nil
    }

    private static func write(_ file: File, hash: UInt64, with writer: SiteWriter) throws(DiagnosticError) {
        switch file.contents {
        case .text(let text): _ = try writer.write(file.path, text: text, hash: hash)
        case .pieces(let pieces, _): try writer.write(file.path, pieces: pieces, hash: hash)
        }
    }
}
