// BriefCache: what makes rebuilds incremental — processed sources stored by key in `.brief-cache/`, and
// the state of the last build (its inputs and outputs). Depends on BriefStories (what it stores),
// BriefCompanies, BriefModel, BriefFileSystem and BriefOutput (the record it keeps of each output file);
// nothing of the site.

import BriefFileSystem
import BriefModel
import BriefStories
import Foundation

/// The cache that makes rebuilds fast: `.brief-cache/` beside `Content/`, holding every processed
/// source under a key of its path, bytes and everything its processing depends on, and the
/// state of the last build. Anything unreadable, of another version or for other input is
/// ignored and rebuilt, never trusted: every record and the state carry a checksum of their
/// bytes, and a record that fails it, or whose length does not fit its file, counts as missing.
package struct BuildCache {
    /// Part of every key: a new brief version never reads an old cache.
    package static let version = "brief-cache-9"
    /// A pack file starts with this; the last character is the version of the pack's layout.
    static let recordMagic = Array("BRIEFPACK2".utf8)

    /// The cache folder, `.brief-cache/` in the site folder.
    package let folder: URL

    /// A cache in `folder`; nothing is read or created until asked.
    package init(folder: URL) {
        self.folder = folder
    }

    private var sourcesFolder: String { folder.appendingPathComponent("sources").path }
    private var statePath: String { folder.appendingPathComponent("state.bin").path }

    /// Records are kept in 256 pack files by the low byte of their key: a full build writes 256
    /// files instead of one per source, and a small change rewrites one or two packs.
    static let shards = 256

    private func packPath(_ shard: Int) -> String {
        sourcesFolder + "/" + String(shard, radix: 16).leftPadded(2) + ".pack"
    }

    /// The records of a pack file's bytes that pass their checksum, undecoded (key → bytes), and how
    /// many did not. Each record is its key, its length, the checksum of its bytes (seeded with the
    /// key) and its bytes; a length that does not fit the file ends the reading, never a trap.
    static func parsePack(_ bytes: [UInt8]) -> (records: [UInt64: ArraySlice<UInt8>], damaged: Int) {
        guard bytes.starts(with: recordMagic) else {
            // Empty, or a pack of another layout (an older brief): nothing to read, no damage.
            return ([:], bytes.isEmpty || bytes.starts(with: recordMagic.dropLast()) ? 0 : 1)
        }
        var records: [UInt64: ArraySlice<UInt8>] = [:]
        var damaged = 0
        var offset = recordMagic.count
        func uint64() -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
            offset += 8
            return v
        }
        while offset < bytes.count {
            guard bytes.count - offset >= 24 else { return (records, damaged + 1) }
            let key = uint64()
            let length = uint64()
            let checksum = uint64()
            guard length <= UInt64(bytes.count - offset) else { return (records, damaged + 1) }
            let payload = bytes[offset..<(offset + Int(length))]
            offset += Int(length)
            if payload.withUnsafeBufferPointer({ ContentHash.of($0, seed: key) }) == checksum {
                records[key] = payload
            } else {
                damaged += 1
            }
        }
        return (records, damaged)
    }

    private func readPack(_ shard: Int) -> (records: [UInt64: ArraySlice<UInt8>], damaged: Int) {
        FileTree.read(packPath(shard)).map(Self.parsePack) ?? ([:], 0)
    }

    /// A processed source from a record's bytes, nil when they do not decode to one entirely.
    static func decodeRecord(_ payload: ArraySlice<UInt8>) -> ProcessedSource? {
        var reader = BinaryReader(payload)
        guard let source = try? ProcessedSource(from: &reader), reader.isAtEnd else { return nil }
        return source
    }

    /// The processed sources stored under `keys`, those that are there and intact, and how many
    /// records of the packs read were damaged (they fail their checksum or do not decode).
    package func records(for keys: [UInt64]) -> (records: [UInt64: ProcessedSource], damaged: Int) {
        let byShard = Dictionary(grouping: keys) { Int($0 & 0xFF) }
        let shards = Array(byShard.keys)
        let found = Parallel.map(shards.count) { i -> (records: [(UInt64, ProcessedSource)], damaged: Int) in
            let pack = readPack(shards[i])
            var damaged = pack.damaged
            let records = byShard[shards[i]]!.compactMap { key -> (UInt64, ProcessedSource)? in
                guard let payload = pack.records[key] else { return nil }
                guard let source = Self.decodeRecord(payload) else {
                    damaged += 1
                    return nil
                }
                return (key, source)
            }
            return (records, damaged)
        }
        return (
            Dictionary(found.flatMap(\.records), uniquingKeysWith: { a, _ in a }), found.reduce(0) { $0 + $1.damaged }
        )
    }

    /// Stores new records and drops those no source uses any more: rewrites the packs that
    /// gain a record or hold one to drop. A failure only costs the next build some work.
    /// - Parameter previous: the keys the last build used, when known: then only the packs that
    ///   gain a record or lose one of those are read, not all of them.
    /// - Parameter diagnostics: where a pack that could not be written is recorded, as a `CacheWarning`.
    package func store(
        _ fresh: [(key: UInt64, source: ProcessedSource)], keep: Set<UInt64>,
        previous: Set<UInt64>? = nil, into diagnostics: inout Diagnostics
    ) {
        do { try FileTree.makeFolders(sourcesFolder) } catch {
            diagnostics.add(CacheWarning.notWritten(error, cacheFolder: folder))
            return
        }
        let freshByShard = Dictionary(grouping: fresh) { Int($0.key & 0xFF) }
        let shards =
            previous.map { previous in
                Array(Set(fresh.map { Int($0.key & 0xFF) } + previous.subtracting(keep).map { Int($0 & 0xFF) }))
            } ?? Array(0..<Self.shards)
        let failures = Parallel.map(shards.count) { i -> FileFailure? in
            let shard = shards[i]
            let additions = freshByShard[shard] ?? []
            let existing = readPack(shard).records
            let stale = existing.keys.contains { !keep.contains($0) }
            guard !additions.isEmpty || stale else { return nil }
            var writer = BinaryWriter(capacity: 64 * 1024)
            func add(_ key: UInt64, _ payload: [UInt8]) {
                writer.uint64(key)
                writer.int(payload.count)
                writer.uint64(ContentHash.of(payload, seed: key))
                writer.raw(payload)
            }
            let added = Set(additions.map(\.key))
            for (key, payload) in existing.sorted(by: { $0.key < $1.key })
            where keep.contains(key) && !added.contains(key) {
                add(key, Array(payload))
            }
            for (key, source) in additions.sorted(by: { $0.key < $1.key }) {
                var record = BinaryWriter(capacity: 16 * 1024)
                source.encode(into: &record)
                add(key, record.bytes)
            }
            do throws(FileFailure) {
                try FileTree.writeAtomically(Self.recordMagic + writer.bytes, to: packPath(shard))
            } catch { return error }
            return nil
        }
        for failure in failures.compactMap({ $0 }) {
            diagnostics.add(CacheWarning.notWritten(failure, cacheFolder: folder))
        }
    }

    /// The state of the last build, or nil when there is none or it cannot be trusted.
    package func loadState() -> BuildState? {
        readState().state
    }

    /// The state of the last build, or nil; `damaged` when there is a state file that fails its checksum
    /// or does not decode. `outputsRead` is called as soon as the outputs are decoded, as for `BuildState(decoding:)`.
    package func readState(outputsRead: BuildState.OutputsRead? = nil) -> (state: BuildState?, damaged: Bool) {
        guard let bytes = FileTree.read(statePath) else { return (nil, false) }
        guard let state = try? BuildState(decoding: bytes, outputsRead: outputsRead) else { return (nil, true) }
        return (state, false)
    }

    /// Removes the whole cache, for `--clean`: the build that follows neither reads nor keeps
    /// anything of the old one.
    package func clear() throws(FileFailure) {
        try FileTree.remove(sourcesFolder)
        try forgetState()
    }

    /// Writes the state of a finished build atomically, so a killed build leaves the old state or the new one.
    package func save(_ state: BuildState) throws(FileFailure) {
        try FileTree.makeFolders(folder.path)
        try FileTree.writeAtomically(state.encoded(), to: statePath)
    }

    /// Removes the state of the last build: done before the output it describes changes.
    package func forgetState() throws(FileFailure) {
        if unlink(statePath) != 0 && errno != ENOENT { throw FileFailure(statePath, "cannot update the build cache") }
    }
}
