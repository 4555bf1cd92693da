import BriefModel
import BriefSite
import BriefTemplate
import Foundation

/// `brief template render`, for theme authors: one template drawn with JSON data, its partials and
/// parents found the way a theme's templates are found.
public enum TemplateRendering {
    /// Renders the template at `template` with the JSON at `data`.
    /// - Parameters:
    ///   - partials: the folder holding partials and parents, named by their path without the extension
    ///     (nil: the template's own folder).
    ///   - strict: a variable missing from the data is an error.
    ///   - warnings: where the warnings a build would give about the templates used (a tag left open) are
    ///     recorded, for the command to print beside the text.
    /// - Returns: exactly the rendered text.
    /// - Throws: the problem, with its file, line and column.
    public static func render(
        template: String, data: String, partials: String?,
        strict: Bool, into warnings: inout Diagnostics
    ) throws(DiagnosticError) -> String {
        let templateURL = URL(fileURLWithPath: template)
        let folder = partials.map { URL(fileURLWithPath: $0) } ?? templateURL.deletingLastPathComponent()
        let value = try readData(data)
        let source = try readText(template)
        let main: Template
        do {
            main = try Template(name: "\u{0}main", path: template, source: source)
        } catch {
            throw DiagnosticError(diagnostic(error))
        }
        let mainPath = templateURL.standardizedFileURL.path
        var unreadable = Diagnostics()
        let found = Theme.templates(
            in: folder, displayPrefix: display(folder.standardizedFileURL.path),
            including: { folder.appendingPathComponent($0).standardizedFileURL.path != mainPath }, into: &unreadable)
        if !unreadable.isEmpty { throw DiagnosticError(unreadable.all) }
        let options = RenderOptions(strict: strict, missingPartialIsError: true)
        let library = TemplateLibrary(found.templates + [main])
        do {
            let text = try library.render(main.name, value, options: options)
            let used = library.dependencies(of: main.name) ?? library.templates
            warnings.add(contentsOf: used.flatMap(\.unclosedTagWarnings).map { Diagnostic(.warning, $0) })
            return text
        } catch {
            // A partial that exists but does not parse: its own error says more than "not found".
            let unparsed = found.broken.first { error.message.contains("\"\($0.name)\"") }
            throw DiagnosticError(diagnostic(error.kind == .missingPartial ? (unparsed?.error ?? error) : error))
        }
    }

    /// A template error as the engine words it (a build adds a hint about `brief.yml`, which does not
    /// apply here).
    private static func diagnostic(_ error: TemplateError) -> Diagnostic {
        Diagnostic(.error, file: error.path, line: error.line, column: error.column, error.message)
    }

    private static func readText(_ path: String) throws(DiagnosticError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(BuildError.unreadableFile(at: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticError(BuildError.notUTF8(path: path, name: nil))
        }
        return text
    }

    private static func readData(_ path: String) throws(DiagnosticError) -> TemplateValue {
        let text = try readText(path)
        do {
            return try TemplateValue(json: Data(text.utf8))
        } catch {
            throw DiagnosticError(
                BuildError.invalidJSON(path: path, line: error.line, column: error.column, message: error.message))
        }
    }

    /// A path relative to the working folder when it is inside it, as the user would type it; empty for
    /// the working folder itself.
    private static func display(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if path == cwd { return "" }
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }
}
