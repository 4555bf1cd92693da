import BriefModel

/// Companies a text names as companies by the form of the name, though the gazetteer does not
/// know them: "the Enron Corporation", "D-Wave Quantum Inc.", "Lux Capital", "Menlo Ventures",
/// "Ocean Protocol, a Berlin-based startup". Within that text, every mention of the name counts
/// ("Enron" after "the Enron Corporation").
public enum DocumentCompanies {
    /// Suffixes of a company's legal name; the name without them is how the text goes on to call it.
    static let legalSuffixes: Set<Substring> = [
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Co.", "Ltd", "Ltd.", "LLC",
        "L.L.C.", "PLC", "plc", "AG", "GmbH", "S.A.", "N.V.", "SE",
    ]
    /// Last words of the names of investment firms and holdings, which are part of the name.
    static let firmWords: Set<Substring> = ["Ventures", "Capital", "Partners", "Holding", "Holdings", "Company"]
    /// What an apposition says a name is: "Revel, a company that…", "Ocean Protocol, a Berlin-based startup".
    static let appositionNouns: Set<Substring> = [
        "company", "startup", "start-up", "firm", "maker", "manufacturer", "retailer",
        "lender", "bank", "insurer", "carmaker", "automaker", "chipmaker", "developer",
        "provider", "supplier", "platform", "conglomerate",
    ]
    /// Capitalised words that open sentences or name kinds of firms, never the start of a company's name.
    static let notNames: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Their", "Our", "His", "Her", "About", "In",
        "On",
        "At", "By", "For", "From", "With", "And", "But", "Or", "So", "When", "While", "After", "Before", "Since",
        "Also",
        "Meanwhile", "Yesterday", "Today", "Last", "Next", "Both", "Each", "Every", "Some", "Many", "Most", "All",
        "Other",
        "Venture", "Private", "Human", "Working", "Growth", "Seed", "Risk", "Social", "Total", "Equity", "Public",
    ]
    /// The most words of a name before its suffix.
    static let maxNameWords = 3

    /// The companies the texts name by form, other than those `known` (the gazetteer's spellings).
    public static func find(in texts: [String], known: (String) -> Bool) -> [Company] {
        var found: [String: Company] = [:]
        var order: [String] = []
        for text in texts {
            for (name, aliases) in names(in: text) where !known(name) && !aliases.contains(where: known) {
                if found[name] == nil {
                    order.append(name)
                    found[name] = Company(
                        name: name, slug: Slug.make(name, fallbackPrefix: "company"), aliases: aliases)
                } else {
                    for alias in aliases where !found[name]!.aliases.contains(alias) {
                        found[name]!.aliases.append(alias)
                    }
                }
            }
        }
        return order.compactMap { found[$0] }
    }

    /// The mentions of `companies` in a story, counted by their shortest spelling (the others contain it:
    /// "Enron" in "Enron Corporation") as whole words, a possessive allowed.
    public static func mentions(of companies: [Company], heading: String, paragraphs: [String]) -> [CompanyMention] {
        guard !companies.isEmpty else { return [] }
        let text = ([heading] + paragraphs).joined(separator: "\n")
        return companies.compactMap { company in
            guard let shortest = company.spellings.min(by: { $0.count < $1.count }) else { return nil }
            let offsets = wholeWordOffsets(of: shortest, in: text)
            guard let first = offsets.first else { return nil }
            return CompanyMention(slug: company.slug, name: company.name, mentions: offsets.count, firstPosition: first)
        }
    }

    // MARK: Finding names

    /// Names with a legal suffix or a firm word, and names in an apposition that says what they are.
    static func names(in text: String) -> [(name: String, aliases: [String])] {
        guard mayName(text) else { return [] }
        let words = text.utf8.split(separator: UInt8(ascii: " ")).map { Substring($0) }
        var result: [(String, [String])] = []
        for (i, word) in words.enumerated() {
            guard let lastByte = word.utf8.last else { continue }
            let bare = word.trimmingTrailingBytes(",;:)")
            if let suffix = suffix(bare) {
                guard let start = nameStart(words, before: i) else { continue }
                let base = words[start..<i].joined(separator: " ")
                if legalSuffixes.contains(suffix) {
                    result.append((base, [base + " " + suffix]))
                } else {
                    result.append((base + " " + suffix, suffix == "Company" ? [base] : []))
                }
            } else if lastByte == UInt8(ascii: ","), i + 2 < words.count, words[i + 1] == "a" || words[i + 1] == "an" {
                // "Ocean Protocol, a Berlin-based startup": the noun within four words of the article.
                let noun = words[(i + 2)..<min(words.count, i + 6)].first {
                    appositionNouns.contains($0.trimmingTrailingBytes(",.;"))
                }
                guard noun != nil, let start = nameStart(words, before: i + 1, last: bare) else { continue }
                result.append(((words[start..<i] + [bare]).joined(separator: " "), []))
            }
        }
        return result
    }

    /// The legal suffix or firm word `word` is (a firm word may end a sentence: "Lux Capital."), or nil.
    private static func suffix(_ word: Substring) -> Substring? {
        // Every suffix is capitalised but "plc", and short: most words are ruled out by their first byte and length.
        guard let first = word.utf8.first,
            first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") || first == UInt8(ascii: "p"),
            word.utf8.count <= longestSuffix
        else { return nil }
        if legalSuffixes.contains(word) || firmWords.contains(word) { return word }
        let withoutStop = word.trimmingTrailingBytes(".")
        return firmWords.contains(withoutStop) ? withoutStop : nil
    }

    /// Whether `text` has a word that may be a suffix or firm word, or a ", a"/", an" apposition: a
    /// single pass over its bytes that rules out most texts before they are cut into words.
    static func mayName(_ text: String) -> Bool {
        text.withBytes { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
                defer { start = end + 1 }
                guard end > start else { continue }
                if bytes[end - 1] == UInt8(ascii: ","), isArticle(bytes, at: end + 1) { return true }
                var last = end
                while last > start, ",;:).".utf8.contains(bytes[last - 1]) { last -= 1 }
                guard last > start, last - start < longestSuffix else { continue }
                if bareSuffixes[Int(bytes[start])].contains(where: { $0.elementsEqual(bytes[start..<last]) }) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether "a " or "an " starts at `index`.
    private static func isArticle(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "a") else { return false }
        if bytes[index + 1] == UInt8(ascii: " ") { return true }
        return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "n") && bytes[index + 2] == UInt8(ascii: " ")
    }

    /// The suffixes and firm words without their trailing full stops, by first byte, for `mayName`.
    private static let bareSuffixes: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for suffix in legalSuffixes.union(firmWords) {
            let bare = Array(suffix.utf8.reversed().drop { $0 == UInt8(ascii: ".") }.reversed())
            table[Int(bare[0])].append(bare)
        }
        return table
    }()

    private static let longestSuffix = (legalSuffixes.union(firmWords).map(\.utf8.count).max() ?? 0) + 1

    /// Where the capitalised words of a name begin, right before index `end` (with `last` standing
    /// for the word at `end - 1` when it carried punctuation); nil when there are none.
    private static func nameStart(_ words: [Substring], before end: Int, last: Substring? = nil) -> Int? {
        var start = end
        while start > 0, end - start < maxNameWords {
            let word = start == end && last != nil ? last! : words[start - 1]
            guard let first = word.first, first.isUppercase, !notNames.contains(String(word)),
                !word.contains(where: { ",.;:!?\"“”()".contains($0) })
            else { break }
            start -= 1
        }
        return start < end ? start : nil
    }

    /// Byte offsets of `word` in `text` where it stands as a whole word ("Enron's" counts, "Enronite" not).
    static func wholeWordOffsets(of word: String, in text: String) -> [Int] {
        let needle = Array(word.utf8)
        return text.withBytes { bytes -> [Int] in
            var offsets: [Int] = []
            var from = 0
            while from + needle.count <= bytes.count {
                guard
                    let hit = needle.withUnsafeBufferPointer({ n in
                        ByteSearch.firstIndex(of: n, in: UnsafeBufferPointer(rebasing: bytes[from...]))
                    })
                else { break }
                let at = from + hit
                let before = at > 0 ? bytes[at - 1] : 0x20
                let after = at + needle.count < bytes.count ? bytes[at + needle.count] : 0x20
                if !isWordByte(before) && !isWordByte(after) { offsets.append(at) }
                from = at + 1
            }
            return offsets
        }
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || b >= 0x30 && b <= 0x39 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b == UInt8(ascii: "-")
    }
}

extension Substring {
    /// The text without the given ASCII characters at its end.
    func trimmingTrailingBytes(_ characters: StaticString) -> Substring {
        let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        var end = utf8.endIndex
        while end > utf8.startIndex, set.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return self[..<end]
    }
}
