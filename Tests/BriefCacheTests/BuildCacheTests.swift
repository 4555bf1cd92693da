import BriefFileSystem
import BriefModel
import BriefStories
import BriefTestSupport
import XCTest

@testable import BriefCache

/// What the cache stores comes back as it was, and what it cannot trust is ignored.
final class BuildCacheTests: XCTestCase {
    func testProcessedSourcesRoundTrip() throws {
        let cache = BuildCache(folder: Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache"))
        var source = SourceProcessor(gazetteer: .builtIn).process(Fixtures.sample)
        source.companiesKey = 42
        XCTAssertFalse(source.stories.isEmpty)
        var warnings = Diagnostics()
        cache.store([(key: 0x1234, source: source)], keep: [0x1234], into: &warnings)
        let stored = cache.records(for: [0x1234, 0x99])
        XCTAssertEqual(stored.records.count, 1, "only what was stored")
        XCTAssertEqual(stored.records[0x1234], source)
        XCTAssertEqual(stored.damaged, 0)
        cache.store([], keep: [], into: &warnings)
        XCTAssertEqual(warnings.all, [])
        XCTAssertTrue(cache.records(for: [0x1234]).records.isEmpty, "a record no source uses any more is dropped")
    }

    func testBuildStateRoundTrips() throws {
        let cache = BuildCache(folder: Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache"))
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        let sources: [String: BuildState.Source] = ["a.txt": .init(key: 9, contentHash: 10, stamp: stamp)]
        let outputs: [String: BuildState.Output] = ["index.html": .init(fingerprint: 12, contentHash: 13)]
        let state = BuildState(
            globalKey: 7, otherInputsKey: 8, sources: sources, readStarted: 11, outputs: outputs,
            outputPath: "/site", outputInode: 14, counts: [1, 2, 3],
            diagnostics: [
                .warning("a.txt", line: 2, column: 3, "careful"), .about(.warning, "", "no file"),
                .about(.warning, "Content/", "a folder"),
            ])
        try cache.save(state)
        let loaded = try XCTUnwrap(cache.loadState())
        XCTAssertEqual(loaded.globalKey, 7)
        XCTAssertEqual(loaded.otherInputsKey, 8)
        XCTAssertEqual(loaded.sources, state.sources)
        XCTAssertEqual(loaded.readStarted, 11)
        XCTAssertEqual(loaded.outputs, state.outputs)
        XCTAssertEqual(loaded.outputPath, "/site")
        XCTAssertEqual(loaded.outputInode, 14)
        XCTAssertEqual(loaded.counts, [1, 2, 3])
        XCTAssertEqual(loaded.diagnostics, state.diagnostics)
        XCTAssertEqual(
            loaded.diagnostics.map(\.description),
            ["a.txt:2:3: warning: careful", "warning: no file", "Content/: warning: a folder"],
            "a warning without a position is printed without one when an up-to-date build repeats it")
    }

    /// The outputs come first, so that a build can start checking them while the rest is decoded.
    func testTheOutputsAreGivenBeforeTheRestIsDecoded() throws {
        let cache = BuildCache(folder: Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache"))
        let stamp = OutputStamp(inode: 20, size: 21, modified: 22)
        let outputs: [String: BuildState.Output] = ["a/index.html": .init(fingerprint: 1, contentHash: 2, stamp: stamp)]
        try cache.save(
            BuildState(
                globalKey: 1, otherInputsKey: 2, sources: [:], readStarted: 0, outputs: outputs,
                outputPath: "/site", outputInode: 14, counts: [], diagnostics: []))
        var given: (path: String, inode: UInt64, outputs: [(path: String, stamp: OutputStamp)])?
        let read = cache.readState { given = ($0, $1, $2) }
        XCTAssertNotNil(read.state)
        XCTAssertEqual(given?.path, "/site")
        XCTAssertEqual(given?.inode, 14)
        XCTAssertEqual(given?.outputs.map(\.path), ["a/index.html"])
        XCTAssertEqual(given?.outputs.first?.stamp, stamp)
    }

    func testADamagedStateIsIgnored() throws {
        let folder = Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache")
        let cache = BuildCache(folder: folder)
        try cache.save(
            BuildState(
                globalKey: 1, otherInputsKey: 2, sources: [:], readStarted: 0, outputs: [:],
                outputPath: "", outputInode: 0, counts: [], diagnostics: []))
        let path = folder.appendingPathComponent("state.bin").path
        var bytes = try XCTUnwrap(FileTree.read(path))
        XCTAssertNotNil(cache.loadState())
        bytes.removeLast()
        try FileTree.writeAtomically(bytes, to: path)
        XCTAssertNil(cache.loadState(), "a cut-off state is not trusted")
    }

    // MARK: Damage

    /// The sample stored under two keys of the same pack (`0x0107` first, `0x0207` second), and the pack's path.
    private func packOfTwo() throws -> (cache: BuildCache, pack: String, source: ProcessedSource) {
        let folder = Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache")
        let cache = BuildCache(folder: folder)
        let source = SourceProcessor(gazetteer: .builtIn).process(Fixtures.sample)
        var warnings = Diagnostics()
        cache.store(
            [(key: 0x0107, source: source), (key: 0x0207, source: source)], keep: [0x0107, 0x0207], into: &warnings)
        XCTAssertEqual(warnings.all, [])
        return (cache, folder.appendingPathComponent("sources/07.pack").path, source)
    }

    func testAHugeLengthFieldIsDamageNotATrap() throws {
        let (cache, pack, _) = try packOfTwo()
        var bytes = try XCTUnwrap(FileTree.read(pack))
        // The first record's length, after the ten-byte magic and the eight-byte key.
        for (length, value) in [(UInt64.max), 1 << 63, UInt64(Int64.max), UInt64(bytes.count)].enumerated() {
            for k in 0..<8 { bytes[18 + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
            try FileTree.writeAtomically(bytes, to: pack)
            let found = cache.records(for: [0x0107, 0x0207])
            XCTAssertEqual(found.records.count, 0, "length #\(length)")
            XCTAssertEqual(found.damaged, 1, "length #\(length)")
        }
        // Storing reads the pack too, and replaces it.
        let source = SourceProcessor(gazetteer: .builtIn).process(Fixtures.sample)
        var warnings = Diagnostics()
        cache.store([(key: 0x0307, source: source)], keep: [0x0107, 0x0207, 0x0307], into: &warnings)
        XCTAssertEqual(warnings.all, [])
        XCTAssertEqual(Array(cache.records(for: [0x0107, 0x0207, 0x0307]).records.keys), [0x0307])
    }

    /// The case: "Powerwall" turned into "Powerwull" in a pack.
    func testFlippedBytesInARecordAreNeverTrusted() throws {
        let (cache, pack, source) = try packOfTwo()
        let bytes = try XCTUnwrap(FileTree.read(pack))
        let word = Array("Powerwall".utf8)
        let at = try XCTUnwrap(
            (0...(bytes.count - word.count)).first { bytes[$0..<($0 + word.count)].elementsEqual(word) })
        var flipped = bytes
        flipped[at + 6] = UInt8(ascii: "u")
        try FileTree.writeAtomically(flipped, to: pack)
        let found = cache.records(for: [0x0107, 0x0207])
        XCTAssertEqual(Array(found.records.keys), [0x0207], "the first record fails its checksum, the second is intact")
        XCTAssertEqual(found.records[0x0207], source)
        XCTAssertEqual(found.damaged, 1)
        for position in [10, 20, 30, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x20
            try FileTree.writeAtomically(damaged, to: pack)
            XCTAssertFalse(
                cache.records(for: [0x0107, 0x0207]).records.values.contains { $0 != source },
                "byte \(position) flipped: a record that differs from what was stored")
            XCTAssertGreaterThan(cache.records(for: [0x0107, 0x0207]).damaged, 0, "byte \(position) flipped")
        }
    }

    /// What the fuzz target calls: a pack's records are found intact, its bytes cut anywhere give
    /// damage, never a trap, and a record's own bytes decode as a record, not as a state.
    func testTheReaderForTheFuzzTargetSeesIntactAndDamagedRecords() throws {
        let (_, pack, _) = try packOfTwo()
        let bytes = try XCTUnwrap(FileTree.read(pack))
        let whole = CacheReading.read(bytes)
        XCTAssertEqual(whole.intact, 2)
        XCTAssertEqual(whole.damaged, 0)
        XCTAssertFalse(whole.state)
        // The first record's bytes: after the magic, the key, the length and the checksum.
        let length = bytes[18..<26].reversed().reduce(0) { $0 << 8 | Int($1) }
        let firstEnd = 34 + length
        for cut in Array(stride(from: 11, to: bytes.count, by: 97)) + [firstEnd, firstEnd + 1, bytes.count - 1] {
            let found = CacheReading.read(Array(bytes[..<cut]))
            XCTAssertEqual(found.intact, cut < firstEnd ? 0 : 1, "cut at \(cut)")
            XCTAssertEqual(found.damaged, cut == firstEnd ? 0 : 1, "cut at \(cut)")
        }
        let record = CacheReading.read(Array(bytes[34..<firstEnd]))
        XCTAssertTrue(record.record)
        XCTAssertFalse(record.state)
    }

    func testATruncatedPackKeepsTheRecordsBeforeTheCut() throws {
        let (cache, pack, source) = try packOfTwo()
        let bytes = try XCTUnwrap(FileTree.read(pack))
        let record = (bytes.count - 10) / 2
        for cut in [10 + record + 5, 10 + record + 30, bytes.count - 1] {
            try FileTree.writeAtomically(Array(bytes.prefix(cut)), to: pack)
            let found = cache.records(for: [0x0107, 0x0207])
            XCTAssertEqual(found.records, [0x0107: source], "cut at \(cut) of \(bytes.count)")
            XCTAssertEqual(found.damaged, 1, "cut at \(cut)")
        }
        for cut in [0, 5, 10, 20] {
            try FileTree.writeAtomically(Array(bytes.prefix(cut)), to: pack)
            XCTAssertTrue(cache.records(for: [0x0107, 0x0207]).records.isEmpty, "cut at \(cut)")
        }
    }

    func testAStateWithAFlippedByteIsIgnored() throws {
        let folder = Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache")
        let cache = BuildCache(folder: folder)
        let outputs: [String: BuildState.Output] = ["index.html": .init(fingerprint: 12, contentHash: 13)]
        try cache.save(
            BuildState(
                globalKey: 1, otherInputsKey: 2, sources: [:], readStarted: 0, outputs: outputs,
                outputPath: "/site", outputInode: 0, counts: [1, 2, 3], diagnostics: []))
        let path = folder.appendingPathComponent("state.bin").path
        let bytes = try XCTUnwrap(FileTree.read(path))
        for position in stride(from: 10, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[position] ^= 0x01
            try FileTree.writeAtomically(damaged, to: path)
            XCTAssertNil(cache.loadState(), "byte \(position) flipped")
            XCTAssertTrue(cache.readState().damaged, "byte \(position) flipped")
        }
        try FileTree.writeAtomically((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 91) }, to: path)
        XCTAssertTrue(cache.readState().damaged, "garbage")
    }

    func testClearRemovesEverything() throws {
        let (cache, _, _) = try packOfTwo()
        try cache.save(
            BuildState(
                globalKey: 1, otherInputsKey: 2, sources: [:], readStarted: 0, outputs: [:],
                outputPath: "", outputInode: 0, counts: [], diagnostics: []))
        try cache.clear()
        XCTAssertNil(cache.loadState())
        XCTAssertTrue(cache.records(for: [0x0107, 0x0207]).records.isEmpty)
        try cache.clear()  // nothing there is fine
    }

    // MARK: Warnings

    func testAPackThatCannotBeWrittenIsAWarningRelativeToTheSiteFolder() throws {
        let site = Fixtures.temporaryFolder(self)
        let folder = site.appendingPathComponent(".brief-cache")
        // A file where the cache's folder of packs should be: no pack can be written.
        try FileTree.makeFolders(folder.path)
        try FileTree.writeAtomically([], to: folder.appendingPathComponent("sources").path)
        var warnings = Diagnostics()
        let source = SourceProcessor(gazetteer: .builtIn).process(Fixtures.sample)
        BuildCache(folder: folder).store([(key: 0x0107, source: source)], keep: [0x0107], into: &warnings)
        XCTAssertEqual(warnings.all.count, 1, "\(warnings.all)")
        XCTAssertEqual(warnings.all.first?.file, ".brief-cache/sources")
        XCTAssertEqual(warnings.all.first?.severity, .warning)
        XCTAssertEqual(
            warnings.all.first?.message.hasSuffix("; the next build does again the work it would have saved"), true)
    }

    func testACacheWarningIsWordedRelativeToTheSiteFolder() {
        let failure = FileFailure("/site/.brief-cache/sources/3.pack", "cannot write the file", reason: "No space")
        let warning = CacheWarning.notWritten(failure, cacheFolder: URL(fileURLWithPath: "/site/.brief-cache"))
        XCTAssertEqual(
            warning,
            .notWritten(path: ".brief-cache/sources/3.pack", action: "cannot write the file", reason: "No space"))
        XCTAssertEqual(
            warning.diagnostic.description,
            ".brief-cache/sources/3.pack:1:1: warning: cannot write the file: No space; "
                + "the next build does again the work it would have saved")
        let elsewhere = FileFailure("/tmp/x", "cannot remove the file", reason: "Busy")
        XCTAssertEqual(
            CacheWarning.notWritten(elsewhere, cacheFolder: URL(fileURLWithPath: "/site/.brief-cache")),
            .notWritten(path: "/tmp/x", action: "cannot remove the file", reason: "Busy"))
    }
}
