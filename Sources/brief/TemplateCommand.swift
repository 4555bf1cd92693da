import ArgumentParser
import BriefCore
import BriefModel
import Foundation

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Tools for theme authors.",
        subcommands: [RenderTemplateCommand.self]
    )
}

struct RenderTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Mustache template with JSON data and print exactly the result.",
        discussion:
            "Partials and parents are the NAME.mustache files in the partials folder (by default the template's own folder), named by their path without the extension."
    )

    @Argument(help: ArgumentHelp("The template file.", valueName: "template"))
    var template: String

    @Option(help: ArgumentHelp("A JSON file with the data to render.", valueName: "file"))
    var data: String

    @Option(
        help: ArgumentHelp(
            "The folder holding partials and parent templates (default: the template's folder).", valueName: "folder"))
    var partials: String?

    @Flag(help: "Treat a variable missing from the data as an error.")
    var strict = false

    func run() throws {
        do {
            var warnings = Diagnostics()
            let text = try TemplateRendering.render(
                template: template, data: data, partials: partials, strict: strict, into: &warnings)
            printDiagnostics(warnings.all)
            FileHandle.standardOutput.write(Data(text.utf8))
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
