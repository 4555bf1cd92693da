import Dispatch

/// Frees a build's large values on another thread. Freeing a site of 10,000 briefings takes a
/// tenth of a second or more, which a rebuild after a small edit should not wait for; the
/// command-line tool exits without waiting for it at all.
enum Disposal {
    static func later(_ values: any Sendable...) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(values) {} }
    }
}
