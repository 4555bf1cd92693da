import BriefCompanies
import BriefModel
import Foundation

/// The companies an author names for a source and for its stories, merged with what the tagger finds.
///
/// Front matter's `companies:` adds to detection: a listed company is tagged on each story whose
/// heading or text names it (by any spelling the gazetteer knows). A Markdown story's own
/// `companies:` line tags that story whether or not its text names them. `companies_only: true`
/// turns detection off: each story gets its own line's companies, else the front matter's.
struct StoryCompanies {
    /// Companies by name, alias or slug, to find a listed name's company.
    let lookup: [String: Company]

    /// The author's companies of one story.
    struct Listed {
        /// Front matter's list, which tags a story that names them.
        var source: [Company] = []
        /// The story's own `companies:` line, which tags it regardless.
        var story: [Company]?
    }

    /// A listed name as a company: the gazetteer's, or a new one of that name.
    func company(named name: String) -> Company {
        lookup[name] ?? Company(name: name, slug: Slug.make(name, fallbackPrefix: "company"))
    }

    /// The companies of a story: those detected (`found`, in any order) and those listed, subject first.
    func merge(_ found: [CompanyMention], listed: Listed, heading: String, _ texts: [String]) -> [CompanyMention] {
        var result = found
        var slugs = Set(found.map(\.slug))
        let candidates = listed.source + (listed.story ?? [])
        let named = DocumentCompanies.mentions(of: candidates, heading: heading, paragraphs: texts)
        for mention in named where slugs.insert(mention.slug).inserted {
            result.append(mention)
        }
        // A company the story's own line names but its text does not: after the others.
        let end = heading.utf8.count + texts.reduce(0) { $0 + $1.utf8.count + 1 }
        for (index, company) in (listed.story ?? []).enumerated() where slugs.insert(company.slug).inserted {
            let mention = CompanyMention(
                slug: company.slug, name: company.name, mentions: 1, firstPosition: end + index)
            result.append(mention)
        }
        return CompanyMention.subjectFirst(result, headingLength: heading.utf8.count)
    }

    /// With detection off: exactly the listed companies, in the author's order.
    func only(_ companies: [Company]) -> [CompanyMention] {
        var seen = Set<String>()
        return companies.enumerated().compactMap { index, company in
            guard seen.insert(company.slug).inserted else { return nil }
            return CompanyMention(slug: company.slug, name: company.name, mentions: 1, firstPosition: index)
        }
    }

    /// A Markdown story's own `companies:` line: a paragraph `companies: A, B` (or `companies: [A, B]`) first
    /// under its heading. Returns the names it lists (nil when there is no such line) and the other paragraphs.
    static func ownLine(_ section: Section, source: String) -> (names: [String]?, paragraphs: [Paragraph]) {
        let prefix = "companies:"
        guard section.hasOwnHeading, SourceText.markdownExtensions.contains(SourceText.fileExtension(source)),
            let first = section.paragraphs.first, first.kind == .text, first.text.hasPrefix(prefix)
        else {
            return (nil, section.paragraphs)
        }
        var list = first.text.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        if list.hasPrefix("["), list.hasSuffix("]") { list = String(list.dropFirst().dropLast()) }
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (names, Array(section.paragraphs.dropFirst()))
    }
}
