import BriefModel

/// Names in the stories that look like organisations but are not in the gazetteer, so that a
/// user can add them to `Content/companies.yml`: "EV maker Zeekr", "Acme Robotics Inc.",
/// "the CEO of Acme", "Acme's chief executive".
public struct UnknownCompany: Sendable, Hashable {
    /// The name as written in the story, with any suffix such as "Inc." kept.
    public var name: String
    /// How many times the name appears across all sources, so the most frequent can be listed first.
    public var mentions: Int
    /// Where it is first seen.
    public var file: String
    /// The 1-based line of the first sighting.
    public var line: Int
    /// The 1-based column of the first sighting.
    public var column: Int
    /// The words around the first sighting.
    public var context: String
}

/// Finds unknown company names by cues around capitalised words (`brief companies --unknown` lists them):
/// a word before ("maker", "CEO of"), a suffix ("Inc."), or a possessive before a business word.
public enum UnknownCompanies {
    static let cuesBefore: Set<String> = [
        "startup", "start-up", "maker", "company", "firm", "rival", "supplier", "manufacturer", "carmaker", "automaker",
        "chipmaker", "giant", "subsidiary", "unit", "partner", "retailer", "lender", "insurer", "developer", "operator",
    ]
    static let cuesBeforeOf: Set<String> = [
        "CEO", "chief", "founder", "co-founder", "cofounder", "owner", "chairman", "president",
    ]
    static let suffixes: Set<String> = [
        "Inc", "Corp", "Corporation", "Ltd", "LLC", "PLC", "plc", "AG", "GmbH", "SE", "NV", "N.V", "S.A", "Co",
        "Holdings",
    ]
    static let cuesAfterPossessive: Set<String> = [
        "CEO", "chief", "founder", "shares", "stock", "board", "executives", "spokesperson",
    ]
    static let notNames: Set<String> = [
        "The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our", "Chinese", "American", "European",
        "Japanese",
        "Korean", "German", "French", "British", "Indian", "US", "U.S", "UK", "EU", "AI", "EV", "CEO", "Some", "Many",
        "Other",
    ]

    /// - Parameter sources: per source, its path as diagnostics show it and the paragraphs of its stories.
    public static func find(in sources: [(file: String, paragraphs: [Paragraph])], gazetteer: Gazetteer)
        -> [UnknownCompany]
    {
        let tagger = CompanyTagger(gazetteer: gazetteer)
        let known = Set(gazetteer.companies.flatMap(\.spellings) + gazetteer.neverPhrases)
        var found: [String: UnknownCompany] = [:]
        var order: [String] = []
        for source in sources {
            for paragraph in source.paragraphs {
                for (name, offset, context) in candidates(in: paragraph.text) where isUnknown(name, known, tagger) {
                    if found[name] == nil {
                        order.append(name)
                        found[name] = UnknownCompany(
                            name: name, mentions: 0, file: source.file,
                            line: paragraph.line, column: offset + 1, context: context)
                    }
                    found[name]?.mentions += 1
                }
            }
        }
        return order.compactMap { found[$0] }.sorted { ($1.mentions, $0.name) < ($0.mentions, $1.name) }
    }

    private static func isUnknown(_ name: String, _ known: Set<String>, _ tagger: CompanyTagger) -> Bool {
        !known.contains(name) && !notNames.contains(name) && !FirstNames.all.contains(name)
            && tagger.tag(heading: "", paragraphs: [name]).isEmpty
    }

    /// Candidate names with their character offset and surrounding words.
    static func candidates(in text: String) -> [(String, Int, String)] {
        let words = text.split(separator: " ")
        guard !words.isEmpty else { return [] }
        let offsets = words.map { text.distance(from: text.startIndex, to: $0.startIndex) }
        func bare(_ i: Int) -> Substring { words[i].trimmingCharacters(in: ",.;:!?()\"“”") }
        func context(_ i: Int) -> String { words[max(0, i - 3)..<min(words.count, i + 4)].joined(separator: " ") }
        var result: [(String, Int, String)] = []
        func add(_ range: Range<Int>) {
            let name = range.map { bare($0) }.joined(separator: " ")
            if !name.isEmpty { result.append((name, offsets[range.lowerBound], context(range.lowerBound))) }
        }
        /// Capitalised words starting at `i`, up to four, stopping after a word with closing punctuation.
        func run(from i: Int) -> Range<Int>? {
            var j = i
            while j < words.count, j - i < 4, isCapitalised(bare(j)), !(j > i && notNames.contains(String(bare(j)))) {
                j += 1
                if let last = words[j - 1].last, ",.;:!?".contains(last) { break }
            }
            return j > i ? i..<j : nil
        }
        /// Capitalised words ending at `i`, up to four.
        func run(endingAt i: Int) -> Range<Int>? {
            var j = i
            while j >= 0, i - j < 4, isCapitalised(bare(j)), !notNames.contains(String(bare(j))) {
                if j < i, let last = words[j].last, ",.;:!?".contains(last) { break }
                j -= 1
            }
            return j < i ? (j + 1)..<(i + 1) : nil
        }
        for i in words.indices {
            let word = bare(i)
            if cuesBefore.contains(word.lowercased()), i + 1 < words.count, let range = run(from: i + 1) {
                add(range)
            } else if cuesBeforeOf.contains(String(word)), i + 2 < words.count,
                words[i + 1] == "of" || words[i + 1] == "executive" && i + 3 < words.count && words[i + 2] == "of"
            {
                let start = words[i + 1] == "of" ? i + 2 : i + 3
                if let range = run(from: start) { add(range) }
            } else if suffixes.contains(String(word)), i > 0, let range = run(endingAt: i - 1) {
                add(range)
            } else if word.hasSuffix("'s") || word.hasSuffix("’s"), i + 1 < words.count,
                cuesAfterPossessive.contains(String(bare(i + 1)))
            {
                let stem = String(word.dropLast(2))
                if isCapitalised(Substring(stem)), let range = run(endingAt: i) {
                    let name = range.dropLast().map { bare($0) } + [Substring(stem)]
                    result.append((name.joined(separator: " "), offsets[range.lowerBound], context(i)))
                }
            }
        }
        return result
    }

    private static func isCapitalised(_ word: Substring) -> Bool {
        guard let first = word.first else { return false }
        return first.isUppercase || first.isNumber
            || (first.isLowercase && word.dropFirst().contains { $0.isUppercase })
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
