// brief: the command line. Parses arguments, calls BriefCore (and BriefServe for `brief serve`), prints the
// results and diagnostics, and maps failures to exit codes; no stage work here. Depends on BriefCore,
// BriefServe and BriefModel (diagnostics).

import ArgumentParser

@main
struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Turn messy news source texts into a clean static briefing site.",
        discussion: """
            Put .txt or .md sources into Content/ and run `brief build`; the site is written to Site/. \
            `brief serve` shows it in the browser while you write, rebuilt on every save.
            """,
        version: "0.1.0",
        subcommands: [InitCommand.self, BuildCommand.self, ServeCommand.self, NormalizeCommand.self,
                      CompaniesCommand.self, TemplateCommand.self],
        defaultSubcommand: nil
    )
}
