import ArgumentParser
import BriefCore
import BriefModel
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from Content/ into Site/.",
        discussion: """
            The previous Site/ is replaced only when the whole build succeeds.

            \(environmentHelp)

            \(exitCodesHelp)
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Ignore the build cache (.brief-cache/) and rebuild everything.")
    var clean = false

    @Flag(name: .shortAndLong, help: "Print errors only: no warnings, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print every file of the site written or deleted.")
    var verbose = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The address the site is published at, in place of brief.yml's base_url "
                + "(for deploy previews).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
        try SiteOptions.validate(baseURL: baseURL)
    }

    func run() throws {
        var options = site.buildOptions(baseURL: baseURL)
        options.clean = clean
        options.exitsAfterBuild = true
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options)
        } catch {
            try fail(error, options)
        }
        printDiagnostics(quiet ? report.diagnostics.filter { $0.severity == .error } : report.diagnostics)
        if quiet { return }
        let folder = terminalSafe(Self.folder(options))
        if verbose {
            let deleted = Set(report.deletedFiles)
            for path in report.changedFiles.sorted() {
                print(terminalSafe("\(deleted.contains(path) ? "deleted" : "wrote") \(folder)\(path)"))
            }
        }
        let warnings = report.diagnostics.count
        let what =
            "\(counted(report.sources, "briefing")), \(counted(report.stories, "story", "stories")), "
            + counted(report.companies, "company", "companies")
        let time = String(format: "%.2f", report.seconds)
        let suffix = warnings > 0 ? " (\(counted(warnings, "warning")))" : ""
        if report.upToDate {
            print("Up to date: \(what); nothing changed, nothing written, in \(time) s → \(folder)\(suffix)")
        } else {
            print(
                "Built \(what): \(counted(report.filesWritten, "file")) written, "
                    + "\(report.filesUnchanged) unchanged in \(time) s → \(folder)\(suffix)"
            )
        }
    }

    /// Prints why the build failed and what became of the output folder, and exits with 1.
    private func fail(_ error: DiagnosticError, _ options: BuildOptions) throws -> Never {
        printDiagnostics(quiet ? error.diagnostics.filter { $0.severity == .error } : error.diagnostics)
        let errors = error.diagnostics.filter { $0.severity == .error }.count
        let folder = terminalSafe(Self.folder(options))
        let kept =
            FileManager.default.fileExists(atPath: options.output.path)
            ? "\(folder) was left as it was" : "nothing was written"
        FileHandle.standardError.write(Data("Build failed with \(counted(errors, "error")); \(kept).\n".utf8))
        throw ExitCode(1)
    }

    /// The output folder as the user named it, with its slash.
    private static func folder(_ options: BuildOptions) -> String {
        let output = options.display(options.output)
        return output.hasSuffix("/") ? output : output + "/"
    }
}
