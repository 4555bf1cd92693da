import Foundation
import XCTest

@testable import BriefServe

/// The watcher reports what builds read, once per save, and follows folders made later.
final class SiteWatcherTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/2024"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ path: String, _ text: String = "x\n") throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The watcher's next changes, with a deadline so that a broken watcher fails instead of hanging.
    private func next(_ watcher: SiteWatcher, within seconds: Double = 5) -> [String]? {
        let stopper = DispatchWorkItem { watcher.stop() }
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: stopper)
        defer { stopper.cancel() }
        return watcher.nextChanges()
    }

    func testOneSaveOfSeveralFilesIsOneChange() throws {
        let watcher = try SiteWatcher(root: folder)
        try write("Content/a.txt")
        try write("Content/2024/b.md")
        try write("brief.yml", "title: x\n")
        XCTAssertEqual(next(watcher).map(Set.init), ["Content/a.txt", "Content/2024/b.md", "brief.yml"])
    }

    func testWhatBuildsDoNotReadIsIgnored() throws {
        let watcher = try SiteWatcher(root: folder)
        try write("Site/index.html")
        try write(".brief-cache/state")
        try write("Content/.a.txt.swp")
        try write("notes.txt")
        XCTAssertNil(next(watcher, within: 0.5), "nothing a build reads changed")
    }

    func testFoldersMadeLaterAreWatched() throws {
        let watcher = try SiteWatcher(root: folder)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Templates/partials"), withIntermediateDirectories: true)
        XCTAssertEqual(next(watcher)?.first, "Templates")
        usleep(100_000)
        try write("Templates/partials/date.mustache")
        XCTAssertEqual(next(watcher), ["Templates/partials/date.mustache"])
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Content/new"), withIntermediateDirectories: true)
        XCTAssertEqual(next(watcher), ["Content/new"])
        try write("Content/new/c.txt")
        XCTAssertEqual(next(watcher), ["Content/new/c.txt"])
    }

    func testStopEndsTheWait() throws {
        let watcher = try SiteWatcher(root: folder)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { watcher.stop() }
        XCTAssertNil(watcher.nextChanges())
    }
}
