/// The words of page chrome: whole lines and line starts that buttons, boxes and menus use on
/// pages in general (never the wording of one site), and the names of social networks for share bars.
enum ChromePhrases {
    /// Lines that are chrome when they are the whole line (lower case, end punctuation removed).
    static let wholeLines: [String: Chrome] = {
        var lines: [String: Chrome] = [:]
        for line in [
            "advertisement", "advertisment", "ad", "ads", "sponsored", "sponsored content", "promoted",
            "paid content", "paid post", "partner content", "story continues below advertisement",
            "advertisement - scroll to continue", "scroll to continue", "scroll to continue with content",
            "this is sponsored content", "sponsored post",
        ] {
            lines[line] = .advertisement
        }
        for line in [
            "share", "share this", "share this article", "share this story", "share this post", "share this page",
            "share article", "tweet", "email", "print", "copy link", "link copied", "copied", "save", "save article",
            "gift this article",
        ] {
            lines[line] = .share
        }
        for line in [
            "subscribe", "subscribe now", "subscribe today", "sign in", "sign up", "log in", "login", "register",
            "newsletter", "follow", "follow us", "please enable javascript", "javascript is disabled", "accept",
            "accept all", "accept cookies", "reject all", "manage preferences", "cookie settings", "got it", "ok",
            "view comments", "comments", "leave a comment", "join the conversation", "join the discussion",
            "post a comment", "add a comment", "write a comment",
        ] {
            lines[line] = .prompt
        }
        for line in [
            "read more", "read more below", "continue reading", "keep reading", "show more", "see more", "load more",
            "related", "related articles", "related stories", "related content", "related posts", "related coverage",
            "recommended", "recommended for you", "recommended stories", "you may also like", "more for you",
            "most popular", "most read", "trending", "trending now", "editor's picks", "editors' picks",
            "skip to content", "skip to main content", "skip to navigation", "menu", "close", "search", "back to top",
            "loading", "home", "now playing", "up next", "next", "previous", "×", "✕", "watch", "watch now",
            "watch video", "play video", "listen", "listen to this article", "listen to this story",
        ] {
            lines[line] = .navigation
        }
        for line in [
            "video", "image", "photo", "getty images", "ap photo", "enlarge this image", "toggle caption",
            "hide caption", "caption", "transcript", "video transcript", "full transcript", "transcriptenglish",
            "music", "[music]", "applause", "laughter", "inaudible",
        ] {
            lines[line] = .meta
        }
        return lines
    }()

    /// Starts of short lines that are chrome.
    static let starts: [(String, Chrome)] = [
        ("read more:", .link), ("read more at", .link), ("read more about", .link), ("read more from", .link),
        ("read more>", .link), ("read more »", .link), ("related:", .link), ("see also:", .link), ("also read:", .link),
        ("read also:", .link), ("read next:", .link), ("recommended:", .link), ("more:", .link), ("watch:", .link),
        ("listen:", .link), ("click here", .link), ("tap here", .link),
        ("sign up for", .prompt), ("sign up to", .prompt), ("sign up here", .prompt), ("subscribe to", .prompt),
        ("subscribe for", .prompt), ("follow us on", .prompt), ("follow me on", .prompt), ("like us on", .prompt),
        ("get the latest", .prompt), ("don't miss", .prompt), ("download the app", .prompt), ("open in app", .prompt),
        ("thanks for reading", .signOff), ("to receive sms alerts", .prompt), ("text “", .prompt),
        ("for more information, please visit", .prompt), ("for more information, visit", .prompt),
        ("plus:", .preamble), ("also inside:", .preamble), ("in this issue:", .preamble),
        ("in today's issue", .preamble),
        ("c. 19", .footer), ("c. 20", .footer),
        ("image:", .caption), ("image credit", .caption), ("image source", .caption), ("photo:", .caption),
        ("photo credit", .caption), ("photo by", .caption), ("photograph:", .caption), ("credit:", .caption),
        ("picture:", .caption), ("illustration:", .caption),
        ("copyright ©", .footer), ("copyright (c)", .footer), ("©", .footer), ("(c) 20", .footer),
        ("all rights reserved", .footer), ("terms of use", .footer), ("terms of service", .footer),
        ("privacy policy", .footer), ("please see full terms", .footer),
        ("this article was originally published", .meta), ("this story was originally published", .meta),
        ("originally published", .meta), ("updated:", .meta), ("updated on", .meta), ("published:", .meta),
        ("published on", .meta), ("posted:", .meta), ("posted on", .meta), ("last updated", .meta),
        ("this post may contain affiliate links", .advertisement), ("we may earn a commission", .advertisement),
        ("sponsored by", .advertisement), ("presented by", .advertisement), ("*this is sponsored", .advertisement),
        ("this is sponsored", .advertisement),
    ]

    /// The starts, by their first byte, so that a line is compared with a few of them only.
    private static let startsByFirstByte: [UInt8: [([UInt8], Chrome)]] =
        Dictionary(grouping: starts.map { (Array($0.0.utf8), $0.1) }) { $0.0[0] }

    /// Whether a line (in any case) may start like one of the starts: false when its first byte, as
    /// ASCII in lower case, starts none of them. A first character beyond ASCII is left to `kind(ofStart:)`.
    static func mayStart(_ line: String) -> Bool {
        guard let first = line.utf8.first else { return false }
        guard first < 0x80 else { return true }
        return startsByFirstByte[first >= 0x41 && first <= 0x5A ? first | 0x20 : first] != nil
    }

    /// The kind of chrome whose start `lower` has.
    static func kind(ofStart lower: String) -> Chrome? {
        guard let first = lower.utf8.first, let candidates = startsByFirstByte[first] else { return nil }
        return candidates.first { lower.utf8.starts(with: $0.0) }?.1
    }

    /// Networks a share bar names (lower case).
    static let networks: Set<String> = [
        "twitter", "x", "facebook", "linkedin", "whatsapp", "reddit", "email", "e-mail", "mail", "pinterest",
        "telegram", "threads", "bluesky", "mastodon", "print", "copy link", "copy", "link", "tumblr", "flipboard",
        "pocket", "messenger", "sms", "hacker news", "y combinator",
    ]
}
