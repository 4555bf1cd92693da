import BriefModel
import Yams

/// The YAML block between `---` lines at the top of a source, with the keys brief knows.
///
/// Front matter in scraped files carries whatever the scraper wrote (`url:`, `channel:`, a
/// `summary:` list), so it never stops a build: a key brief does not know is ignored, and a
/// known key whose value has the wrong type is a warning that names it, and is ignored too.
public struct FrontMatter: Sendable, Hashable {
    /// `title:`, when given: the title the author chose, which pages show.
    public var title: String?
    /// `date:`, when given and valid (a bad one is a warning).
    public var date: ContentDate?
    /// The other keys brief honours (slug, draft, companies, description), passed on in the `Document`.
    public var metadata = Document.Metadata()

    /// The keys brief reads.
    static let knownKeys: Set<String> = [
        "title", "date", "slug", "draft", "companies", "companies_only", "description", "summary",
    ]

    /// The front matter of a source and the index of its first body line; what was wrong with it goes into
    /// `diagnostics`. Invalid YAML at the top of a `.txt` is not front matter at all but part of the text.
    static func read(
        _ lines: [Substring], source: SourceText, into diagnostics: inout Diagnostics
    ) -> (frontMatter: FrontMatter, bodyStart: Int) {
        guard let (yaml, start) = split(lines) else { return (FrontMatter(), 0) }
        var found = Diagnostics()
        let parsed = parse(yaml.joined(separator: "\n"), path: source.path, firstLine: 2, into: &found)
        if parsed == nil && source.format != .markdown { return (FrontMatter(), 0) }
        diagnostics.add(contentsOf: found.all)
        return (parsed ?? FrontMatter(), start)
    }

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
    /// - Returns: what was read, or nil when the text is not a YAML mapping at all (and then why, in `diagnostics`).
    static func parse(
        _ yaml: String, path: String, firstLine: Int, into diagnostics: inout Diagnostics
    ) -> FrontMatter? {
        let reader = YAMLReader(path: path, firstLine: firstLine)
        var result = FrontMatter()
        let entries: [(key: String, keyNode: Node, value: Node)]
        do throws(DiagnosticError) {
            guard let root = try reader.compose(yaml) else { return result }
            entries = try reader.mapping(root, "front matter")
        } catch {
            diagnostics.add(contentsOf: error.diagnostics)
            return nil
        }
        for (key, keyNode, value) in entries where knownKeys.contains(key) {
            do throws(DiagnosticError) {
                try result.set(key, value, reader: reader, diagnostics: &diagnostics)
                if key == "companies" { result.metadata.companiesLine = reader.line(of: keyNode) }
            } catch {
                for problem in error.diagnostics {
                    diagnostics.add(NormalizeWarning.unreadableKey(key: key, problem: problem))
                }
            }
        }
        return result
    }

    private mutating func set(
        _ key: String, _ value: Node, reader: YAMLReader, diagnostics: inout Diagnostics
    ) throws(DiagnosticError) {
        switch key {
        case "title": title = try reader.optionalString(value, key)
        case "description", "summary": metadata.description = try reader.optionalString(value, key)
        case "slug":
            guard let slug = try reader.optionalString(value, key) else { break }
            if Slug.isValid(slug) {
                metadata.slug = slug
            } else {
                diagnostics.add(
                    NormalizeWarning.invalidSlug(
                        path: reader.path, line: reader.line(of: value), column: reader.column(of: value), slug: slug))
            }
        case "draft": metadata.draft = try reader.bool(value, key)
        case "companies": metadata.companies = try reader.strings(value, key)
        case "companies_only": metadata.companiesOnly = try reader.bool(value, key)
        case "date":
            let text = try reader.string(value, key)
            guard let parsed = ContentDate(parsing: text) else {
                throw DiagnosticError(
                    reader.error(value, "\"date\" must look like 2024-05-01 or 2024-05-01T09:30:00Z, not \"\(text)\""))
            }
            date = parsed
        default:
            break
        }
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
