/// Finds the companies a story mentions, in one pass over its words.
///
/// Every spelling of every company goes into one trie over word tokens, so matching
/// costs the same for 600 companies as for one: whole words, case-sensitive, longest
/// spelling first, possessives allowed ("Tesla's"), nothing inside URLs or e-mail
/// addresses. Names that are ordinary words ("Apple", "Shell") need evidence: a
/// capital in mid-sentence, or a business word in the same sentence.
public struct CompanyTagger: Sendable {
    private let companies: [Company]
    /// Trie transitions: (node, token, space before) → node.
    private let edges: [UInt64: Int32]
    /// Nodes that end a spelling: the company's index, or -1 for a phrase that is never a company.
    private let terminals: [Int32: Int32]
    private let cueHashes: Set<UInt64>

    /// Words that show a name is used as a company ("Apple's shares", "Shell said").
    static let businessCues: [String] = [
        "Inc", "Corp", "Corporation", "Co", "Ltd", "LLC", "PLC", "plc", "AG", "SA", "NV", "SE", "GmbH", "Group", "Holdings",
        "shares", "share", "stock", "stocks", "investors", "investor", "shareholders", "CEO", "CFO", "CTO", "chief",
        "executive", "executives", "company", "companies", "firm", "startup", "maker", "makers", "brand", "revenue",
        "revenues", "earnings", "profit", "profits", "sales", "quarter", "quarterly", "announced", "said", "says",
        "reported", "reports", "launched", "launches", "unveiled", "unveils", "acquired", "acquire", "acquisition",
        "deal", "partnership", "partnered", "customers", "valuation", "billion", "million", "rivals", "rival",
        "competitor", "competitors", "Nasdaq", "NYSE", "subsidiary", "headquarters", "founder", "founded", "IPO",
        "giant", "tech", "employees", "layoffs", "invest", "invested", "investment", "market", "products", "product",
        "devices", "iPhone", "iPhones", "platform", "stake", "contract", "supplier", "suppliers", "chips", "factory",
    ]

    public init(gazetteer: Gazetteer) {
        var edges: [UInt64: Int32] = [:]
        var terminals: [Int32: Int32] = [:]
        var nodeCount: Int32 = 1

        func insert(_ spelling: String, value: Int32) {
            let bytes = Array(spelling.utf8)
            let tokens = Tokenizer.tokens(bytes)
            guard !tokens.isEmpty else { return }
            var node: Int32 = 0
            for (i, token) in tokens.enumerated() {
                let key = Self.edgeKey(node, token, first: i == 0)
                if let next = edges[key] {
                    node = next
                } else {
                    edges[key] = nodeCount
                    node = nodeCount
                    nodeCount += 1
                }
            }
            // A company's spelling wins over a never-phrase only if it was not declared never.
            if terminals[node] == nil || value == -1 { terminals[node] = value }
        }

        for (index, company) in gazetteer.companies.enumerated() {
            for spelling in company.spellings { insert(spelling, value: Int32(index)) }
        }
        for phrase in gazetteer.neverPhrases { insert(phrase, value: -1) }
        self.companies = gazetteer.companies
        self.edges = edges
        self.terminals = terminals
        self.cueHashes = Set(Self.businessCues.flatMap { [$0, $0.lowercased()] }.map { StableHash.value(bytes: $0.utf8) })
    }

    @inline(__always)
    private static func edgeKey(_ node: Int32, _ token: Tokenizer.Token, first: Bool) -> UInt64 {
        let space: UInt64 = (!first && token.spaceBefore) ? 0x9E37_79B9_7F4A_7C15 : 0
        return (token.hash ^ space) &+ UInt64(UInt32(bitPattern: node)) &* 0xFF51_AFD7_ED55_8CCD
    }

    private struct Hit {
        var company: Int
        var position: Int
        var evidence: Bool
    }

    /// The companies a story mentions, most mentioned first, ties in order of first mention.
    public func tag(heading: String, paragraphs: [String]) -> [CompanyMention] {
        var hits: [Hit] = []
        var offset = 0
        for (index, text) in ([heading] + paragraphs).enumerated() {
            scan(text, isHeading: index == 0, offset: offset, into: &hits)
            offset += text.utf8.count + 1
        }
        return Self.summarize(hits, companies: companies)
    }

    private static func summarize(_ hits: [Hit], companies: [Company]) -> [CompanyMention] {
        var evidenced = Set<Int>()
        for hit in hits where hit.evidence { evidenced.insert(hit.company) }
        var byCompany: [Int: CompanyMention] = [:]
        for hit in hits where evidenced.contains(hit.company) {
            let company = companies[hit.company]
            byCompany[hit.company, default: CompanyMention(slug: company.slug, name: company.name, mentions: 0, firstPosition: hit.position)]
                .mentions += 1
        }
        return byCompany.values.sorted { ($1.mentions, $0.firstPosition) < ($0.mentions, $1.firstPosition) }
    }

