import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A write the system refuses (a read-only folder, a file where a folder must go, a full disk) is an
/// error naming the path and the reason, exit 1, with the previous `Site/` as it was, nothing left
/// beside it, and nothing recorded as written: once the cause is gone, the next build writes what
/// it must, not "Up to date".
final class FailedWriteTests: XCTestCase {
    func testReadOnlySiteFailsIncrementalAndFullBuilds() throws {
        let folder = try BriefRunner.sampleSite(self)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let old = E2E.snapshot(site)
        try editSample(in: folder)
        try ReadOnly.make(site, self)

        for arguments in [["build"], ["build", "--clean"]] {
            let failed = try BriefRunner.run(arguments, in: folder)
            XCTAssertEqual(failed.status, 1, "\(arguments): \(failed.stdout)")
            XCTAssertTrue(
                failed.stderr.contains("Site:1:1: error: cannot write into the output folder: "), failed.stderr)
            E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after \(arguments) into a read-only Site/")
            assertNothingBeside(site)
        }
        try assertNextBuildWritesWhatChanged(folder, after: { try ReadOnly.undo(site) })
    }

    /// An update that writes into a read-only folder of the site fails before it moves anything in;
    /// a full rebuild swaps the whole folder and succeeds.
    func testReadOnlyFolderInTheSiteFailsAnUpdate() throws {
        let folder = try BriefRunner.sampleSite(self)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let old = E2E.snapshot(site)
        try E2E.write("body { color: teal }\n", "Templates/assets/style.css", in: folder)
        let assets = site.appendingPathComponent("assets")
        try ReadOnly.make(assets, self)

        let failed = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(failed.status, 1, failed.stdout)
        XCTAssertTrue(failed.stderr.contains("Site/assets:1:1: error: cannot write into the folder: "), failed.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after an update into a read-only Site/assets/")
        assertNothingBeside(site)
        let again = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(again.status, 1, "the state was kept, so the next build tries the same update: \(again.stdout)")

        let full = try BriefRunner.run(["build", "--clean"], in: folder)
        XCTAssertEqual(full.status, 0, full.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), try cleanBuild(of: folder), "Site/ after a full rebuild")
        try ReadOnly.undo(folder)
        let next = try BriefRunner.run(["build"], in: folder)
        XCTAssertTrue(next.stdout.hasPrefix("Up to date:"), next.stdout)
        assertNothingBeside(site)
    }

    func testReadOnlySiteFolderParentFailsTheBuild() throws {
        let folder = try BriefRunner.sampleSite(self)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let old = E2E.snapshot(site)
        try editSample(in: folder)
        try ReadOnly.make(folder, self)

        for arguments in [["build"], ["build", "--clean"]] {
            let failed = try BriefRunner.run(arguments, in: folder)
            XCTAssertEqual(failed.status, 1, "\(arguments): \(failed.stdout)")
            XCTAssertTrue(failed.stderr.contains(".:1:1: error: cannot create the staging folder: "), failed.stderr)
            E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after \(arguments) in a read-only site folder")
        }
        try assertNextBuildWritesWhatChanged(folder, after: { try ReadOnly.undo(folder) })
    }

