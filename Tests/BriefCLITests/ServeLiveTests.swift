import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `brief serve` rebuilds on every save, tells the open pages what changed or what went wrong,
/// keeps the last good site, and stops without leaving a half-written one.
final class ServeLiveTests: XCTestCase {
    private let story = "/stories/tesla-opens-a-factory/"

    private func source(_ folder: URL) -> URL { folder.appendingPathComponent("Content/2024-03-01-test.md") }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    private func changed(_ message: [String: Any]?) -> [String] { message?["changed"] as? [String] ?? [] }

    func testSiteIsWhatBriefBuildWritesWithTheServersAddress() throws {
        let folder = try ServeHTTPTests.makeSite(self)
        let server = try ServeProcess(self, in: folder)
        let reference = BriefRunner.temporaryFolder(self)
        for item in ["Content", "brief.yml"] {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(item), to: reference.appendingPathComponent(item))
        }
        let built = try BriefRunner.run(["build", "--base-url", server.url], in: reference)
        XCTAssertEqual(built.status, 0, built.stderr)
        let a = folder.appendingPathComponent("Site")
        let b = reference.appendingPathComponent("Site")
        XCTAssertEqual(BriefRunner.files(in: a), BriefRunner.files(in: b))
        for path in BriefRunner.files(in: a) {
            XCTAssertTrue(
                FileManager.default.contentsEqual(
                    atPath: a.appendingPathComponent(path).path,
                    andPath: b.appendingPathComponent(path).path), path)
        }
        XCTAssertTrue(
            BriefRunner.read(a.appendingPathComponent("feed.xml")).contains(
                server.url + "stories/tesla-opens-a-factory/"))
    }

    func testEditingASourceAndATemplateReachesTheServedPage() throws {
        let folder = try ServeHTTPTests.makeSite(self)
        let server = try ServeProcess(self, in: folder)
        let page = try XCTUnwrap(HTTPReply.fetch(server.port, story))
        let live = try XCTUnwrap(
            LiveSocket(
                port: server.port, page: story, file: "stories/tesla-opens-a-factory/index.html",
                etag: etag(of: page)))
        let hello = try XCTUnwrap(live.next())
        XCTAssertEqual(hello["stale"] as? Bool, false, "the page is current")

        var text = BriefRunner.read(source(folder))
        text = text.replacingOccurrences(of: "in Texas", with: "in Ohio")
        try write(text, to: source(folder))
        let afterSource = live.next { !self.changed($0).isEmpty }
        XCTAssertTrue(
            changed(afterSource).contains("stories/tesla-opens-a-factory/index.html"), "\(afterSource ?? [:])")
        XCTAssertFalse(
            changed(afterSource).contains("stories/nvidia-ships-a-chip/index.html"), "only what the edit touched")
        XCTAssertTrue(try XCTUnwrap(HTTPReply.fetch(server.port, story)).text.contains("opened a factory in Ohio"))

        let layout = BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/story.mustache"))
        try write(
            layout.replacingOccurrences(of: "{{$main}}", with: "{{$main}}<p class=\"marker\">Edited template</p>"),
            to: folder.appendingPathComponent("Templates/story.mustache"))
        let afterTemplate = live.next { !self.changed($0).isEmpty }
        XCTAssertTrue(changed(afterTemplate).contains("stories/tesla-opens-a-factory/index.html"))
        XCTAssertTrue(try XCTUnwrap(HTTPReply.fetch(server.port, story)).text.contains("Edited template"))

        // A style sheet alone: only it changed, so pages swap it instead of reloading.
        let css = BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/assets/style.css"))
        try write(css + "\n.marker { color: red; }\n", to: folder.appendingPathComponent("Templates/assets/style.css"))
        let afterStyle = live.next { !self.changed($0).isEmpty }
        XCTAssertEqual(changed(afterStyle), ["assets/style.css"])
        XCTAssertTrue(
            try XCTUnwrap(HTTPReply.fetch(server.port, "/assets/style.css")).text.contains(".marker { color: red; }"))
        XCTAssertNotNil(server.waitForOutput(containing: "changed: 1 file updated"), server.stdout)
    }

    func testABrokenTemplateShowsItsErrorsAndKeepsTheLastGoodSite() throws {
        let folder = try ServeHTTPTests.makeSite(self)
        let server = try ServeProcess(self, in: folder)
        let before = try XCTUnwrap(HTTPReply.fetch(server.port, story)).text
        let live = try XCTUnwrap(LiveSocket(port: server.port, page: story))
        _ = live.next()
        let template = folder.appendingPathComponent("Templates/story.mustache")
        try write("{{<layout}}{{$main}}\n{{#story}}unclosed\n{{/main}}{{/layout}}\n", to: template)
        let failed = try XCTUnwrap(live.next { !(($0["errors"] as? [String]) ?? []).isEmpty })
        let errors = failed["errors"] as? [String] ?? []
        XCTAssertTrue(
            errors.contains { $0.hasPrefix("Templates/story.mustache:") && $0.contains(": error: ") }, "\(errors)")
        XCTAssertNotNil(
            server.waitForOutput(
                containing: "build failed with 1 error; the last good site is still served",
                standardError: true), server.stderr)
        XCTAssertTrue(
            server.stderr.contains("Templates/story.mustache:"), "the terminal prints it too: \(server.stderr)")
        let during = try XCTUnwrap(HTTPReply.fetch(server.port, story))
        XCTAssertEqual(during.status, 200)
        XCTAssertEqual(during.text, before, "the last good page is still served")
        // A page opened now learns of the errors as it connects.
        let late = try XCTUnwrap(LiveSocket(port: server.port, page: "/"))
        XCTAssertEqual((late.next()?["errors"] as? [String])?.isEmpty, false)

        try FileManager.default.removeItem(at: template)
        let fixed = try XCTUnwrap(live.next { ($0["errors"] as? [String])?.isEmpty == true })
        XCTAssertEqual(fixed["errors"] as? [String], [], "the overlay goes away")
    }

    func testAPageServedBeforeABuildIsToldItIsStale() throws {
        let folder = try ServeHTTPTests.makeSite(self)
        let server = try ServeProcess(self, in: folder)
        let page = try XCTUnwrap(HTTPReply.fetch(server.port, story))
        var text = BriefRunner.read(source(folder))
        text = text.replacingOccurrences(of: "in Texas", with: "in Utah")
        try write(text, to: source(folder))
        XCTAssertNotNil(server.waitForOutput(containing: "changed:"))
        let live = try XCTUnwrap(
            LiveSocket(
                port: server.port, page: story, file: "stories/tesla-opens-a-factory/index.html",
                etag: etag(of: page)))
        XCTAssertEqual(live.next()?["stale"] as? Bool, true)
    }

    func testOneSaveOfSeveralFilesGivesOneBuildAndNewFoldersAreWatched() throws {
        let folder = try ServeHTTPTests.makeSite(self)
        let server = try ServeProcess(self, in: folder)
        let offset = server.stdout.count
        for n in 1...5 {
            try write(
                "## Apple Story \(n)\n\nApple said on Friday that it sold \(n) million phones in March.\n",
                to: folder.appendingPathComponent("Content/2024-03-0\(n + 1)-apple-\(n).md"))
        }
        XCTAssertNotNil(server.waitForOutput(containing: "and 4 more changed:", after: offset), server.stdout)
        usleep(300_000)
        XCTAssertEqual(server.stdout.dropFirst(offset).components(separatedBy: "changed:").count - 1, 1, server.stdout)

        // A folder made after the server started, then a source in it, and a folder inside that.
        try write(
            "## Intel Story\n\nIntel said on Friday that it opened a plant in Ohio.\n",
            to: folder.appendingPathComponent("Content/later/2024-04-01-intel.md"))
        XCTAssertNotNil(server.waitForOutput(containing: "Content/later", after: offset), server.stdout)
        XCTAssertTrue(waitFor { HTTPReply.fetch(server.port, "/stories/intel-story/")?.status == 200 })
        let deeper = folder.appendingPathComponent("Content/later/deeper")
        try FileManager.default.createDirectory(at: deeper, withIntermediateDirectories: true)
        usleep(200_000)
        try write(
            "## Amazon Story\n\nAmazon said on Friday that it opened a warehouse.\n",
            to: deeper.appendingPathComponent("2024-04-02-amazon.md"))
        XCTAssertTrue(waitFor { HTTPReply.fetch(server.port, "/stories/amazon-story/")?.status == 200 }, server.stdout)
    }

    func testSignalsStopTheServerCleanly() throws {
        let folder = try ServeHTTPTests.makeSite(self)
        for n in 1...150 {
            try write(
                IncrementalBuildTests.source(n),
                to: folder.appendingPathComponent(String(format: "Content/2024-05-%03d.txt", n)))
        }
        let server = try ServeProcess(self, in: folder)
        // Change a setting every page shows, so that the whole site is rebuilt, and stop during that build.
        try write("title: Renamed\n", to: folder.appendingPathComponent("brief.yml"))
        usleep(120_000)
        XCTAssertEqual(server.stop(signal: SIGINT), 0, server.stderr)
        XCTAssertTrue(server.stdout.contains("Stopping"), server.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("brief-staging")
        }
        XCTAssertEqual(leftovers, [], "no build is left half-written")
        // The lock is free, and the site is whole: a build with the same address finds it up to date or finishes it.
        let build = try BriefRunner.run(["build", "--base-url", server.url], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertFalse(build.stderr.contains("another brief build"), build.stderr)
        XCTAssertTrue(BriefRunner.read(folder.appendingPathComponent("Site/index.html")).contains("Renamed"))

        let again = try ServeProcess(self, in: folder)
        XCTAssertEqual(again.stop(signal: SIGTERM), 0)
    }

    private func etag(of page: HTTPReply) -> String {
        let text = page.text
        guard let range = text.range(of: #"data-etag="[^"]*""#, options: .regularExpression) else { return "" }
        return String(text[range].dropFirst("data-etag=\"".count).dropLast()).replacingOccurrences(
            of: "&quot;", with: "\"")
    }

    private func waitFor(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return false
    }
}
