import ArgumentParser
import BriefCore
import BriefModel
import Foundation

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Show what brief understands of source texts, as Markdown or JSON.",
        discussion: "The Markdown can be saved as a cleaned source. Diagnostics go to standard error."
    )

    @Flag(help: "Print one JSON object per file (an array for several files).")
    var json = false

    @Flag(
        help:
            "Print every line with what it was recognized as (text, heading, chrome, time code, …), to see why a line vanished."
    )
    var explain = false

    @Argument(help: ArgumentHelp("Source files (.txt or .md).", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one source file") }
    }

    func run() throws {
        var settings = Diagnostics()
        let normalized = NormalizedFile.normalize(
            files, root: URL(fileURLWithPath: "."), explaining: explain, into: &settings)
        printDiagnostics(settings.all)
        for file in normalized {
            printDiagnostics(file.diagnostics)
            for ignored in file.ignored {
                printNote(
                    "\(file.source): brief.yml's ignore pattern \"\(ignored.pattern)\" removed \(ignored.lines) line\(ignored.lines == 1 ? "" : "s")"
                )
            }
            if json { continue }
            if explain, let table = file.explanationTable {
                for line in table { print(terminalSafe(line)) }
            } else if let markdown = file.markdown {
                print(markdown, terminator: "")
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = normalized.count == 1 ? try encoder.encode(normalized[0]) : try encoder.encode(normalized)
            print(String(decoding: data, as: UTF8.self))
        }
        if normalized.contains(where: { $0.diagnostics.hasErrors }) { throw ExitCode(1) }
    }
}
