/// Walks a node tree into one output buffer (`out`, threaded through every call as part of this
/// mutating value); a render allocates little beyond context frames.
struct Renderer {
    /// Partial, parent and block expansions nested deeper than this are taken for endless recursion.
    static let maxExpansionDepth = 100
    /// Sections and expansions nested deeper than this throw rather than exhaust a thread's stack.
    static let maxNesting = 400

    let library: TemplateLibrary
    let options: RenderOptions
    var out: RenderOutput
    /// Partials, parents, blocks and list items expanded so far.
    private var expansions = 0

    init(library: TemplateLibrary, options: RenderOptions, capacity: Int) {
        self.library = library
        self.options = options
        self.out = RenderOutput(capacity: capacity)
    }

    mutating func render(_ nodes: [Node], _ context: RenderContext, skippingLeadingLineStart: Bool = false)
        throws(TemplateError)
    {
        var start = 0
        if skippingLeadingLineStart, case .lineStart? = nodes.first { start = 1 }
        for index in start..<nodes.count {
            switch nodes[index] {
            case .text(let text):
                if !context.hasIndent || text.segments.isEmpty {
                    out.append(text)
                } else {
                    appendIndented(text, context.indentBytes)
                }
            case .lineStart:
                out.appendASCII(context.indentBytes)
            case .variable(let variable):
                if let value = try resolve(variable.name, at: variable.offset, context, role: "variable") {
                    append(value, escaped: variable.escaped)
                }
            case .section(let section):
                try render(section, context)
            case .partial(let partial):
                try render(partial, context)
            case .parent(let parent):
                try render(parent, context)
            case .block(let block):
                try render(block, context)
            }
        }
    }

    // MARK: Tags

    private mutating func render(_ section: Node.Section, _ context: RenderContext) throws(TemplateError) {
        // A section is how a template asks whether a value exists, so it never fails, not even in strict mode.
        let value = context.frame.lookup(section.name)
        if section.inverted {
            guard value?.isFalsy ?? true else { return }
            try checkNesting(context, at: section.offset)
            try render(section.body, context.withNesting())
            return
        }
        guard let value, !value.isFalsy else { return }
        try checkNesting(context, at: section.offset)
        if case .list(let items) = value {
            for item in items {
                try countExpansion(context, at: section.offset, "section \"\(section.name.raw)\"")
                try render(section.body, context.with(value: item))
            }
        } else {
            try render(section.body, context.with(value: value))
        }
    }

    private mutating func render(_ partial: Node.Partial, _ context: RenderContext) throws(TemplateError) {
        guard let template = try template(for: partial.target, kind: "partial", at: partial.offset, context) else {
            return
        }
        try checkExpansion(context, "partial", partial.target, at: partial.offset)
        let indent = partial.indent.map { context.indent + $0 } ?? ""
        try render(template.nodes, context.with(origin: template.origin, indent: indent, overrides: context.overrides))
    }

    private mutating func render(_ parent: Node.Parent, _ context: RenderContext) throws(TemplateError) {
        guard let template = try template(for: parent.target, kind: "parent", at: parent.offset, context) else {
            return
        }
        try checkExpansion(context, "parent", parent.target, at: parent.offset)
        // Blocks given further out win over the ones given here.
        var overrides = parent.arguments
        if overrides.isEmpty {
            overrides = context.overrides
        } else {
            for (name, body) in context.overrides { overrides[name] = body }
        }
        let indent = parent.indent.map { context.indent + $0 } ?? ""
        try render(template.nodes, context.with(origin: template.origin, indent: indent, overrides: overrides))
    }

    private mutating func render(_ block: Node.Block, _ context: RenderContext) throws(TemplateError) {
        if !context.overrides.isEmpty, let replacement = context.overrides[block.name] {
            try checkExpansion(context, "block", .named(block.name), at: block.offset)
            let inner = context.with(
                origin: replacement.origin, indent: context.indent + block.indent, overrides: context.overrides)
            try render(replacement.nodes, inner, skippingLeadingLineStart: block.inline)
        } else {
            try checkNesting(context, at: block.offset)
            try render(block.body, context.with(extraIndent: block.indent), skippingLeadingLineStart: block.inline)
        }
    }

    // MARK: Lookup

