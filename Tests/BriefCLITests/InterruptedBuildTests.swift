import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` at the moments that matter: while a full rebuild fills its staging folder, while a
/// large update is swapped in, and while a small update moves its files in under the journal.
/// After every kill `Site/` is the previous site, the new one, or (under the journal) each file
/// the old or the new one; the next build finishes the job and leaves nothing beside `Site/`.
final class InterruptedBuildTests: XCTestCase {
    /// A killed `build --clean` leaves its staging folder; the next build, even one with nothing
    /// to do, clears it.
    func testKilledFullRebuildsLeaveNothingBehind() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try writeLargeContent(in: folder, version: 1)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let old = E2E.snapshot(site)

        var killedWhileWriting = 0
        for delay in [0, 0.05, 0.2] {
            let kill = try killBuild(["build", "--clean"], in: folder, at: .staging, after: delay)
            if kill.leftStaging { killedWhileWriting += 1 }
            E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after kill -9 of a full rebuild at \(kill.at)")
        }
        XCTAssertGreaterThan(killedWhileWriting, 0, "no full rebuild was killed while it was writing")

        // Nothing changed since the last build that finished, and still the staging folders go.
        let next = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(next.status, 0, next.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after the build that follows the killed ones")
        assertNothingLeftBeside(site)
        XCTAssertTrue(try BriefRunner.run(["build"], in: folder).stdout.hasPrefix("Up to date:"))

        // A full rebuild of new content, killed as it writes: the previous site, or else the new one.
        try writeLargeContent(in: folder, version: 2)
        let new = try cleanBuild(of: folder)
        let kill = try killBuild(["build", "--clean"], in: folder, at: .staging, after: 0.05)
        let afterKill = E2E.snapshot(site)
        if afterKill != new {
            E2E.assertSameFiles(afterKill, old, "Site/ after kill -9 of a full rebuild at \(kill.at)")
        }
        let rebuilt = try BriefRunner.run(["build", "--clean"], in: folder)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), new, "Site/ after the full rebuild that follows")
        assertNothingLeftBeside(site)
        print("kill -9 of full rebuilds: \(killedWhileWriting) of 3 killed while writing")
    }

    /// An update of every source is built beside the old site and swapped in at once.
    func testKilledLargeUpdateLeavesThePreviousSiteIntact() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try writeLargeContent(in: folder, version: 1)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let old = E2E.snapshot(site)
        XCTAssertGreaterThan(old.count, 450)  // 300 stories, 150 briefings, companies, feeds…
        try writeLargeContent(in: folder, version: 2)
        let new = try cleanBuild(of: folder)
        XCTAssertNotEqual(new, old)

        // Early, while reading; as the staging folder fills; around the swap.
        var afterKill: [(at: String, files: [String: Data])] = []
        var killedWhileWriting = 0
        for (moment, delay) in [(Moment.started, 0.1), (.staging, 0), (.staging, 0.1), (.staging, 0.3)] {
            let kill = try killBuild(["build"], in: folder, at: moment, after: delay)
            if kill.leftStaging { killedWhileWriting += 1 }
            afterKill.append((kill.at, E2E.snapshot(site)))
        }
        XCTAssertGreaterThan(killedWhileWriting, 0, "no update was killed while it was writing")
        for (at, files) in afterKill where files != new {
            E2E.assertSameFiles(files, old, "Site/ after kill -9 at \(at): the previous site, or else the new one")
        }

        let next = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(next.status, 0, next.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), new, "Site/ after the build that follows the killed ones")
        assertNothingLeftBeside(site)
        print(
            "kill -9 of large updates: \(killedWhileWriting) of 4 killed while writing, "
                + "\(afterKill.filter { $0.files == old }.count) left the previous Site/")
    }

    /// A small update moves its files in under the journal; killed there, it leaves every file
    /// old or new, and the next build completes the moves.
    func testKilledJournalUpdateIsFinishedByTheNextBuild() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try writeLargeContent(in: folder, version: 1)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let journal = folder.path + "/.Site.brief-journal"
        // The journal is carried out in a millisecond or two; should the kill come too late (the
        // build finished), the test tries another update of ten sources, up to six.
        var landed = 0
        var rounds = 0
        for round in 0..<6 where landed == 0 {
            rounds += 1
            let old = E2E.snapshot(site)
            try writeLargeContent(in: folder, version: 2 + round, only: (round * 10)..<(round * 10 + 10))
            let new = try cleanBuild(of: folder)
            let kill = try killBuild(["build"], in: folder, at: .journal)
            let mixed = E2E.snapshot(site)
            if access(journal, F_OK) == 0 { landed += 1 }
            for (path, bytes) in mixed where bytes != old[path] && bytes != new[path] {
                XCTFail("\(path) after kill -9 at \(kill.at) is neither the old file nor the new one")
            }
            for path in old.keys where new[path] != nil && mixed[path] == nil {
                XCTFail("\(path) is missing after kill -9 at \(kill.at), though the new site keeps it")
            }

            let next = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(next.status, 0, next.stderr)
            E2E.assertSameFiles(E2E.snapshot(site), new, "Site/ after the build that follows kill -9 at \(kill.at)")
            assertNothingLeftBeside(site)
        }
        XCTAssertGreaterThan(landed, 0, "no update was killed while its journal was being carried out")
        print("kill -9 under the journal: \(landed) of \(rounds) kills left a journal to finish")
    }

    /// The gap the first reliability pass found: a build killed under the journal, then the content
    /// put back as the last finished build had it. The next build must not trust that build's record
    /// (the site holds files of the killed one), and gives what a clean build gives.
    func testKilledJournalUpdateThenRevertedContentGivesACleanBuild() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try writeLargeContent(in: folder, version: 1)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let original = E2E.snapshot(site)
        let journal = folder.path + "/.Site.brief-journal"
        var landed = false
        for round in 0..<6 where !landed {
            let sources = (round * 10)..<(round * 10 + 10)
            try writeLargeContent(in: folder, version: 2 + round, only: sources)
            let kill = try killBuild(["build"], in: folder, at: .journal)
            landed = access(journal, F_OK) == 0
            try writeLargeContent(in: folder, version: 1, only: sources)
            let next = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(next.status, 0, next.stderr)
            E2E.assertSameFiles(
                E2E.snapshot(site), original,
                "Site/ after kill -9 at \(kill.at) and the content put back (journal left: \(landed))")
            assertNothingLeftBeside(site)
        }
        XCTAssertTrue(landed, "no update was killed while its journal was being carried out")
    }

    /// While a build holds the output folder's lock, another build of it is refused and changes
    /// nothing; once the lock is free, it goes ahead.
    func testABuildWhileAnotherHoldsTheFolderIsRefused() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let old = E2E.snapshot(site)
        try E2E.write("title: Changed while another build runs\n", "brief.yml", in: folder)

        // The lock a running build holds (an flock on the file beside Site/).
        let lock = open(folder.path + "/.Site.brief-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        XCTAssertEqual(flock(lock, LOCK_EX | LOCK_NB), 0)
        let refused = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(refused.status, 1, refused.stdout + refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("Site:1:1: error: another brief build is writing this folder right now"),
            refused.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after a build refused for the lock")
        close(lock)

        let built = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(E2E.read(site, "index.html").contains("Changed while another build runs"))
        assertNothingLeftBeside(site)
    }

    // MARK: Helpers

    struct Kill {
        /// When the build was killed, for messages.
        var at: String
        /// A staging folder was left beside the site: the build was writing.
        var leftStaging: Bool
    }

    /// The moment to kill a build at.
    enum Moment {
        /// `delay` after the build started.
        case started
        /// When the build's staging folder appears.
        case staging
        /// When the update journal appears (the previous build finished, so it is this build's).
        case journal
    }

    /// Starts `brief` with `arguments`, waits for `moment` (or the end of the build) and `delay`
    /// more, and kills it. Files appearing are watched with inotify, so that a moment of a
    /// millisecond is not missed while the machine is busy.
    private func killBuild(
        _ arguments: [String], in folder: URL, at moment: Moment,
        after delay: Double = 0
    ) throws -> Kill {
        let watch = try FolderWatch(folder.path)
        let process = Process()
        process.executableURL = BriefRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        let pid = process.processIdentifier
        switch moment {
        case .started: break
        case .staging: watch.wait(for: ".Site.brief-staging-\(pid)", while: { process.isRunning })
        case .journal: watch.wait(for: ".Site.brief-journal", while: { process.isRunning })
        }
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        Glibc.kill(pid, SIGKILL)
        let at = "\(Int(Date().timeIntervalSince(start) * 1000)) ms"
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        let staging = access(folder.path + "/.Site.brief-staging-\(pid)", F_OK) == 0
        return Kill(at: at + (killed ? "" : " (the build had finished)"), leftStaging: staging)
    }

    /// Fails when anything but the lock file and an empty trash folder is beside the site, once
    /// the background deletion of old sites has had a few seconds.
    private func assertNothingLeftBeside(_ site: URL, file: StaticString = #filePath, line: UInt = #line) {
        let parent = site.deletingLastPathComponent().path
        let trash = parent + "/.Site.brief-trash"
        func leftovers() -> [String] {
            let beside = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
                .filter { $0.hasPrefix(".Site.") && $0 != ".Site.brief-lock" && $0 != ".Site.brief-trash" }
            let trashed = ((try? FileManager.default.contentsOfDirectory(atPath: trash)) ?? []).map { "trash/" + $0 }
            return (beside + trashed).sorted()
        }
        let deadline = Date().addingTimeInterval(20)
        while !leftovers().isEmpty && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(leftovers(), [], "left beside Site/ after a successful build", file: file, line: line)
    }

    /// The site a clean build of `folder`'s content gives, built in a copy.
    private func cleanBuild(of folder: URL) throws -> [String: Data] {
        let reference = BriefRunner.temporaryFolder(self)
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("Content"),
            to: reference.appendingPathComponent("Content"))
        let result = try BriefRunner.run(["build"], in: reference)
        XCTAssertEqual(result.status, 0, result.stderr)
        return E2E.snapshot(reference.appendingPathComponent("Site"))
    }

    /// 150 Markdown sources of two stories each (or the ones in `only`); each version changes
    /// every source it writes.
    private func writeLargeContent(in folder: URL, version: Int, only: Range<Int> = 0..<150) throws {
        let companies = ["Nvidia", "Intel", "Tesla", "Amazon", "Microsoft", "Google", "Meta", "Xiaomi"]
        let words =
            ("market shares rose after the company said demand for its products kept growing across "
            + "regions while analysts expected further gains").split(separator: " ")
        for i in only {
            var text = "---\ntitle: Briefing number \(i)\ndate: 2024-01-\(String(format: "%02d", i % 28 + 1))\n---\n"
            for j in 0..<2 {
                text += "\n## Story \(i) part \(j) about \(companies[(i + j) % 8])\n\n"
                for k in 0..<2 {
                    let sentence = (0..<20).map { words[($0 * 7 + i + j * 3 + k) % words.count] }.joined(separator: " ")
                    text += "\(companies[(i + j + k) % 8]) \(sentence).\n\n"
                }
                if version > 1 { text += "Version \(version) adds this paragraph to story \(j).\n\n" }
            }
            try E2E.write(text, "Content/source-\(String(format: "%03d", i)).md", in: folder)
        }
    }
}

/// Names created in, or moved into, one folder, as Linux's inotify reports them.
private final class FolderWatch {
    private let descriptor: Int32

    init(_ folder: String) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0, inotify_add_watch(descriptor, folder, UInt32(IN_CREATE | IN_MOVED_TO)) >= 0 else {
            throw NSError(domain: "FolderWatch", code: Int(errno))
        }
    }

    deinit { close(descriptor) }

    /// Returns once an entry called `name` has appeared, or when `running` turns false.
    func wait(for name: String, while running: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while running() {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 20) > 0 else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            var offset = 0
            // Each event: wd, mask, cookie, len (4 bytes each), then a NUL-padded name of len bytes.
            while count > 0 && offset + 16 <= count {
                let length = buffer[(offset + 12)..<(offset + 16)].reversed().reduce(0) { $0 << 8 | Int($1) }
                let bytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                if String(decoding: bytes, as: UTF8.self) == name { return }
                offset += 16 + length
            }
        }
    }
}
