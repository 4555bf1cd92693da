import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `brief serve` speaks HTTP as a static host would: types, validators, folders, the 404 page,
/// and nothing outside the site, whatever the request looks like.
final class ServeHTTPTests: XCTestCase {
    /// A site with one briefing of two stories.
    static func makeSite(_ test: XCTestCase) throws -> URL {
        let folder = BriefRunner.temporaryFolder(test)
        let content = folder.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try """
        ---
        title: Test Briefing
        ---
        ## Tesla Opens a Factory

        Tesla said on Monday that it opened a factory in Texas, which will build batteries for its cars.

        ## Nvidia Ships a Chip

        Nvidia said on Tuesday that it shipped a new chip to Microsoft, which will use it in its data centres.

        """.write(to: content.appendingPathComponent("2024-03-01-test.md"), atomically: true, encoding: .utf8)
        try "title: Serve Test\n".write(
            to: folder.appendingPathComponent("brief.yml"), atomically: true, encoding: .utf8)
        return folder
    }

    func testEveryKindOfFileHasItsType() throws {
        let server = try ServeProcess(self, in: try Self.makeSite(self))
        let expected = [
            "/": "text/html; charset=utf-8",
            "/stories/tesla-opens-a-factory/": "text/html; charset=utf-8",
            "/assets/style.css": "text/css; charset=utf-8",
            "/assets/search.js": "text/javascript; charset=utf-8",
            "/assets/icon.svg": "image/svg+xml",
            "/feed.xml": "application/atom+xml",
            "/feed.json": "application/feed+json",
            "/sitemap.xml": "application/xml",
            "/search.json": "application/json",
            "/robots.txt": "text/plain; charset=utf-8",
        ]
        for (path, type) in expected {
            let reply = try XCTUnwrap(HTTPReply.fetch(server.port, path), path)
            XCTAssertEqual(reply.status, 200, path)
            XCTAssertEqual(reply.headers["content-type"], type, path)
            XCTAssertEqual(reply.headers["x-content-type-options"], "nosniff", path)
            XCTAssertEqual(Int(reply.headers["content-length"] ?? ""), reply.body.count, path)
            XCTAssertFalse(reply.body.isEmpty, path)
        }
    }

