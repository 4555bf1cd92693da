import Foundation
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// One open page's WebSocket: registered with the hub while open; answers pings and closes.
/// The page only listens, so anything else it sends is ignored.
final class LiveSocketHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let hub: LiveReloadHub
    private let stale: Bool

    init(hub: LiveReloadHub, stale: Bool) {
        self.hub = hub
        self.stale = stale
    }

    func handlerAdded(context: ChannelHandlerContext) {
        hub.add(context.channel, stale: stale)
    }

    func channelInactive(context: ChannelHandlerContext) {
        hub.remove(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readSlice(length: 2) ?? ByteBuffer()
            let channel = context.channel
            let close = WebSocketFrame(fin: true, opcode: .connectionClose, data: code)
            context.writeAndFlush(wrapOutboundOut(close)).whenComplete { _ in channel.close(promise: nil) }
        default:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// Whether a page connecting with this request was served before a build changed it: it
    /// names the file it was served from (`file`), that file's version (`etag`) and its address (`page`).
    static func isStale(_ request: HTTPRequestHead, responder: SiteResponder) -> Bool {
        guard let query = URLComponents(string: request.uri)?.queryItems else { return false }
        func value(_ name: String) -> String { query.first { $0.name == name }?.value ?? "" }
        let page = value("page")
        guard page.hasPrefix("/") else { return false }
        let served = responder.servedVersion(page: page)
        return served.file != value("file") || served.etag != value("etag")
    }
}
