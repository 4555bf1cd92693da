import BriefCache
import BriefCompanies
import BriefFileSystem
import BriefModel
import BriefNormalize
import BriefStories
import Foundation

/// Turns a build's sources into processed sources: each one decoded, normalized, tagged and rendered, or taken
/// from the build cache when its key is there (tagged again when the gazetteer changed). What is made anew is
/// stored in the cache for the next build.
enum SourceProcessing {
    /// The processed sources, and what the cache was worth.
    struct Outcome {
        /// The sources with their stories, in the order of the inputs, drafts left out unless asked for.
        var sources: [ProcessedSource]
        /// How many damaged records of the cache were passed over (their sources were processed again).
        var damagedRecords: Int
    }

    /// One source's processing: what it gave, its diagnostics, and whether the bytes it was made from are the
    /// ones its key says (a file left unread and changed since is not).
    private struct Attempt: Sendable {
        var source: ProcessedSource?
        var diagnostics: Diagnostics
        var matchesKey = true
    }

    private typealias Keyed = (key: UInt64, source: ProcessedSource)

    /// Processes every source, or takes it from `cache` when its key is there (unless `reuse` is false); the
    /// sources' diagnostics are recorded in order, after any failure to write the cache. Drafts are left out
    /// unless `drafts`. A file left unread whose bytes turn out not to match its key loses its stamp, so the
    /// next build reads it.
    static func process(
        _ inputs: inout SiteInputs, gazetteer: Gazetteer, cache: BuildCache?, reuse: Bool = true,
        previousKeys: Set<UInt64>? = nil, drafts: Bool, into diagnostics: inout Diagnostics
    ) -> Outcome {
        let files = inputs.files
        let found = reuse ? cache?.records(for: files.map(\.key)) : nil
        var stored = found?.records ?? [:]
        let missing = files.indices.filter { stored[files[$0].key] == nil }
        let gazetteerKey = inputs.gazetteerKey
        let untagged = stored.filter { $0.value.companiesKey != gazetteerKey }.map { (key: $0.key, source: $0.value) }
        let processor =
            missing.isEmpty && untagged.isEmpty
            ? nil : SourceProcessor(gazetteer: gazetteer, normalizing: inputs.config.normalizeOptions)
        let retagged = processor.map { retag(untagged, processor: $0, gazetteerKey: gazetteerKey) } ?? []
        for (key, source) in retagged { stored[key] = source }
        let fresh = processAnew(
            missing.map { files[$0] }, sizeLimit: inputs.config.maxSourceSize, processor: processor,
            gazetteerKey: gazetteerKey)
        var attempts = files.map { file in
            Attempt(source: stored[file.key], diagnostics: Diagnostics(stored[file.key]?.document.diagnostics ?? []))
        }
        var storable: [Keyed] = []
        for (k, index) in missing.enumerated() {
            attempts[index] = fresh[k]
            if !fresh[k].matchesKey { inputs.files[index].stamp = .unknown }
            if fresh[k].matchesKey, let source = fresh[k].source, !source.document.diagnostics.hasErrors {
                storable.append((files[index].key, source))
            }
        }
        cache?.store(storable + retagged, keep: Set(files.map(\.key)), previous: previousKeys, into: &diagnostics)
        let sources = collect(attempts, drafts: drafts, into: &diagnostics)
        return Outcome(sources: sources, damagedRecords: found?.damaged ?? 0)
    }

    /// Sources from the cache tagged again with the gazetteer that changed since they were stored.
    private static func retag(_ untagged: [Keyed], processor: SourceProcessor, gazetteerKey: UInt64) -> [Keyed] {
        Parallel.map(untagged.count) { i -> Keyed in
            var source = processor.retag(untagged[i].source)
            source.companiesKey = gazetteerKey
            return (untagged[i].key, source)
        }
    }

    /// The sources the cache lacks, processed in parallel.
    private static func processAnew(
        _ files: [SiteInputs.SourceFile], sizeLimit: Int, processor: SourceProcessor?, gazetteerKey: UInt64
    ) -> [Attempt] {
        Parallel.map(files.count) { k -> Attempt in
            let file = files[k]
            var attempt = Attempt(diagnostics: Diagnostics())
            // A file left unread as unchanged is read now; if its bytes are not what its key says, it changed
            // during this build, and what is made of it is not stored under that key.
            guard let bytes = file.bytes ?? FileTree.read(file.path) else {
                attempt.diagnostics.add(BuildError.unreadableFile(at: file.display))
                return attempt
            }
            attempt.matchesKey = file.bytes != nil || ContentHash.of(bytes) == file.contentHash
            attempt.source = process(
                bytes, path: file.display, sizeLimit: sizeLimit, processor: processor, into: &attempt.diagnostics)
            attempt.source?.companiesKey = gazetteerKey
            return attempt
        }
    }

    /// The sources to publish, with every source's diagnostics recorded in order.
    private static func collect(_ attempts: [Attempt], drafts: Bool, into diagnostics: inout Diagnostics)
        -> [ProcessedSource]
    {
        var sources: [ProcessedSource] = []
        for attempt in attempts {
            diagnostics.add(contentsOf: attempt.diagnostics.all)
            guard let source = attempt.source, !source.document.metadata.draft || drafts else { continue }
            if !source.untaggedCompanies.isEmpty {
                diagnostics.add(
                    BuildWarning.untaggedCompanies(
                        path: source.document.source, line: source.document.metadata.companiesLine ?? 1,
                        names: source.untaggedCompanies))
            }
            sources.append(source)
        }
        return sources
    }

    /// Decodes and processes one source's bytes: what a build does with each source, and `brief normalize`
    /// with each file it is given. The source's problems are recorded; nil when it could not be decoded.
    static func process(
        _ bytes: [UInt8], path: String, sizeLimit: Int, processor: SourceProcessor?,
        into diagnostics: inout Diagnostics
    ) -> ProcessedSource? {
        let decoded: SourceText?
        do {
            decoded = try SourceDecoder.decode(bytes, path: path, sizeLimit: sizeLimit, into: &diagnostics)
        } catch {
            // The source's error fails the build once every source is processed, so that all are reported.
            diagnostics.add(contentsOf: error.diagnostics)
            return nil
        }
        guard let source = decoded, let processed = processor?.process(source) else { return nil }
        diagnostics.add(contentsOf: processed.document.diagnostics)
        return processed
    }
}
