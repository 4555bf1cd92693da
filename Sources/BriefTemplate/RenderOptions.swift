/// How forgiving rendering is. Defaults follow the Mustache spec; a site build tightens them to surface typos.
public struct RenderOptions: Sendable {
    /// A variable or dynamic name that resolves to nothing throws `.missingVariable`; a name present
    /// with a `.null` value counts as resolved. Sections never throw: `{{#x}}` is how a template asks
    /// whether `x` exists.
    public var strict: Bool = false
    /// A partial or parent that does not exist throws `.missingPartial` instead of rendering empty.
    public var missingPartialIsError: Bool = false
    /// The most one render may produce: sections nested over lists multiply their output, and a
    /// slip in a theme must end in an error, not in a build that fills memory.
    public var maxOutputBytes = 512 << 20
    /// How `{{>name}}` and `{{<name}}` find their templates.
    public var partialLookup: PartialLookup = .nameThenPartialsFolder

    public init(strict: Bool = false, missingPartialIsError: Bool = false, partialLookup: PartialLookup = .nameThenPartialsFolder) {
        self.strict = strict
        self.missingPartialIsError = missingPartialIsError
        self.partialLookup = partialLookup
    }
}

/// Lets partials live in a `partials/` folder without every tag spelling the folder out.
public enum PartialLookup: Sendable, Equatable {
    /// `{{>card}}` resolves to the template named "card" only.
    case exactName
    /// `{{>card}}` resolves to "card", else to "partials/card".
    case nameThenPartialsFolder
}
