import Foundation

/// Recognizes, by their form, the lines that pages and tools put around the text itself:
/// navigation, share bars, bylines and meta lines, counters, captions and credits, ads,
/// newsletter and cookie boxes, footers, and the preambles and sign-offs of chatbots.
///
/// Only whole, short lines are judged, so a real sentence that happens to start with
/// "Subscribe" or mention cookies stays. Judgements that need the neighbouring lines
/// (a comment section, a credit under a caption, a preamble at the top) are in `ChromeContext`.
enum Chrome: String, Sendable {
    case navigation, share, byline, meta, counter, caption, advertisement, prompt, footer, preamble, signOff, link,
        comments

    /// The longest line judged as chrome, in bytes (only a cookie notice is longer than a short line).
    static let maxLength = 400
    /// The longest line judged by its words alone, in bytes.
    static let maxShortLength = 160
    /// The most words of a chrome line (a promotion's pitch, a newsletter box).
    static let maxWords = 45

    /// What kind of chrome the line is, or nil when it is text.
    static func kind(of line: String) -> Chrome? {
        let length = line.utf8.count
        guard length <= maxLength else { return nil }
        if length > maxShortLength { return longLineKind(line) }
        let words = TextRules.wordCount(line)
        guard words <= maxWords else { return nil }
        var lower = line.lowercased()
        while let last = lower.last, ".:!|-–—>»›".contains(last) || last == " " { lower.removeLast() }
        if lower.hasPrefix("[") && lower.hasSuffix("]") || lower.hasPrefix("(") && lower.hasSuffix(")") {
            let inner = lower.dropFirst().dropLast()
            if TextRules.wordCount(inner) <= 4 && !inner.contains("...") && !inner.contains("…")
                && !inner.contains("](")
            {
                return .meta
            }
        }
        if let kind = ChromePhrases.wholeLines[lower] { return kind }
        if let kind = ChromePhrases.kind(ofStart: lower) { return kind }
        if isCookieNotice(lower) { return .prompt }
        let hasDigit = length <= MetaLines.maxLength && line.containsByte { $0 >= 0x30 && $0 <= 0x39 }
        if isReadingTime(lower) || hasDigit && (MetaLines.isDateLine(line) || MetaLines.isCounter(lower))
            || words <= 4 && MetaLines.isRelativeAge(lower)
        {
            return .meta
        }
        if MetaLines.isByline(line) { return .byline }
        if isNavigation(line) { return .navigation }
        if isShareBar(lower) { return .share }
        if isCaptionCredit(line) { return .caption }
        if MetaLines.isLabelledMeta(line) || length <= MetaLines.maxLength && MetaLines.isPagePosition(line) {
            return .meta
        }
        if lower.hasSuffix(" logo") && words <= 4 { return .caption }
        return nil
    }

    /// A long line is chrome only as a caption, a cookie notice, or a promotion or footer by its start.
    private static func longLineKind(_ line: String) -> Chrome? {
        if isCaptionCredit(line) { return .caption }
        if line.containsBytes("ookie") && isCookieNotice(line.lowercased()) { return .prompt }
        guard ChromePhrases.mayStart(line), TextRules.wordCount(line) <= maxWords,
            let kind = ChromePhrases.kind(ofStart: line.prefix(40).lowercased())
        else {
            return nil
        }
        return [.prompt, .advertisement, .footer].contains(kind) ? kind : nil
    }

    private static func isCookieNotice(_ lower: String) -> Bool {
        guard lower.containsBytes("cookie") else { return false }
        return [
            "we use", "accept cookies", "accept all", "consent", "privacy", "this site uses", "this website uses",
            "you agree", "cookie policy", "cookie settings",
        ].contains { lower.containsBytes($0) }
    }

    /// "5 min read", "3 minute read", "reading time: 4 minutes", "estimated read time: 1:20"
    private static func isReadingTime(_ lower: String) -> Bool {
        if lower.hasPrefix("reading time") || lower.hasPrefix("estimated read") || lower.hasPrefix("read time") {
            return true
        }
        guard lower.hasSuffix(" read") else { return false }
        let words = lower.split(separator: " ")
        guard words.count == 3, words[0].allSatisfy(\.isNumber), words[2] == "read" else { return false }
        return ["min", "mins", "minute", "minutes"].contains(words[1])
    }

