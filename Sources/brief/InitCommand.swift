import ArgumentParser
import BriefCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: a sample source in Content/, a commented brief.yml and a .gitignore.",
        discussion: "Nothing that exists is overwritten. Then run `brief build`."
    )

    @Argument(help: ArgumentHelp("The folder for the new site (created when missing).", valueName: "folder"))
    var folder: String = "."

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        do {
            let written = try StarterSite.create(in: url)
            for path in written { print("created \(folder == "." ? path : folder + "/" + path)") }
            print("Next: \(folder == "." ? "" : "cd \(folder) && ")brief build, then open Site/index.html.")
        } catch {
            printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