    func testPagesGetTheScriptAndTheFilesDoNot() throws {
        let folder = try Self.makeSite(self)
        let server = try ServeProcess(self, in: folder)
        let page = try XCTUnwrap(HTTPReply.fetch(server.port, "/stories/tesla-opens-a-factory/"))
        XCTAssertTrue(page.text.contains("opened a factory in Texas"))
        XCTAssertTrue(
            page.text.contains(#"<script src="/__brief/live.js" data-file="stories/tesla-opens-a-factory/index.html""#))
        XCTAssertTrue(page.text.hasSuffix("</script></body>\n</html>\n"), "the script goes right before </body>")
        let file = BriefRunner.read(folder.appendingPathComponent("Site/stories/tesla-opens-a-factory/index.html"))
        XCTAssertFalse(file.contains("__brief"), "the file in Site/ must stay as brief build writes it")
        XCTAssertEqual(
            page.text.replacingOccurrences(
                of: #"<script src="/__brief/live.js"[^>]*></script>"#, with: "", options: .regularExpression), file)

        let script = try XCTUnwrap(HTTPReply.fetch(server.port, "/__brief/live.js"))
        XCTAssertEqual(script.status, 200)
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.text.contains("new WebSocket"))
        let css = try XCTUnwrap(HTTPReply.fetch(server.port, "/assets/style.css"))
        XCTAssertEqual(css.body, Array(try Data(contentsOf: folder.appendingPathComponent("Site/assets/style.css"))))
    }

    func testValidatorsGive304AndHeadGivesTheHeadersAlone() throws {
        let server = try ServeProcess(self, in: try Self.makeSite(self))
        for path in ["/assets/style.css", "/stories/tesla-opens-a-factory/"] {
            let full = try XCTUnwrap(HTTPReply.fetch(server.port, path))
            let etag = try XCTUnwrap(full.headers["etag"], path)
            let modified = try XCTUnwrap(full.headers["last-modified"], path)
            XCTAssertTrue(modified.hasSuffix(" GMT"), modified)
            XCTAssertEqual(full.headers["cache-control"], "no-cache")

            let byTag = try XCTUnwrap(HTTPReply.fetch(server.port, path, headers: ["If-None-Match": etag]))
            XCTAssertEqual(byTag.status, 304, path)
            XCTAssertTrue(byTag.body.isEmpty)
            XCTAssertEqual(byTag.headers["etag"], etag)
            let weak = try XCTUnwrap(
                HTTPReply.fetch(server.port, path, headers: ["If-None-Match": "\"other\", W/\(etag)"]))
            XCTAssertEqual(weak.status, 304, "weak comparison, any tag of the list")
            let byDate = try XCTUnwrap(HTTPReply.fetch(server.port, path, headers: ["If-Modified-Since": modified]))
            XCTAssertEqual(byDate.status, 304, path)
            let other = try XCTUnwrap(HTTPReply.fetch(server.port, path, headers: ["If-None-Match": "\"other\""]))
            XCTAssertEqual(other.status, 200, "If-None-Match decides over If-Modified-Since")
            let old = try XCTUnwrap(
                HTTPReply.fetch(server.port, path, headers: ["If-Modified-Since": "Sat, 01 Jan 2000 00:00:00 GMT"]))
            XCTAssertEqual(old.status, 200)

            let head = try XCTUnwrap(HTTPReply.fetch(server.port, path, method: "HEAD"))
            XCTAssertEqual(head.status, 200)
            XCTAssertEqual(head.headers["content-length"], String(full.body.count), "HEAD says the length of a GET")
            XCTAssertEqual(head.headers["etag"], etag)
            XCTAssertTrue(head.body.isEmpty)
        }
        // The validator of a page differs from its file's, since the page is sent with the script.
        let page = try XCTUnwrap(HTTPReply.fetch(server.port, "/"))
        XCTAssertTrue(page.headers["etag"]?.hasSuffix("-live\"") ?? false)
        let post = try XCTUnwrap(HTTPReply.fetch(server.port, "/", method: "POST"))
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers["allow"], "GET, HEAD")
    }

    func testFoldersRedirectAndMissingPagesGetThe404Page() throws {
        let server = try ServeProcess(self, in: try Self.makeSite(self))
        let redirect = try XCTUnwrap(HTTPReply.fetch(server.port, "/stories/tesla-opens-a-factory?x=1"))
        XCTAssertEqual(redirect.status, 301)
        XCTAssertEqual(redirect.headers["location"], "/stories/tesla-opens-a-factory/?x=1")
        XCTAssertEqual(HTTPReply.fetch(server.port, "//example.org")?.status, 404, "never a redirect to another host")
        let folder = try XCTUnwrap(HTTPReply.fetch(server.port, "/companies/"))
        XCTAssertEqual(folder.status, 200)
        XCTAssertTrue(folder.text.contains("data-file=\"companies/index.html\""))

        for path in ["/no/such/page", "/stories/nope/", "/feed.xmlx", "/.brief-site"] {
            let missing = try XCTUnwrap(HTTPReply.fetch(server.port, path), path)
            XCTAssertEqual(missing.status, 404, path)
            XCTAssertEqual(missing.headers["content-type"], "text/html; charset=utf-8")
            XCTAssertTrue(missing.text.contains("Page not found"), "the site's own 404.html: \(missing.text)")
            XCTAssertTrue(missing.text.contains("<base href=\"/\">"), "its relative links work at any depth")
            XCTAssertTrue(missing.text.contains("data-file=\"404.html\""))
        }
        XCTAssertEqual(HTTPReply.fetch(server.port, "/nope", method: "HEAD")?.status, 404)
    }

    func testNothingOutsideTheSiteIsServed() throws {
        let folder = try Self.makeSite(self)
        try "secret\n".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let server = try ServeProcess(self, in: folder)
        let site = folder.appendingPathComponent("Site")
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("same.css").path, withDestinationPath: "assets/style.css")

        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd", "/assets/..%2f..%2fsecret.txt",
            "/leak.txt", "/up/secret.txt", "/up/", "/stories/./x",
        ] {
            let reply = try XCTUnwrap(HTTPReply.fetch(server.port, target), target)
            XCTAssertEqual(reply.status, 403, target)
            XCTAssertFalse(reply.text.contains("secret"), target)
        }
        XCTAssertEqual(HTTPReply.fetch(server.port, "/same.css")?.status, 200, "a link inside the site is fine")
        XCTAssertEqual(HTTPReply.fetch(server.port, "/%zz")?.status, 400)
        XCTAssertEqual(HTTPReply.fetch(server.port, "/a%00b")?.status, 400)
    }

