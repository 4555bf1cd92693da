/// The state that changes while descending into sections, partials, parents and blocks.
///
/// Immutable, with `with…` copies, so a nested render can never leak state back to its caller
/// and concurrent renders share nothing mutable. Split in two so the common step, pushing a
/// section value, copies two references rather than every field.
struct RenderContext {
    /// Innermost data frame; lookups walk outwards through its parents.
    let frame: ContextFrame
    /// What only partials, parents and blocks change.
    let scope: RenderScope
    /// Sections and expansions above this point; bounds native stack use.
    let nesting: Int

    init(root: TemplateValue, origin: TemplateSource) {
        frame = ContextFrame(root, parent: nil)
        scope = RenderScope(indent: "", overrides: [:], origin: origin, expansionDepth: 0)
        nesting = 0
    }

    private init(frame: ContextFrame, scope: RenderScope, nesting: Int) {
        self.frame = frame
        self.scope = scope
        self.nesting = nesting
    }

    var indent: String { scope.indent }
    var indentBytes: [UInt8] { scope.indentBytes }
    var hasIndent: Bool { scope.hasIndent }
    var overrides: [String: Node.BlockBody] { scope.overrides }
    var origin: TemplateSource { scope.origin }
    var expansionDepth: Int { scope.expansionDepth }

    /// A copy with `value` pushed on the context stack.
    func with(value: TemplateValue) -> RenderContext {
        RenderContext(frame: ContextFrame(value, parent: frame), scope: scope, nesting: nesting + 1)
    }

    /// A copy one level deeper that pushes nothing (inverted sections, block defaults).
    func withNesting() -> RenderContext {
        RenderContext(frame: frame, scope: scope, nesting: nesting + 1)
    }

    /// A copy with more indentation, for a block's default content.
    func with(extraIndent: String) -> RenderContext {
        if extraIndent.isEmpty { return withNesting() }
        let scope = RenderScope(
            indent: indent + extraIndent, overrides: overrides, origin: origin, expansionDepth: expansionDepth)
        return RenderContext(frame: frame, scope: scope, nesting: nesting + 1)
    }

    /// A copy that renders another template's nodes (partial, parent or block replacement).
    func with(origin: TemplateSource, indent: String, overrides: [String: Node.BlockBody]) -> RenderContext {
        let scope = RenderScope(
            indent: indent, overrides: overrides, origin: origin, expansionDepth: expansionDepth + 1)
        return RenderContext(frame: frame, scope: scope, nesting: nesting + 1)
    }
}

/// Indentation, block overrides and error origin: fixed between expansions.
final class RenderScope: Sendable {
    /// Prefix for every line start, from standalone partials, parents and blocks.
    let indent: String
    /// `indent` as bytes; indentation is always spaces and tabs, so ASCII.
    let indentBytes: [UInt8]
    let hasIndent: Bool
    /// Block replacements in force, outermost definitions winning.
    let overrides: [String: Node.BlockBody]
    /// The template whose nodes are being rendered, for error locations.
    let origin: TemplateSource
    /// Partial, parent and block expansions above this point.
    let expansionDepth: Int

    init(indent: String, overrides: [String: Node.BlockBody], origin: TemplateSource, expansionDepth: Int) {
        self.indent = indent
        self.indentBytes = Array(indent.utf8)
        self.hasIndent = !indent.isEmpty
        self.overrides = overrides
        self.origin = origin
        self.expansionDepth = expansionDepth
    }
}

/// One entry of the context stack, linked to the frame below it so a push costs one small allocation.
final class ContextFrame: Sendable {
    let value: TemplateValue
    /// `value`'s dictionary (empty for other values), unpacked once so lookups need not match the enum at every step.
    let dictionary: [String: TemplateValue]
    let parent: ContextFrame?

    init(_ value: TemplateValue, parent: ContextFrame?) {
        self.value = value
        if case .dictionary(let dictionary) = value { self.dictionary = dictionary } else { self.dictionary = [:] }
        self.parent = parent
    }

    /// Mustache name resolution: the first component is searched from the innermost frame outwards,
    /// the remaining components only inside what it found (so a broken chain resolves to nothing).
    func lookup(_ name: Node.Name) -> TemplateValue? {
        if name.isImplicit { return value }
        guard var result = find(name.first) else { return nil }
        for component in name.rest {
            guard case .dictionary(let inner) = result, let next = ContextFrame.value(in: inner, for: component) else {
                return nil
            }
            result = next
        }
        return result
    }

    private func find(_ key: String) -> TemplateValue? {
        if let found = ContextFrame.value(in: dictionary, for: key) { return found }
        return parent?.find(key)
    }

    /// Small dictionaries are scanned: comparing a few short keys is cheaper than hashing one.
    @inline(__always)
    static func value(in dictionary: [String: TemplateValue], for key: String) -> TemplateValue? {
        guard dictionary.count <= 12 else { return dictionary[key] }
        var index = dictionary.startIndex
        let end = dictionary.endIndex
        while index != end {
            if dictionary.keys[index] == key { return dictionary.values[index] }
            dictionary.formIndex(after: &index)
        }
        return nil
    }
}
