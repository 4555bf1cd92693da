@testable import BriefCache
import BriefFileSystem
import BriefModel
import BriefStories
import XCTest

/// What the cache stores comes back as it was, and what it cannot trust is ignored.
final class BuildCacheTests: XCTestCase {
    func testProcessedSourcesRoundTrip() throws {
        let cache = BuildCache(folder: Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache"))
        var source = SourceProcessor(gazetteer: .builtIn).process(Fixtures.sample)
        source.companiesKey = 42
        XCTAssertFalse(source.stories.isEmpty)
        cache.store([(key: 0x1234, source: source)], keep: [0x1234])
        let stored = cache.records(for: [0x1234, 0x99])
        XCTAssertEqual(stored.count, 1, "only what was stored")
        XCTAssertEqual(stored[0x1234], source)
        cache.store([], keep: [])
        XCTAssertTrue(cache.records(for: [0x1234]).isEmpty, "a record no source uses any more is dropped")
    }

    func testBuildStateRoundTrips() throws {
        let cache = BuildCache(folder: Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache"))
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5)
        let sources: [String: BuildState.Source] = ["a.txt": .init(key: 9, contentHash: 10, stamp: stamp)]
        let outputs: [String: BuildState.Output] = ["index.html": .init(fingerprint: 12, contentHash: 13)]
        let state = BuildState(globalKey: 7, otherInputsKey: 8, sources: sources, readStarted: 11, outputs: outputs,
                               outputPath: "/site", outputInode: 14, counts: [1, 2, 3],
                               diagnostics: [.warning("a.txt", line: 2, "careful")])
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
    }

    func testADamagedStateIsIgnored() throws {
        let folder = Fixtures.temporaryFolder(self).appendingPathComponent(".brief-cache")
        let cache = BuildCache(folder: folder)
        try cache.save(BuildState(globalKey: 1, otherInputsKey: 2, sources: [:], readStarted: 0, outputs: [:],
                              outputPath: "", outputInode: 0, counts: [], diagnostics: []))
        let path = folder.appendingPathComponent("state.bin").path
        var bytes = try XCTUnwrap(FileTree.read(path))
        XCTAssertNotNil(cache.loadState())
        bytes.removeLast()
        try FileTree.writeAtomically(bytes, to: path)
        XCTAssertNil(cache.loadState(), "a cut-off state is not trusted")
    }
}
