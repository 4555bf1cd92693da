import BriefCore
import NIOConcurrencyHelpers

/// Runs builds one at a time and tells the open pages and the command line what each one did.
final class Rebuilder: Sendable {
    private let options: BuildOptions
    private let hub: LiveReloadHub
    private let report: @Sendable (ServeEvent) -> Void
    private let building = NIOLockedValueBox(false)

    init(options: BuildOptions, hub: LiveReloadHub, report: @escaping @Sendable (ServeEvent) -> Void) {
        self.options = options
        self.hub = hub
        self.report = report
    }

    /// Whether a build is under way.
    var isBuilding: Bool { building.withLockedValue { $0 } }

    /// Builds the site; a failed build leaves the last good site in place and its errors on the pages.
    /// - Parameter trigger: the changed inputs, for the report.
    func build(trigger: [String]) {
        building.withLockedValue { $0 = true }
        defer { building.withLockedValue { $0 = false } }
        do {
            let result = try SiteBuilder.build(options)
            hub.built(changed: result.changedFiles)
            report(.built(result, trigger: trigger))
        } catch {
            hub.failed(error.diagnostics)
            report(.failed(error.diagnostics, trigger: trigger))
        }
    }
}
