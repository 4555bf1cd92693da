import BriefModel
/// Recognizes the lines that scraped pages and transcripts carry around the article
/// itself: ads, share buttons, newsletter prompts, cookie notices, bylines, time codes.
///
/// Only whole, short lines are judged, so a real sentence that happens to start with
/// "Subscribe" or mention cookies stays.
enum Boilerplate {
    /// Lines that are boilerplate when they are the whole line (compared in lower case, end punctuation removed).
    static let wholeLines: Set<String> = [
        "advertisement", "advertisment", "ad", "ads", "sponsored", "sponsored content", "promoted", "paid content",
        "paid post", "partner content", "story continues below advertisement", "advertisement - scroll to continue",
        "scroll to continue", "scroll to continue with content", "subscribe", "subscribe now", "subscribe today",
        "share", "share this", "share this article", "share this story", "share this post", "share this page",
        "share on facebook", "share on twitter", "share on x", "share on linkedin", "share via email", "share article",
        "tweet", "email", "print", "copy link", "link copied", "copied", "save", "save article", "gift this article",
        "read more", "read more below", "continue reading", "keep reading", "show more", "see more", "load more",
        "related", "related articles", "related stories", "related content", "related posts", "related coverage",
        "recommended", "recommended for you", "recommended stories", "you may also like", "more for you",
        "most popular", "most read", "trending", "trending now", "top stories", "editor's picks", "editors' picks",
        "skip to content", "skip to main content", "skip to navigation", "menu", "close", "search", "log in", "login",
        "sign in", "sign up", "register", "back to top", "loading", "listen", "listen to this article",
        "listen to this story", "watch", "watch now", "watch video", "play video", "video", "image", "photo",
        "getty images", "ap photo", "enlarge this image", "toggle caption", "hide caption", "caption",
        "transcript", "video transcript", "full transcript", "music", "applause", "laughter", "inaudible",
        "please enable javascript", "javascript is disabled", "accept", "accept all", "accept cookies",
        "reject all", "manage preferences", "cookie settings", "got it", "ok", "view comments", "comments",
        "leave a comment", "join the conversation", "follow", "follow us", "newsletter",
    ]

    /// Starts of short lines that are boilerplate.
    static let prefixes: [String] = [
        "read more:", "read more at", "read more about", "read more from", "related:", "see also:", "also read:",
        "read also:", "read next:", "recommended:", "more:", "watch:", "listen:", "sign up for", "sign up to",
        "subscribe to", "subscribe for", "follow us on", "follow me on", "like us on", "click here", "tap here",
        "image:", "image credit", "image source", "photo:", "photo credit", "photo by", "photograph:", "credit:",
        "picture:", "illustration:", "copyright ©", "copyright (c)", "©", "(c) 20", "all rights reserved",
        "this article was originally published", "this story was originally published", "originally published",
        "updated:", "updated on", "published:", "published on", "posted:", "posted on", "last updated",
        "get the latest", "don't miss", "download the app", "open in app", "thanks for reading",
        "this post may contain affiliate links", "we may earn a commission",
    ]

    /// The prefixes as bytes, by their first byte, so that a line is compared with a few of them only.
    private static let prefixesByFirstByte: [UInt8: [[UInt8]]] = Dictionary(grouping: prefixes.map { Array($0.utf8) }) { $0[0] }

    static func isBoilerplate(_ line: String) -> Bool {
        let length = line.utf8.count
        guard length <= 400 else { return false }
        // Only a cookie notice is long; everything else here is a short line.
        if length > 160 { return line.containsBytes("kie") && isCookieNotice(line.lowercased()) }
        // Separator lines: "---", "* * *", "=====", "___".
        if line.utf8.allSatisfy({ "-*_=~#•· ".utf8.contains($0) }) { return true }
        let words = TextRules.wordCount(line)
        guard words <= 30 else { return false }
        var lower = line.lowercased()
        while let last = lower.last, ".:!|-–—>»›".contains(last) || last == " " { lower.removeLast() }
        if lower.hasPrefix("[") && lower.hasSuffix("]") || lower.hasPrefix("(") && lower.hasSuffix(")") {
            let inner = lower.dropFirst().dropLast()
            if TextRules.wordCount(inner) <= 4 && !inner.contains("...") && !inner.contains("…") { return true }
        }
        if wholeLines.contains(lower) { return true }
        if words <= 25, let first = lower.utf8.first, let candidates = prefixesByFirstByte[first],
           candidates.contains(where: { lower.utf8.starts(with: $0) }) {
            return true
        }
        if isCookieNotice(lower) || isReadingTime(lower) || isByline(line) { return true }
        return false
    }

    private static func isCookieNotice(_ lower: String) -> Bool {
        guard lower.containsBytes("cookie") else { return false }
        return ["we use", "accept", "consent", "privacy", "this site uses", "this website uses", "you agree"]
            .contains { lower.contains($0) }
    }

    /// "5 min read", "3 minute read", "reading time: 4 minutes"
    private static func isReadingTime(_ lower: String) -> Bool {
        if lower.hasPrefix("reading time") { return true }
        guard lower.hasSuffix(" read") else { return false }
        let words = lower.split(separator: " ")
        guard words.count == 3, words[0].allSatisfy(\.isNumber), words[2] == "read" else { return false }
        return ["min", "mins", "minute", "minutes"].contains(words[1])
    }

    /// "By Jane Doe", "By Jane Doe and John Roe": a short line of capitalised names after "By".
    private static func isByline(_ line: String) -> Bool {
        guard line.hasPrefix("By ") else { return false }
        let names = line.dropFirst(3).split(separator: " ")
        guard (1...7).contains(names.count), !TextRules.endsSentence(line) || line.hasSuffix(".") && names.count <= 3 else { return false }
        return names.allSatisfy { word in
            word == "and" || word == "&" || word.first?.isUppercase == true
        } && names.contains { $0.first?.isUppercase == true }
    }
}
