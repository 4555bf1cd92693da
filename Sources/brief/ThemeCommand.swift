import ArgumentParser
import BriefCore
import Foundation

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the site's theme.",
        subcommands: [ExportThemeCommand.self]
    )
}

struct ExportThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in theme into a folder (Templates/ by default) to start your own from it.",
        discussion: """
            A file that exists is kept as it is. The files of Templates/ override the built-in theme file by file: \
            delete the ones you do not change, so that they follow brief's own.
            """
    )

    @Argument(help: ArgumentHelp("The folder to write the theme into.", valueName: "folder"))
    var folder: String = "Templates"

    func run() throws {
        do {
            let result = try ThemeExport.export(to: URL(fileURLWithPath: folder))
            for path in result.written { print("created \(folder)/\(path)") }
            for path in result.kept { print("kept \(folder)/\(path) (it exists)") }
            print("\(result.written.count) written, \(result.kept.count) kept as they were.")
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
