import Foundation

/// A line a site's sources carry that the user wants gone (brief.yml's `ignore:`): plain text,
/// which a line matches when it contains it, or `/regular expression/`, which a line matches
/// when the expression finds a match in it. Site-specific chrome that no general rule knows.
public struct LinePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as the user wrote it.
    public let source: String
    private let regex: CompiledRegex?

    /// Why a pattern cannot be used.
    public struct Invalid: Error, Sendable {
        /// What is wrong with the pattern, for a diagnostic at its place in `brief.yml`.
        public var message: String
    }

    /// - Throws: `Invalid` when the text is empty or a `/…/` expression does not compile.
    public init(parsing text: String) throws(Invalid) {
        guard !text.isEmpty else { throw Invalid(message: "an ignore pattern cannot be empty") }
        source = text
        guard text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") else {
            regex = nil
            return
        }
        do {
            regex = CompiledRegex(try NSRegularExpression(pattern: String(text.dropFirst().dropLast())))
        } catch {
            throw Invalid(message: "\(text) is not a valid regular expression")
        }
    }

    /// Whether a line is to be removed: it contains the text, or the expression matches somewhere in it.
    public func matches(_ line: Substring) -> Bool {
        guard let regex else { return line.contains(source) }
        let text = String(line)
        return regex.expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The pattern as written, for messages and `brief normalize`'s report.
    public var description: String { source }

    /// Two patterns are equal when written the same (compiled expressions cannot be compared).
    public static func == (lhs: LinePattern, rhs: LinePattern) -> Bool { lhs.source == rhs.source }
    /// Hashes the text as written, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

/// A compiled expression: immutable once made, so safe to share between the threads that normalize.
private final class CompiledRegex: @unchecked Sendable {
    let expression: NSRegularExpression
    init(_ expression: NSRegularExpression) { self.expression = expression }
}

/// How a site wants its sources normalized, beyond what the sources say themselves.
public struct NormalizeOptions: Sendable, Hashable {
    /// Lines to remove from every source before it is read (brief.yml's `ignore:`).
    public var ignore: [LinePattern]

    /// Options that remove nothing beyond what the normalizer itself recognizes.
    public init(ignore: [LinePattern] = []) {
        self.ignore = ignore
    }
}
