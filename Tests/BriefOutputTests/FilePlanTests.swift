import BriefFileSystem
import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefOutput

/// The writer's side of a plan: what is made again, what is written, what is kept.
final class FilePlanTests: XCTestCase {
    /// Counts how often each entry's files were made.
    final class Made: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func note(_ name: String) { lock.withLock { counts[name, default: 0] += 1 } }
        subscript(_ name: String) -> Int { lock.withLock { counts[name] ?? 0 } }
    }

    private func plan(_ made: Made, page: String = "one", shards: [String: String] = ["s/a.js": "a"]) -> FilePlan {
        var plan = FilePlan()
        plan.add(
            .init(["index.html"], fingerprint: ContentHash.of(page)) {
                made.note("index")
                return [.init("index.html", text: page)]
            })
        plan.add(
            .init(["about/index.html"], fingerprint: 7) {
                made.note("about")
                return [.init("about/index.html", text: "about")]
            })
        plan.add(
            .init(["robots.txt"], fingerprint: nil) {
                made.note("robots")
                return [.init("robots.txt", pieces: [Array("User-agent".utf8), Array(": *\n".utf8)])]
            })
        plan.add(
            .init(owning: { $0.hasPrefix("s/") }, fingerprint: ContentHash.of("\(shards)")) {
                made.note("shards")
                return shards.map { .init($0.key, text: $0.value) }
            })
        return plan
    }

    private func read(_ output: URL, _ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func testAFullBuildMakesAndWritesEveryFile() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let made = Made()
        let writer = try SiteWriter(output: output)
        let outcome = try plan(made).write(with: writer, previous: [:], changed: [])
        try writer.commit()
        XCTAssertEqual(Set(outcome.outputs.keys), ["index.html", "about/index.html", "robots.txt", "s/a.js"])
        XCTAssertEqual(read(output, "robots.txt"), "User-agent: *\n", "pieces are written one after the other")
        XCTAssertEqual(outcome.outputs["about/index.html"]?.fingerprint, 7)
        XCTAssertEqual(
            outcome.outputs["robots.txt"]?.fingerprint,
            ContentHash.of(pieces: [Array("User-agent".utf8), Array(": *\n".utf8)]),
            "a file without a fingerprint is recorded by its content")
        XCTAssertEqual(outcome.kept, [])
    }

    func testARebuildMakesOnlyWhatChangedAndKeepsTheRest() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        let before = try plan(Made()).write(with: first, previous: [:], changed: [])
        try first.commit()

        let made = Made()
        let writer = try SiteWriter(output: output, mode: .update)
        let outcome = try plan(made, page: "two").write(with: writer, previous: before.outputs, changed: [])
        try writer.commit(kept: outcome.kept)
        XCTAssertEqual(made["index"], 1, "its fingerprint changed")
        XCTAssertEqual(made["about"], 0, "same fingerprint: not made again")
        XCTAssertEqual(made["shards"], 0, "same fingerprint: every file it owns is kept")
        XCTAssertEqual(made["robots"], 1, "no fingerprint: made every time")
        XCTAssertEqual(writer.writtenPaths, ["index.html"], "robots.txt has the same bytes: not written")
        XCTAssertEqual(Set(outcome.kept), ["about/index.html", "robots.txt", "s/a.js"])
        XCTAssertEqual(read(output, "index.html"), "two")
        XCTAssertEqual(outcome.outputs["s/a.js"], before.outputs["s/a.js"])
    }

    func testAFileChangedOnDiskIsMadeAgainWhateverItsFingerprint() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        let before = try plan(Made()).write(with: first, previous: [:], changed: [])
        try first.commit()
        try Data("vandalized".utf8).write(to: output.appendingPathComponent("about/index.html"))

        let made = Made()
        let writer = try SiteWriter(output: output, mode: .update)
        writer.distrust(["about/index.html", "s/a.js"])
        let outcome = try plan(made).write(
            with: writer, previous: before.outputs, changed: ["about/index.html", "s/a.js"])
        try writer.commit(kept: outcome.kept)
        XCTAssertEqual(made["about"], 1)
        XCTAssertEqual(made["shards"], 1, "one of its files changed: the entry is made again")
        XCTAssertEqual(made["index"], 0)
        XCTAssertEqual(read(output, "about/index.html"), "about")
        XCTAssertEqual(Set(writer.writtenPaths), ["about/index.html", "s/a.js"])
    }

    func testFilesNamedByContentAreReplacedAsAGroup() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let first = try SiteWriter(output: output)
        let before = try plan(Made(), shards: ["s/a.js": "a", "s/b.js": "b"]).write(
            with: first, previous: [:], changed: [])
        try first.commit()

        let writer = try SiteWriter(output: output, mode: .update)
        let outcome = try plan(Made(), shards: ["s/a.js": "a", "s/c.js": "c"])
            .write(with: writer, previous: before.outputs, changed: [])
        XCTAssertNil(outcome.outputs["s/b.js"], "the new group has no b: it is deleted by the build")
        XCTAssertNotNil(outcome.outputs["s/c.js"])
        XCTAssertTrue(outcome.kept.contains("s/a.js"), "made again to the same bytes")
        writer.abandon()
    }

    func testAFailureIsReportedOnceAndTheRestIsStillMade() throws {
        let output = Fixtures.temporaryFolder(self).appendingPathComponent("Site")
        let problem = Diagnostic.error("Templates/page.html", line: 3, column: 5, "unclosed section")
        var plan = FilePlan()
        for name in ["a", "b", "c"] {
            plan.add(
                .init(["\(name).html"], fingerprint: 1) { () throws(DiagnosticError) in throw DiagnosticError(problem) }
            )
        }
        plan.add(.init(["ok.html"], fingerprint: 2) { [.init("ok.html", text: "ok")] })
        let writer = try SiteWriter(output: output)
        XCTAssertThrowsError(try plan.write(with: writer, previous: [:], changed: [])) { error in
            XCTAssertEqual(
                (error as? DiagnosticError)?.diagnostics, [problem], "one error per problem, not one per page")
        }
        XCTAssertEqual(writer.written, 1, "the rest is made and written all the same")
        writer.abandon()
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}