    /// "Home | Tech | Markets | Subscribe", "News › Tech › AI": three or more short items
    /// joined by the same separator, none of them a sentence.
    static func isNavigation(_ line: String) -> Bool {
        // "|", ">", "/", or the first byte of "·", "»" (0xC2), "›", "•" (0xE2).
        guard line.containsByte(where: { $0 == 0x7C || $0 == 0x3E || $0 == 0x2F || $0 == 0xC2 || $0 == 0xE2 }) else {
            return false
        }
        for separator in [" | ", " · ", " › ", " » ", " > ", " / ", " • "] where line.contains(separator) {
            let items = line.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            guard items.count >= 3 else { continue }
            let short = items.allSatisfy { item in
                !item.isEmpty && item.utf8.count <= 30 && TextRules.wordCount(item) <= 3
                    && !TextRules.endsSentence(item)
            }
            if short { return true }
        }
        return false
    }

    /// "Share this article: Twitter Facebook LinkedIn", "Share on X · Email": a share verb
    /// followed only by the names of networks, or nothing but network names.
    static func isShareBar(_ lower: String) -> Bool {
        let firstWord = lower.prefix { $0 != " " && $0 != ":" }
        guard ["share", "tweet", "follow"].contains(firstWord) || ChromePhrases.networks.contains(String(firstWord))
        else { return false }
        var rest = Substring(lower)
        var hadVerb = false
        for verb in [
            "share this article", "share this story", "share this post", "share this", "share on", "share via",
            "share", "tweet", "follow us on", "follow us", "follow",
        ] where rest.hasPrefix(verb) {
            rest = rest.dropFirst(verb.count)
            hadVerb = true
            break
        }
        let names = rest.split { " :,|·•/".contains($0) }
        guard !names.isEmpty || hadVerb else { return false }
        var count = 0
        var i = names.startIndex
        while i < names.endIndex {
            if i + 1 < names.endIndex, ChromePhrases.networks.contains(names[i] + " " + names[i + 1]) {
                count += 1
                i += 2
                continue
            }
            guard ChromePhrases.networks.contains(String(names[i])) else { return false }
            count += 1
            i += 1
        }
        return hadVerb ? true : count >= 2
    }

    /// A photo caption that ends with its credit ("… (AP Photo/Matt Rourke,File)"), or a credit line.
    static func isCaptionCredit(_ line: String) -> Bool {
        guard
            line.utf8.last == UInt8(ascii: ")") && line.hasSuffix(")") || line.containsBytes("Credit")
                || line.containsBytes("credit")
        else { return false }
        let lower = line.lowercased()
        for mark in [
            "(ap photo", "(photo:", "(photo by", "(getty", "(reuters/", "(afp", "(image:", "(credit:", "(courtesy",
            "image credits:", "image credit:", "photo credit:", "photo credits:",
        ] where lower.contains(mark) {
            return true
        }
        return false
    }
}

