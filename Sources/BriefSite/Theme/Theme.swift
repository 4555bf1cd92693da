import BriefTemplate
import Foundation
import BriefModel
import BriefFileSystem
import BriefBuiltIn

/// The templates and assets pages are drawn with: the built-in default theme, with any
/// file of the site's `Templates/` folder taking the place of the built-in file of that name.
public struct Theme: Sendable {
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
    public static func load(overrides folder: URL?, displayPrefix: String = "Templates") throws(DiagnosticError) -> Theme {
        var sources: [String: (text: String, path: String)] = [:]
        for (name, text) in builtInFiles { sources[name] = (text, "(built-in theme)/\(name)") }
        var diagnostics: [Diagnostic] = []
        var overrideBytes: [String: [UInt8]] = [:]
        if let folder {
            for relative in FileTree.files(under: folder) {
                let path = "\(displayPrefix)/\(relative)"
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                    diagnostics.append(.error(path, "cannot read the file"))
                    continue
                }
                if relative.hasSuffix(".mustache") {
                    guard let text = String(data: data, encoding: .utf8) else {
                        diagnostics.append(.error(path, "template is not valid UTF-8"))
                        continue
                    }
                    sources[relative] = (text, path)
                } else {
                    sources[relative] = (String(decoding: data, as: UTF8.self), path)
                    overrideBytes[relative] = [UInt8](data)
                }
            }
        }
        var templates: [Template] = []
        var assets: [String: [UInt8]] = [:]
        for (relative, source) in sources.sorted(by: { $0.key < $1.key }) {
            if relative.hasSuffix(".mustache") {
                do {
                    templates.append(try Template(name: String(relative.dropLast(".mustache".count)), path: source.path, source: source.text))
                } catch {
                    diagnostics.append(Diagnostic(error))
                }
            } else if relative.hasPrefix("assets/") {
                assets[relative] = overrideBytes[relative] ?? Array(source.text.utf8)
            }
        }
        let library = TemplateLibrary(templates)
        diagnostics += library.missingReferences().map(Diagnostic.init)
        if diagnostics.hasErrors { throw DiagnosticError(diagnostics) }
        var key = Fingerprint()
        for (relative, source) in sources.sorted(by: { $0.key < $1.key }) {
            key.add(relative)
            key.add(overrideBytes[relative].map { ContentHash.of($0) } ?? ContentHash.of(source.text))
        }
        return Theme(library: library, assets: assets, key: key.value, templateKeys: templateKeys(library))
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
        return Dictionary(library.templates.map { ($0.name, library.dependencies(of: $0.name).map(key) ?? all) },
                          uniquingKeysWith: { first, _ in first })
    }
}

extension Diagnostic {
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
