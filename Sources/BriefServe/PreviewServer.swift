// BriefServe: `brief serve` — the HTTP server for the output folder (on SwiftNIO), live reload over a
// WebSocket, the rebuild loop, and the one file that wraps inotify. Depends on BriefCore (to run builds),
// BriefOutput (the marker of a folder brief wrote) and BriefModel (diagnostics); nothing depends on it but
// the command line.

import BriefCore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// `brief serve`: builds the site, serves the output folder over HTTP, rebuilds on every change of
/// the inputs and has the open pages follow, until SIGINT or SIGTERM.
public final class PreviewServer {
    private let options: ServeOptions
    private let report: @Sendable (ServeEvent) -> Void

    /// Prepares a server; nothing is built or bound until `run()`. `report` is called from the server's threads.
    public init(options: ServeOptions, report: @escaping @Sendable (ServeEvent) -> Void) {
        self.options = options
        self.report = report
    }

    /// Runs until a signal stops it; a build under way is finished first, so the output folder
    /// is never left half-written and its lock is released.
    /// - Throws: `ServeError` when no port could be had or the system cannot watch the inputs.
    public func run() throws {
        let stop = SignalWaiter()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let pool = NIOThreadPool(numberOfThreads: 2)
        pool.start()
        let hub = LiveReloadHub()
        defer {
            hub.closeAll()
            try? pool.syncShutdownGracefully()
            try? group.syncShutdownGracefully()
        }
        let responder = SiteResponder(root: options.build.output.path)
        let channel = try bind(group: group, responder: responder, pool: pool, hub: hub)
        defer { try? channel.close().wait() }
        let url = Self.url(host: options.host, port: channel.localAddress?.port ?? 0)

        var build = options.build
        if build.baseURL == nil { build.baseURL = url }
        let watcher: SiteWatcher
        do { watcher = try SiteWatcher(root: build.root) } catch {
            throw ServeError("cannot watch \(build.display(build.root)) for changes: \(error)")
        }
        let rebuilder = Rebuilder(options: build, hub: hub, report: report)
        rebuilder.build(trigger: [])
        report(.serving(url: url))

        let finished = DispatchSemaphore(value: 0)
        let loop = Thread {
            while let changes = watcher.nextChanges() { rebuilder.build(trigger: changes) }
            finished.signal()
        }
        loop.start()
        stop.wait()
        report(.stopping(waitingForBuild: rebuilder.isBuilding))
        watcher.stop()
        finished.wait()
    }

    /// Listens on the first free port of the ones to try.
    private func bind(
        group: MultiThreadedEventLoopGroup, responder: SiteResponder, pool: NIOThreadPool,
        hub: LiveReloadHub
    ) throws -> any Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.configure(channel, responder: responder, pool: pool, hub: hub)
                }
            }
        for port in options.ports {
            do {
                return try bootstrap.bind(host: options.host, port: port).wait()
            } catch let error as IOError where error.errnoCode == EADDRINUSE && options.port == nil {
                continue
            } catch {
                throw ServeError("cannot listen on \(Self.url(host: options.host, port: port)): \(error)")
            }
        }
        throw ServeError("no free port between 1313 and 1412 on \(options.host); choose one with --port")
    }

    /// The HTTP pipeline, with the upgrade of `/__brief/live` to a WebSocket.
    private static func configure(
        _ channel: any Channel, responder: SiteResponder, pool: NIOThreadPool,
        hub: LiveReloadHub
    ) throws {
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: 1 << 14,
            shouldUpgrade: { channel, head in
                let isLive = head.uri.prefix { $0 != "?" } == LiveReloadScript.socketPath
                return channel.eventLoop.makeSucceededFuture(isLive ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, head in
                channel.eventLoop.makeCompletedFuture {
                    let stale = LiveSocketHandler.isStale(head, responder: responder)
                    try channel.pipeline.syncOperations.addHandler(LiveSocketHandler(hub: hub, stale: stale))
                }
            }
        )
        // Request lines and header fields beyond 16 KB are answered 400, like malformed ones.
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = 16 * 1024
        limits.maxHeaderListSize = 64 * 1024
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withServerUpgrade: (
                upgraders: [upgrader],
                completionHandler: { context in
                    context.pipeline.removeHandler(name: "brief-http", promise: nil)
                }
            ),
            withErrorHandling: true,
            withEncoderConfiguration: .init(),
            withDecoderLimitConfiguration: limits
        )
        try channel.pipeline.syncOperations.addHandler(
            HTTPHandler(responder: responder, pool: pool), name: "brief-http")
    }

    /// `http://host:port/`, with an IPv6 address in brackets and "any address" shown as loopback.
    static func url(host: String, port: Int) -> String {
        let shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
        return "http://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
    }
}

/// Waits for SIGINT or SIGTERM. A second one ends the process at once, without waiting for a
/// build (which still leaves the previous site whole: builds write beside it and swap).
private final class SignalWaiter {
    private let received = DispatchSemaphore(value: 0)
    private let count = NIOLockedValueBox(0)
    private let sources: [any DispatchSourceSignal]

    init() {
        let queue = DispatchQueue(label: "brief.signals")
        var sources: [any DispatchSourceSignal] = []
        let received = self.received
        let count = self.count
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                let seen = count.withLockedValue { value -> Int in
                    value += 1
                    return value
                }
                if seen == 1 { received.signal() } else { _exit(130) }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func wait() {
        received.wait()
    }
}
