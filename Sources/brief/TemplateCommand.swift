import ArgumentParser
import BriefCore
import BriefTemplate
import Foundation
import BriefModel

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
        discussion: "Partials and parents are the NAME.mustache files in the partials folder (by default the template's own folder), named by their path without the extension."
    )

    @Argument(help: ArgumentHelp("The template file.", valueName: "template"))
    var template: String

    @Option(help: ArgumentHelp("A JSON file with the data to render.", valueName: "file"))
    var data: String

    @Option(help: ArgumentHelp("The folder holding partials and parent templates (default: the template's folder).", valueName: "folder"))
    var partials: String?

    @Flag(help: "Treat a variable missing from the data as an error.")
    var strict = false

    func run() throws {
        let templateURL = URL(fileURLWithPath: template)
        let folder = partials.map { URL(fileURLWithPath: $0) } ?? templateURL.deletingLastPathComponent()
        do {
            let value = try loadData()
            let main = try Template(name: "\u{0}main", path: template, source: try readText(template))
            let (partials, broken) = try loadPartials(in: folder)
            let options = RenderOptions(strict: strict, missingPartialIsError: true)
            let output: String
            do {
                output = try TemplateLibrary(partials + [main]).render(main.name, value, options: options)
            } catch {
                // A partial that exists but does not parse: its own error says more than "not found".
                let unparsed = broken.first { error.message.contains("\"\($0.name)\"") }
                throw error.kind == .missingPartial ? (unparsed?.error ?? error) : error
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        } catch let error as TemplateError {
            printDiagnostics([Diagnostic(.error, file: error.path, line: error.line, column: error.column, error.message)])
            throw ExitCode(1)
        } catch let error as DiagnosticError {
            printDiagnostics(error.diagnostics)
            throw ExitCode(1)
        }
    }

    private func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error(path, "cannot read the file: \(String(cString: strerror(errno)))"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(.error(path, "the file is not valid UTF-8"))
        }
        return text
    }

    private func loadData() throws -> TemplateValue {
        let text = try readText(data)
        do {
            return try TemplateValue(json: Data(text.utf8))
        } catch {
            let (line, column) = Self.position(in: "\(error)")
            throw DiagnosticError(.error(data, line: line, column: column, "invalid JSON: \(Self.reason(error))"))
        }
    }

    /// Every `.mustache` file below the folder, named by its relative path without the extension.
    /// Files that do not parse are set aside: they matter only if the template uses them.
    private func loadPartials(in folder: URL) throws -> (templates: [Template], broken: [(name: String, error: TemplateError)]) {
        var templates: [Template] = []
        var broken: [(name: String, error: TemplateError)] = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return ([], []) }
        let main = URL(fileURLWithPath: template).standardizedFileURL.path
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative).standardizedFileURL
            guard relative.hasSuffix(".mustache"), url.path != main else { continue }
            let name = String(relative.dropLast(".mustache".count))
            do {
                templates.append(try Template(name: name, path: Self.display(url.path), source: try readText(url.path)))
            } catch let error as TemplateError {
                broken.append((name, error))
            }
        }
        return (templates, broken)
    }

    /// A path relative to the working folder when it is inside it, as the user would type it.
    static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// "…around line 3, column 7." in Foundation's JSON errors.
    static func position(in message: String) -> (Int, Int) {
        func number(after word: String) -> Int? {
            guard let range = message.range(of: word) else { return nil }
            return Int(message[range.upperBound...].prefix { $0.isNumber })
        }
        return (number(after: "line ") ?? 1, number(after: "column ") ?? 1)
    }

    static func reason(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError.map { "\($0)" } ?? context.debugDescription)
        }
        return "\(error)"
    }
}
