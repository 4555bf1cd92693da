import Foundation
import XCTest

/// The command line's manners: suggestions for slips, messages that name what is missing, `brief.yaml`,
/// language tags, plurals, `--quiet` and `--verbose`.
final class CommandLineTests: XCTestCase {
    func testAMistypedCommandGetsASuggestion() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let build = try BriefRunner.run(["biuld"], in: folder)
        XCTAssertEqual(build.status, 64)
        XCTAssertTrue(build.stderr.hasPrefix("Error: Unknown command 'biuld'. Did you mean 'build'?\n"), build.stderr)
        let render = try BriefRunner.run(["template", "rendr", "t.mustache"], in: folder)
        XCTAssertEqual(render.status, 64)
        XCTAssertTrue(render.stderr.contains("Did you mean 'render'?"), render.stderr)
        XCTAssertTrue(render.stderr.contains("See 'brief template --help'"), render.stderr)
        let option = try BriefRunner.run(["build", "--stirct"], in: folder)
        XCTAssertEqual(option.status, 64)
        XCTAssertTrue(option.stderr.contains("Did you mean '--strict'?"), option.stderr)
        let far = try BriefRunner.run(["deploy"], in: folder)
        XCTAssertEqual(far.status, 64)
        XCTAssertFalse(far.stderr.contains("Did you mean"), far.stderr)
    }

    func testMissingFoldersAreNamedWithoutAPosition() throws {
        let folder = BriefRunner.temporaryFolder(self)
        let root = try BriefRunner.run(["build", "--root", "nowhere"], in: folder)
        XCTAssertEqual(root.status, 1)
        XCTAssertTrue(
            root.stderr.hasPrefix(
                folder.appendingPathComponent("nowhere").path
                    + ": error: no such folder: the site folder (--root)"), root.stderr)
        XCTAssertTrue(root.stderr.hasSuffix("Build failed with 1 error; nothing was written.\n"), root.stderr)

        try E2E.write("# Notes\n\nAcme said so.\n", "content/notes.md", in: folder)
        let lowercase = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(lowercase.status, 1)
        XCTAssertTrue(
            lowercase.stderr.contains(
                "Content/: error: no Content/ folder here, but a content/ folder: "
                    + "brief reads Content/, with a capital C"), lowercase.stderr)
        XCTAssertFalse(lowercase.stderr.contains(":1:1:"), lowercase.stderr)
    }

    func testTheBaseURLWarningPointsAtBriefYmlOnlyWhenThereIsOne() throws {
        let folder = try BriefRunner.sampleSite(self)
        let none = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(none.status, 0, none.stderr)
        let lines = none.stderr.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("warning: base_url is not set") }, none.stderr)
        XCTAssertTrue(
            none.stderr.contains(
                "create brief.yml with a line such as "
                    + "`base_url: https://example.org/news/`, "
                    + "or pass --base-url"), none.stderr)
        XCTAssertFalse(none.stderr.contains("brief.yml:1:1"), none.stderr)
    }

    func testBriefYamlIsReadWhenThereIsNoBriefYml() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write("title: Spelt Long\nbase_url: https://example.org/\n", "brief.yaml", in: folder)
        let yaml = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        let index = E2E.read(folder.appendingPathComponent("Site"), "index.html")
        XCTAssertTrue(index.contains("<title>Spelt Long</title>"), index)
        try E2E.write("language: english\ncolour: blue\n", "brief.yaml", in: folder)
        let bad = try BriefRunner.run(["build"], in: folder)
        XCTAssertTrue(
            bad.stderr.contains("brief.yaml:1:11: error: \"language\" must be a BCP 47 language tag"),
            bad.stderr)
        XCTAssertTrue(bad.stderr.contains("brief.yaml:2:1: warning: unknown key \"colour\" in brief.yaml;"), bad.stderr)

        try E2E.write("title: Short\n", "brief.yml", in: folder)
        let both = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(both.status, 1)
        XCTAssertTrue(
            both.stderr.contains(
                "brief.yaml:1:1: error: both brief.yml and brief.yaml are here; brief reads "
                    + "brief.yml: remove one"), both.stderr)
        XCTAssertTrue(both.stderr.contains("Site/ was left as it was."), both.stderr)
    }

    func testLanguageTagsAreCheckedForForm() throws {
        let folder = try BriefRunner.sampleSite(self)
        let good = [
            "en", "pt-BR", "zh-Hant-TW", "sr-Latn-RS", "de-CH-1996", "es-419", "x-klingon",
            "en-US-u-ca-gregory",
        ]
        for tag in good {
            try E2E.write("language: \(tag)\n", "brief.yml", in: folder)
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 0, "\(tag): \(result.stderr)")
            let index = E2E.read(folder.appendingPathComponent("Site"), "index.html")
            XCTAssertTrue(index.contains("lang=\"\(tag)\""), tag)
        }
        for tag in ["english", "en_US", "e", "en--US", "en-", "12", "en-US-u"] {
            try E2E.write("language: \"\(tag)\"\n", "brief.yml", in: folder)
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 1, tag)
            XCTAssertTrue(
                result.stderr.contains("brief.yml:1:11: error: \"language\" must be a BCP 47 language tag"),
                "\(tag): \(result.stderr)")
        }
    }

    func testQuietPrintsErrorsOnlyAndVerboseEveryFile() throws {
        let folder = try BriefRunner.sampleSite(self)
        let quiet = try BriefRunner.run(["build", "--quiet"], in: folder)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stdout + quiet.stderr, "", "warnings and the summary are left out")

        let new = "# A new briefing\n\n## Acme grows\n\nAcme Robotics said sales rose.\n"
        try E2E.write(new, "Content/new.md", in: folder)
        let verbose = try BriefRunner.run(["build", "--verbose"], in: folder)
        XCTAssertEqual(verbose.status, 0, verbose.stderr)
        XCTAssertTrue(verbose.stdout.contains("wrote Site/briefings/a-new-briefing/index.html\n"), verbose.stdout)
        XCTAssertTrue(verbose.stdout.contains("wrote Site/stories/acme-grows/index.html\n"), verbose.stdout)
        XCTAssertTrue(verbose.stdout.contains("\nBuilt "), verbose.stdout)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("Content/new.md"))
        let deleted = try BriefRunner.run(["build", "-v"], in: folder)
        XCTAssertTrue(deleted.stdout.contains("deleted Site/stories/acme-grows/index.html\n"), deleted.stdout)

        try E2E.write("language: english\n", "brief.yml", in: folder)
        let failed = try BriefRunner.run(["build", "-q"], in: folder)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.hasPrefix("brief.yml:1:11: error:"), failed.stderr)
        XCTAssertFalse(failed.stderr.contains("warning:"), failed.stderr)
        XCTAssertEqual(try BriefRunner.run(["build", "-q", "-v"], in: folder).status, 64)
    }

    func testCountsAgreeWithTheirNouns() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write("The CEO of Globex resigned.\n", "Content/notes.txt", in: folder)
        let one = try BriefRunner.run(["companies", "--unknown"], in: folder)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(
            one.stderr.hasSuffix(
                "1 unknown name that looks like a company; add the real ones to "
                    + "Content/companies.yml.\n"), one.stderr)
        let two = "The CEO of Globex resigned.\nThe CEO of Initech resigned too.\n"
        try E2E.write(two, "Content/notes.txt", in: folder)
        let result = try BriefRunner.run(["companies", "--unknown"], in: folder)
        XCTAssertTrue(result.stderr.contains("2 unknown names that look like companies;"), result.stderr)
    }
}
