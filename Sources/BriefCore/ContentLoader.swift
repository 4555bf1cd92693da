import BriefCompanies
import BriefModel
import BriefSite
import BriefStories
import Foundation

/// What a site's content amounts to before pages are drawn: its settings, its gazetteer and
/// every source normalized, tagged and rendered.
public struct LoadedContent: Sendable {
    /// The site's settings from `brief.yml` (defaults when there is none).
    public var config: SiteConfig
    /// The built-in gazetteer with the site's `Content/companies.yml` applied, as the stories were tagged with it.
    public var gazetteer: Gazetteer
    /// Sources with their stories, drafts left out unless asked for.
    public var sources: [ProcessedSource]
    /// Warnings met on the way (errors end the load instead).
    public var diagnostics: [Diagnostic]
}

/// Loads a site's content the way a build does, without the build cache: the steps `SiteInputs`,
/// `GazetteerLoader` and `SourceProcessing`, one after the other.
public enum ContentLoader {
    /// Everything `brief companies` needs: the content processed, without a cache.
    /// - Throws: the errors that stop a build, with the warnings met before them.
    public static func load(_ options: BuildOptions) throws(DiagnosticError) -> LoadedContent {
        var diagnostics = Diagnostics()
        var inputs = try SiteInputs.read(options, into: &diagnostics)
        let gazetteer = GazetteerLoader.load(inputs, options, into: &diagnostics)
        try diagnostics.check()
        let processed = SourceProcessing.process(
            &inputs, gazetteer: gazetteer, cache: nil, drafts: options.drafts, into: &diagnostics)
        try diagnostics.check()
        do throws(BuildError) { try checkSomethingToPublish(processed.sources, inputs, options) } catch {
            throw diagnostics.failing(with: error)
        }
        return LoadedContent(
            config: inputs.config, gazetteer: gazetteer, sources: processed.sources, diagnostics: diagnostics.all)
    }

    /// Checks that some source has something to publish.
    /// - Throws: `BuildError.nothingToPublish` when none has.
    static func checkSomethingToPublish(_ sources: [ProcessedSource], _ inputs: SiteInputs, _ options: BuildOptions)
        throws(BuildError)
    {
        guard sources.allSatisfy({ $0.stories.isEmpty }) else { return }
        throw .nothingToPublish(folder: options.display(options.content), sources: inputs.files.count)
    }
}
