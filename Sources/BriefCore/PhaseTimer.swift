import Foundation

/// Measures the phases of a build; `BRIEF_TIMINGS=1 brief build` prints them to standard error,
/// to see where the time goes without a profiler.
struct PhaseTimer {
    private var last = DispatchTime.now()
    private(set) var phases: [(String, Double)] = []
    /// What the build met on the way that a user need not see but whoever looks at the timings may want to.
    private(set) var notes: [String] = []
    let enabled = ProcessInfo.processInfo.environment["BRIEF_TIMINGS"] != nil

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        phases.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }

    mutating func note(_ text: String) {
        notes.append(text)
    }

    func report() {
        guard enabled else { return }
        let lines = phases.map { String(format: "%8.3f s  %@", $0.1, $0.0) } + notes.map { "    note  " + $0 }
        FileHandle.standardError.write(Data("timings:\n\(lines.joined(separator: "\n"))\n".utf8))
    }
}
