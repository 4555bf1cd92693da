import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Takes one connection's requests (NIO has parsed them, and answered malformed ones with 400)
/// and writes each one's answer. Files are read on a thread pool, not on the event loop.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: SiteResponder
    private let pool: NIOThreadPool
    private var request: HTTPRequestHead?

    init(responder: SiteResponder, pool: NIOThreadPool) {
        self.responder = responder
        self.pool = pool
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break  // this server reads nothing from requests; other methods than GET and HEAD get 405
        case .end:
            guard let head = request else { return }
            request = nil
            let responder = self.responder
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            pool.runIfActive(eventLoop: context.eventLoop) {
                responder.respond(method: head.method, target: head.uri, headers: head.headers)
            }.whenComplete { result in
                let response = (try? result.get()) ?? .text(.serviceUnavailable, "503 Service Unavailable: stopping\n")
                Self.write(response, for: head, context: bound.value)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A request NIO could not parse was answered 400 before this; the connection ends here.
        context.close(promise: nil)
    }

    private static func write(_ response: Response, for request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = response.headers
        headers.replaceOrAdd(name: "Date", value: HTTPDate.format(Int(Date().timeIntervalSince1970)))
        let keepAlive = request.isKeepAlive
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: request.version, status: response.status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body = response.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
