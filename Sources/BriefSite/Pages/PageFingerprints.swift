import BriefModel

/// What each page is made of, as one number: equal fingerprints mean equal pages, so an incremental build draws
/// only the pages whose fingerprint changed.
///
/// A page's fingerprint is the hash of its template data, built by `PageData` itself (as `PageHash`es), with
/// the templates that draw it; so a value that reaches a page reaches its fingerprint. A story's content enters
/// by its content hash, made when the source was processed: no page's HTML or key figures are made to decide.
package struct PageFingerprints: Sendable {
    /// Every page's data as hashes, with every story's link and card made once up front.
    let data: PageData<PageHash>
    /// Everything else that touches every page (brief itself, the options).
    let global: UInt64
    /// Per template, the templates it can use (`Theme.templateKeys`).
    let templateKeys: [String: UInt64]

    /// Hashes every story's link and card once, in parallel, for the pages that list them.
    package init(model: SiteModel, global: UInt64, templateKeys: [String: UInt64]) {
        data = PageData(model: model, prebuildStories: true)
        self.global = global
        self.templateKeys = templateKeys
    }

    /// The fingerprint of `page`: equal to the last build's, the page need not be drawn again.
    package func fingerprint(_ page: Page) -> UInt64 { fingerprint(page, at: page.path(in: data.model)) }

    /// The fingerprint of `page`, whose path the caller has made already.
    package func fingerprint(_ page: Page, at path: String) -> UInt64 {
        var f = Fingerprint(global)
        f.add(page.template)
        f.add(templateKeys[page.template] ?? 0)
        f.add(data.data(for: page, at: path).value)
        return f.value
    }

    /// The search index holds every story's text, title and briefing.
    package func searchIndex() -> UInt64 {
        var f = Fingerprint(global)
        f.add(data.siteValue.value)
        for (i, story) in data.model.stories.enumerated() {
            f.add(data.storyCard(i).value)
            f.add(story.hash)
        }
        return f.value
    }
}
