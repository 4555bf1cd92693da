// brief: the command line. Parses arguments, calls BriefCore (and BriefServe for `brief serve`), prints the
// results and diagnostics, and maps failures to exit codes; no stage work here. Depends on BriefCore,
// BriefServe, BriefModel (diagnostics) and swift-argument-parser.

import ArgumentParser
import Foundation

@main
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Turn messy news source texts into a clean static briefing site.",
        discussion: """
            Put .txt or .md sources into Content/ and run `brief build`; the site is written to Site/. \
            `brief serve` shows it in the browser while you write, rebuilt on every save. The settings, \
            themes and companies.yml are described in the docs/ folder of brief's repository.

            \(environmentHelp)

            \(exitCodesHelp)
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, BuildCommand.self, ServeCommand.self, NormalizeCommand.self,
            CompaniesCommand.self, TemplateCommand.self, ThemeCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the command line, first catching a mistyped command to suggest the one meant.
    static func main() {
        if let message = CommandSuggestion.message(for: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data(message.utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }
}

/// The environment variables brief reads, for `--help` (lines short enough not to be wrapped).
let environmentHelp = """
    ENVIRONMENT
      SOURCE_DATE_EPOCH  Seconds since 1970: the time used where a date is
                         needed and the content has none (reproducible builds).
      BRIEF_TIMINGS=1    Print where the time of a build goes.
      BRIEF_JOBS=N       Use at most N cores (the output is the same).
    """

/// What brief's exit status means, for `--help`.
let exitCodesHelp = """
    EXIT CODES
      0   Success (warnings may have been printed).
      1   Errors in the content, the settings or the templates; `brief build`
          then leaves the previous site as it was.
      64  Bad usage: an unknown command or option, a missing or bad argument.
    """
