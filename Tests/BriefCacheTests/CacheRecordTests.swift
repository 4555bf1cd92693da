import BriefCompanies
import BriefModel
import BriefStories
import XCTest

@testable import BriefCache

/// The cache's record format is written field by field. These tests make a forgotten field
/// fail here instead of in an incremental build that serves a stale page: every field survives
/// a round trip, and a field added to a cached type without a new cache version is caught.
final class CacheRecordTests: XCTestCase {
    func testEveryFieldSurvivesARoundTrip() throws {
        let record = Self.everyFieldSet()
        var writer = BinaryWriter()
        record.encode(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let read = try ProcessedSource(from: &reader)
        XCTAssertTrue(reader.isAtEnd, "the reader takes exactly what the writer wrote")
        XCTAssertEqual(read, record)
        XCTAssertEqual(read.stories[0].search.text, record.stories[0].search.text)
        XCTAssertEqual(read.document.sections[0].paragraphs.map(\.kind), [.text, .subhead, .quote, .item(depth: 2)])
    }

    func testEveryTruncationIsRejected() {
        var writer = BinaryWriter()
        Self.everyFieldSet().encode(into: &writer)
        let bytes = writer.bytes
        for end in stride(from: 0, to: bytes.count, by: 7) {
            var reader = BinaryReader(bytes[0..<end])
            XCTAssertThrowsError(try ProcessedSource(from: &reader), "a record cut at byte \(end) is refused")
        }
    }

    /// When this fails, a cached type gained, lost or changed a field: write it in
    /// `ProcessedSource+Binary.swift`, bump `BuildCache.version`, and pin the new fields here
    /// under the new version.
    func testTheCachedFieldsMatchTheCacheVersion() {
        let pinned: [String: [String]] = [
            "brief-cache-9": [
                "CompanyMention.firstPosition: Int", "CompanyMention.mentions: Int", "CompanyMention.name: String",
                "CompanyMention.slug: String",
                "ContentDate.day: Int", "ContentDate.month: Int", "ContentDate.secondsOfDay: Optional<Int>",
                "ContentDate.utcOffset: Optional<Int>", "ContentDate.year: Int",
                "Diagnostic.column: Int", "Diagnostic.file: String", "Diagnostic.line: Int",
                "Diagnostic.message: String", "Diagnostic.severity: Severity",
                "Document.date: Optional<ContentDate>", "Document.diagnostics: Array<Diagnostic>",
                "Document.hasOwnTitle: Bool", "Document.metadata: Metadata", "Document.sections: Array<Section>",
                "Document.source: String", "Document.title: String",
                "KeyFigure.unit: String", "KeyFigure.value: String",
                "Metadata.companies: Optional<Array<String>>", "Metadata.companiesLine: Optional<Int>",
                "Metadata.companiesOnly: Bool",
                "Metadata.description: Optional<String>",
                "Metadata.draft: Bool", "Metadata.slug: Optional<String>",
                "Paragraph.isCut: Bool", "Paragraph.kind: Kind", "Paragraph.line: Int", "Paragraph.markdown: String",
                "Paragraph.text: String",
                "ProcessedSource.companiesKey: UInt64", "ProcessedSource.document: Document",
                "ProcessedSource.stories: Array<StoryDraft>", "ProcessedSource.untaggedCompanies: Array<String>",
                "SearchText.text: ArraySlice<UInt8>", "SearchText.words: ArraySlice<UInt8>",
                "Section.hasOwnHeading: Bool", "Section.heading: String", "Section.line: Int",
                "Section.paragraphs: Array<Paragraph>",
                "StoryDraft.companies: Array<CompanyMention>", "StoryDraft.hash: UInt64", "StoryDraft.heading: String",
                "StoryDraft.html: String", "StoryDraft.keyFigures: Array<KeyFigure>", "StoryDraft.line: Int",
                "StoryDraft.paragraphs: Array<Paragraph>", "StoryDraft.search: SearchText",
                "StoryDraft.summary: String", "StoryDraft.wordCount: Int",
            ]
        ]
        var fields = Set<String>()
        Self.collectFields(of: Self.everyFieldSet(), into: &fields)
        XCTAssertEqual(
            fields.sorted(), pinned[BuildCache.version]?.sorted() ?? [],
            "the cached types changed: write the field, bump BuildCache.version and pin it here")
    }

    /// Every stored property of every struct reachable from `value` (through arrays and optionals).
    private static func collectFields(of value: Any, into fields: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct:
            guard !(value is String), !(value is ArraySlice<UInt8>) else { return }
            let owner = String(describing: mirror.subjectType)
            for child in mirror.children {
                guard let label = child.label else { continue }
                let type = String(describing: type(of: child.value))
                fields.insert("\(owner).\(label): \(type)")
                collectFields(of: child.value, into: &fields)
            }
        case .collection?, .optional?:
            for child in mirror.children { collectFields(of: child.value, into: &fields) }
        default:
            return
        }
    }

    /// A record with every optional present, every paragraph kind and both severities, so that a
    /// field the codec drops shows up as a difference.
    static func everyFieldSet() -> ProcessedSource {
        let paragraphs = [
            Paragraph(text: "Tesla sold 1,000 units.", markdown: "Tesla sold **1,000** units.", line: 3),
            Paragraph(text: "Why it matters:", markdown: "Why it matters:", line: 5, kind: .subhead),
            Paragraph(text: "A quote.", markdown: "A quote.", line: 6, isCut: true, kind: .quote),
            Paragraph(text: "An item", markdown: "An item", line: 7, kind: .item(depth: 2)),
        ]
        let section = Section(heading: "Tesla's quarter", hasOwnHeading: false, line: 2, paragraphs: paragraphs)
        let date = ContentDate(year: 2024, month: 10, day: 28, secondsOfDay: 3_600, utcOffset: -18_000)!
        let metadata = Document.Metadata(
            slug: "q3", draft: true, companies: ["Tesla"], companiesLine: 3, companiesOnly: true,
            description: "The quarter.")
        let document = Document(
            source: "Content/q3.txt", title: "Q3", hasOwnTitle: false, date: date, sections: [section],
            metadata: metadata,
            diagnostics: [
                Diagnostic(.warning, file: "Content/q3.txt", line: 4, column: 2, "cut"),
                Diagnostic(.error, file: "Content/q3.txt", line: 1, column: 1, "bad"),
            ])
        var story = ProcessedSource.StoryDraft(
            heading: section.heading, line: section.line, paragraphs: paragraphs, html: "<p>Tesla</p>",
            companies: [CompanyMention(slug: "tesla", name: "Tesla", mentions: 2, firstPosition: 4)],
            keyFigures: [KeyFigure(value: "1,000", unit: "units")], summary: "Tesla sold.", wordCount: 9)
        story.hash = 0xFEED_BEEF
        story.search = SearchText(paragraphs)
        var source = ProcessedSource(document: document, stories: [story])
        source.companiesKey = 0xC0FFEE
        source.untaggedCompanies = ["Acme"]
        return source
    }
}
