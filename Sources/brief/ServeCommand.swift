import ArgumentParser
import BriefCore
import BriefModel
import BriefServe
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine, and rebuild it on every change.",
        discussion: """
            Watches Content/, Templates/ and brief.yml. After each rebuild the open pages reload (a changed \
            style sheet is swapped in place); when a build fails, its errors show over the pages and the last \
            good site is still served. Site/ holds what `brief build --base-url URL` writes: the reload script \
            is added to pages only as they are served. Ctrl-C stops, after the build under way.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(
        help: ArgumentHelp(
            "The port to listen on (default: 1313, or the next free one; 0: any free port).", valueName: "n"))
    var port: Int?

    @Option(
        name: .customLong("bind"),
        help: ArgumentHelp(
            "The address to listen on; the default is reachable from this machine only.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The address feeds, the sitemap and canonical links use (default: the server's own).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if host.isEmpty { throw ValidationError("--bind needs an address, such as 127.0.0.1") }
        try SiteOptions.validate(baseURL: baseURL)
    }

    func run() throws {
        var build = site.buildOptions(baseURL: baseURL)
        var options = ServeOptions(build: build)
        options.host = host
        options.port = port
        let printer = ServePrinter(options: build)
        do {
            try PreviewServer(options: options, report: printer.print).run()
        } catch let error as ServeError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Prints what the server reports, a line per build; warnings only when they differ from the last build's.
final class ServePrinter: @unchecked Sendable {
    private let options: BuildOptions
    private let lock = NSLock()
    private var lastWarnings: [Diagnostic] = []

    init(options: BuildOptions) {
        self.options = options
    }

    func print(_ event: ServeEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .built(let report, let trigger):
            if report.diagnostics != lastWarnings { printDiagnostics(report.diagnostics) }
            lastWarnings = report.diagnostics
            let time = String(format: "%.2f s", report.seconds)
            if trigger.isEmpty {
                say("Built \(Self.counts(report)) in \(time) → \(folder)")
            } else {
                let files = report.changedFiles.count
                let what = files == 0 ? "nothing to update" : "\(counted(files, "file")) updated"
                say("\(Self.describe(trigger)) changed: \(what) in \(time)")
            }
        case .failed(let diagnostics, let trigger):
            lastWarnings = []
            printDiagnostics(diagnostics)
            let errors = counted(diagnostics.filter { $0.severity == .error }.count, "error")
            let exists = FileManager.default.fileExists(atPath: options.output.path)
            let still = exists ? "the last good site is still served" : "nothing to serve yet"
            let cause = trigger.isEmpty ? "" : "\(Self.describe(trigger)) changed: "
            FileHandle.standardError.write(Data("\(cause)build failed with \(errors); \(still).\n".utf8))
        case .serving(let url):
            let watched = "Content/, Templates/ and brief.yml"
            say("Serving \(folder) at \(url) — rebuilding on changes to \(watched); Ctrl-C stops.")
        case .stopping(let waiting):
            say(waiting ? "Stopping after the build under way (Ctrl-C again to stop at once)…" : "Stopping.")
        }
    }

    /// The output folder as the user named it, with its slash.
    private var folder: String {
        let shown = options.display(options.output)
        return shown.hasSuffix("/") ? shown : shown + "/"
    }

    /// "1 briefing, 9 stories, 20 companies"
    private static func counts(_ report: BuildReport) -> String {
        [
            counted(report.sources, "briefing"), counted(report.stories, "story", "stories"),
            counted(report.companies, "company", "companies"),
        ].joined(separator: ", ")
    }

    /// "Content/a.txt", "Content/a.txt and 2 more"
    private static func describe(_ paths: [String]) -> String {
        paths.count == 1 ? paths[0] : "\(paths[0]) and \(paths.count - 1) more"
    }

    /// A line on standard output, written at once (the output may be a pipe that a test reads).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
