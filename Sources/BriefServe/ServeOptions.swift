import BriefCore
import BriefModel

/// What `brief serve` builds, and where it listens.
public struct ServeOptions: Sendable {
    /// The build each change triggers: the same options as `brief build`, output folder included.
    public var build: BuildOptions
    /// The address to listen on; loopback unless asked otherwise, so the preview is not on the network.
    public var host = "127.0.0.1"
    /// Nil: 1313, or the next free port after it; 0: any free port.
    public var port: Int?

    /// Serves `build`'s output on loopback, on the first free port from 1313.
    public init(build: BuildOptions) {
        self.build = build
    }

    /// The ports to try, in order.
    var ports: [Int] { port.map { [$0] } ?? Array(1313..<1413) }
}

/// What the server reports as it goes, for the command line to print.
public enum ServeEvent: Sendable {
    /// A build succeeded; `trigger` holds the changed inputs (empty for the first build).
    case built(BuildReport, trigger: [String])
    /// A build failed: the last good site is still served.
    case failed([Diagnostic], trigger: [String])
    /// The site is served at this address, its pages reload after every build.
    case serving(url: String)
    /// A signal asked the server to stop; it waits for the build under way, if any.
    case stopping(waitingForBuild: Bool)
}

/// Why the server could not start.
public struct ServeError: Error, CustomStringConvertible {
    /// The reason, in one sentence for the command line to print.
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
