/// A problem a stage knows how to word: each target's error and warning enums conform, so a case carries
/// its file and position and `diagnostic` says it the way the command line prints it.
public protocol DiagnosticConvertible: Sendable {
    /// The problem as the command line prints it: where, how bad, and what to do.
    var diagnostic: Diagnostic { get }
}

/// The diagnostics met during a step, in the order met: how every stage reports problems.
///
/// A step records warnings (and errors it wants to report together with others) into a collector it is
/// handed `inout`; a step that cannot go on throws a `DiagnosticError` holding everything recorded so far,
/// so the caller prints the error, never merges it. `check()` is the usual way to stop: when anything
/// recorded is an error, it throws them all, sorted by location.
public struct Diagnostics: Sendable, Equatable {
    /// Everything recorded, in the order met.
    public private(set) var all: [Diagnostic]

    /// A collector holding `diagnostics` already, for a step that continues another's.
    public init(_ diagnostics: [Diagnostic] = []) { all = diagnostics }

    /// Whether anything recorded is an error, which means the build must fail.
    public var hasErrors: Bool { all.hasErrors }
    /// Whether nothing was recorded.
    public var isEmpty: Bool { all.isEmpty }

    /// Records one diagnostic.
    public mutating func add(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    /// Records one problem, worded by its enum.
    public mutating func add(_ problem: some DiagnosticConvertible) { all.append(problem.diagnostic) }
    /// Records several diagnostics, in their order.
    public mutating func add(contentsOf diagnostics: some Sequence<Diagnostic>) { all += diagnostics }

    /// Ends the step when anything recorded is an error: throws everything, sorted by location.
    public func check() throws(DiagnosticError) {
        if hasErrors { throw DiagnosticError(all.sortedByLocation()) }
    }

    /// The error that ends the step at once: everything recorded, then `problem`, in the order met.
    public func failing(with problem: some DiagnosticConvertible) -> DiagnosticError {
        DiagnosticError(all + [problem.diagnostic])
    }
}

extension DiagnosticError {
    /// A failure explained by one problem of a stage's error enum.
    public init(_ problem: some DiagnosticConvertible) { self.init(problem.diagnostic) }
}
