import BriefModel

/// What the site stage warns about: the site is built, and right, but the user should know. Each case
/// carries the path as the user should see it (and the line and column, where there is one); `diagnostic`
/// gives the printed text.
public enum SiteWarning: DiagnosticConvertible, Equatable {
    /// `brief.yml` (or `brief.yaml`, as `path` names it) has a key brief does not know; left unread.
    case unknownSetting(path: String, line: Int, column: Int, key: String)
    /// A briefing's or story's slug (`kind`) was taken by `owner` at `ownerLine`, so this one, at `path`
    /// and `line`, got `slug`, the wanted one with a number.
    case slugTaken(kind: String, wanted: String, path: String, line: Int, owner: String, ownerLine: Int, slug: String)
    /// The source at `path` and `others` more have no date: one warning for all, at the first by name.
    case undated(path: String, others: Int)
    /// A template of the site's theme (`name`, at `path`) that no page uses: `known` are the templates brief
    /// draws pages with and their partials, for a "did you mean".
    case unusedTemplate(path: String, name: String, known: [String])
    /// The pages drawn with `templates` have no text; `path` is the site's template to blame.
    case pagesWithoutText(path: String, templates: [String])
    /// The pages drawn with `templates` have no `<main>`; `path` is the site's template to blame.
    case pagesWithoutMain(path: String, templates: [String])

    /// The warning as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .unknownSetting(let path, let line, let column, let key):
            .warning(
                path, line: line, column: column,
                "unknown key \"\(key)\" in \(Self.fileName(path)); known keys: "
                    + SiteConfig.keys.joined(separator: ", ")
            )
        case .slugTaken(let kind, let wanted, let path, let line, let owner, let ownerLine, let slug):
            .warning(
                path, line: line,
                "\(kind) slug \"\(wanted)\" is already used by \(owner):\(ownerLine); this one is \"\(slug)\"")
        case .undated(let path, let others): .warning(path, Self.undatedMessage(others: others))
        case .unusedTemplate(let path, let name, let known): .warning(path, Self.unusedMessage(name, known: known))
        case .pagesWithoutText(let path, let templates):
            .warning(
                path,
                "the pages drawn with \(Self.list(templates)) have no text: is the template "
                    + "written for another generator? brief's templates are Mustache, with data such as "
                    + "{{site.title}} (see docs/themes.md in brief's repository)")
        case .pagesWithoutMain(let path, let templates):
            .warning(
                path,
                "the pages drawn with \(Self.list(templates)) have no <main> element, which the skip "
                    + "link and screen readers go to; the built-in layout has one")
        }
    }

    /// "brief.yml" or "brief.yaml", as the file read is named.
    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func unusedMessage(_ name: String, known: [String]) -> String {
        var message = "brief does not use a template named \"\(name)\""
        if let closest = EditDistance.closest(to: name, among: known) {
            message += "; did you mean \(closest).mustache?"
        } else {
            let pages = known.filter { !$0.hasPrefix("partials/") }.joined(separator: ", ")
            message += "; pages are drawn with \(pages), and a partial is used only where a template includes it"
        }
        return message
    }

    /// "story.mustache", "index.mustache and story.mustache"
    private static func list(_ names: [String]) -> String {
        let files = names.map { $0 + ".mustache" }
        return files.count == 1 ? files[0] : files.dropLast().joined(separator: ", ") + " and " + files.last!
    }

    private static func undatedMessage(others: Int) -> String {
        let which =
            others == 0
            ? "this source has no date"
            : "this source and \(others) other\(others == 1 ? "" : "s") have no date"
        return "\(which): undated briefings are listed after the dated ones, as an edition of their own, "
            + "and the feeds date them by SOURCE_DATE_EPOCH when it is set, else by the oldest day of the site; "
            + "to date a source, start its file name with the day (2024-05-01-name.txt) "
            + "or put `date: 2024-05-01` in its front matter"
    }
}
