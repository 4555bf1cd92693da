import Foundation
import XCTest

/// The search index as the search page reads it: a list of files, term files and story files under
/// `assets/search/`. `SearchReader` queries them the way `assets/search.js` does, counting the bytes it loads.
final class SearchTests: XCTestCase {
    func testQueriesFindRankAndDateTheirStories() throws {
        let folder = try E2E.richSite(self)
        try E2E.write(
            E2E.markdown(
                title: "Bank Notes", front: "date: 2024-03-02", stories: ["Société Générale Opens A Lab"],
                company: "Société Générale"), "Content/bank.md", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let reader = try SearchReader(site: folder.appendingPathComponent("Site"))

        // A company: every story naming it, those with it in the heading first, then the newest.
        let nvidia = try reader.search("nvidia")
        XCTAssertEqual(
            nvidia.map(\.title),
            [
                "Nvidia Raises Its Outlook", "Microsoft Signs A Cloud Deal",
                "Elon Musk’s Supercomputer Freaks Out AI Rivals",
            ])
        XCTAssertEqual(nvidia.first?.url, "stories/nvidia-raises-its-outlook/index.html")
        XCTAssertEqual(nvidia.first?.date, "1 May 2024", "dates as the pages show them")
        XCTAssertEqual(nvidia.first?.iso, "2024-05-01")
        XCTAssertEqual(nvidia.first?.briefing, "Chips and Cars")
        XCTAssertEqual(nvidia.last?.date, "", "an undated story has no date")

        // Every word must match; a word matches the words it starts; case and accents do not matter.
        XCTAssertEqual(
            try reader.search("tesla batter").map(\.title),
            ["A Long Look At Tesla Batteries", "Tesla Energy Sets New Record"])
        XCTAssertEqual(try reader.search("SOCIETE").map(\.title), ["Société Générale Opens A Lab"])
        XCTAssertEqual(try reader.search("générale lab").map(\.title), ["Société Générale Opens A Lab"])
        XCTAssertEqual(try reader.search("zeppelin"), [])
        XCTAssertEqual(try reader.search("a"), [], "words of one letter are not searched")

        // A query reads the list of files, the term files of its words and the story files of its results.
        reader.loaded.removeAll()
        _ = try reader.search("nvidia batteries")
        XCTAssertTrue(reader.loaded.contains("index"))
        XCTAssertLessThanOrEqual(reader.loaded.filter { $0.hasPrefix("t/") }.count, 2 * 2)
        XCTAssertLessThanOrEqual(reader.loaded.filter { $0.hasPrefix("d/") }.count, 1)
    }

    func testANewStoryChangesFewSearchFiles() throws {
        let folder = BriefRunner.temporaryFolder(self)
        // 400 stories of 60 words each that no other story has: an index of many term files.
        for n in 1...400 {
            let words = (0..<60).map { "kw\(n)x\($0)" }.joined(separator: " ")
            try E2E.write(
                "Report Number \(n)\nThe report covers \(words).\n",
                String(format: "Content/2024-03-%02d-report-%d.txt", n % 28 + 1, n), in: folder)
        }
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let site = folder.appendingPathComponent("Site")
        let before = Set(BriefRunner.files(in: site).filter { $0.hasPrefix("assets/search/") })
        try E2E.write(
            "Zeppelin Works Opens A Hangar\nThe airship maker Zeppelin Works opened a hangar near Lake Constance on Monday.\n",
            "Content/2024-04-01-zeppelin.txt", in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let after = Set(BriefRunner.files(in: site).filter { $0.hasPrefix("assets/search/") })
        let added = after.subtracting(before)
        print("search files: \(before.count) before, \(added.count) new after one story")
        XCTAssertGreaterThan(before.count, 10)
        XCTAssertLessThan(
            added.count, before.count / 2, "stories keep their numbers and files their names: \(added.sorted())")
        XCTAssertEqual(try SearchReader(site: site).search("zeppelin").map(\.title), ["Zeppelin Works Opens A Hangar"])
    }
}

/// Reads the search files of a built site as `assets/search.js` does.
final class SearchReader {
    struct Result: Equatable {
        var title: String
        var url: String
        var iso: String
        var date: String
        var briefing: String
    }

    let folder: URL
    let manifest: [String: Any]
    /// The files read so far, by name ("index", "t/…", "d/…").
    var loaded = Set<String>()

    init(site: URL) throws {
        folder = site.appendingPathComponent("assets/search")
        manifest = try Self.payload(folder.appendingPathComponent("index.js"), name: "index") as? [String: Any] ?? [:]
    }

    func search(_ query: String) throws -> [Result] {
        loaded.insert("index")
        let words = Self.words(query)
        guard !words.isEmpty else { return [] }
        var found: [[Int: Int]] = []
        for word in words { found.append(try stories(matching: word)) }
        var hits: [(story: Int, titles: Int, companies: Int)] = []
        for (story, _) in found[0] where found.allSatisfy({ $0[story] != nil }) {
            hits.append((story, found.filter { $0[story]! & 1 != 0 }.count, found.filter { $0[story]! & 2 != 0 }.count))
        }
        hits.sort { ($0.titles, $0.companies, $0.story) > ($1.titles, $1.companies, $1.story) }
        return try hits.prefix(20).map { try result($0.story) }
    }

    /// Words as the script folds them: lower case, accents removed, split at anything but letters, digits, marks.
    static func words(_ text: String) -> [String] {
        let folded = String(
            String.UnicodeScalarView(
                text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
                    .filter { !(0x300...0x36F).contains($0.value) }))
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count > 1 }
    }

    /// Story number -> flags (1 heading, 2 company, 4 present) for the terms that start with `word`.
    private func stories(matching word: String) throws -> [Int: Int] {
        let firsts = manifest["terms"] as? [String] ?? []
        let names = manifest["termFiles"] as? [String] ?? []
        var first = 0
        for (i, term) in firsts.enumerated()
        where Self.codePoints(term).lexicographicallyPrecedes(Self.codePoints(word)) || term == word {
            first = i
        }
        var last = first
        while last + 1 < firsts.count, firsts[last + 1].hasPrefix(word) { last += 1 }
        let prefix = last - first <= 1
        var found: [Int: Int] = [:]
        for file in (prefix ? Array(first...last) : [first]) {
            let terms = try load(names[file]) as? [String: String] ?? [:]
            for (term, code) in terms where term == word || (prefix && term.hasPrefix(word)) {
                Self.decode(code, into: &found)
            }
        }
        return found
    }

    static func decode(_ code: String, into found: inout [Int: Int]) {
        let digits = Array("0123456789abcdefghijklmnopqrstuv")
        let more = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ$%")
        var value = 0
        var story = -1
        for c in code {
            if let d = more.firstIndex(of: c) {
                value = value * 32 + d
                continue
            }
            value = value * 32 + (digits.firstIndex(of: c) ?? 0)
            story = story < 0 ? value / 4 : story + value / 4
            found[story, default: 0] |= value & 3 | 4
            value = 0
        }
    }

    private func result(_ story: Int) throws -> Result {
        let perFile = manifest["perFile"] as? Int ?? 1
        let files = manifest["storyFiles"] as? [String] ?? []
        let stories = try load(files[story / perFile]) as? [[String]] ?? []
        let s = stories[story % perFile]
        return Result(title: s[0], url: s[1], iso: s[2], date: s[3], briefing: s[4])
    }

    private func load(_ name: String) throws -> Any {
        loaded.insert(name)
        return try Self.payload(folder.appendingPathComponent(name + ".js"), name: name)
    }

    /// The JSON a file hands to `briefSearch.add(name, …)`.
    static func payload(_ url: URL, name: String) throws -> Any {
        let text = try String(contentsOf: url, encoding: .utf8)
        let head = "briefSearch.add(\"\(name)\","
        guard text.hasPrefix(head), text.hasSuffix(");\n") else { throw NSError(domain: "search", code: 1) }
        return try JSONSerialization.jsonObject(with: Data(text.dropFirst(head.count).dropLast(3).utf8))
    }

    private static func codePoints(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
}
