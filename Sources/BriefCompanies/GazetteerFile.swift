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

    /// Parses the file into the changes it asks for; bad entries are left out, and their problems, like the
    /// file's warnings, are recorded with file, line and column.
    /// - Parameter known: the gazetteer the file extends, to find aliases claimed twice.
    /// - Throws: when the file cannot be read as a gazetteer at all (not YAML, not a mapping, a key of the
    ///   wrong type), with everything recorded before.
    public static func parse(
        _ text: String, path: String, extending known: Gazetteer? = nil, into diagnostics: inout Diagnostics
    ) throws(DiagnosticError) -> GazetteerChanges {
        let reader = YAMLReader(path: path)
        do throws(DiagnosticError) {
            guard let root = try reader.compose(text) else { return GazetteerChanges() }
            var reading = Reading(reader: reader, known: known)
            for (key, keyNode, value) in try reader.mapping(root, "the companies file") {
                switch key {
                case "companies":
                    guard let list = value.sequence else {
                        throw DiagnosticError(
                            GazetteerError.companiesNotAList(
                                path: reader.path, line: reader.line(of: value), column: reader.column(of: value)))
                    }
                    for item in list { reading.add(item, into: &diagnostics) }
                case "suppress":
                    reading.changes.suppressedCompanies += try reader.strings(value, key)
                case "never":
                    reading.changes.neverPhrases += try reader.strings(value, key)
                default:
                    diagnostics.add(
                        GazetteerWarning.unknownKey(
                            path: reader.path, line: reader.line(of: keyNode), column: reader.column(of: keyNode),
                            key: key))
                }
            }
            return reading.changes
        } catch {
            throw DiagnosticError(diagnostics.all + error.diagnostics)
        }
    }

    /// The changes read so far, and what the next entry is checked against: the slugs taken (with the line
    /// that took each) and who owns each spelling.
    private struct Reading {
        let reader: YAMLReader
        let known: Gazetteer?
        var changes = GazetteerChanges()
        var slugs: [String: Int] = [:]
        var aliasOwner: [String: String] = [:]

        init(reader: YAMLReader, known: Gazetteer?) {
            self.reader = reader
            self.known = known
            for company in known?.companies ?? [] {
                for spelling in company.spellings { aliasOwner[spelling] = company.name }
            }
        }

        /// Adds the entry at `item`, or records why it is left out.
        mutating func add(_ item: Node, into diagnostics: inout Diagnostics) {
            let entry: GazetteerChanges.Entry
            do throws(DiagnosticError) {
                entry = try parseEntry(item, reader: reader, into: &diagnostics)
            } catch {
                diagnostics.add(contentsOf: error.diagnostics)
                return
            }
            let (line, column) = (reader.line(of: item), reader.column(of: item))
            if let first = slugs[entry.slug] {
                diagnostics.add(
                    GazetteerError.duplicateSlug(
                        path: reader.path, line: line, column: column, slug: entry.slug, firstLine: first))
                return
            }
            slugs[entry.slug] = line
            let existing = known?.companies.first { $0.name == entry.name || $0.slug == entry.slug }
            var clash = false
            for spelling in [entry.name] + entry.aliases {
                if let owner = aliasOwner[spelling], owner != entry.name, owner != existing?.name {
                    diagnostics.add(
                        GazetteerError.spellingClaimedTwice(
                            path: reader.path, line: line, column: column, spelling: spelling, owner: owner,
                            name: entry.name))
                    clash = true
                }
            }
            if clash { return }
            for spelling in [entry.name] + entry.aliases {
                aliasOwner[spelling] = existing?.name ?? entry.name
            }
            changes.companies.append(entry)
        }
    }

    private static func parseEntry(_ node: Node, reader: YAMLReader, into diagnostics: inout Diagnostics)
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
                diagnostics.add(
                    GazetteerWarning.unknownEntryKey(
                        path: reader.path, line: reader.line(of: keyNode), column: reader.column(of: keyNode), key: key)
                )
            }
        }
        guard let name, !name.isEmpty else {
            throw DiagnosticError(
                GazetteerError.unnamedEntry(
                    path: reader.path, line: reader.line(of: node), column: reader.column(of: node)))
        }
        entry.name = name
        if entry.slug.isEmpty {
            entry.slug = Slug.make(name, fallbackPrefix: "company")
        } else if !Slug.isValid(entry.slug) {
            throw DiagnosticError(
                GazetteerError.invalidSlug(
                    path: reader.path, line: reader.line(of: node), column: reader.column(of: node), slug: entry.slug))
        }
        return entry
    }
}
