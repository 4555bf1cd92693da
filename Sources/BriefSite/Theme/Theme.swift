import BriefBuiltIn
import BriefFileSystem
import BriefModel
import BriefTemplate
import Foundation

/// The templates and assets pages are drawn with: the built-in default theme, with any
/// file of the site's `Templates/` folder taking the place of the built-in file of that name.
public struct Theme: Sendable {
    /// Every template, the site's in place of the built-in ones of the same name, ready to render.
    public var library: TemplateLibrary
    /// Files copied to the site as they are, by path (for example `assets/style.css`).
    public var assets: [String: [UInt8]]
    /// A hash of every template and asset, so a build knows when the theme changed.
    public var key: UInt64
    /// Per template, a hash of every template a page drawn with it can use (of all of them when it
    /// picks partials by the data), so that a change of the theme redraws only the pages it touches.
    public var templateKeys: [String: UInt64]

    /// The built-in theme's files, by path inside `Templates/`.
    public static var builtInFiles: [String: String] {
        var files: [String: String] = [:]
        for (name, text) in EmbeddedFiles.files where name.hasPrefix("theme/") {
            files[String(name.dropFirst("theme/".count))] = text
        }
        return files
    }

    /// Loads the theme, parsing every template once.
    /// - Parameters:
    ///   - folder: the site's `Templates/` folder, when it has one.
    ///   - displayPrefix: how that folder is named in diagnostics.
    public static func load(overrides folder: URL?, displayPrefix: String = "Templates") throws(DiagnosticError)
        -> Theme
    {
        var sources: [String: (text: String, path: String)] = [:]
        for (name, text) in builtInFiles { sources[name] = (text, "(built-in theme)/\(name)") }
        var diagnostics = Diagnostics()
        var overrideBytes: [String: [UInt8]] = [:]
        if let folder {
            let files = read(folder, displayPrefix: displayPrefix, into: &diagnostics)
            sources.merge(files.texts) { _, override in override }
            overrideBytes = files.bytes
        }
        var templates: [Template] = []
        var assets: [String: [UInt8]] = [:]
        for (relative, source) in sources.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix(".mustache") {
                do {
                    templates.append(try template(relative, source))
                } catch {
                    diagnostics.add(Diagnostic(error))
                }
            } else if relative.hasPrefix("assets/") {
                assets[relative] = overrideBytes[relative] ?? Array(source.text.utf8)
            }
        }
        let library = TemplateLibrary(templates)
        diagnostics.add(contentsOf: library.missingReferences().map(Diagnostic.init))
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics.all) }
        var key = Fingerprint()
        for (relative, source) in sources.sorted(by: { $0.key < $1.key }) {
            key.add(relative)
            key.add(overrideBytes[relative].map { ContentHash.of($0) } ?? ContentHash.of(source.text))
        }
        return Theme(library: library, assets: assets, key: key.value, templateKeys: templateKeys(library))
    }

    /// The templates below `folder` as a theme holds them: every `.mustache` file, named by its path
    /// without the extension (`partials/card`). Files that do not parse are set apart with their error,
    /// since they matter only when a template uses them.
    /// - Parameters:
    ///   - displayPrefix: how the folder is named in diagnostics (empty: paths relative to it).
    ///   - including: which files to take, by their path relative to `folder`.
    ///   - diagnostics: where the files that cannot be read are recorded, as errors.
    /// - Returns: the templates, and those that do not parse.
    public static func templates(
        in folder: URL, displayPrefix: String, including: (String) -> Bool = { _ in true },
        into diagnostics: inout Diagnostics
    ) -> (templates: [Template], broken: [(name: String, error: TemplateError)]) {
        let files = read(folder, displayPrefix: displayPrefix, into: &diagnostics) {
            $0.hasSuffix(".mustache") && including($0)
        }
        var templates: [Template] = []
        var broken: [(name: String, error: TemplateError)] = []
        for (relative, source) in files.texts.sorted(by: { $0.key < $1.key }) {
            do {
                templates.append(try template(relative, source))
            } catch {
                broken.append((templateName(relative), error))
            }
        }
        return (templates, broken)
    }

    /// The files below a theme folder, hidden ones left out: templates as text, other files as text and bytes.
    /// A file that cannot be read, or a template that is not UTF-8, is recorded as an error and left out.
    private static func read(
        _ folder: URL, displayPrefix: String, into diagnostics: inout Diagnostics,
        including: (String) -> Bool = { _ in true }
    ) -> (texts: [String: (text: String, path: String)], bytes: [String: [UInt8]]) {
        var texts: [String: (text: String, path: String)] = [:]
        var bytes: [String: [UInt8]] = [:]
        for relative in FileTree.files(under: folder) where including(relative) {
            let path = displayPrefix.isEmpty ? relative : "\(displayPrefix)/\(relative)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                diagnostics.add(SiteError.unreadableThemeFile(path: path))
                continue
            }
            if relative.hasSuffix(".mustache") {
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.add(SiteError.templateNotUTF8(path: path))
                    continue
                }
                texts[relative] = (text, path)
            } else {
                texts[relative] = (String(decoding: data, as: UTF8.self), path)
                bytes[relative] = [UInt8](data)
            }
        }
        return (texts, bytes)
    }

    private static func template(_ relative: String, _ source: (text: String, path: String)) throws(TemplateError)
        -> Template
    {
        try Template(name: templateName(relative), path: source.path, source: source.text)
    }

    /// A template's name: its path in the theme without the extension.
    private static func templateName(_ relative: String) -> String {
        String(relative.dropLast(".mustache".count))
    }

    private static func templateKeys(_ library: TemplateLibrary) -> [String: UInt64] {
        func key(_ templates: [Template]) -> UInt64 {
            var key = Fingerprint()
            for template in templates.sorted(by: { $0.name < $1.name }) {
                key.add(template.name)
                key.add(ContentHash.of(template.source))
            }
            return key.value
        }
        let all = key(library.templates)
        return Dictionary(
            library.templates.map { ($0.name, library.dependencies(of: $0.name).map(key) ?? all) },
            uniquingKeysWith: { first, _ in first })
    }
}

extension Diagnostic {
    /// The diagnostic for a template error at its file, line and column; the size limits say how to raise them.
    package init(_ error: TemplateError) {
        var message = error.message
        switch error.kind {
        case .outputTooLarge: message += "; raise max_page_size in brief.yml if a page is meant to be that large"
        case .tooManyExpansions: message += " (one for every 16 bytes of max_page_size in brief.yml)"
        default: break
        }
        self.init(.error, file: error.path, line: error.line, column: error.column, message)
    }
}
