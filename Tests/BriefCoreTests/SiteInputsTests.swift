import BriefCache
import BriefFileSystem
import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefCore

/// A rebuild takes a source's key from the last build instead of reading the file only when
/// the file's stamp is the same and it was last changed well before that build read it.
final class SiteInputsTests: XCTestCase {
    private func site() throws -> (BuildOptions, URL) {
        let folder = Fixtures.temporaryFolder(self)
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let file = content.appendingPathComponent("a.txt")
        try "Tesla Sets a Record\nTesla delivered more cars than ever in the quarter, the company said on Monday.\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return (BuildOptions(root: folder), file)
    }

    private func read(_ options: BuildOptions, previous: BuildState? = nil) throws -> SiteInputs {
        var diagnostics = Diagnostics()
        return try SiteInputs.read(options, previous: previous, into: &diagnostics)
    }

    /// The last build's state with the file's stamp and a content hash that is not the file's:
    /// a key made from it shows the file was not read.
    private func state(from inputs: SiteInputs, readStarted: UInt64) -> BuildState {
        var sources = inputs.stateSources
        sources["a.txt"]?.contentHash = 42
        return BuildState(
            globalKey: 0, otherInputsKey: 0, sources: sources, readStarted: readStarted, outputs: [:], outputPath: "",
            outputInode: 0,
            counts: [], diagnostics: [])
    }

    func testAFileSettledBeforeTheLastBuildIsNotReadAgain() throws {
        let (options, _) = try site()
        let first = try read(options)
        XCTAssertNotNil(first.files[0].bytes)
        let later = FileStamp.now() + 10 * FileStamp.margin
        let second = try read(options, previous: state(from: first, readStarted: later))
        XCTAssertNil(second.files[0].bytes, "an unchanged, settled file is not read")
        XCTAssertEqual(second.files[0].contentHash, 42, "its content hash comes from the last build")
    }

    func testAFileChangedShortlyBeforeTheLastBuildIsReadAgain() throws {
        let (options, _) = try site()
        let first = try read(options)
        // The last build began reading just now: the file may have changed within the same clock tick.
        let second = try read(options, previous: state(from: first, readStarted: first.readStarted))
        XCTAssertNotNil(second.files[0].bytes)
        XCTAssertEqual(second.files[0].contentHash, first.files[0].contentHash)
    }

    func testAFileWithAnotherStampIsReadAgainEvenWithItsOldTimes() throws {
        let (options, file) = try site()
        let first = try read(options)
        let later = FileStamp.now() + 10 * FileStamp.margin
        // Same size, and the modification time put back: only the change time tells.
        try "Tesla Sets a Record\nTesla delivered more cars than ever in the quarter, the company said on Friday.\n"
            .write(to: file, atomically: false, encoding: .utf8)
        let old = first.files[0].stamp.modified
        var times = [
            timespec(tv_sec: Int(old / 1_000_000_000), tv_nsec: Int(old % 1_000_000_000)),
            timespec(tv_sec: Int(old / 1_000_000_000), tv_nsec: Int(old % 1_000_000_000)),
        ]
        XCTAssertEqual(utimensat(AT_FDCWD, file.path, &times, 0), 0)
        let second = try read(options, previous: state(from: first, readStarted: later))
        XCTAssertEqual(second.files[0].stamp.modified, first.files[0].stamp.modified)
        XCTAssertNotNil(second.files[0].bytes, "the change time differs, so the file is read")
        XCTAssertNotEqual(second.files[0].contentHash, first.files[0].contentHash)
    }

    func testAnUnreadFileIsReadWhenTheCacheLacksIt() throws {
        let (options, _) = try site()
        let first = try read(options)
        let later = FileStamp.now() + 10 * FileStamp.margin
        var previous = state(from: first, readStarted: later)
        previous.sources["a.txt"]?.contentHash = first.files[0].contentHash
        var second = try read(options, previous: previous)
        XCTAssertNil(second.files[0].bytes)
        let cache = BuildCache(folder: options.cacheFolder)
        var diagnostics = Diagnostics()
        let sources = SourceProcessing.process(
            &second, gazetteer: .builtIn, cache: cache, drafts: false, into: &diagnostics
        ).sources
        XCTAssertEqual(diagnostics.all.filter { $0.severity == .error }, [])
        XCTAssertEqual(sources.first?.stories.first?.heading, "Tesla Sets a Record")
        XCTAssertNotNil(
            cache.records(for: [second.files[0].key]).records[second.files[0].key],
            "what was read matches the key: stored")
    }

    func testWhatIsReadLateIsNotStoredUnderAKeyItDoesNotMatch() throws {
        let (options, _) = try site()
        let first = try read(options)
        // The last build's hash is not the file's: the file changed after this build looked at it.
        var second = try read(
            options, previous: state(from: first, readStarted: FileStamp.now() + 10 * FileStamp.margin))
        let cache = BuildCache(folder: options.cacheFolder)
        var diagnostics = Diagnostics()
        let sources = SourceProcessing.process(
            &second, gazetteer: .builtIn, cache: cache, drafts: false, into: &diagnostics
        ).sources
        XCTAssertEqual(sources.first?.stories.first?.heading, "Tesla Sets a Record", "the build uses the bytes it read")
        XCTAssertTrue(
            cache.records(for: [second.files[0].key]).records.isEmpty, "but does not cache them under the stale key")
        XCTAssertEqual(second.files[0].stamp, .unknown, "and the next build reads the file")
    }
}
