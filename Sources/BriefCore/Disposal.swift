import Dispatch

/// Frees a build's large values off the main thread. Freeing a site of 10,000 briefings takes a
/// tenth of a second or more, which a rebuild after a small edit should not wait for.
///
/// The caller consumes its own references when it hands the values over, and the disposal lets
/// go of them a moment later, so that the last release, which does the freeing, is not the
/// caller's. A process that exits right after the build need not free them at all.
enum Disposal {
    static func later(_ values: any Sendable..., keepUntilExit: Bool = false) {
        if keepUntilExit {
            _ = Unmanaged.passRetained(Held(values))
        } else {
            DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(50)) {
                withExtendedLifetime(values) {}
            }
        }
    }

    private final class Held {
        let values: [any Sendable]
        init(_ values: [any Sendable]) { self.values = values }
    }
}
