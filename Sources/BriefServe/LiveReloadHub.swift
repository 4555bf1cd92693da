import BriefModel
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOWebSocket

/// What an open page is told: after each build, and once when it connects.
struct LiveMessage: Codable, Sendable, Equatable {
    /// Counts the builds since the server started.
    var build: Int
    /// The site files the build wrote or deleted.
    var changed: [String] = []
    /// So many files changed that every page reloads.
    var all = false
    /// The diagnostics of the last build when it failed; empty when it succeeded.
    var errors: [String] = []
    /// On connecting: the page was served before a build changed it.
    var stale = false
}

/// Keeps the open pages' WebSockets and tells them about each build.
final class LiveReloadHub: Sendable {
    /// Beyond this many changed files, pages are told to reload instead of being sent the list.
    static let listLimit = 1000

    private struct State {
        var build = 0
        var errors: [String] = []
        var clients: [ObjectIdentifier: any Channel] = [:]
    }

    private let state = NIOLockedValueBox(State())

    /// The diagnostics of the last build when it failed.
    var errors: [String] { state.withLockedValue { $0.errors } }

    /// Takes a page's socket, and tells the page the state of things.
    /// - Parameter stale: the page was served before a build changed it.
    func add(_ channel: any Channel, stale: Bool) {
        let message = state.withLockedValue { state in
            state.clients[ObjectIdentifier(channel)] = channel
            return LiveMessage(build: state.build, errors: state.errors, stale: stale)
        }
        send(message, to: [channel])
    }

    func remove(_ channel: any Channel) {
        _ = state.withLockedValue { $0.clients.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// A build succeeded and changed these files.
    func built(changed: [String]) {
        let (message, clients) = state.withLockedValue { state in
            state.build += 1
            state.errors = []
            var message = LiveMessage(build: state.build)
            if changed.count > Self.listLimit { message.all = true } else { message.changed = changed.sorted() }
            return (message, Array(state.clients.values))
        }
        send(message, to: clients)
    }

    /// A build failed: the pages show its diagnostics.
    func failed(_ diagnostics: [Diagnostic]) {
        let ordered = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity != .error }
        let (message, clients) = state.withLockedValue { state in
            state.build += 1
            state.errors = ordered.map(\.description)
            return (LiveMessage(build: state.build, errors: state.errors), Array(state.clients.values))
        }
        send(message, to: clients)
    }

    /// Closes every page's socket (the pages then try again until a server answers).
    func closeAll() {
        let clients = state.withLockedValue { state in
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for channel in clients { channel.close(promise: nil) }
    }

    private func send(_ message: LiveMessage, to channels: [any Channel]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard !channels.isEmpty, let json = try? encoder.encode(message) else { return }
        for channel in channels {
            let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(bytes: json))
            channel.writeAndFlush(frame, promise: nil)
        }
    }
}
