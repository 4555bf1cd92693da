import Foundation
import XCTest

/// The documentation in `docs/` keeps up with the code: every key the readers of `brief.yml`, front
/// matter and `companies.yml` accept, every environment variable brief reads and every template of
/// the theme is documented, and `--help` says the environment variables and exit codes.
///
/// The keys are read from the decoding code itself (the `case "key":` labels of its switch), so a new
/// key with no documentation fails here without anyone keeping a list.
final class DocumentationTests: XCTestCase {
    private func source(_ path: String) -> String {
        BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent(path))
    }

    /// The quoted labels of the `case "…":` lines of a Swift file: the keys its switch decodes.
    static func caseLabels(in swift: String) -> [String] {
        var labels: [String] = []
        for line in swift.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("case \""), let colon = trimmed.range(of: "\":") else { continue }
            let list = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 5)..<colon.upperBound]
            let quotes = CharacterSet(charactersIn: " \":")
            labels += list.split(separator: ",").map { $0.trimmingCharacters(in: quotes) }
        }
        return labels
    }

    /// The strings of a Swift array or set literal that follows `name` in `swift`.
    static func literal(named name: String, in swift: String) -> Set<String> {
        guard let start = swift.range(of: name), let open = swift[start.upperBound...].range(of: "= [")?.upperBound,
            let close = swift[open...].firstIndex(of: "]")
        else { return [] }
        let pieces = swift[open..<close].split(separator: "\"", omittingEmptySubsequences: false)
        return Set(pieces.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
    }

    private func assertDocumented(
        _ keys: [String], in doc: String, _ what: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let text = source(doc)
        XCTAssertFalse(text.isEmpty, "\(doc) exists", file: file, line: line)
        for key in keys {
            XCTAssertTrue(
                text.contains("`\(key)`"), "\(what) \"\(key)\" is not described in \(doc)",
                file: file, line: line)
        }
    }

    func testEveryBriefYmlKeyIsInTheConfigurationReference() {
        let code = source("Sources/BriefSite/Config/SiteConfig.swift")
        let keys = Self.caseLabels(in: code)
        XCTAssertTrue(keys.contains("base_url") && keys.contains("ignore") && keys.count >= 12, "\(keys)")
        XCTAssertEqual(
            Set(keys), Self.literal(named: "static let keys", in: code),
            "the keys an unknown-key warning lists are the keys the reader reads")
        assertDocumented(keys, in: "docs/configuration.md", "brief.yml key")
    }

    func testEveryFrontMatterKeyIsInTheConfigurationReference() {
        let code = source("Sources/BriefNormalize/Source/FrontMatter.swift")
        let keys = Self.caseLabels(in: code)
        XCTAssertTrue(keys.contains("summary") && keys.contains("companies"), "\(keys)")
        XCTAssertEqual(Set(keys), Self.literal(named: "knownKeys", in: code), "every known key is read")
        assertDocumented(keys, in: "docs/configuration.md", "front-matter key")
    }

    func testEveryCompaniesFileKeyIsInTheCompaniesGuide() {
        let code = source("Sources/BriefCompanies/GazetteerFile.swift")
        let keys = Self.caseLabels(in: code)
        XCTAssertTrue(keys.contains("suppress") && keys.contains("rename"), "\(keys)")
        assertDocumented(keys, in: "docs/companies.md", "companies.yml key")
    }

    func testEveryEnvironmentVariableIsDocumentedAndInTheHelp() throws {
        var variables = Set<String>()
        let sources = BriefRunner.packageRoot.appendingPathComponent("Sources")
        for path in BriefRunner.files(in: sources) where path.hasSuffix(".swift") {
            let text = BriefRunner.read(sources.appendingPathComponent(path))
            for piece in text.components(separatedBy: "environment[\"").dropFirst() {
                variables.insert(String(piece.prefix { $0 != "\"" }))
            }
        }
        XCTAssertEqual(variables, ["SOURCE_DATE_EPOCH", "BRIEF_TIMINGS", "BRIEF_JOBS"])
        assertDocumented(variables.sorted(), in: "docs/configuration.md", "environment variable")
        let help = try BriefRunner.run(["--help"], in: BriefRunner.temporaryFolder(self))
        XCTAssertEqual(help.status, 0)
        for variable in variables { XCTAssertTrue(help.stdout.contains(variable), "--help names \(variable)") }
        for code in ["0 ", "1 ", "64 "] {
            XCTAssertTrue(
                help.stdout.contains("EXIT CODES") && help.stdout.contains("\n  \(code)"),
                "--help explains exit code \(code)")
        }
        let build = try BriefRunner.run(["build", "--help"], in: BriefRunner.temporaryFolder(self))
        XCTAssertTrue(build.stdout.contains("BRIEF_JOBS") && build.stdout.contains("EXIT CODES"), build.stdout)
    }

    func testEveryTemplateOfTheThemeIsInTheThemeGuide() {
        let templates = BriefRunner.files(in: BriefRunner.packageRoot.appendingPathComponent("Templates"))
            .filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) }
        XCTAssertTrue(templates.contains("story") && templates.contains("partials/date"), "\(templates)")
        assertDocumented(templates, in: "docs/themes.md", "template")
    }

    /// The README links the documentation in the repository, not a file a clone lacks, and every
    /// relative link of the README and `docs/` leads to a file that exists.
    func testLinksLeadToFilesOfTheRepository() {
        let root = BriefRunner.packageRoot
        XCTAssertFalse(source("README.md").contains("shared/DESIGN.md"))
        var documents = ["README.md"]
        documents += BriefRunner.files(in: root.appendingPathComponent("docs")).map { "docs/" + $0 }
        XCTAssertTrue(documents.contains("docs/design.md"))
        for document in documents {
            let folder = (document as NSString).deletingLastPathComponent
            for piece in source(document).components(separatedBy: "](").dropFirst() {
                let target = String(piece.prefix { $0 != ")" && $0 != "#" })
                guard !target.isEmpty, !target.contains("://") else { continue }
                let path = root.appendingPathComponent(folder).appendingPathComponent(target).path
                XCTAssertTrue(
                    FileManager.default.fileExists(atPath: path),
                    "\(document) links \(target), which does not exist")
            }
            if document != "README.md" { continue }
            for doc in ["docs/design.md", "docs/configuration.md", "docs/companies.md", "docs/themes.md"] {
                XCTAssertTrue(source(document).contains("](\(doc))"), "the README links \(doc)")
            }
        }
    }
}
