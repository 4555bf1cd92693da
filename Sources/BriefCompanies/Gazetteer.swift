import BriefBuiltIn

/// The companies brief knows: the built-in list, extended by a site's `companies.yml`.
public struct Gazetteer: Sendable {
    public private(set) var companies: [Company]
    /// Phrases that are never a company mention, even when they contain a company's name.
    public private(set) var neverPhrases: [String]

    public init(companies: [Company], neverPhrases: [String] = []) {
        self.companies = companies
        self.neverPhrases = neverPhrases
    }

    /// The gazetteer built into the binary, parsed once per process.
    public static let builtIn: Gazetteer = {
        guard let text = EmbeddedFiles.files["data/Gazetteer.yml"] else { return Gazetteer(companies: []) }
        // The built-in file is tested; should it ever be broken, tagging is off rather than the build.
        return (try? GazetteerFile.parse(text, path: "Gazetteer.yml").gazetteer) ?? Gazetteer(companies: [])
    }()

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
    public struct Entry: Sendable {
        /// The name to match (and to find an existing entry by).
        public var name: String
        /// A new display name for an existing entry ("rename").
        public var displayName: String?
        public var slug: String
        public var aliases: [String] = []
        public var ticker: String?
        public var sector: String?
        public var description: String?
        public var website: String?
        public var ambiguous: Bool?
    }

    public var companies: [Entry] = []
    /// Names or slugs of built-in companies never to tag.
    public var suppressedCompanies: [String] = []
    public var neverPhrases: [String] = []

    public init() {}
}
