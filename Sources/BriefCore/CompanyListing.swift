import BriefCompanies
import BriefModel
import BriefSite

/// What `brief companies` lists: the companies the stories of a site mention, or the names in them
/// that look like companies but are not known yet.
public enum CompanyListing {
    /// The companies as the site shows them, most stories first, with the site's counts.
    public struct Known: Sendable {
        /// Per company: its name, in how many stories and how often in all it is mentioned.
        public var companies: [(name: String, stories: Int, mentions: Int)]
        /// How many stories the site has, for the listing's summary line.
        public var stories: Int
        /// How many briefings the site has, for the listing's summary line.
        public var briefings: Int
        /// Warnings met reading the content.
        public var diagnostics: [Diagnostic]
    }

    /// Names in the stories that look like organisations but are not in the gazetteer.
    public struct Unknown: Sendable {
        /// The names, most mentioned first.
        public var companies: [UnknownCompany]
        /// Warnings met reading the content.
        public var diagnostics: [Diagnostic]
    }

    /// The companies the stories mention, found as a build finds them (without the build cache).
    /// - Throws: the errors that would stop a build, with the warnings met before them.
    public static func known(_ options: BuildOptions) throws(DiagnosticError) -> Known {
        let content = try ContentLoader.load(options)
        var assemblyWarnings = Diagnostics()
        let model = SiteAssembler(config: content.config, gazetteer: content.gazetteer)
            .assemble(content.sources, into: &assemblyWarnings)
        let companies = model.companies.map { ($0.company.name, $0.storyIDs.count, $0.mentions) }
        return Known(
            companies: companies, stories: model.stories.count, briefings: model.briefings.count,
            diagnostics: content.diagnostics)
    }

    /// Names in the stories that look like organisations but are not in the gazetteer, most mentioned
    /// first, with the warnings met reading the content.
    /// - Throws: the errors that would stop a build, with the warnings met before them.
    public static func unknown(_ options: BuildOptions) throws(DiagnosticError) -> Unknown {
        let content = try ContentLoader.load(options)
        let texts = content.sources.map { (file: $0.document.source, paragraphs: $0.stories.flatMap(\.paragraphs)) }
        return Unknown(
            companies: UnknownCompanies.find(in: texts, gazetteer: content.gazetteer), diagnostics: content.diagnostics)
    }
}
