/// How forgiving rendering is. Defaults follow the Mustache spec; a site build tightens them to surface typos.
public struct RenderOptions: Sendable {
    /// A variable or dynamic name that resolves to nothing throws `.missingVariable`; a name present
    /// with a `.null` value counts as resolved. Sections never throw: `{{#x}}` is how a template asks
    /// whether `x` exists.
    public var strict: Bool = false
    /// A partial or parent that does not exist throws `.missingPartial` instead of rendering empty.
    public var missingPartialIsError: Bool = false
    /// The most one render may produce: sections nested over lists and partials that include
    /// the next one twice multiply their output, and a slip in a theme must end in an error, not
    /// in a build that fills memory or a page nobody can load.
    public var maxOutputBytes = RenderOptions.defaultMaxOutputBytes
    /// The most partials, parents, blocks and list items one render may expand, so that a render
    /// that writes little still ends soon: one for every 16 bytes the output may hold, since a
    /// real page writes more than that for each card, link or partial it expands.
    public var maxExpansions: Int { max(1024, maxOutputBytes / 16) }
    /// How `{{>name}}` and `{{<name}}` find their templates.
    public var partialLookup: PartialLookup = .nameThenPartialsFolder

    /// Options with the spec's forgiving defaults; brief's own page rendering tightens them.
    public init(
        strict: Bool = false, missingPartialIsError: Bool = false,
        maxOutputBytes: Int = RenderOptions.defaultMaxOutputBytes,
        partialLookup: PartialLookup = .nameThenPartialsFolder
    ) {
        self.strict = strict
        self.missingPartialIsError = missingPartialIsError
        self.maxOutputBytes = maxOutputBytes
        self.partialLookup = partialLookup
    }

    /// 16 MB: many times the largest page a site needs, far below what would strain memory.
    public static let defaultMaxOutputBytes = 16 << 20

    /// "16 MB" or "20000 bytes", for messages.
    static func describe(bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\(bytes) bytes"
    }
}

/// Lets partials live in a `partials/` folder without every tag spelling the folder out.
public enum PartialLookup: Sendable, Equatable {
    /// `{{>card}}` resolves to the template named "card" only.
    case exactName
    /// `{{>card}}` resolves to "card", else to "partials/card".
    case nameThenPartialsFolder
}
