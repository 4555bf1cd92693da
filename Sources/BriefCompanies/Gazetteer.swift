import BriefBuiltIn
import BriefModel

/// The companies brief knows: the built-in list, extended by a site's `companies.yml`.
public struct Gazetteer: Sendable {
    /// Every known company after additions and suppressions, in file order.
    public private(set) var companies: [Company]
    /// Phrases that are never a company mention, even when they contain a company's name.
    public private(set) var neverPhrases: [String]

    /// Makes a gazetteer from a list, for the file reader and for tests that need a few companies.
    public init(companies: [Company], neverPhrases: [String] = []) {
        self.companies = companies
        self.neverPhrases = neverPhrases
    }

    /// The gazetteer built into the binary, parsed once per process.
    public static let builtIn: Gazetteer = {
        guard let text = EmbeddedFiles.files["data/Gazetteer.yml"] else { return Gazetteer(companies: []) }
        // The built-in file is tested; should it ever be broken, tagging is off rather than the build.
        var warnings = Diagnostics()
        guard let changes = try? GazetteerFile.parse(text, path: "Gazetteer.yml", into: &warnings) else {
            return Gazetteer(companies: [])
        }
        return Gazetteer(companies: []).applying(changes)
    }()

    /// The company with this slug, or nil; a linear search, meant for occasional lookups.
    public func company(slug: String) -> Company? {
        companies.first { $0.slug == slug }
    }

    /// Applies a site's additions, overrides and suppressions.
    public func applying(_ changes: GazetteerChanges) -> Gazetteer {
        var result = self
        var indexBySlug: [String: Int] = [:]
        for (i, c) in result.companies.enumerated() { indexBySlug[c.slug] = i }
        for change in changes.companies {
            if let i = indexBySlug[change.slug] ?? result.companies.firstIndex(where: { $0.name == change.name }) {
                var existing = result.companies[i]
                existing.aliases += change.aliases.filter { !existing.spellings.contains($0) }
                if let v = change.description { existing.description = v }
                if let v = change.website { existing.website = v }
                if let v = change.ticker { existing.ticker = v }
                if let v = change.sector { existing.sector = v }
                if let v = change.ambiguous { existing.ambiguous = v }
                if let v = change.displayName {
                    existing.name = v
                    existing.aliases.append(change.name)
                }
                result.companies[i] = existing
            } else {
                result.companies.append(
                    Company(
                        name: change.displayName ?? change.name, slug: change.slug, aliases: change.aliases,
                        ticker: change.ticker, sector: change.sector, description: change.description,
                        website: change.website, ambiguous: change.ambiguous ?? false))
                indexBySlug[change.slug] = result.companies.count - 1
            }
        }
        let suppressed = Set(changes.suppressedCompanies)
        result.companies.removeAll { suppressed.contains($0.slug) || suppressed.contains($0.name) }
        result.neverPhrases += changes.neverPhrases
        return result
    }
}

/// What a site's `companies.yml` asks to change in the gazetteer.
public struct GazetteerChanges: Sendable {
    /// One company in the file: a new one, or changes to one brief already knows (found by slug or name).
    public struct Entry: Sendable {
        /// The name to match (and to find an existing entry by).
        public var name: String
        /// A new display name for an existing entry ("rename").
        public var displayName: String?
        /// The slug given, or one made from the name.
        public var slug: String
        /// More spellings to match, added to those of an existing entry.
        public var aliases: [String] = []
        /// The stock ticker; nil keeps an existing entry's.
        public var ticker: String?
        /// The industry; nil keeps an existing entry's.
        public var sector: String?
        /// A one-line summary; nil keeps an existing entry's.
        public var description: String?
        /// The company's own site; nil keeps an existing entry's.
        public var website: String?
        /// Whether a match needs evidence; nil keeps an existing entry's (new entries default to false).
        public var ambiguous: Bool?
    }

    /// Companies to add or change, in file order.
    public var companies: [Entry] = []
    /// Names or slugs of built-in companies never to tag.
    public var suppressedCompanies: [String] = []
    /// Phrases never to tag as a company (`never:`), added to the built-in ones.
    public var neverPhrases: [String] = []

    /// No changes; the file reader fills it in.
    public init() {}
}
