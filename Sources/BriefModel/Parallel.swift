import Dispatch
import Foundation

/// Runs independent work on every core and returns the results in input order, so that the
/// output never depends on scheduling.
package enum Parallel {
    /// The cores to use: all of them, or `BRIEF_JOBS` (1 gives a one-core build, for comparing outputs).
    package static let threads: Int = {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard let jobs = ProcessInfo.processInfo.environment["BRIEF_JOBS"].flatMap({ Int($0) }), jobs >= 1 else {
            return cores
        }
        return jobs
    }()

    /// `body(0..<count)`, run across `threads` threads, results in index order; serial for one item or one thread.
    package static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1, threads > 1 else { return (0..<count).map(body) }
        let results = ResultBox<T>(count: count)
        let workers = min(count, threads * 4)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < count {
                results.set(i, body(i))
                i += workers
            }
        }
        return results.values()
    }

    /// Results written by many threads, each slot by exactly one.
    private final class ResultBox<T>: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<T?>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func set(_ i: Int, _ value: T) { slots[i] = value }

        func values() -> [T] { (0..<count).map { slots[$0]! } }
    }
}
