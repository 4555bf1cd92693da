import BriefCompanies
import BriefModel
import BriefStories

/// The cache's form of a processed source. The story drafts share their paragraphs with the
/// document's sections, so those are stored once; a paragraph's Markdown is stored only when
/// it differs from its text.
extension ProcessedSource {
    func encode(into w: inout BinaryWriter) {
        let d = document
        w.uint64(companiesKey)
        w.string(d.source)
        w.string(d.title)
        w.bool(d.hasOwnTitle)
        w.optional(d.date) { $0.date($1) }
        w.optional(d.metadata.slug) { $0.string($1) }
        w.bool(d.metadata.draft)
        w.optional(d.metadata.companies) { $0.array($1) { $0.string($1) } }
        w.optional(d.metadata.companiesLine) { $0.int($1) }
        w.array(untaggedCompanies) { $0.string($1) }
        w.bool(d.metadata.companiesOnly)
        w.optional(d.metadata.description) { $0.string($1) }
        w.array(d.diagnostics) { $0.diagnostic($1) }
        w.array(d.sections) { w, section in
            w.string(section.heading)
            w.bool(section.hasOwnHeading)
            w.int(section.line)
            w.array(section.paragraphs) { w, p in
                w.string(p.text)
                w.optional(p.markdown == p.text ? nil : p.markdown) { $0.string($1) }
                w.int(p.line)
                w.bool(p.isCut)
                w.int(p.kind.code)
            }
        }
        w.array(stories) { w, story in
            w.string(story.html)
            w.array(story.companies) { w, c in
                w.string(c.slug)
                w.string(c.name)
                w.int(c.mentions)
                w.int(c.firstPosition)
            }
            w.array(story.keyFigures) { w, f in
                w.string(f.value)
                w.string(f.unit)
            }
            w.string(story.summary)
            w.int(story.wordCount)
            w.uint64(story.hash)
            w.byteArray(story.search.text)
            w.byteArray(story.search.words)
        }
    }

    init(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let companiesKey = try r.uint64()
        let source = try r.string()
        let title = try r.string()
        let hasOwnTitle = try r.bool()
        let date = try r.optional { r throws(BinaryReader.Malformed) in try r.date() }
        var metadata = Document.Metadata()
        metadata.slug = try r.optional { r throws(BinaryReader.Malformed) in try r.string() }
        metadata.draft = try r.bool()
        metadata.companies = try r.optional { r throws(BinaryReader.Malformed) in
            try r.array { r throws(BinaryReader.Malformed) in try r.string() }
        }
        metadata.companiesLine = try r.optional { r throws(BinaryReader.Malformed) in try r.int() }
        let untaggedCompanies = try r.array { r throws(BinaryReader.Malformed) in try r.string() }
        metadata.companiesOnly = try r.bool()
        metadata.description = try r.optional { r throws(BinaryReader.Malformed) in try r.string() }
        let diagnostics = try r.array { r throws(BinaryReader.Malformed) in try r.diagnostic() }
        let sections = try r.array { r throws(BinaryReader.Malformed) -> Section in
            let heading = try r.string()
            let hasOwnHeading = try r.bool()
            let line = try r.int()
            let paragraphs = try r.array { r throws(BinaryReader.Malformed) -> Paragraph in
                let text = try r.string()
                let markdown = try r.optional { r throws(BinaryReader.Malformed) in try r.string() } ?? text
                return Paragraph(
                    text: text, markdown: markdown, line: try r.int(), isCut: try r.bool(),
                    kind: try Paragraph.Kind(code: r.int()))
            }
            return Section(heading: heading, hasOwnHeading: hasOwnHeading, line: line, paragraphs: paragraphs)
        }
        var index = 0
        let stories = try r.array { r throws(BinaryReader.Malformed) -> StoryDraft in
            guard index < sections.count else { throw BinaryReader.Malformed() }
            let section = sections[index]
            index += 1
            let html = try r.string()
            let companies = try r.array { r throws(BinaryReader.Malformed) in
                CompanyMention(
                    slug: try r.string(), name: try r.string(), mentions: try r.int(), firstPosition: try r.int())
            }
            let figures = try r.array { r throws(BinaryReader.Malformed) in
                KeyFigure(value: try r.string(), unit: try r.string())
            }
            var draft = StoryDraft(
                heading: section.heading, line: section.line, paragraphs: section.paragraphs, html: html,
                companies: companies, keyFigures: figures, summary: try r.string(), wordCount: try r.int())
            draft.hash = try r.uint64()
            draft.search = SearchText(text: try r.byteSlice(), words: try r.byteSlice())
            return draft
        }
        guard stories.count == sections.count else { throw BinaryReader.Malformed() }
        self.init(
            document: Document(
                source: source, title: title, hasOwnTitle: hasOwnTitle, date: date, sections: sections,
                metadata: metadata,
                diagnostics: diagnostics), stories: stories)
        self.companiesKey = companiesKey
        self.untaggedCompanies = untaggedCompanies
    }
}

extension BinaryWriter {
    mutating func diagnostic(_ diagnostic: Diagnostic) {
        bool(diagnostic.severity == .error)
        string(diagnostic.file)
        int(diagnostic.line)
        int(diagnostic.column)
        string(diagnostic.message)
    }

    mutating func date(_ date: ContentDate) {
        int(date.year)
        int(date.month)
        int(date.day)
        optional(date.secondsOfDay) { $0.int($1) }
        optional(date.utcOffset) { $0.int($1) }
    }
}

extension BinaryReader {
    mutating func diagnostic() throws(Malformed) -> Diagnostic {
        let severity: Diagnostic.Severity = try bool() ? .error : .warning
        var diagnostic = Diagnostic(severity, file: try string(), "")
        // As stored: a problem without a position keeps its line and column of 0, which the initializer would make 1.
        diagnostic.line = try int()
        diagnostic.column = try int()
        diagnostic.message = try string()
        return diagnostic
    }

    mutating func date() throws(Malformed) -> ContentDate {
        let year = try int()
        let month = try int()
        let day = try int()
        let seconds = try optional { r throws(Malformed) in try r.int() }
        let offset = try optional { r throws(Malformed) in try r.int() }
        guard let date = ContentDate(year: year, month: month, day: day, secondsOfDay: seconds, utcOffset: offset)
        else { throw Malformed() }
        return date
    }
}

extension Paragraph.Kind {
    /// The kind as one number: 0 text, 1 subhead, 2 quote, 3 + depth for a list item.
    var code: Int {
        switch self {
        case .text: 0
        case .subhead: 1
        case .quote: 2
        case .item(let depth): 3 + depth
        }
    }

    init(code: Int) throws(BinaryReader.Malformed) {
        switch code {
        case 0: self = .text
        case 1: self = .subhead
        case 2: self = .quote
        case 3...: self = .item(depth: code - 3)
        default: throw BinaryReader.Malformed()
        }
    }
}
