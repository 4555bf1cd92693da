/// Template data: a typed value, built explicitly by page code or decoded from JSON.
///
/// A closed enum instead of `Any` keeps rendering free of reflection and lets data cross threads.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list([TemplateValue])
    case dictionary([String: TemplateValue])
}

extension TemplateValue {
    /// The value stored under `key` when this is a dictionary, so page code can inspect data it built.
    public subscript(key: String) -> TemplateValue? {
        if case .dictionary(let dictionary) = self { dictionary[key] } else { nil }
    }

    /// Whether a section skips (and an inverted section shows) its content.
    ///
    /// Empty strings count as false so `{{#subtitle}}…{{/subtitle}}` can guard optional text.
    var isFalsy: Bool {
        switch self {
        case .null: true
        case .bool(let value): !value
        case .string(let value): value.isEmpty
        case .list(let items): items.isEmpty
        case .number, .dictionary: false
        }
    }

    /// How a number prints: JSON has no integer type, yet `85` must show as "85", not "85.0".
    public static func format(number: Double) -> String {
        if number.isFinite, number == number.rounded(.towardZero), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return String(number)
    }

    /// The text an interpolation tag shows; lists and dictionaries show nothing.
    public var renderedText: String {
        switch self {
        case .null, .list, .dictionary: ""
        case .bool(let value): value ? "true" : "false"
        case .number(let value): TemplateValue.format(number: value)
        case .string(let value): value
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// A string literal in page code becomes `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    /// An integer literal becomes `.number`, since template numbers are doubles as in JSON.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
}

extension TemplateValue: ExpressibleByFloatLiteral {
    /// A floating-point literal becomes `.number`.
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    /// A Boolean literal becomes `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    /// An array literal becomes `.list`.
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, as in a JSON object, instead of trapping like `Dictionary(uniqueKeysWithValues:)`.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .dictionary(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue: ExpressibleByNilLiteral {
    /// `nil` becomes `.null`, which strict rendering counts as present.
    public init(nilLiteral: ()) { self = .null }
}
