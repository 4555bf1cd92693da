/// A warning or error about one place in one file.
///
/// Every stage reports problems as values of this type instead of printing, so the
/// command line can show them in the compiler format that editors and CI annotate.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Codable {
    /// How bad a problem is: a warning leaves the build going, an error fails it.
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        /// A warning ranks below an error, so the worst of several is their maximum.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Whether the problem fails the build.
    public var severity: Severity
    /// The path as the user should see it, relative to the site root when possible.
    public var file: String
    /// 1-based line; 1 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column in characters; 1 when the problem concerns a whole line or file.
    public var column: Int
    /// What is wrong, in one sentence the user can act on.
    public var message: String

    /// A diagnostic at a position; line and column below 1 become 1, so the printed position is always valid.
    public init(_ severity: Severity, file: String, line: Int = 1, column: Int = 1, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.message = message
    }

    /// A problem with a whole folder, or (with an empty `file`) with no file at all: printed without a
    /// position (`Content/: error: …`, `warning: …`), since `Content:1:1:` points at nothing.
    public static func about(_ severity: Severity, _ file: String, _ message: String) -> Diagnostic {
        var diagnostic = Diagnostic(severity, file: file, message)
        diagnostic.line = 0
        diagnostic.column = 0
        return diagnostic
    }

    /// A warning at a position: shorthand for `Diagnostic(.warning, …)`.
    public static func warning(_ file: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message)
    }

    /// An error at a position: shorthand for `Diagnostic(.error, …)`.
    public static func error(_ file: String, line: Int = 1, column: Int = 1, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message)
    }

    /// The same diagnostic as a warning or an error.
    public func with(severity: Severity) -> Diagnostic {
        var copy = self
        copy.severity = severity
        return copy
    }

    /// `path:line:column: severity: message`; `path: severity: message` or `severity: message` without a position.
    public var description: String {
        guard line > 0 else { return (file.isEmpty ? "" : "\(file): ") + "\(severity.rawValue): \(message)" }
        return "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of the diagnostics is an error, which means the build must fail.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, so output does not depend on thread scheduling.
    public func sortedByLocation() -> [Diagnostic] {
        // Field by field rather than as tuples, which would copy four values per comparison of 40,000 warnings.
        sorted { a, b in
            if a.file != b.file { return a.file < b.file }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            return a.message < b.message
        }
    }
}

/// A failure that stops a build, carrying the diagnostics that explain it.
public struct DiagnosticError: Error, CustomStringConvertible {
    /// The problems that stopped the build, errors and any warnings found alongside them.
    public var diagnostics: [Diagnostic]

    /// A failure explained by several diagnostics.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    /// A failure explained by one diagnostic.
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    /// The diagnostics one per line, as the command line prints them.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
