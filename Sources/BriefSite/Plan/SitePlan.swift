import BriefModel
import BriefOutput
import BriefTemplate

/// The site stage's last step: every file of the site as a `FilePlan` — each page, each company's
/// feeds, the site's feeds, sitemap and `robots.txt`, the search files and the theme's assets — with
/// what each depends on, so the writer makes only what a rebuild changed.
package enum SitePlan {
    /// What the files depend on besides the model and the theme.
    package struct Settings: Sendable {
        /// Everything that touches every page (brief, the settings every page shows, the options).
        package var global: UInt64
        /// `--strict`: a template's missing value is an error.
        package var strict: Bool
        /// `SOURCE_DATE_EPOCH`, which dates undated stories in the feeds.
        package var sourceDateEpoch: String?
        /// Whether most pages will be drawn (a full build): then every story's values are made up front.
        package var drawsMostPages: Bool

        /// The settings of one build.
        package init(global: UInt64, strict: Bool, sourceDateEpoch: String?, drawsMostPages: Bool) {
            self.global = global
            self.strict = strict
            self.sourceDateEpoch = sourceDateEpoch
            self.drawsMostPages = drawsMostPages
        }
    }

    /// The plan of the site `model` describes, drawn with `theme`.
    package static func make(_ model: SiteModel, theme: Theme, settings: Settings) -> FilePlan {
        let fingerprints = PageFingerprints(model: model, global: settings.global, templateKeys: theme.templateKeys)
        let feeds = FeedContext(model: model, sourceDateEpoch: settings.sourceDateEpoch)
        let pages = Page.all(in: model)
        var plan = FilePlan()
        plan.entries.reserveCapacity(pages.count + 2 * model.companies.count + theme.assets.count + 6)
        addPages(pages, model, theme, settings, fingerprints, to: &plan)
        addCompanyFeeds(CompanyFeeds(feeds), fingerprints, to: &plan)
        addSiteFiles(feeds, pages: pages, assets: theme.assets, to: &plan)
        addSearch(model, fingerprint: fingerprints.searchIndex(), to: &plan)
        return plan
    }

    /// One entry per page: its template filled with its data.
    private static func addPages(
        _ pages: [Page], _ model: SiteModel, _ theme: Theme, _ settings: Settings, _ fingerprints: PageFingerprints,
        to plan: inout FilePlan
    ) {
        let data = PageData<TemplateValue>(model: model, prebuildStories: settings.drawsMostPages)
        let options = RenderOptions(
            strict: settings.strict, missingPartialIsError: true, maxOutputBytes: model.config.maxPageSize)
        let library = theme.library
        // Paths and fingerprints on every core: hashing every page's data is most of a small rebuild's plan.
        let made = Parallel.map(pages.count) { i in
            let path = pages[i].path(in: model)
            return (path: path, fingerprint: fingerprints.fingerprint(pages[i], at: path))
        }
        for (page, (path, fingerprint)) in zip(pages, made) {
            plan.add(
                FilePlan.Entry([path], fingerprint: fingerprint) {
                    () throws(DiagnosticError) in
                    do throws(TemplateError) {
                        let html = try library.render(page.template, data.data(for: page, at: path), options: options)
                        return [FilePlan.File(path, text: html)]
                    } catch {
                        throw DiagnosticError(Diagnostic(error))
                    }
                })
        }
    }

    /// One entry per company: its Atom and JSON feeds, made together.
    private static func addCompanyFeeds(
        _ companyFeeds: CompanyFeeds, _ fingerprints: PageFingerprints, to plan: inout FilePlan
    ) {
        for i in 0..<companyFeeds.count {
            let paths = companyFeeds.paths(i)
            plan.add(
                FilePlan.Entry(paths, fingerprint: companyFeeds.fingerprint(i, fingerprints)) {
                    zip(paths, companyFeeds.render(i)).map { FilePlan.File($0, text: $1) }
                })
        }
    }

    /// The site's feeds, sitemap, `robots.txt` and the theme's assets: cheaper to make than to fingerprint.
    private static func addSiteFiles(
        _ feeds: FeedContext, pages: [Page], assets: [String: [UInt8]], to plan: inout FilePlan
    ) {
        let files: [(String, @Sendable () -> [UInt8])] = [
            ("feed.xml", { Array(AtomFeed.render(feeds).utf8) }),
            ("feed.json", { Array(JSONFeed.render(feeds).utf8) }),
            ("sitemap.xml", { Sitemap.render(feeds, pages: pages) }),
            ("robots.txt", { Array(Sitemap.robots(feeds).utf8) }),
        ]
        for (path, make) in files
            + assets.sorted(by: { $0.key < $1.key }).map({ asset in (asset.key, { asset.value }) })
        {
            plan.add(FilePlan.Entry([path], fingerprint: nil) { [FilePlan.File(path, pieces: [make()])] })
        }
    }

    /// The search index (`search.json`) and its shards, made again only when a story changed. The shards are
    /// named by their content: when no story changed, every one of the last build's stays.
    private static func addSearch(_ model: SiteModel, fingerprint: UInt64, to plan: inout FilePlan) {
        plan.add(
            FilePlan.Entry(["search.json"], fingerprint: fingerprint) {
                let json = SearchIndex.json(model)
                return [FilePlan.File("search.json", pieces: json.pieces, hash: json.hash)]
            })
        plan.add(
            FilePlan.Entry(owning: SearchShards.owns, fingerprint: fingerprint) {
                SearchShards.files(model).sorted(by: { $0.key < $1.key }).map {
                    FilePlan.File($0.key, pieces: [$0.value])
                }
            })
    }
}
