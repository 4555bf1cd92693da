// BriefCache: what makes rebuilds incremental — processed sources stored by key in `.brief-cache/`, and
// the state of the last build (its inputs and outputs). Depends on BriefStories (what it stores),
// BriefCompanies, BriefModel and BriefFileSystem; nothing of the site or the writer.

import Foundation
import BriefModel
import BriefFileSystem
import BriefStories

/// The cache that makes rebuilds fast: `.brief-cache/` beside `Content/`, holding every processed
/// source under a key of its path, bytes and everything its processing depends on, and the
/// state of the last build. Anything unreadable, of another version or for other input is
/// ignored and rebuilt, never trusted.
package struct BuildCache {
    /// Part of every key: a new brief version never reads an old cache.
    package static let version = "brief-cache-7"
    static let recordMagic = Array("BRIEFPACK1".utf8)

    package let folder: URL

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

    /// The records of one pack, undecoded: key → bytes.
    private func readPack(_ shard: Int) -> [UInt64: ArraySlice<UInt8>] {
        guard let bytes = FileTree.read(packPath(shard)), bytes.starts(with: Self.recordMagic) else { return [:] }
        var entries: [UInt64: ArraySlice<UInt8>] = [:]
        var offset = Self.recordMagic.count
        func int() -> Int? {
            guard offset + 8 <= bytes.count else { return nil }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
            offset += 8
            return Int(Int64(bitPattern: v))
        }
        while offset < bytes.count {
            guard let key = int(), let length = int(), length >= 0, offset + length <= bytes.count else { return [:] }
            entries[UInt64(bitPattern: Int64(key))] = bytes[offset..<(offset + length)]
            offset += length
        }
        return entries
    }

    /// The processed sources stored under `keys`, those that are there and intact.
    package func records(for keys: [UInt64]) -> [UInt64: ProcessedSource] {
        let byShard = Dictionary(grouping: keys) { Int($0 & 0xFF) }
        let shards = Array(byShard.keys)
        let found = Parallel.map(shards.count) { i -> [(UInt64, ProcessedSource)] in
            let pack = readPack(shards[i])
            return byShard[shards[i]]!.compactMap { key in
                guard let payload = pack[key] else { return nil }
                var reader = BinaryReader(payload)
                guard let source = try? ProcessedSource(from: &reader), reader.isAtEnd else { return nil }
                return (key, source)
            }
        }
        return Dictionary(found.flatMap { $0 }, uniquingKeysWith: { a, _ in a })
    }

    /// Stores new records and drops those no source uses any more: rewrites the packs that
    /// gain a record or hold one to drop. A failure only costs the next build some work.
    /// - Parameter previous: the keys the last build used, when known: then only the packs that
    ///   gain a record or lose one of those are read, not all of them.
    /// - Returns: the packs that could not be written, with the reason.
    @discardableResult
    package func store(_ fresh: [(key: UInt64, source: ProcessedSource)], keep: Set<UInt64>,
                       previous: Set<UInt64>? = nil) -> [FileFailure] {
        do { try FileTree.makeFolders(sourcesFolder) } catch { return [error] }
        let freshByShard = Dictionary(grouping: fresh) { Int($0.key & 0xFF) }
        let shards = previous.map { previous in
            Array(Set(fresh.map { Int($0.key & 0xFF) } + previous.subtracting(keep).map { Int($0 & 0xFF) }))
        } ?? Array(0..<Self.shards)
        let failures = Parallel.map(shards.count) { i -> FileFailure? in
            let shard = shards[i]
            let additions = freshByShard[shard] ?? []
            let existing = readPack(shard)
            let stale = existing.keys.contains { !keep.contains($0) }
            guard !additions.isEmpty || stale else { return nil }
            var writer = BinaryWriter(capacity: 64 * 1024)
            func add(_ key: UInt64, _ payload: [UInt8]) {
                writer.uint64(key)
                writer.int(payload.count)
                writer.raw(payload)
            }
            let added = Set(additions.map(\.key))
            for (key, payload) in existing.sorted(by: { $0.key < $1.key }) where keep.contains(key) && !added.contains(key) {
                add(key, Array(payload))
            }
            for (key, source) in additions.sorted(by: { $0.key < $1.key }) {
                var record = BinaryWriter(capacity: 16 * 1024)
                source.encode(into: &record)
                add(key, record.bytes)
            }
            do throws(FileFailure) { try FileTree.writeAtomically(Self.recordMagic + writer.bytes, to: packPath(shard)) } catch { return error }
            return nil
        }
        return failures.compactMap { $0 }
    }

    package func loadState() -> BuildState? {
        guard let bytes = FileTree.read(statePath) else { return nil }
        return try? BuildState(decoding: bytes)
    }

    package func save(_ state: BuildState) throws(FileFailure) {
        try FileTree.makeFolders(folder.path)
        try FileTree.writeAtomically(state.encoded(), to: statePath)
    }

    /// Removes the state of the last build: done before the output it describes changes.
    package func forgetState() throws(FileFailure) {
        if unlink(statePath) != 0 && errno != ENOENT { throw FileFailure(statePath, "cannot update the build cache") }
    }
}
