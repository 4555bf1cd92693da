import BriefModel

/// Short views of a normalized document, for assertions that read like the expected output.
extension Document {
    /// Every paragraph's text, in reading order.
    var paragraphTexts: [String] { sections.flatMap(\.paragraphs).map(\.text) }

    /// The headings of the sections that have one of their own.
    var ownHeadings: [String] { sections.filter(\.hasOwnHeading).map(\.heading) }

    /// The title when the source has its own, else nil.
    var ownTitle: String? { hasOwnTitle ? title : nil }

    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
