import BriefModel
import BriefTemplate

/// Mistakes in a site's own templates that parse and render but give broken or empty pages:
/// a tag left open, a template file brief never uses (a misspelt name), a page with no `<main>`
/// or no text. Warnings, which `brief build --strict` makes errors; the built-in theme is not checked.
public enum ThemeCheck {
    /// The templates pages are drawn with (besides partials), as the built-in theme has them.
    static var builtInTemplates: [String] {
        Theme.builtInFiles.keys.filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) }.sorted()
    }

    /// What reading the site's templates finds: tags left open, and template files no page uses.
    public static func templateWarnings(_ theme: Theme) -> [Diagnostic] {
        let library = theme.library
        var warnings: [Diagnostic] = []
        let own = library.templates.filter(isOwn)
        for template in own {
            warnings += template.unclosedTagWarnings.map { Diagnostic(.warning, $0) }
        }
        // Every template a page can reach; nil when one picks a partial by the data.
        var used: Set<String>? = []
        for name in builtInTemplates where !name.hasPrefix("partials/") {
            guard let reached = library.dependencies(of: name) else {
                used = nil
                break
            }
            used?.formUnion(reached.map(\.name))
        }
        guard let used else { return warnings }
        let known = builtInTemplates
        for template in own where !used.contains(template.name) && !known.contains(template.name) {
            warnings.append(
                SiteWarning.unusedTemplate(path: template.path, name: template.name, known: known).diagnostic)
        }
        return warnings
    }

    /// Pages drawn with the site's own templates that have no `<main>` element or no text: a template
    /// written for another generator (Hugo's `{{ .Title }}`) renders empty. One page of each template is drawn.
    public static func pageWarnings(_ model: SiteModel, theme: Theme, options: RenderOptions) -> [Diagnostic] {
        let library = theme.library
        var firstPage: [String: Page] = [:]
        for page in Page.all(in: model) where firstPage[page.template] == nil { firstPage[page.template] = page }
        let data = PageData<TemplateValue>(model: model, prebuildStories: false)
        // Per template to blame (the page's own, else a parent of the site's): pages with no text, with no <main>.
        var empty: [String: [String]] = [:]
        var mainless: [String: [String]] = [:]
        for (name, page) in firstPage.sorted(by: { $0.key < $1.key }) {
            guard let reached = library.dependencies(of: name) ?? library.template(named: name).map({ [$0] }),
                let culprit = reached.first(where: { $0.name == name && isOwn($0) }) ?? reached.first(where: isOwn),
                let html = try? library.render(name, data.data(for: page), options: options)
            else { continue }
            if !hasText(html) {
                empty[culprit.path, default: []].append(name)
            } else if !html.contains("<main") {
                mainless[culprit.path, default: []].append(name)
            }
        }
        var warnings: [Diagnostic] = []
        for (path, names) in empty.sorted(by: { $0.key < $1.key }) {
            warnings.append(SiteWarning.pagesWithoutText(path: path, templates: names).diagnostic)
        }
        for (path, names) in mainless.sorted(by: { $0.key < $1.key }) {
            warnings.append(SiteWarning.pagesWithoutMain(path: path, templates: names).diagnostic)
        }
        return warnings
    }

    /// A template of the site's `Templates/`, not of the built-in theme.
    static func isOwn(_ template: Template) -> Bool { !template.path.hasPrefix("(built-in theme)/") }

    /// Whether HTML has any text outside its tags (and outside `<head>`).
    static func hasText(_ html: String) -> Bool {
        var body = Substring(html)
        if let head = body.range(of: "</head>") { body = body[head.upperBound...] }
        var inTag = false
        for character in body {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag,
                !character.isWhitespace
            {
                return true
            }
        }
        return false
    }
}

extension Diagnostic {
    /// A template problem reported with another severity than an error.
    package init(_ severity: Severity, _ error: TemplateError) {
        self.init(severity, file: error.path, line: error.line, column: error.column, error.message)
    }
}
