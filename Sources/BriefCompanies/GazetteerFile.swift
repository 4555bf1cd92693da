import BriefModel
import Foundation
import Yams

/// Reads the gazetteer format: the built-in `Gazetteer.yml` and a site's `Content/companies.yml`.
///
/// ```yaml
/// companies:
///   - name: Acme Robotics          # required; also matched
///     slug: acme                   # optional, made from the name
///     aliases: [Acme, ACME Corp]
///     rename: Acme Robotics Inc.   # a new display name for a company brief already knows
///     ticker: ACME
///     sector: Robotics
///     description: Maker of warehouse robots.
///     website: https://acme.example
///     ambiguous: false             # true: the name is also an ordinary word, a match needs evidence
/// suppress: [Apple]                # built-in companies never to tag (name or slug)
/// never: [Gigafactory New York]    # phrases that are never a company mention
/// ```
public enum GazetteerFile {
    static let entryKeys: Set<String> = [
        "name", "slug", "aliases", "rename", "ticker", "sector", "description", "website", "ambiguous",
    ]

    /// What a gazetteer file says, plus the problems found reading it.
    public struct Parsed: Sendable {
        /// The additions, changes and suppressions the file asks for.
        public var changes = GazetteerChanges()
        /// Warnings and errors with file, line and column; entries with errors are left out of `changes`.
        public var diagnostics: [Diagnostic] = []

        /// The file read as a complete gazetteer (how the built-in file is used).
        public var gazetteer: Gazetteer {
            Gazetteer(companies: [], neverPhrases: []).applying(changes)
        }
    }

    /// Parses the file; problems come back as diagnostics with file, line and column, and bad entries are left out.
    /// - Parameter known: the gazetteer the file extends, to find aliases claimed twice.
    public static func parse(_ text: String, path: String, extending known: Gazetteer? = nil) throws(DiagnosticError)
        -> Parsed
    {
        let reader = YAMLReader(path: path)
        var parsed = Parsed()
        guard let root = try reader.compose(text) else { return parsed }
        var slugs: [String: Int] = [:]
        var aliasOwner: [String: String] = [:]
        for company in known?.companies ?? [] {
            for spelling in company.spellings { aliasOwner[spelling] = company.name }
        }

        for (key, keyNode, value) in try reader.mapping(root, "the companies file") {
            switch key {
            case "companies":
                guard let list = value.sequence else {
                    throw DiagnosticError(reader.error(value, "\"companies\" must be a list of entries"))
                }
                for item in list {
                    do throws(DiagnosticError) {
                        let entry = try parseEntry(item, reader: reader, diagnostics: &parsed.diagnostics)
                        let line = reader.line(of: item)
                        if let first = slugs[entry.slug] {
                            parsed.diagnostics.append(
                                reader.error(
                                    item,
                                    "duplicate slug \"\(entry.slug)\" (first used at line \(first)); entry left out"))
                            continue
                        }
                        slugs[entry.slug] = line
                        let existing = known?.companies.first { $0.name == entry.name || $0.slug == entry.slug }
                        var clash = false
                        for spelling in [entry.name] + entry.aliases {
                            if let owner = aliasOwner[spelling], owner != entry.name, owner != existing?.name {
                                parsed.diagnostics.append(
                                    reader.error(
                                        item,
                                        "\"\(spelling)\" is claimed by both \"\(owner)\" and \"\(entry.name)\"; entry left out"
                                    ))
                                clash = true
                            }
                        }
                        if clash { continue }
                        for spelling in [entry.name] + entry.aliases {
                            aliasOwner[spelling] = existing?.name ?? entry.name
                        }
                        parsed.changes.companies.append(entry)
                    } catch {
                        parsed.diagnostics += error.diagnostics
                    }
                }
            case "suppress":
                parsed.changes.suppressedCompanies += try reader.strings(value, key)
            case "never":
                parsed.changes.neverPhrases += try reader.strings(value, key)
            default:
                parsed.diagnostics.append(
                    reader.warning(keyNode, "unknown key \"\(key)\"; expected companies, suppress or never"))
            }
        }
        return parsed
    }

    private static func parseEntry(_ node: Node, reader: YAMLReader, diagnostics: inout [Diagnostic])
        throws(DiagnosticError) -> GazetteerChanges.Entry
    {
        var name: String?
        var entry = GazetteerChanges.Entry(name: "", slug: "")
        for (key, keyNode, value) in try reader.mapping(node, "a company entry") {
            switch key {
            case "name": name = try reader.string(value, key).trimmingCharacters(in: .whitespaces)
            case "slug": entry.slug = try reader.string(value, key)
            case "aliases": entry.aliases = try reader.strings(value, key).filter { !$0.isEmpty }
            case "rename": entry.displayName = try reader.optionalString(value, key)
            case "ticker": entry.ticker = try reader.optionalString(value, key)
            case "sector": entry.sector = try reader.optionalString(value, key)
            case "description": entry.description = try reader.optionalString(value, key)
            case "website": entry.website = try reader.optionalString(value, key)
            case "ambiguous": entry.ambiguous = try reader.bool(value, key)
            default:
                diagnostics.append(
                    reader.warning(
                        keyNode,
                        "unknown key \"\(key)\" in a company entry; known keys: \(entryKeys.sorted().joined(separator: ", "))"
                    ))
            }
        }
        guard let name, !name.isEmpty else {
            throw DiagnosticError(reader.error(node, "company entry has no name; entry left out"))
        }
        entry.name = name
        if entry.slug.isEmpty {
            entry.slug = Slug.make(name, fallbackPrefix: "company")
        } else if !Slug.isValid(entry.slug) {
            throw DiagnosticError(
                reader.error(node, "slug \"\(entry.slug)\" may only hold a-z, 0-9 and single hyphens; entry left out"))
        }
        return entry
    }
}
