import BriefModel
import BriefNormalize
import BriefTemplate
import Foundation
import Yams

/// The site's settings from `brief.yml`; every key has a default, so the file is optional.
public struct SiteConfig: Sendable, Hashable {
    /// The site's name (`title:`), in page titles, the header and the feeds.
    public var title = "Briefings"
    /// One line about the site (`description:`), for the pages' meta description and the feeds' subtitle.
    public var description = "News briefings, one story at a time."
    /// The absolute address the site is published at, for feeds, the sitemap and canonical links.
    public var baseURL: String?
    /// The pages' `lang` and the feeds' language (`language:`), a language tag such as `en`.
    public var language = "en"
    /// Who writes the site (`author:`), named in the pages and feeds; the Atom feed falls back to the title.
    public var author: String?
    /// The zone in which dates without a time zone are read, and shown.
    public var timeZone = TimeZone(identifier: "UTC")!
    /// How many stories the front page shows (`stories_on_front_page:`).
    public var storiesOnFrontPage = 12
    /// How many stories a feed holds (`feed_items:`), newest first.
    public var feedItems = 50
    /// Items per page of a list that grows (briefings, a company's stories, the archives).
    public var pageSize = 30
    /// Sources larger than this are rejected with an error.
    public var maxSourceSize = SourceDecoder.defaultSizeLimit
    /// A page whose template would render more than this is an error, not a page nobody can load.
    public var maxPageSize = RenderOptions.defaultMaxOutputBytes
    /// Read symbolic links in `Content/` that lead outside the site folder (skipped otherwise).
    public var followSymlinks = false
    /// Lines removed from every source before it is normalized (`ignore:`): a site's own chrome.
    public var ignore: [LinePattern] = []

    /// How sources are normalized under these settings.
    public var normalizeOptions: NormalizeOptions { NormalizeOptions(ignore: ignore) }

    /// The settings of a site without `brief.yml`.
    public init() {}

    static let keys: [String] = [
        "title", "description", "base_url", "language", "author", "timezone", "stories_on_front_page", "feed_items",
        "page_size", "max_source_size", "max_page_size", "follow_symlinks", "ignore",
    ]

    /// Reads `brief.yml`. Unknown keys are warnings; a wrong type or value is an error, recorded beside the
    /// file's other problems (the setting keeps its default), so that one build reports them all.
    public static func parse(_ text: String, path: String, into diagnostics: inout Diagnostics) -> SiteConfig {
        let reader = YAMLReader(path: path)
        var config = SiteConfig()
        do throws(DiagnosticError) {
            guard let root = try reader.compose(text) else { return config }
            for (key, keyNode, value) in try reader.mapping(root, fileName(path)) {
                do throws(DiagnosticError) {
                    try config.set(key, value, keyNode: keyNode, reader: reader, diagnostics: &diagnostics)
                } catch {
                    diagnostics.add(contentsOf: error.diagnostics)
                }
            }
        } catch {
            diagnostics.add(contentsOf: error.diagnostics)
        }
        return config
    }

    /// An absolute http(s) address ending in `/`, or nil when `text` is not one.
    public static func checkedBaseURL(_ text: String) -> String? {
        guard let parsed = URL(string: text), let scheme = parsed.scheme?.lowercased(), parsed.host != nil,
            ["http", "https"].contains(scheme)
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    private mutating func set(
        _ key: String, _ value: Yams.Node, keyNode: Yams.Node, reader: YAMLReader,
        diagnostics: inout Diagnostics
    ) throws(DiagnosticError) {
        let (path, line, column) = (reader.path, reader.line(of: value), reader.column(of: value))
        switch key {
        case "title": title = try reader.string(value, key)
        case "description": description = try reader.string(value, key)
        case "author": author = try reader.optionalString(value, key)
        case "language":
            let tag = try reader.string(value, key)
            guard LanguageTag.isValid(tag) else {
                throw DiagnosticError(SiteError.invalidLanguage(path: path, line: line, column: column, tag: tag))
            }
            language = tag
        case "base_url":
            guard let url = try reader.optionalString(value, key), !url.isEmpty else {
                baseURL = nil
                return
            }
            guard let checked = Self.checkedBaseURL(url) else {
                throw DiagnosticError(SiteError.invalidBaseURL(path: path, line: line, column: column))
            }
            baseURL = checked
        case "timezone":
            let name = try reader.string(value, key)
            guard let zone = TimeZone(identifier: name) else {
                throw DiagnosticError(SiteError.unknownTimeZone(path: path, line: line, column: column, name: name))
            }
            timeZone = zone
        case "stories_on_front_page": storiesOnFrontPage = try reader.int(value, key, in: 1...1000)
        case "feed_items": feedItems = try reader.int(value, key, in: 1...10000)
        case "page_size": pageSize = try reader.int(value, key, in: 1...10000)
        case "max_source_size": maxSourceSize = try reader.int(value, key, in: 1024...(1 << 30))
        case "max_page_size": maxPageSize = try reader.int(value, key, in: 1024...(1 << 30))
        case "follow_symlinks": followSymlinks = try reader.bool(value, key)
        case "ignore":
            let items = value.sequence.map(Array.init) ?? [value]
            ignore = []
            for item in items {
                let text = try reader.string(item, key)
                do throws(LinePattern.Invalid) {
                    ignore.append(try LinePattern(parsing: text))
                } catch {
                    throw DiagnosticError(
                        SiteError.invalidIgnorePattern(
                            path: path, line: reader.line(of: item), column: reader.column(of: item),
                            reason: error.message))
                }
            }
        default:
            diagnostics.add(
                SiteWarning.unknownSetting(
                    path: path, line: reader.line(of: keyNode), column: reader.column(of: keyNode), key: key))
        }
    }
}

/// "brief.yml" or "brief.yaml", as the file read is named, for messages.
private func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