/// Lines about the text rather than of it: dates, counters, bylines, `Label: value` meta.
enum MetaLines {
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    ]
    /// The longest date, counter or page line, in bytes.
    static let maxLength = 80

    static let weekdays = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    /// "December 18, 2024", "2024-12-18", "01/16/2002", "Mon, 5 Jan 2024 10:00 AM", "TLDR 2018-10-22":
    /// a short line whose words are all parts of a date or time (one other word allowed when it has a year).
    static func isDateLine(_ line: String) -> Bool {
        guard !line.hasSuffix(":") else { return false }
        let words = line.lowercased().split { $0 == " " || $0 == "," || $0 == "|" || $0 == "·" || $0 == "•" }
            .map { String($0.trimmingPunctuation) }
        guard (1...9).contains(words.count) else { return false }
        var dateWords = 0
        var hasFullDate = false
        var hasYear = false
        var hasMonth = false
        var others = 0
        for word in words where !word.isEmpty {
            if isISODate(word) || isSlashDate(word) {
                hasFullDate = true
            } else if isYearLike(word) {
                hasYear = true
            } else if months.contains(word) {
                hasMonth = true
            } else if !(weekdays.contains(word) || isDayNumber(word) || isClock(word) || timeWords.contains(word)) {
                others += 1
                continue
            }
            dateWords += 1
        }
        // "TLDR 2018-10-22", "Harborwire · December 18, 2024" (a whole date and a word);
        // "Mon, 5 Jan 2024 10:00 AM", "Thursday, December 5" (nothing else).
        return (hasFullDate || hasYear && hasMonth) && others <= 1
            || (hasYear || hasMonth) && others == 0 && dateWords >= 2
    }

    /// "3 days ago", "5 hours ago", "last month", "yesterday": how old a post or video is.
    static func isRelativeAge(_ lower: String) -> Bool {
        let words = lower.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        if words.count == 1 { return ["yesterday", "today", "just now"].contains(String(words[0])) }
        let units = ["second", "minute", "hour", "day", "week", "month", "year", "sec", "min", "hr", "wk", "mo", "yr"]
        let amount = words[0]
        guard amount.allSatisfy(\.isNumber) || ["a", "an", "last", "one", "two", "few"].contains(String(amount)) else {
            return false
        }
        let unit = words[1].hasSuffix("s") && words[1].count > 3 ? words[1].dropLast() : words[1]
        guard units.contains(String(unit)) else { return false }
        if words.count == 2 { return amount == "last" }
        return words.count == 3 && words[2] == "ago"
    }

    static let timeWords: Set<String> = [
        "am", "pm", "a.m", "p.m", "at", "on", "updated", "published", "posted", "ago", "hours",
        "hour", "minutes", "days", "edt", "est", "pst", "pdt", "utc", "gmt", "et", "pt",
    ]

    /// "157 comments", "1,234 views", "17m 14s3,510 words492 segmentsEnglish": counters of the page,
    /// possibly glued together, with a word of something else at most.
    static func isCounter(_ lower: String) -> Bool {
        guard let first = lower.first, first.isNumber else { return false }
        var rest = Substring(lower)
        var otherLetters = 0
        while let start = rest.firstIndex(where: \.isNumber) {
            otherLetters += rest[..<start].filter(\.isLetter).count
            let afterNumber = rest[start...].drop { $0.isNumber || $0 == "," || $0 == "." }.drop { $0 == " " }
            let letters = afterNumber.prefix { $0.isLetter }
            guard let unit = counterUnit(atStartOf: letters) else { return false }
            rest = afterNumber.dropFirst(unit.count)
        }
        otherLetters += rest.filter(\.isLetter).count
        return otherLetters <= maxOtherLetters
    }

    /// Letters a counter line may hold beyond its counters ("English" after "492 segments").
    static let maxOtherLetters = 12

    static let counterUnits = [
        "comments", "comment", "views", "view", "likes", "like", "shares", "replies", "reply",
        "reposts", "retweets", "followers", "subscribers", "words", "segments", "reactions", "min",
    ]

    /// The unit that starts `letters`: a word unit, or one of "h", "m", "s" standing alone.
    private static func counterUnit(atStartOf letters: Substring) -> String? {
        if let unit = counterUnits.first(where: { letters.hasPrefix($0) }) { return unit }
        if letters.count == 1, let letter = letters.first, "hms".contains(letter) { return String(letter) }
        return nil
    }

    /// "By Jane Doe", "By Jane Doe and John Roe", "Written by Jane Doe": a short line of capitalised names.
    static func isByline(_ line: String) -> Bool {
        var rest = Substring(line)
        if rest.hasPrefix("By ") {
            rest = rest.dropFirst(3)
        } else if rest.hasPrefix("Written by ") || rest.hasPrefix("Posted by ") {
            rest = rest.drop { $0 != " " }.dropFirst().drop { $0 != " " }.dropFirst()
        } else {
            return false
        }
        let names = rest.split(separator: " ")
        guard (1...7).contains(names.count), !TextRules.endsSentence(line) || line.hasSuffix(".") && names.count <= 3
        else { return false }
        return names.allSatisfy { word in
            word == "and" || word == "&" || word == "|" || word.first?.isUppercase == true
                || word.first?.isNumber == true
        } && names.contains { $0.first?.isUppercase == true }
    }

    /// Labels whose value is about the text, not part of it ("Source: …", "Date: …", "Model: gpt-4o").
    static let metaLabels: Set<String> = [
        "source", "sources", "url", "url source", "link", "original link", "date", "published", "published time",
        "published on", "updated", "last updated", "model", "author", "authors", "by", "posted", "posted by",
        "markdown content", "podcast link", "tags", "tag", "category", "categories", "filed under", "read time",
        "reading time", "estimated read time", "duration", "length", "runtime", "views", "channel", "credit", "credits",
    ]

    /// `Source: https://…`, `**Date:** November 24, 2025`, `*Model: gpt-4o*`, `Markdown Content:`:
    /// a meta label and a short value (or none).
    static func isLabelledMeta(_ line: String) -> Bool {
        guard Bytes.contains(UInt8(ascii: ":"), inFirst: 48, of: line) else { return false }
        let plain = InlineMarkdown.plainText(line)
        guard let colon = plain.firstIndex(of: ":") else { return false }
        let label = plain[..<colon].trimmingSpaces.lowercased()
        let value = String(plain[plain.index(after: colon)...].trimmingSpaces)
        // "… Podcast Link: https://…": a link labelled as one.
        if let last = label.split(separator: " ").last, ["link", "url"].contains(last), TextRules.wordCount(label) <= 6,
            TextRules.containsURL(value), TextRules.wordCount(value) == 1
        {
            return true
        }
        guard metaLabels.contains(label) else { return false }
        return TextRules.wordCount(value) <= 8 || TextRules.containsURL(value) && TextRules.wordCount(value) <= 2
    }

    private static func isYearLike(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isNumber) && (word.hasPrefix("19") || word.hasPrefix("20"))
    }

    private static func isISODate(_ word: String) -> Bool {
        let parts = word.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
            || word.count > 10 && word.dropFirst(10).first == "t" && isISODate(String(word.prefix(10)))
    }

    /// "Page 6, Column 1", "Business Desk; Section C": where a print article appeared.
    static func isPagePosition(_ line: String) -> Bool {
        guard ["Page", "Section", "Column", "Col.", "Vol.", "Edition"].contains(where: { line.containsBytes($0) })
        else { return false }
        let words = line.split { " ,;".contains($0) }
        guard words.count <= 6 else { return false }
        return words.indices.dropLast().contains { i in
            ["Page", "Section", "Column", "Col.", "Vol.", "Edition"].contains(String(words[i]))
                && (words[i + 1].allSatisfy(\.isNumber) || words[i + 1].count == 1 && words[i + 1].first!.isUppercase)
        }
    }

    /// "01/16/2002", "16/01/02".
    private static func isSlashDate(_ word: String) -> Bool {
        let parts = word.split(separator: "/")
        return parts.count == 3 && parts.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(\.isNumber) }
    }

    private static func isDayNumber(_ word: String) -> Bool {
        let digits = word.prefix { $0.isNumber }
        return (1...2).contains(digits.count)
            && ["", "st", "nd", "rd", "th"].contains(String(word.dropFirst(digits.count)))
    }

    private static func isClock(_ word: String) -> Bool {
        Timestamps.timeCodeEnd(Substring(word)) != nil
    }
}

extension Substring {
    /// Without spaces at either end.
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }

    /// Without punctuation at either end ("(2024)," → "2024").
    var trimmingPunctuation: Substring {
        var s = self
        while let first = s.first, first.isPunctuation { s = s.dropFirst() }
        while let last = s.last, last.isPunctuation { s = s.dropLast() }
        return s
    }
}
