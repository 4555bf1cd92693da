import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// One answer to one request, made without touching the network, so it can be tested alone.
struct Response: Sendable {
    var status: HTTPResponseStatus
    var headers = HTTPHeaders()
    /// Nil for `HEAD` and `304`, which have none (the headers still say the length of a `GET`'s).
    var body: ByteBuffer?

    /// A short plain-text answer, for errors.
    static func text(_ status: HTTPResponseStatus, _ text: String, head: Bool = false) -> Response {
        var response = Response(status: status)
        response.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        response.headers.add(name: "Content-Length", value: String(text.utf8.count))
        response.headers.add(name: "Cache-Control", value: "no-cache")
        if !head { response.body = ByteBuffer(string: text) }
        return response
    }
}

/// Answers `GET` and `HEAD` with the files of the output folder: their types, validators
/// (`ETag`, `Last-Modified`, `304`), `index.html` for folders, the site's `404.html`; and adds the
/// live reload script to every HTML page it sends.
struct SiteResponder: Sendable {
    let paths: SitePaths

    init(root: String) {
        paths = SitePaths(root: root)
    }

    func respond(method: HTTPMethod, target: String, headers: HTTPHeaders) -> Response {
        guard method == .GET || method == .HEAD else {
            var response = Response.text(.methodNotAllowed, "405 Method Not Allowed: this server only reads the site\n")
            response.headers.add(name: "Allow", value: "GET, HEAD")
            return response
        }
        let head = method == .HEAD
        if target.prefix(while: { $0 != "?" }) == LiveReloadScript.scriptPath { return script(head: head) }
        switch paths.resolve(target) {
        case .file(let path, let relative):
            return file(path, relative, request: headers, head: head) ?? notFound(head: head)
        case .redirect(let location):
            var response = Response.text(.movedPermanently, "301 Moved Permanently: \(location)\n", head: head)
            response.headers.add(name: "Location", value: location)
            return response
        case .notFound:
            return notFound(head: head)
        case .forbidden:
            return .text(.forbidden, "403 Forbidden: this address is outside the site\n", head: head)
        case .badRequest:
            return .text(.badRequest, "400 Bad Request: the address is not a valid path\n", head: head)
        }
    }

    /// The site file a page at `page` was served from and its version, as the page's script was told:
    /// a page whose file or version differs now is out of date.
    func servedVersion(page: String) -> (file: String, etag: String) {
        switch paths.resolve(page) {
        case .file(let path, let relative):
            return (relative, FileVersion(path: path)?.etag ?? "")
        case .notFound:
            guard case .file(let path, let relative) = paths.resolve("/404.html") else { return ("", "") }
            return (relative, FileVersion(path: path)?.etag ?? "")
        default:
            return ("", "")
        }
    }

    /// A file with its validators, or `304` when the browser has this version already.
    private func file(_ path: String, _ relative: String, request: HTTPHeaders, head: Bool) -> Response? {
        let type = ContentTypes.forPath(relative)
        let isHTML = ContentTypes.isHTML(type)
        guard let (version, bytes) = FileVersion.read(path) else { return nil }
        // A page is sent with the script added, so its validator differs from the file's.
        let etag = isHTML ? String(version.etag.dropLast()) + "-live\"" : version.etag
        var response = Response(status: .ok)
        response.headers.add(name: "ETag", value: etag)
        response.headers.add(name: "Last-Modified", value: HTTPDate.format(version.modified))
        response.headers.add(name: "Cache-Control", value: "no-cache")
        if Self.notModified(request, etag: etag, modified: version.modified) {
            response.status = .notModified
            return response
        }
        let body = isHTML ? LiveReloadScript.inject(into: bytes, file: relative, etag: version.etag) : bytes
        response.headers.add(name: "Content-Type", value: type)
        response.headers.add(name: "Content-Length", value: String(body.count))
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        if !head { response.body = ByteBuffer(bytes: body) }
        return response
    }

    /// The site's `404.html` with status 404, its links resolved from the root; a short page
    /// (which follows the builds) when the site has none or was not built yet.
    private func notFound(head: Bool) -> Response {
        var body: [UInt8]
        if case .file(let path, let relative) = paths.resolve("/404.html"),
            let (version, bytes) = FileVersion.read(path)
        {
            body = LiveReloadScript.inject(into: bytes, file: relative, etag: version.etag, base: "/")
        } else {
            let exists = SitePaths.realPath(paths.root) != nil
            let text = exists ? "There is no page at this address." : "The site has not been built yet."
            let page =
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                + "<body><h1>Not found</h1><p>\(text)</p></body></html>"
            body = LiveReloadScript.inject(into: Array(page.utf8), file: "", etag: "")
        }
        var response = Response(status: .notFound)
        response.headers.add(name: "Content-Type", value: "text/html; charset=utf-8")
        response.headers.add(name: "Content-Length", value: String(body.count))
        response.headers.add(name: "Cache-Control", value: "no-cache")
        if !head { response.body = ByteBuffer(bytes: body) }
        return response
    }

    private func script(head: Bool) -> Response {
        var response = Response(status: .ok)
        let body = Array(LiveReloadScript.source.utf8)
        response.headers.add(name: "Content-Type", value: "text/javascript; charset=utf-8")
        response.headers.add(name: "Content-Length", value: String(body.count))
        response.headers.add(name: "Cache-Control", value: "no-cache")
        if !head { response.body = ByteBuffer(bytes: body) }
        return response
    }

    /// `If-None-Match` decides when present (weak comparison, RFC 9110 §13.1.2); otherwise `If-Modified-Since`.
    static func notModified(_ request: HTTPHeaders, etag: String, modified: Int) -> Bool {
        let tags = request["If-None-Match"].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if !tags.isEmpty {
            func opaque(_ tag: String) -> Substring { tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag) }
            return tags.contains { $0 == "*" || opaque($0) == opaque(etag) }
        }
        guard let since = request["If-Modified-Since"].first.flatMap(HTTPDate.parse) else { return false }
        return modified <= since
    }
}

/// A file's identity for validators: inode, size and modification time to the nanosecond. brief
/// keeps unchanged files (hard links, same time), so their validators survive rebuilds.
struct FileVersion: Sendable {
    var etag: String
    /// Seconds since 1970.
    var modified: Int

    init(_ info: stat) {
        let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        etag =
            "\"\(String(info.st_ino, radix: 16))-\(String(info.st_size, radix: 16))-\(String(nanoseconds, radix: 16))\""
        modified = Int(info.st_mtim.tv_sec)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The file's version and bytes, both from one open file (a build may replace the path meanwhile).
    static func read(_ path: String) -> (FileVersion, [UInt8])? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            count += n
        }
        return (FileVersion(info), bytes)
    }
}
