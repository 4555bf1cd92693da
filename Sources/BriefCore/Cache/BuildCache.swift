import Foundation

/// The cache that makes rebuilds fast: `.brief-cache/` beside `Content/`, holding every processed
/// source under a key of its path, bytes and everything its processing depends on, and the
/// state of the last build. Anything unreadable, of another version or for other input is
/// ignored and rebuilt, never trusted.
struct BuildCache {
    /// Part of every key: a new brief version never reads an old cache.
    static let version = "brief-cache-1"
    static let recordMagic = Array("BRIEFSRC".utf8)

    let folder: URL

    private var sourcesFolder: String { folder.appendingPathComponent("sources").path }
    private var statePath: String { folder.appendingPathComponent("state.bin").path }

    private func recordPath(_ key: UInt64) -> String {
        sourcesFolder + "/" + String(key, radix: 16).leftPadded(16) + ".bin"
    }

    /// A processed source stored under `key`, if it is there and intact.
    func record(for key: UInt64) -> ProcessedSource? {
        guard let bytes = FileTree.read(recordPath(key)), bytes.starts(with: Self.recordMagic) else { return nil }
        var reader = BinaryReader(Array(bytes.dropFirst(Self.recordMagic.count)))
        do {
            guard try reader.uint64() == key else { return nil }
            let source = try ProcessedSource(from: &reader)
            return reader.isAtEnd ? source : nil
        } catch {
            return nil
        }
    }

    /// Stores a processed source; a failure only costs the next build some work.
    func store(_ source: ProcessedSource, key: UInt64) {
        var writer = BinaryWriter(capacity: 16 * 1024)
        writer.uint64(key)
        source.encode(into: &writer)
        _ = SiteWriter.makeFolders(sourcesFolder)
        Self.writeAtomically(Self.recordMagic + writer.bytes, to: recordPath(key))
    }

    /// Removes the records no source uses any more.
    func removeRecords(except keys: Set<UInt64>) {
        let keep = Set(keys.map { String($0, radix: 16).leftPadded(16) + ".bin" })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: sourcesFolder)) ?? [] where !keep.contains(name) {
            unlink(sourcesFolder + "/" + name)
        }
    }

    func loadState() -> BuildState? {
        guard let bytes = FileTree.read(statePath) else { return nil }
        return try? BuildState(decoding: bytes)
    }

    func save(_ state: BuildState) {
        _ = SiteWriter.makeFolders(folder.path)
        Self.writeAtomically(state.encoded(), to: statePath)
    }

    func removeState() {
        unlink(statePath)
    }

    /// Writes to a temporary name and renames, so a reader never sees half a file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var offset = 0
        let complete: Bool = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        close(descriptor)
        if !complete || rename(temporary, path) != 0 { unlink(temporary) }
    }
}