    private func scan(_ text: String, isHeading: Bool, offset: Int, into hits: inout [Hit]) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(bytes)
        let hidden = Self.urlTokens(tokens, bytes)
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard token.isWord, token.isCapitalized || token.isMixedCase, !hidden.contains(i) else { i += 1; continue }
            var node: Int32 = 0
            var best: (value: Int32, end: Int)?
            var j = i
            while j < tokens.count, let next = edges[Self.edgeKey(node, tokens[j], first: j == i)] {
                node = next
                j += 1
                if let value = terminals[node] { best = (value, j) }
            }
            guard let (value, end) = best else { i += 1; continue }
            defer { i = end }
            guard value >= 0, !Self.isInsideLargerWord(tokens, i, end) else { continue }
            let company = companies[Int(value)]
            var evidence = true
            if company.ambiguous {
                if Self.followsName(tokens, i, bytes) || Self.isHyphenCompound(tokens, end) { continue }
                let startOfSentence = Self.isSentenceStart(tokens, i)
                evidence = (!isHeading && !startOfSentence) || hasCue(tokens, around: i, end: end, bytes: bytes)
            }
            hits.append(Hit(company: Int(value), position: offset + token.start, evidence: evidence))
        }
    }

    /// Tokens that belong to URLs, e-mail addresses and handles, where names do not count.
    private static func urlTokens(_ tokens: [Tokenizer.Token], _ bytes: [UInt8]) -> Set<Int> {
        guard bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "@")) || bytes.contains(UInt8(ascii: ".")) else { return [] }
        var hidden = Set<Int>()
        var runStart = 0
        for i in 0...tokens.count {
            guard i == tokens.count || (i > runStart && tokens[i].spaceBefore) else { continue }
            // tokens[runStart..<i] are written without spaces between them.
            let run = tokens[runStart..<i]
            if run.count > 1 {
                let start = run.first!.start, end = run.last!.end
                let text = bytes[start..<end]
                let isURL = text.starts(with: Array("http".utf8)) && text.contains(UInt8(ascii: ":"))
                    || text.starts(with: Array("www.".utf8))
                    || text.contains(UInt8(ascii: "@"))
                    || text.contains(UInt8(ascii: "/")) && text.contains(UInt8(ascii: "."))
                if isURL { hidden.formUnion(runStart..<i) }
            }
            runStart = i
        }
        return hidden
    }

    /// "Tesla.com", "www.Tesla": a name glued to a dot and another word is part of a domain.
    private static func isInsideLargerWord(_ tokens: [Tokenizer.Token], _ start: Int, _ end: Int) -> Bool {
        if end + 1 < tokens.count, tokens[end].first == UInt8(ascii: "."), !tokens[end].spaceBefore,
           tokens[end + 1].isWord, !tokens[end + 1].spaceBefore, !tokens[end + 1].isCapitalized {
            return true
        }
        if start >= 2, !tokens[start].spaceBefore, tokens[start - 1].first == UInt8(ascii: "."), !tokens[start - 1].spaceBefore,
           tokens[start - 2].isWord {
            return true
        }
        return false
    }

    /// "Harrison Ford", "Michael Dell": an ordinary-word name right after a capitalised word is a person's name.
    private static func followsName(_ tokens: [Tokenizer.Token], _ start: Int, _ bytes: [UInt8]) -> Bool {
        guard start >= 1, tokens[start].spaceBefore else { return false }
        let previous = tokens[start - 1]
        guard previous.isWord, previous.isCapitalized, previous.end - previous.start > 1 else { return false }
        if isSentenceStart(tokens, start - 1) {
            // "Rivals Apple and Google…": a sentence's first word is capitalised anyway; only a first name counts.
            return false
        }
        let word = bytes[previous.start..<previous.end]
        return !word.allSatisfy { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x30 && $0 <= 0x39 }  // "CEO", "AI" are not names
    }

    /// "Meta-analysis", "Apple-shaped": an ordinary word joined by a hyphen to a lower-case word.
    private static func isHyphenCompound(_ tokens: [Tokenizer.Token], _ end: Int) -> Bool {
        end + 1 < tokens.count && tokens[end].first == UInt8(ascii: "-") && !tokens[end].spaceBefore
            && tokens[end + 1].isWord && !tokens[end + 1].spaceBefore && !tokens[end + 1].isCapitalized
    }

    static func isSentenceStart(_ tokens: [Tokenizer.Token], _ index: Int) -> Bool {
        var p = index - 1
        while p >= 0, !tokens[p].isWord, "\"'([".utf8.contains(tokens[p].first) { p -= 1 }
        guard p >= 0 else { return true }
        return !tokens[p].isWord && ".!?:;".utf8.contains(tokens[p].first)
    }

    /// Whether a business word stands in the same sentence, within a dozen words.
    private func hasCue(_ tokens: [Tokenizer.Token], around start: Int, end: Int, bytes: [UInt8]) -> Bool {
        let window = 12
        var k = start - 1
        while k >= max(0, start - window) {
            let t = tokens[k]
            if !t.isWord && ".!?".utf8.contains(t.first) { break }
            if t.isWord && cueHashes.contains(t.hash) { return true }
            k -= 1
        }
        k = end
        // The possessive "Apple's" is itself a sign of a company more often than of a fruit.
        if k + 1 < tokens.count, tokens[k].first == UInt8(ascii: "'"), !tokens[k].spaceBefore,
           bytes[tokens[k + 1].start] == UInt8(ascii: "s"), tokens[k + 1].end - tokens[k + 1].start == 1 {
            return true
        }
        while k < min(tokens.count, end + window) {
            let t = tokens[k]
            if !t.isWord && ".!?".utf8.contains(t.first) { break }
            if t.isWord && cueHashes.contains(t.hash) { return true }
            k += 1
        }
        return false
    }
}
