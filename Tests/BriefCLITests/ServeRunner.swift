import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A `brief serve` started by a test on a free loopback port, and stopped when the test ends.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""
    private(set) var url = ""
    private(set) var port: UInt16 = 0

    /// Starts `brief serve --port 0 ARGUMENTS` in `folder` and waits until it serves.
    init(_ test: XCTestCase, in folder: URL, arguments: [String] = ["--port", "0"]) throws {
        process.executableURL = BriefRunner.binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.append(handle.availableData, error: false)
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            self?.append(handle.availableData, error: true)
        }
        try process.run()
        test.addTeardownBlock { [self] in stop() }
        guard let line = waitForOutput(containing: "Serving ", timeout: 60) else {
            throw XCTSkip("brief serve did not start: \(stdout) \(stderr)")
        }
        guard let range = line.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) else {
            throw XCTSkip("no address in: \(line)")
        }
        url = String(line[range])
        port = UInt16(url.split(separator: ":").last!.dropLast()) ?? 0
    }

    var stdout: String { lock.withLock { stdoutText } }
    var stderr: String { lock.withLock { stderrText } }

    private func append(_ data: Data, error: Bool) {
        lock.withLock {
            if error {
                stderrText += String(decoding: data, as: UTF8.self)
            } else {
                stdoutText += String(decoding: data, as: UTF8.self)
            }
        }
    }

    /// The first line of standard output (or error) holding `text`, from the `after`-th character on.
    @discardableResult
    func waitForOutput(
        containing text: String, after offset: Int = 0, timeout: Double = 10, standardError: Bool = false
    ) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let output = standardError ? stderr : stdout
            if output.count > offset {
                let tail = output.dropFirst(offset)
                if let line = tail.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            }
            if !process.isRunning { return nil }
            usleep(10_000)
        }
        return nil
    }

    /// Sends a signal and waits for the process to end; kills it when it does not within `timeout`.
    @discardableResult
    func stop(signal number: Int32 = SIGTERM, timeout: Double = 20) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, number)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}

/// A response as it came over the wire.
struct HTTPReply {
    var status: Int
    /// Header names in lower case.
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A plain TCP connection to the server, so tests send exactly the bytes they mean.
final class Connection {
    let descriptor: Int32

    init?(port: UInt16, timeout: Int = 10) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if connected != 0 {
            close(descriptor)
            return nil
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) { send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Bytes read past the end of a response, for the next read.
    private var pending: [UInt8] = []

    /// Up to `count` bytes; empty at the end of the stream or on timeout.
    func receive(_ count: Int = 65536) -> [UInt8] {
        if !pending.isEmpty {
            let taken = Array(pending.prefix(count))
            pending.removeFirst(taken.count)
            return taken
        }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, count, 0) }
        return n > 0 ? Array(buffer[0..<n]) : []
    }

    /// Exactly `count` bytes, or fewer when the stream ends first.
    func receive(exactly count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let more = receive(count - bytes.count)
            if more.isEmpty { break }
            bytes += more
        }
        return bytes
    }

    /// Everything until the server closes the connection.
    func receiveAll() -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let more = receive()
            if more.isEmpty { return bytes }
            bytes += more
        }
    }

    /// Reads one response: the head, then as many body bytes as `Content-Length` says (none for HEAD).
    func readReply(head isHead: Bool = false) -> HTTPReply? {
        var bytes: [UInt8] = []
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var end: Int?
        while end == nil {
            let more = receive()
            if more.isEmpty { return nil }
            bytes += more
            end = bytes.indices.first { bytes[$0...].starts(with: separator) }
        }
        guard var reply = HTTPReply.head(String(decoding: bytes[..<end!], as: UTF8.self)) else { return nil }
        let length = isHead || reply.status == 304 ? 0 : Int(reply.headers["content-length"] ?? "0") ?? 0
        var body = Array(bytes[(end! + 4)...])
        if body.count < length { body += receive(exactly: length - body.count) }
        pending = Array(body.dropFirst(length)) + pending
        reply.body = Array(body.prefix(length))
        return reply
    }
}

extension HTTPReply {
    /// The status line and headers of a response.
    static func head(_ text: String) -> HTTPReply? {
        let lines = text.components(separatedBy: "\r\n")
        let status = lines.first?.split(separator: " ")
        guard let status, status.count >= 2, let code = Int(status[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return HTTPReply(status: code, headers: headers, body: [])
    }

    /// Sends one request on a new connection (closed after it) and reads the answer.
    static func fetch(_ port: UInt16, _ target: String, method: String = "GET", headers: [String: String] = [:])
        -> HTTPReply?
    {
        guard let connection = Connection(port: port) else { return nil }
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        connection.send(request + "\r\n")
        return connection.readReply(head: method == "HEAD")
    }

    /// Sends raw bytes and reads whatever comes back until the server closes.
    static func raw(_ port: UInt16, _ bytes: [UInt8]) -> HTTPReply? {
        guard let connection = Connection(port: port) else { return nil }
        connection.send(bytes)
        let answer = connection.receiveAll()
        guard let end = answer.indices.first(where: { answer[$0...].starts(with: Array("\r\n\r\n".utf8)) }) else {
            return nil
        }
        return head(String(decoding: answer[..<end], as: UTF8.self))
    }
}

/// The live reload WebSocket, as a page opens it: reads the server's JSON messages.
final class LiveSocket {
    private let connection: Connection

    init?(port: UInt16, page: String = "/", file: String = "index.html", etag: String = "") {
        guard let connection = Connection(port: port, timeout: 20) else { return nil }
        self.connection = connection
        let query = "file=\(Self.encode(file))&etag=\(Self.encode(etag))&page=\(Self.encode(page))"
        connection.send(
            "GET /__brief/live?\(query) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n"
        )
        guard let reply = connection.readReply(head: true), reply.status == 101 else { return nil }
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// The next message the server sends, decoded; nil on timeout or close.
    func next() -> [String: Any]? {
        while true {
            let header = connection.receive(exactly: 2)
            guard header.count == 2 else { return nil }
            var length = Int(header[1] & 0x7f)
            if length == 126 { length = connection.receive(exactly: 2).reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = connection.receive(exactly: 8).reduce(0) { $0 << 8 | Int($1) } }
            let payload = connection.receive(exactly: length)
            guard header[0] & 0x0f == 1 else { continue }  // only text frames carry messages
            return (try? JSONSerialization.jsonObject(with: Data(payload))) as? [String: Any]
        }
    }

    /// Messages until one satisfies `condition`.
    func next(where condition: ([String: Any]) -> Bool) -> [String: Any]? {
        while let message = next() {
            if condition(message) { return message }
        }
        return nil
    }
}
