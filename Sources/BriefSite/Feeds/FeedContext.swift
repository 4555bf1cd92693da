import BriefModel
import Foundation

/// What the feeds, the sitemap and the search index share: addresses and dates.
package struct FeedContext {
    let model: SiteModel
    /// The site's address with a trailing slash, or nil when `base_url` is not set.
    let base: String?
    /// The time feeds give undated stories (`undatedTime`).
    let fallbackDate: Date

    /// - Parameter sourceDateEpoch: the `SOURCE_DATE_EPOCH` setting, which dates undated stories.
    package init(model: SiteModel, sourceDateEpoch: String?) {
        self.model = model
        base = model.config.baseURL
        fallbackDate = Self.undatedTime(model, sourceDateEpoch: sourceDateEpoch)
    }

    /// The documented rule for stories without a date, the same on every build of the same input: the time
    /// `SOURCE_DATE_EPOCH` gives, when set; otherwise the start of the oldest dated briefing's day, so that
    /// undated stories come after the dated ones as on the site; on a site without any date, 1 January 2000.
    static func undatedTime(_ model: SiteModel, sourceDateEpoch: String?) -> Date {
        if let epoch = sourceDateEpoch.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            return Date(timeIntervalSince1970: TimeInterval(epoch))
        }
        if let oldest = model.briefings.last(where: { $0.date != nil })?.date,
            let day = ContentDate(year: oldest.year, month: oldest.month, day: oldest.day)
        {
            return min(day.instant(in: model.config.timeZone), oldest.instant(in: model.config.timeZone))
        }
        return Date(timeIntervalSince1970: 946_684_800)
    }

    /// An address for a path of the site: absolute when the base is known, else relative to a file in the folder
    /// `from` (a path inside the site ending in "/", or "" for the root).
    func url(_ path: String, from folder: String = "") -> String {
        if let base { return SitePaths.absolute(path, base: base) }
        let page = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        let pretty = SitePaths.root(from: folder) + page
        return pretty.isEmpty ? "./" : pretty
    }

    func date(_ date: ContentDate?) -> Date {
        date?.instant(in: model.config.timeZone) ?? fallbackDate
    }

    /// RFC 3339 in UTC: `2024-05-01T09:30:00Z`.
    static func rfc3339(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        let (y, m, d) = civil(fromDays: days)
        // Written by hand: `String(format:)` is slow enough to show in a build with thousands of feed entries.
        return padded(y, 4) + "-" + padded(m, 2) + "-" + padded(d, 2) + "T" + padded(rest / 3600, 2) + ":"
            + padded(rest / 60 % 60, 2) + ":" + padded(rest % 60, 2) + "Z"
    }

    private static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The inverse of `ContentDate.daysFromCivil`.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The site's feeds: the newest stories, with their full text.
    var siteFeed: FeedInfo {
        let config = model.config
        return FeedInfo(
            title: config.title, subtitle: config.description, path: "", page: "index.html",
            urn: "urn:brief:site:" + Slug.make(config.title, fallbackPrefix: "site"),
            stories: Array(model.stories.indices.prefix(config.feedItems)), fullText: true)
    }

    /// The newest date among a feed's stories, for the feed's own `updated`.
    func updated(_ stories: [Int]) -> Date {
        stories.map { date(model.stories[$0].date) }.max() ?? fallbackDate
    }
}

/// What one feed holds and where it lives; the site's and each company's feeds differ only in this.
struct FeedInfo {
    var title: String
    var subtitle: String
    /// The folder of the feed's files (`feed.xml`, `feed.json`): "" for the site's, else ending in "/".
    var path: String
    /// The page the feed follows, as a path of the site.
    var page: String
    /// The feed's id when the site has no address.
    var urn: String
    /// Indices into `SiteModel.stories`, newest first.
    var stories: [Int]
    /// Whether entries carry the story's HTML, or only its first sentence and link.
    var fullText: Bool
}
