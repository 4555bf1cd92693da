import Foundation

/// Measures the phases of a build; `BRIEF_TIMINGS=1 brief build` prints them to standard error,
/// to see where the time goes without a profiler.
struct PhaseTimer {
    private var last = DispatchTime.now()
    private(set) var phases: [(String, Double)] = []
    let enabled = ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        phases.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    func report() {
        guard enabled else { return }
        let lines = phases.map { String(format: "%8.3f s  %@", $0.1, $0.0) }.joined(separator: "\n")
        FileHandle.standardError.write(Data("timings:\n\(lines)\n".utf8))
    }
}