    /// Works as root too, who may write into any folder: a file where the update must make a folder.
    func testAFileWhereAFolderMustGoFailsTheUpdate() throws {
        let folder = try BriefRunner.sampleSite(self)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        try E2E.write("in the way\n", "Site/briefings/new-one", in: folder)
        let old = E2E.snapshot(site)
        try E2E.write(
            "---\ntitle: A New One\nslug: new-one\n---\nTesla said on Monday that it would build more cars.\n",
            "Content/new.md", in: folder)

        let failed = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(failed.status, 1, failed.stdout)
        XCTAssertTrue(
            failed.stderr.contains(
                "Site/briefings/new-one:1:1: error: cannot create the folder: a file is in its place"),
            failed.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after an update that could not make its folder")
        assertNothingBeside(site)
        try assertNextBuildWritesWhatChanged(
            folder,
            after: {
                try FileManager.default.removeItem(at: site.appendingPathComponent("briefings/new-one"))
            })
    }

    /// Works as root too: a file size limit makes every large write fail as a full disk would.
    func testAFullDiskFailsTheBuildAndLeavesNoStaging() throws {
        let folder = try BriefRunner.sampleSite(self)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let old = E2E.snapshot(site)
        try editSample(in: folder)

        for arguments in [["build"], ["build", "--clean"]] {
            // SIGXFSZ ignored, the write past the limit fails with EFBIG instead of ending the process.
            let limited = try BriefRunner.run(
                ["-c", #"trap "" XFSZ; ulimit -f 4; exec "$0" "$@""#, BriefRunner.binary.path]
                    + arguments, in: folder, executable: "/bin/sh")
            XCTAssertEqual(limited.status, 1, "\(arguments): \(limited.stdout)")
            XCTAssertTrue(limited.stderr.contains(": error: cannot write the file: File too large"), limited.stderr)
            XCTAssertTrue(limited.stderr.contains("Build failed"), limited.stderr)
            E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after \(arguments) on a full disk")
            assertNothingBeside(site)
        }
        try assertNextBuildWritesWhatChanged(folder, after: {})
    }

    /// A cache whose state cannot be removed stops the build before the site changes: a state that
    /// no longer matches the site would mislead the next build.
    func testReadOnlyCacheFailsBeforeTheSiteChanges() throws {
        let folder = try BriefRunner.sampleSite(self)
        let site = folder.appendingPathComponent("Site")
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let old = E2E.snapshot(site)
        try editSample(in: folder)
        let cache = folder.appendingPathComponent(".brief-cache")
        try ReadOnly.make(cache.appendingPathComponent("sources"), self)
        try ReadOnly.make(cache, self)

        let failed = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(failed.status, 1, failed.stdout)
        XCTAssertTrue(failed.stderr.contains(".pack:1:1: warning: cannot write the file: "), failed.stderr)
        XCTAssertTrue(
            failed.stderr.contains(".brief-cache/state.bin:1:1: error: cannot update the build cache: "), failed.stderr)
        E2E.assertSameFiles(E2E.snapshot(site), old, "Site/ after a build with a read-only cache")
        assertNothingBeside(site)
        try assertNextBuildWritesWhatChanged(
            folder,
            after: {
                try ReadOnly.undo(cache)
                try ReadOnly.undo(cache.appendingPathComponent("sources"))
            })
    }

    // MARK: Helpers

    /// Changes the sample's text, so that a build has pages to write.
    private func editSample(in folder: URL) throws {
        let content = folder.appendingPathComponent("Content")
        for name in try FileManager.default.contentsOfDirectory(atPath: content.path) where name.hasSuffix(".txt") {
            let url = content.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "Tesla", with: "Tesla Inc").write(
                to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Once `fix` took the cause away, the next build writes the edit (it is not "Up to date") and
    /// gives what a clean build gives, leaving nothing beside the site.
    private func assertNextBuildWritesWhatChanged(
        _ folder: URL, after fix: () throws -> Void,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        try fix()
        let next = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(next.status, 0, next.stderr, file: file, line: line)
        XCTAssertFalse(next.stdout.hasPrefix("Up to date"), next.stdout, file: file, line: line)
        let site = folder.appendingPathComponent("Site")
        E2E.assertSameFiles(
            E2E.snapshot(site), try cleanBuild(of: folder), "Site/ after the cause was fixed",
            file: file, line: line)
        assertNothingBeside(site, file: file, line: line)
    }

    /// The site a clean build of `folder`'s content, theme and settings gives, built in a copy.
    private func cleanBuild(of folder: URL) throws -> [String: Data] {
        let reference = BriefRunner.temporaryFolder(self)
        for item in ["Content", "Templates", "brief.yml"]
        where FileManager.default.fileExists(atPath: folder.appendingPathComponent(item).path) {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(item), to: reference.appendingPathComponent(item))
        }
        let result = try BriefRunner.run(["build"], in: reference)
        XCTAssertEqual(result.status, 0, result.stderr)
        return E2E.snapshot(reference.appendingPathComponent("Site"))
    }

    /// Fails when a staging folder or a journal is left beside the site (once the background
    /// deletion has had a few seconds to clear what a failed build threw away).
    private func assertNothingBeside(_ site: URL, file: StaticString = #filePath, line: UInt = #line) {
        let parent = site.deletingLastPathComponent().path
        func leftovers() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
                .filter { $0.hasPrefix(".Site.brief-staging-") || $0 == ".Site.brief-journal" }
        }
        let deadline = Date().addingTimeInterval(20)
        while !leftovers().isEmpty && Date() < deadline { usleep(50_000) }
        XCTAssertEqual(leftovers(), [], "left beside Site/", file: file, line: line)
    }
}

/// Makes a folder read-only for brief. Root may write anywhere, so for root (as in CI) the folder
/// is made immutable with `chattr +i` instead; where that cannot be done, the test is skipped.
enum ReadOnly {
    static func make(_ folder: URL, _ test: XCTestCase) throws {
        if getuid() != 0 {
            XCTAssertEqual(chmod(folder.path, 0o555), 0)
            test.addTeardownBlock { chmod(folder.path, 0o755) }
            return
        }
        guard (try? chattr("+i", folder.path)) == 0 else {
            throw XCTSkip("running as root, and `chattr +i` cannot make \(folder.path) immutable here")
        }
        // Undone before the test's temporary folders are removed, wherever brief moved the folder.
        let root = FileManager.default.temporaryDirectory.path
        let top =
            folder.path.hasPrefix(root + "/")
            ? root + "/" + folder.path.dropFirst(root.count + 1).prefix { $0 != "/" } : folder.path
        test.addTeardownBlock { _ = try? chattr("-R", "-f", "-i", top) }
        let probe = folder.appendingPathComponent(".probe").path
        if FileManager.default.createFile(atPath: probe, contents: nil) {
            unlink(probe)
            try undo(folder)
            throw XCTSkip("\(folder.path) stays writable after `chattr +i`")
        }
    }

    static func undo(_ folder: URL) throws {
        if getuid() != 0 {
            chmod(folder.path, 0o755)
        } else {
            _ = try chattr("-R", "-f", "-i", folder.path)
        }
    }

    private static func chattr(_ arguments: String...) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
