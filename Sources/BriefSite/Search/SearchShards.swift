import BriefModel

/// The search index as many small scripts under `assets/search/`, so that a query loads a few of them
/// instead of the whole index, and search works offline and from `file://` (scripts load there; `fetch`
/// does not). `assets/search.js` reads them.
///
/// - `index.js`: the number of stories, the first term of each term file, the names of all files.
/// - `t/<hash>.js`: a run of terms in byte order, each with the stories that hold it, oldest first, as
///   gaps between story numbers with two flags (the term is in the heading; in a company's name), in a
///   compact base-32 code (`SearchShards.code`).
/// - `d/<hash>.js`: `storiesPerFile` stories as results show them: heading, address, date, briefing,
///   first sentence, companies.
///
/// Stories are numbered from the oldest, and files are named by their content and cut where a term's
/// hash says, so a new or edited story changes a few files, not all of them.
package enum SearchShards {
    static let folder = "assets/search/"
    static let storiesPerFile = 32
    /// A term file ends before a term whose hash says so once it has `minimumBytes`, and always at `maximumBytes`.
    static let minimumBytes = 16 * 1024
    static let maximumBytes = 64 * 1024

    /// Whether a file of the site belongs to the search index (the theme's `assets/search.js` does not).
    package static func owns(_ path: String) -> Bool {
        path.hasPrefix(folder)
    }

    /// Every file of the index by its path.
    package static func files(_ model: SiteModel) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let terms = termFiles(Postings.build(model))
        let documents = documentFiles(model)
        for file in terms + documents { files[folder + file.name + ".js"] = file.bytes }
        var manifest = Array("{\"stories\":\(model.stories.count),\"perFile\":\(storiesPerFile),\"terms\":[".utf8)
        for (i, file) in terms.enumerated() {
            if i > 0 { manifest.append(UInt8(ascii: ",")) }
            Escaping.appendJSON(String(decoding: file.first, as: UTF8.self), to: &manifest)
        }
        manifest += "],\"termFiles\":[".utf8
        appendNames(terms, to: &manifest)
        manifest += "],\"storyFiles\":[".utf8
        appendNames(documents, to: &manifest)
        manifest += "]}".utf8
        files[folder + "index.js"] = script("index", manifest)
        return files
    }

    struct File {
        var name: String
        /// For a term file, its first term.
        var first: [UInt8] = []
        var bytes: [UInt8]
    }

    /// The term entries cut into files.
    static func termFiles(_ entries: [Postings.Entry]) -> [File] {
        let encoded = Parallel.map((entries.count + 1023) / 1024) { part -> [[UInt8]] in
            entries[(part * 1024)..<min(entries.count, (part + 1) * 1024)].map(entry)
        }.joined()
        var files: [File] = []
        var payload: [UInt8] = []
        var first: [UInt8] = []
        func finish() {
            guard !payload.isEmpty else { return }
            payload[0] = UInt8(ascii: "{")
            payload.append(UInt8(ascii: "}"))
            files.append(named("t", payload, first: files.isEmpty ? [] : first))
            payload.removeAll(keepingCapacity: true)
        }
        for (entry, bytes) in zip(entries, encoded) {
            let hash = StableHash.value(bytes: entry.term)
            if payload.count >= maximumBytes || (payload.count >= minimumBytes && (hash >> 20) & 7 == 0) { finish() }
            if payload.isEmpty { first = entry.term }
            payload.append(UInt8(ascii: ","))
            payload += bytes
        }
        finish()
        if files.isEmpty { files.append(named("t", Array("{}".utf8), first: [])) }
        return files
    }

    /// `"term":"code"`
    private static func entry(_ entry: Postings.Entry) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entry.term.count + entry.documents.count * 2 + 6)
        Escaping.appendJSON(String(decoding: entry.term, as: UTF8.self), to: &out)
        out += ":\"".utf8
        var previous: UInt32 = 0
        for (i, value) in entry.documents.enumerated() {
            let document = value >> 2
            code((i == 0 ? document : document - previous) << 2 | value & 3, to: &out)
            previous = document
        }
        out.append(0x22)
        return out
    }

    /// Terminal digits (the last five bits of a number) and continuation digits (five more bits each, first).
    static let terminal = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let continuation = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$%".utf8)

    /// A number in base 32, most significant digit first, the last one from `terminal`.
    static func code(_ value: UInt32, to out: inout [UInt8]) {
        var digits = 1
        while digits < 7, value >> (5 * digits) != 0 { digits += 1 }
        for k in stride(from: digits - 1, to: 0, by: -1) { out.append(continuation[Int(value >> (5 * k) & 31)]) }
        out.append(terminal[Int(value & 31)])
    }

    /// The stories as results show them, `storiesPerFile` to a file, oldest first.
    static func documentFiles(_ model: SiteModel) -> [File] {
        let count = model.stories.count
        return Parallel.map((count + storiesPerFile - 1) / storiesPerFile) { part -> File in
            var payload = Array("[".utf8)
            for document in (part * storiesPerFile)..<min(count, (part + 1) * storiesPerFile) {
                if document > part * storiesPerFile { payload.append(UInt8(ascii: ",")) }
                appendDocument(model, count - 1 - document, to: &payload)
            }
            payload.append(UInt8(ascii: "]"))
            return named("d", payload)
        }
    }

    /// `[heading, url, iso date, date as pages show it, briefing, first sentence, companies]`
    private static func appendDocument(_ model: SiteModel, _ i: Int, to out: inout [UInt8]) {
        let story = model.stories[i]
        let fields = [
            story.heading, SitePaths.story(story.slug), story.date?.isoDay ?? "",
            story.date.map(DisplayDate.text) ?? "", model.briefings[story.briefing].title, story.summary,
            story.companies.map(\.name).joined(separator: ", "),
        ]
        out.append(UInt8(ascii: "["))
        for (k, field) in fields.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            Escaping.appendJSON(field, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A file named by its content, which it hands to `briefSearch.add` with that name.
    private static func named(_ kind: String, _ payload: [UInt8], first: [UInt8] = []) -> File {
        let name = kind + "/" + String(ContentHash.of(payload), radix: 16).leftPadded(16).prefix(12)
        return File(name: name, first: first, bytes: script(name, payload))
    }

    private static func script(_ name: String, _ payload: [UInt8]) -> [UInt8] {
        Array("briefSearch.add(\"\(name)\",".utf8) + payload + Array(");\n".utf8)
    }

    private static func appendNames(_ files: [File], to out: inout [UInt8]) {
        for (i, file) in files.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += "\"\(file.name)\"".utf8
        }
    }
}
