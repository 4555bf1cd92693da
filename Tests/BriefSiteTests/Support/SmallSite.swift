import BriefModel
import BriefNormalize
import BriefStories
import BriefTemplate

@testable import BriefSite

/// A site of a few briefings built in memory, for the tests of pages, feeds and the plan.
enum SmallSite {
    /// Monday's briefing (two stories: Nvidia, then Tesla and Nvidia) and Tuesday's (one story on Tesla).
    static func model(configure: (inout SiteConfig) -> Void = { _ in }) -> SiteModel {
        let processor = SourceProcessor(gazetteer: .builtIn)
        let documents = [
            Document(
                source: "Content/monday.txt", title: "Monday", date: ContentDate(parsing: "2024-06-03"),
                sections: [
                    Section(heading: "Chips", paragraphs: [Paragraph(plainText: "Nvidia sold more chips than ever.")]),
                    Section(
                        heading: "Cars <script>", paragraphs: [Paragraph(plainText: "Tesla bought Nvidia chips.")]),
                ]),
            Document(
                source: "Content/tuesday.txt", title: "Tuesday & more", date: ContentDate(parsing: "2024-06-04"),
                sections: [Section(heading: "Prices", paragraphs: [Paragraph(plainText: "Tesla cut prices again.")])]),
        ]
        var config = SiteConfig()
        config.title = "Daily"
        config.baseURL = "https://example.com/news/"
        configure(&config)
        var warnings = Diagnostics()
        return SiteAssembler(config: config, gazetteer: .builtIn).assemble(
            documents.map(processor.process), into: &warnings)
    }
}

extension TemplateValue {
    /// The value at a dotted path of dictionary keys and list indexes ("stories.0.heading").
    func at(_ path: String) -> TemplateValue? {
        var value: TemplateValue? = self
        for key in path.split(separator: ".") {
            if let index = Int(key), case .list(let items)? = value {
                value = items.indices.contains(index) ? items[index] : nil
            } else {
                value = value?[String(key)]
            }
        }
        return value
    }

    /// The string at a dotted path.
    func text(_ path: String) -> String? {
        if case .string(let text)? = at(path) { return text }
        return nil
    }

    /// The number of items of the list at a dotted path.
    func count(_ path: String) -> Int? {
        if case .list(let items)? = at(path) { return items.count }
        return nil
    }
}
