// BriefCompanies: the company taxonomy — the gazetteer (built-in, and a site's companies.yml), the tagger
// that finds companies in a story's text, and the finder of names that look like unknown companies.
// Depends on BriefModel, BriefBuiltIn (the built-in gazetteer) and Yams (to read it); nothing of sources,
// sites or output.

import BriefModel

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
    /// Nodes that end a spelling: the company's index (-1 for a phrase that is never a company), and
    /// whether the spelling is one ordinary word that needs evidence ("Apple", but not "Apple Inc.").
    private let terminals: [Int32: (company: Int32, ambiguous: Bool)]
    private let cueHashes: Set<UInt64>

    /// Words that show a name is used as a company ("Apple's shares", "Shell said").
    static let businessCues: [String] = [
        "Inc", "Corp", "Corporation", "Co", "Ltd", "LLC", "PLC", "plc", "AG", "SA", "NV", "SE", "GmbH", "Group",
        "Holdings",
        "shares", "share", "stock", "stocks", "investors", "investor", "shareholders", "CEO", "CFO", "CTO", "chief",
        "executive", "executives", "company", "companies", "firm", "startup", "maker", "makers", "brand", "revenue",
        "revenues", "earnings", "profit", "profits", "sales", "quarter", "quarterly", "announced", "said", "says",
        "reported", "reports", "launched", "launches", "unveiled", "unveils", "acquired", "acquire", "acquisition",
        "deal", "partnership", "partnered", "customers", "valuation", "billion", "million", "rivals", "rival",
        "competitor", "competitors", "Nasdaq", "NYSE", "subsidiary", "headquarters", "founder", "founded", "IPO",
        "giant", "tech", "employees", "layoffs", "invest", "invested", "investment", "market", "products", "product",
        "devices", "iPhone", "iPhones", "platform", "stake", "contract", "supplier", "suppliers", "chips", "factory",
        "declined", "comment", "statement", "spokesperson", "spokesman", "spokeswoman", "confirmed", "denied", "plans",
        "agreed", "filed", "sued", "lawsuit", "hired", "hiring", "ships", "shipped", "expects", "posted", "told",
        "warned", "respond", "responded", "report", "reportedly", "announcement", "merger", "buyout", "shareholder",
        "analysts", "regulators", "antitrust", "dividend", "guidance", "outlook", "forecast", "unit", "division",
        "retailer", "automaker", "carmaker", "chipmaker", "bank", "lender", "insurer", "airline", "operator", "owner",
    ]

    /// Builds the trie from every spelling in the gazetteer; build one per gazetteer and share it across sources.
    public init(gazetteer: Gazetteer) {
        var edges: [UInt64: Int32] = [:]
        var terminals: [Int32: (company: Int32, ambiguous: Bool)] = [:]
        var nodeCount: Int32 = 1

        func insert(_ spelling: String, value: Int32, ambiguous: Bool = false) {
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
            // A never-phrase wins over a company's spelling that is the same text.
            if terminals[node] == nil || value == -1 { terminals[node] = (value, ambiguous && tokens.count == 1) }
        }

        for (index, company) in gazetteer.companies.enumerated() {
            for spelling in company.spellings { insert(spelling, value: Int32(index), ambiguous: company.ambiguous) }
        }
        for phrase in gazetteer.neverPhrases { insert(phrase, value: -1) }
        self.companies = gazetteer.companies
        self.edges = edges
        self.terminals = terminals
        self.cueHashes = Set(
            Self.businessCues.flatMap { [$0, $0.lowercased()] }.map { StableHash.value(bytes: $0.utf8) })
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
        /// Which sentence of the story the mention is in, to let a sure mention vouch for a doubtful one.
        var sentence: Int
        /// The spelling matched is an ordinary word.
        var ambiguous: Bool
    }

    /// The companies a story mentions, those its heading names first, then the most mentioned
    /// (`CompanyMention.subjectFirst`).
    public func tag(heading: String, paragraphs: [String]) -> [CompanyMention] {
        var hits: [Hit] = []
        var offset = 0
        var sentence = 0
        for (index, text) in ([heading] + paragraphs).enumerated() {
            scan(text, isHeading: index == 0, offset: offset, sentence: &sentence, into: &hits)
            offset += text.utf8.count + 1
            sentence += 1
        }
        return CompanyMention.subjectFirst(
            Self.summarize(hits, companies: companies), headingLength: heading.utf8.count)
    }

    private static func summarize(_ hits: [Hit], companies: [Company]) -> [CompanyMention] {
        var evidenced = Set<Int>()
        for hit in hits where hit.evidence { evidenced.insert(hit.company) }
        // "Meta declined to comment, while NextEra Energy…": a sure company in the same sentence vouches for a doubtful one.
        let sureSentences = Set(hits.filter { $0.evidence && !$0.ambiguous }.map(\.sentence))
        for hit in hits where !hit.evidence && sureSentences.contains(hit.sentence) { evidenced.insert(hit.company) }
        var byCompany: [Int: CompanyMention] = [:]
        for hit in hits where evidenced.contains(hit.company) {
            let company = companies[hit.company]
            byCompany[
                hit.company,
                default: CompanyMention(
                    slug: company.slug, name: company.name, mentions: 0, firstPosition: hit.position)
            ]
            .mentions += 1
        }
        return Array(byCompany.values)
    }

    private func scan(_ text: String, isHeading: Bool, offset: Int, sentence: inout Int, into hits: inout [Hit]) {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(bytes)
        let hidden = Self.urlTokens(tokens, bytes)
        var i = 0
        var sentenceEnd = -1
        while i < tokens.count {
            let token = tokens[i]
            // Sentences are counted at ". " "! " "? ", which is close enough for grouping mentions.
            if i > sentenceEnd {
                var k = i
                while k < tokens.count,
                    tokens[k].isWord
                        || !(".!?".utf8.contains(tokens[k].first)
                            && (k + 1 == tokens.count || tokens[k + 1].spaceBefore))
                { k += 1 }
                if sentenceEnd >= 0 { sentence += 1 }
                sentenceEnd = k
            }
            guard token.isWord, token.isCapitalized || token.isMixedCase, !hidden.contains(i) else {
                i += 1
                continue
            }
            var node: Int32 = 0
            var best: (terminal: (company: Int32, ambiguous: Bool), end: Int)?
            var j = i
            while j < tokens.count, let next = edges[Self.edgeKey(node, tokens[j], first: j == i)] {
                node = next
                j += 1
                if let terminal = terminals[node] { best = (terminal, j) }
            }
            guard let (terminal, end) = best else {
                i += 1
                continue
            }
            defer { i = end }
            guard terminal.company >= 0, !Self.isInsideLargerWord(tokens, i, end) else { continue }
            var evidence = true
            if terminal.ambiguous {
                if Self.followsName(tokens, i, bytes) || Self.isHyphenCompound(tokens, end) { continue }
                let startOfSentence = Self.isSentenceStart(tokens, i)
                evidence = (!isHeading && !startOfSentence) || hasCue(tokens, around: i, end: end, bytes: bytes)
            }
            hits.append(
                Hit(
                    company: Int(terminal.company), position: offset + token.start, evidence: evidence,
                    sentence: sentence, ambiguous: terminal.ambiguous))
        }
    }

    /// Tokens that belong to URLs, e-mail addresses and handles, where names do not count.
    private static func urlTokens(_ tokens: [Tokenizer.Token], _ bytes: [UInt8]) -> Set<Int> {
        guard
            bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "@")) || bytes.contains(UInt8(ascii: "."))
        else { return [] }
        var hidden = Set<Int>()
        var runStart = 0
        for i in 0...tokens.count {
            guard i == tokens.count || (i > runStart && tokens[i].spaceBefore) else { continue }
            // tokens[runStart..<i] are written without spaces between them.
            let run = tokens[runStart..<i]
            if run.count > 1 {
                let start = run.first!.start
                let end = run.last!.end
                let text = bytes[start..<end]
                let isURL =
                    text.starts(with: Array("http".utf8)) && text.contains(UInt8(ascii: ":"))
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
            tokens[end + 1].isWord, !tokens[end + 1].spaceBefore, !tokens[end + 1].isCapitalized
        {
            return true
        }
        if start >= 2, !tokens[start].spaceBefore, tokens[start - 1].first == UInt8(ascii: "."),
            !tokens[start - 1].spaceBefore,
            tokens[start - 2].isWord
        {
            return true
        }
        return false
    }

    /// "Harrison Ford", "Michael Dell": an ordinary-word name right after a capitalised word is a person's name.
    private static func followsName(_ tokens: [Tokenizer.Token], _ start: Int, _ bytes: [UInt8]) -> Bool {
        guard start >= 1, tokens[start].spaceBefore else { return false }
        let previous = tokens[start - 1]
        guard previous.isWord, previous.isCapitalized, previous.end - previous.start > 1 else { return false }
        let word = bytes[previous.start..<previous.end]
        if FirstNames.all.contains(String(decoding: word, as: UTF8.self)) { return true }
        if isSentenceStart(tokens, start - 1) {
            // "Rivals Apple and Google…": a sentence's first word is capitalised anyway; only a first name counts.
            return false
        }
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
            bytes[tokens[k + 1].start] == UInt8(ascii: "s"), tokens[k + 1].end - tokens[k + 1].start == 1
        {
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