    func testAFolderBriefDidNotWriteIsNotServed() throws {
        let folder = try Self.makeSite(self)
        let other = folder.appendingPathComponent("Other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try "private\n".write(to: other.appendingPathComponent("private.txt"), atomically: true, encoding: .utf8)
        let server = try ServeProcess(self, in: folder, arguments: ["--port", "0", "--output", "Other"])
        XCTAssertNotNil(server.waitForOutput(containing: "was not made by brief", standardError: true), server.stderr)
        let reply = try XCTUnwrap(HTTPReply.fetch(server.port, "/private.txt"))
        XCTAssertEqual(reply.status, 404)
        XCTAssertFalse(reply.text.contains("private\n"))
    }

    func testMalformedAndOverlongRequestsGet400AndTheServerGoesOn() throws {
        let server = try ServeProcess(self, in: try Self.makeSite(self))
        let requests = [
            "GARBAGE\r\n\r\n",
            "GET / HTTP/9.9\r\n\r\n",
            "GET /\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n",
            "GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + String(repeating: "b", count: 100_000) + "\r\n\r\n",
        ]
        for request in requests {
            let reply = HTTPReply.raw(server.port, Array(request.utf8))
            XCTAssertEqual(reply?.status, 400, String(request.prefix(40)))
        }
        XCTAssertEqual(HTTPReply.raw(server.port, [0xff, 0xfe, 0x00, 0x0d, 0x0a, 0x0d, 0x0a])?.status, 400)
        XCTAssertEqual(HTTPReply.fetch(server.port, "/")?.status, 200)
        XCTAssertTrue(server.process.isRunning)
    }

    func testFiftyClientsAtOnce() throws {
        let server = try ServeProcess(self, in: try Self.makeSite(self))
        let expected = try XCTUnwrap(HTTPReply.fetch(server.port, "/stories/tesla-opens-a-factory/")).body
        // Fifty connections open together, each sends its request before any answer is read.
        let connections = try (0..<50).map { _ in try XCTUnwrap(Connection(port: server.port)) }
        for connection in connections {
            connection.send("GET /stories/tesla-opens-a-factory/ HTTP/1.1\r\nHost: x\r\n\r\n")
        }
        var served = 0
        for connection in connections {
            let reply = connection.readReply()
            if reply?.status == 200 && reply?.body == expected { served += 1 }
        }
        XCTAssertEqual(served, 50)
        // And fifty at once from threads, on keep-alive connections, two requests each.
        let ok = Counter()
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 50) { _ in
            guard let connection = Connection(port: port) else { return }
            for path in ["/", "/assets/style.css"] {
                connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
                if connection.readReply()?.status == 200 { ok.add() }
            }
        }
        XCTAssertEqual(ok.value, 100)
    }

    func testDefaultPortIs1313OrTheNextFreeOne() throws {
        // Hold 1313 (when nobody else does), so that the server must take another.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(1313).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        listen(holder, 1)
        let server = try ServeProcess(self, in: try Self.makeSite(self), arguments: [])
        XCTAssertTrue((1314..<1413).contains(Int(server.port)), server.url)
        XCTAssertEqual(HTTPReply.fetch(server.port, "/")?.status, 200)

        let busy = try BriefRunner.run(["serve", "--port", String(server.port)], in: try Self.makeSite(self))
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.contains("error: cannot listen on http://127.0.0.1:\(server.port)/"), busy.stderr)
    }
}

/// A count that threads add to.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func add() { lock.withLock { count += 1 } }
}
