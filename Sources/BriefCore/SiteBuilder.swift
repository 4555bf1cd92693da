// BriefCore: runs brief — reads Content/, drives the stages (normalize, tag, render, assemble, plan, write)
// with the cache, and serves each command (build, init, normalize, companies, template render). The
// only target that knows every stage; depends on all of them. Nothing depends on it but the command line
// and BriefServe (which runs its builds).

import BriefModel
import BriefSite
import Foundation

/// Runs the whole pipeline: read `Content/`, normalize, tag, render, assemble, plan the site's files
/// and put the new `Site/` in place. Any error leaves the previous `Site/` as it was.
///
/// With the build cache, unchanged sources are not processed again, unchanged pages are not
/// drawn again, and a build where nothing changed writes nothing at all.
public enum SiteBuilder {
    /// Builds the site described by `options` and puts it in place.
    /// - Returns: the report, warnings included.
    /// - Throws: the diagnostics that explain the failure, warnings found before it included; `Site/` is untouched.
    public static func build(_ options: BuildOptions) throws(DiagnosticError) -> BuildReport {
        var run = BuildRun(options)
        defer { run.timer.report() }
        let last = try run.lastBuild()
        var inputs = try run.readInputs(last)
        if let report = run.upToDate(inputs, last) { return report }
        let sources = try run.process(&inputs, last)
        let model = try run.assemble(sources, inputs)
        let target = try run.openOutput(inputs, last)
        let plan = SitePlan.make(
            model, theme: inputs.theme,
            settings: SitePlan.Settings(
                global: inputs.globalKey, strict: options.strict, sourceDateEpoch: options.sourceDateEpoch,
                drawsMostPages: target.previous == nil))
        let written = try run.write(plan, to: target, last)
        let report = run.finish(written, model: model, inputs: inputs, last: last, target: target)
        // Consumed, so that the last reference, and the freeing, is the disposal's.
        Disposal.later(
            consume inputs, consume sources, consume model, consume plan, consume written, consume last,
            consume target, keepUntilExit: options.exitsAfterBuild)
        return report
    }

    /// Everything that touches every page: brief itself, the settings every page shows (and the size
    /// every page must keep under) and the options.
    /// The theme enters each page's fingerprint by the templates that page uses, the gazetteer by the
    /// companies a page shows; the other settings touch only the feeds or the front page's stories.
    static func globalKey(_ inputs: SiteInputs, _ options: BuildOptions) -> UInt64 {
        var key = Fingerprint(inputs.processingKey)
        let config = inputs.config
        for setting in [config.title, config.description, config.language, config.author, config.baseURL] {
            key.add(setting)
        }
        key.add(config.maxPageSize)
        key.add(options.drafts)
        key.add(options.strict)
        key.add(options.output.path)
        key.add(options.sourceDateEpoch)
        return key.value
    }

    /// The inode of a folder, 0 when there is none: tells the folder the last build wrote from one put there since.
    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }
}