    private func resolve(_ name: Node.Name, at offset: Int, _ context: RenderContext, role: String)
        throws(TemplateError) -> TemplateValue?
    {
        if let value = context.frame.lookup(name) { return value }
        if options.strict {
            throw context.origin.error(.missingVariable, at: offset, "\(role) \"\(name.raw)\" not found")
        }
        return nil
    }

    private func template(for target: Node.Target, kind: String, at offset: Int, _ context: RenderContext)
        throws(TemplateError) -> Template?
    {
        let name: String
        switch target {
        case .named(let fixed):
            name = fixed
        case .dynamic(let variable):
            guard case .string(let dynamic)? = try resolve(variable, at: offset, context, role: "dynamic name") else {
                return nil
            }
            name = dynamic
        }
        if let template = library.resolve(name, lookup: options.partialLookup) { return template }
        if options.missingPartialIsError {
            throw context.origin.error(
                .missingPartial, at: offset, TemplateLibrary.notFoundMessage(kind, name, options.partialLookup))
        }
        return nil
    }

    private mutating func checkExpansion(
        _ context: RenderContext, _ kind: String, _ target: Node.Target,
        at offset: Int
    ) throws(TemplateError) {
        try countExpansion(context, at: offset, "\(kind) \"\(target.display)\"")
        guard context.expansionDepth < Renderer.maxExpansionDepth else {
            throw context.origin.error(
                .recursionTooDeep, at: offset,
                "\(kind) \"\(target.display)\" expands more than \(Renderer.maxExpansionDepth) levels deep (does it include itself?)"
            )
        }
        try checkNesting(context, at: offset)
    }

    /// Counts one expansion and stops a render that has grown past the limits: partials that
    /// each include the next one twice, or sections nested over lists, multiply their output and
    /// their work with every level, where a limit on depth alone does not help.
    private mutating func countExpansion(
        _ context: RenderContext, at offset: Int,
        _ what: @autoclosure () -> String
    ) throws(TemplateError) {
        expansions += 1
        if out.byteCount > options.maxOutputBytes {
            throw context.origin.error(
                .outputTooLarge, at: offset,
                "\(what()) makes the output larger than \(RenderOptions.describe(bytes: options.maxOutputBytes))")
        }
        if expansions > options.maxExpansions {
            throw context.origin.error(
                .tooManyExpansions, at: offset,
                "\(what()) makes one render expand partials, blocks and list items more than "
                    + "\(options.maxExpansions) times")
        }
    }

    /// Stops a render whose last expansions took the output past the limit.
    mutating func checkFinalSize(_ origin: TemplateSource) throws(TemplateError) {
        guard out.byteCount > options.maxOutputBytes else { return }
        throw origin.error(
            .outputTooLarge, at: 0,
            "the output is larger than \(RenderOptions.describe(bytes: options.maxOutputBytes))")
    }

    private func checkNesting(_ context: RenderContext, at offset: Int) throws(TemplateError) {
        guard context.nesting < Renderer.maxNesting else {
            throw context.origin.error(
                .recursionTooDeep, at: offset,
                "sections and partials nest more than \(Renderer.maxNesting) levels deep while rendering")
        }
    }

    // MARK: Output

    private mutating func append(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string):
            if escaped {
                HTMLEscaping.append(string, to: &out)
            } else {
                out.append(string)
            }
        case .number(let number):
            out.appendASCII(TemplateValue.format(number: number))
        case .bool(let bool):
            out.appendASCII(bool ? "true" : "false")
        case .null, .list, .dictionary:
            break
        }
    }

    /// Text whose line starts (after the first) get `indent`.
    private mutating func appendIndented(_ text: Node.Text, _ indent: [UInt8]) {
        if text.isASCII {
            text.bytes.withUnsafeBufferPointer { bytes in
                indent.withUnsafeBufferPointer { indent in
                    var start = 0
                    for end in text.segmentEnds {
                        if start > 0 { out.appendASCII(indent) }
                        out.appendASCII(UnsafeBufferPointer(rebasing: bytes[start..<min(end, bytes.count)]))
                        start = end
                    }
                }
            }
        } else {
            for (index, segment) in text.segments.enumerated() {
                if index > 0 { out.appendASCII(indent) }
                out.appendNonASCII(segment)
            }
        }
    }
}
