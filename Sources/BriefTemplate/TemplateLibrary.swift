/// A set of named templates that can refer to one another as partials and parents.
///
/// Immutable once built, so one library can serve renders on many threads at once.
public struct TemplateLibrary: Sendable {
    /// One template per name, in first-appearance order (a later template of the same name replaces it).
    public let templates: [Template]
    private let byName: [String: Template]
    /// Templates under "partials/", keyed without the folder, for `.nameThenPartialsFolder`.
    private let byPartialName: [String: Template]

    /// Indexes the templates by name; of two with one name the later wins, in the place of the first.
    public init(_ templates: [Template]) {
        var byName: [String: Template] = [:]
        var order: [String] = []
        for template in templates {
            if byName[template.name] == nil { order.append(template.name) }
            byName[template.name] = template
        }
        var byPartialName: [String: Template] = [:]
        for (name, template) in byName where name.hasPrefix("partials/") {
            byPartialName[String(name.dropFirst("partials/".count))] = template
        }
        self.templates = order.compactMap { byName[$0] }
        self.byName = byName
        self.byPartialName = byPartialName
    }

    /// The template of exactly this name, without the `partials/` fallback partial tags get.
    public func template(named name: String) -> Template? { byName[name] }

    /// The template a partial or parent tag naming `name` refers to.
    public func resolve(_ name: String, lookup: PartialLookup = .nameThenPartialsFolder) -> Template? {
        if let template = byName[name] { return template }
        return lookup == .nameThenPartialsFolder ? byPartialName[name] : nil
    }

    /// Renders template `name` with `data`. Parsed once; rendering must be fast and thread-safe (called concurrently from many threads).
    public func render(_ name: String, _ data: TemplateValue, options: RenderOptions = .init()) throws(TemplateError)
        -> String
    {
        guard let template = byName[name] else {
            throw TemplateError(
                kind: .missingTemplate, path: name, line: 1, column: 1, message: "template \"\(name)\" not found")
        }
        var renderer = Renderer(
            library: self, options: options, capacity: max(4096, template.origin.text.utf8.count * 2))
        try renderer.render(template.nodes, RenderContext(root: data, origin: template.origin))
        try renderer.checkFinalSize(template.origin)
        return renderer.out.finish()
    }

    /// Static check of every `{{>name}}` and `{{<name}}` reference (non-dynamic) in every template: returns one error per reference to a template that does not exist, with the referencing file, line and column.
    public func missingReferences(lookup: PartialLookup = .nameThenPartialsFolder) -> [TemplateError] {
        var errors: [TemplateError] = []
        for template in templates {
            var references: [(offset: Int, kind: String, name: String)] = []
            var dynamic = false  // checked when rendering
            TemplateLibrary.collectReferences(in: template.nodes, into: &references, dynamic: &dynamic)
            for reference in references.sorted(by: { $0.offset < $1.offset })
            where resolve(reference.name, lookup: lookup) == nil {
                let message = TemplateLibrary.notFoundMessage(reference.kind, reference.name, lookup)
                errors.append(template.origin.error(.missingPartial, at: reference.offset, message))
            }
        }
        return errors
    }

    /// The templates that rendering `name` can use: itself and the partials and parents it names,
    /// followed through. Nil when one of them picks a template by the data (`{{>*name}}`), which
    /// no reading of the templates can tell, or when `name` does not exist.
    public func dependencies(of name: String, lookup: PartialLookup = .nameThenPartialsFolder) -> [Template]? {
        guard let root = byName[name] else { return nil }
        var found = [root]
        var seen: Set<String> = [root.name]
        var next = 0
        while next < found.count {
            var references: [(offset: Int, kind: String, name: String)] = []
            var dynamic = false
            TemplateLibrary.collectReferences(in: found[next].nodes, into: &references, dynamic: &dynamic)
            next += 1
            guard !dynamic else { return nil }
            for reference in references {
                if let template = resolve(reference.name, lookup: lookup), seen.insert(template.name).inserted {
                    found.append(template)
                }
            }
        }
        return found
    }

    /// The partials and parents named in `nodes`; `dynamic` tells whether one is picked by the data.
    private static func collectReferences(
        in nodes: [Node], into references: inout [(offset: Int, kind: String, name: String)],
        dynamic: inout Bool
    ) {
        for node in nodes {
            switch node {
            case .partial(let partial):
                switch partial.target {
                case .named(let name): references.append((partial.offset, "partial", name))
                case .dynamic: dynamic = true
                }
            case .parent(let parent):
                switch parent.target {
                case .named(let name): references.append((parent.offset, "parent", name))
                case .dynamic: dynamic = true
                }
                for body in parent.arguments.values {
                    collectReferences(in: body.nodes, into: &references, dynamic: &dynamic)
                }
            case .section(let section):
                collectReferences(in: section.body, into: &references, dynamic: &dynamic)
            case .block(let block):
                collectReferences(in: block.body, into: &references, dynamic: &dynamic)
            case .text, .lineStart, .variable:
                break
            }
        }
    }

    static func notFoundMessage(_ kind: String, _ name: String, _ lookup: PartialLookup) -> String {
        if lookup == .nameThenPartialsFolder, !name.hasPrefix("partials/") {
            return "\(kind) \"\(name)\" not found (looked for \"\(name)\" and \"partials/\(name)\")"
        }
        return "\(kind) \"\(name)\" not found"
    }
}
