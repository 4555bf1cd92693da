import BriefModel
import Foundation

/// `companies/<slug>/feed.xml` and `feed.json`: a company's newest stories, for a reader who follows one company.
///
/// Entries carry the story's first sentence and a link, not its full text (the site's feeds have that): a
/// site names a company in thousands of stories, and its feeds should stay small to poll.
package struct CompanyFeeds {
    let context: FeedContext

    /// Each story's entries, rendered once: a story is in the feed of every company it names, and all
    /// company feeds sit at the same depth, so its entry is the same in each.
    private let entries = EntryCache()

    /// The feeds of the site `context` describes.
    package init(_ context: FeedContext) {
        self.context = context
    }

    /// How many companies have feeds: every company with a page.
    package var count: Int { context.model.companies.count }

    /// The paths of company `i`'s two feeds: Atom, then JSON Feed.
    package func paths(_ i: Int) -> [String] {
        let slug = context.model.companies[i].company.slug
        return [SitePaths.companyFeed(slug, json: false), SitePaths.companyFeed(slug, json: true)]
    }

    /// Both feeds of company `i`, in the order of `paths`.
    package func render(_ i: Int) -> [String] {
        let feed = info(i)
        let entries = entries.entries(feed.stories) { id in
            (AtomFeed.entry(context, feed, id), JSONFeed.item(context, feed, id))
        }
        return [
            AtomFeed.render(context, feed) { entries[$0]!.atom },
            JSONFeed.render(context, feed) { entries[$0]!.json },
        ]
    }

    /// What both feeds of company `i` are made of: the settings they show, the dates of undated stories, the
    /// company, and each story's card and content (as `PageFingerprints` has them for the pages).
    package func fingerprint(_ i: Int, _ fingerprints: PageFingerprints) -> UInt64 {
        let model = context.model
        var f = Fingerprint(fingerprints.global)
        f.add(fingerprints.data.siteValue.value)
        f.add(model.config.feedItems)
        f.add(model.config.timeZone.identifier)
        f.add(Int(context.fallbackDate.timeIntervalSince1970))
        f.add(fingerprints.data.companyLinks[i].value)
        for id in info(i).stories {
            f.add(fingerprints.data.storyCard(id).value)
            f.add(model.stories[id].hash)
        }
        return f.value
    }

    private func info(_ i: Int) -> FeedInfo {
        let model = context.model
        let company = model.companies[i].company
        return FeedInfo(
            title: "\(company.name) · \(model.config.title)",
            subtitle: "Stories of \(model.config.title) that mention \(company.name).",
            path: "companies/\(company.slug)/", page: SitePaths.company(company.slug),
            urn: "urn:brief:company:" + company.slug,
            stories: Array(model.companies[i].storyIDs.prefix(model.config.feedItems)), fullText: false)
    }
}

/// Rendered feed entries by story, shared by the company feeds that are rendered in parallel.
private final class EntryCache: @unchecked Sendable {
    private let lock = NSLock()
    private var rendered: [Int: (atom: String, json: String)] = [:]

    /// The entries of `stories`, rendering with `make` (outside the lock) those not rendered yet.
    func entries(
        _ stories: [Int], make: (Int) -> (atom: String, json: String)
    ) -> [Int: (atom: String, json: String)] {
        var found: [Int: (atom: String, json: String)] = [:]
        lock.withLock {
            for id in stories { found[id] = rendered[id] }
        }
        var made: [Int: (atom: String, json: String)] = [:]
        for id in stories where found[id] == nil {
            let entry = make(id)
            found[id] = entry
            made[id] = entry
        }
        if !made.isEmpty {
            lock.withLock { rendered.merge(made) { old, _ in old } }
        }
        return found
    }
}
