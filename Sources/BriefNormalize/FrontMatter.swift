import BriefModel
/// The YAML block between `---` lines at the top of a source, with the keys brief knows.
public struct FrontMatter: Sendable, Hashable {
    public var title: String?
    public var date: ContentDate?
    public var metadata = Document.Metadata()

    /// The keys a source may set; others get a warning, since a typo would otherwise go unnoticed.
    static let knownKeys: Set<String> = ["title", "date", "slug", "draft", "companies", "description", "summary"]

    /// Splits `---` front matter off the top of a text's lines.
    /// - Returns: the YAML lines and the index of the first body line, or nil when there is none.
    static func split(_ lines: [Substring]) -> (yaml: [Substring], bodyStart: Int)? {
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else { return nil }
        for i in 1..<lines.count {
            let line = lines[i].trimmingTrailingSpaces
            if line == "---" || line == "..." { return (Array(lines[1..<i]), i + 1) }
        }
        return nil
    }

    /// Parses the YAML of a front matter block that starts on file line `firstLine`.
    static func parse(_ yaml: String, path: String, firstLine: Int) -> (FrontMatter, [Diagnostic]) {
        let reader = YAMLReader(path: path, firstLine: firstLine)
        var result = FrontMatter()
        var diagnostics: [Diagnostic] = []
        do throws(DiagnosticError) {
            guard let root = try reader.compose(yaml) else { return (result, []) }
            for (key, keyNode, value) in try reader.mapping(root, "front matter") {
                do throws(DiagnosticError) {
                    switch key {
                    case "title": result.title = try reader.optionalString(value, key)
                    case "description", "summary": result.metadata.description = try reader.optionalString(value, key)
                    case "slug":
                        guard let slug = try reader.optionalString(value, key) else { break }
                        if Slug.isValid(slug) {
                            result.metadata.slug = slug
                        } else {
                            diagnostics.append(reader.warning(value, "slug \"\(slug)\" may only hold a-z, 0-9 and single hyphens; the title's slug is used instead"))
                        }
                    case "draft": result.metadata.draft = try reader.bool(value, key)
                    case "companies": result.metadata.companies = try reader.strings(value, key)
                    case "date":
                        let text = try reader.string(value, key)
                        guard let date = ContentDate(parsing: text) else {
                            throw DiagnosticError(reader.error(value, "\"date\" must look like 2024-05-01 or 2024-05-01T09:30:00Z, not \"\(text)\""))
                        }
                        result.date = date
                    default:
                        diagnostics.append(reader.warning(keyNode, "unknown front matter key \"\(key)\"; known keys: \(knownKeys.sorted().joined(separator: ", "))"))
                    }
                } catch {
                    diagnostics += error.diagnostics
                }
            }
        } catch {
            diagnostics += error.diagnostics
        }
        return (result, diagnostics)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
