import BriefModel
import XCTest

@testable import BriefSite

/// Each error and warning the site stage words, as the command line prints it, and where `brief.yml`'s
/// reader and the assembler put them.
final class SiteErrorTests: XCTestCase {
    func testEachSettingsErrorPointsAtTheValue() {
        let cases: [(SiteError, String)] = [
            (
                .invalidLanguage(path: "brief.yml", line: 2, column: 11, tag: "english"),
                "brief.yml:2:11: error: \"language\" must be a BCP 47 language tag such as en, de or pt-BR, "
                    + "not \"english\""
            ),
            (
                .invalidBaseURL(path: "brief.yml", line: 3, column: 11),
                "brief.yml:3:11: error: \"base_url\" must be an absolute http(s) address such as "
                    + "https://example.org/news/"
            ),
            (
                .unknownTimeZone(path: "brief.yaml", line: 4, column: 11, name: "Mars/Olympus"),
                "brief.yaml:4:11: error: unknown time zone \"Mars/Olympus\"; use a name such as UTC or Europe/Berlin"
            ),
            (
                .invalidIgnorePattern(
                    path: "brief.yml", line: 6, column: 5, reason: "an ignore pattern cannot be empty"),
                "brief.yml:6:5: error: \"ignore\": an ignore pattern cannot be empty"
            ),
            (
                .unreadableThemeFile(path: "Templates/page.mustache"),
                "Templates/page.mustache:1:1: error: cannot read the file"
            ),
            (
                .templateNotUTF8(path: "Templates/page.mustache"),
                "Templates/page.mustache:1:1: error: template is not valid UTF-8"
            ),
        ]
        for (error, printed) in cases {
            XCTAssertEqual(error.diagnostic.description, printed)
            XCTAssertEqual(error.diagnostic.severity, .error)
        }
    }

    func testEachWarningSaysWhereAndWhatToDo() {
        XCTAssertEqual(
            SiteWarning.unknownSetting(path: "site/brief.yaml", line: 5, column: 1, key: "colour").diagnostic
                .description,
            "site/brief.yaml:5:1: warning: unknown key \"colour\" in brief.yaml; known keys: "
                + SiteConfig.keys.joined(separator: ", "))
        XCTAssertEqual(
            SiteWarning.slugTaken(
                kind: "story", wanted: "port-deal", path: "Content/3.txt", line: 7, owner: "Content/1.txt",
                ownerLine: 4, slug: "port-deal-2"
            ).diagnostic.description,
            "Content/3.txt:7:1: warning: story slug \"port-deal\" is already used by Content/1.txt:4; "
                + "this one is \"port-deal-2\"")
        let undated =
            "undated briefings are listed after the dated ones, as an edition of their own, "
            + "and the feeds date them by SOURCE_DATE_EPOCH when it is set, else by the oldest day of the site; "
            + "to date a source, start its file name with the day (2024-05-01-name.txt) or put "
            + "`date: 2024-05-01` in its front matter"
        XCTAssertEqual(
            SiteWarning.undated(path: "Content/a.txt", others: 0).diagnostic.description,
            "Content/a.txt:1:1: warning: this source has no date: " + undated)
        XCTAssertEqual(
            SiteWarning.undated(path: "Content/a.txt", others: 1).diagnostic.message,
            "this source and 1 other have no date: " + undated)
        XCTAssertEqual(
            SiteWarning.undated(path: "Content/a.txt", others: 2).diagnostic.message,
            "this source and 2 others have no date: " + undated)
    }

    func testThemeWarningsNameTheTemplatesAndWhatToDo() {
        let known = ["index", "story", "partials/card"]
        XCTAssertEqual(
            SiteWarning.unusedTemplate(path: "Templates/stroy.mustache", name: "stroy", known: known).diagnostic
                .description,
            "Templates/stroy.mustache:1:1: warning: brief does not use a template named \"stroy\"; "
                + "did you mean story.mustache?")
        XCTAssertEqual(
            SiteWarning.unusedTemplate(path: "Templates/extra.mustache", name: "extra", known: known).diagnostic
                .message,
            "brief does not use a template named \"extra\"; pages are drawn with index, story, and a partial is "
                + "used only where a template includes it")
        XCTAssertEqual(
            SiteWarning.pagesWithoutText(path: "Templates/base.mustache", templates: ["index"]).diagnostic
                .description,
            "Templates/base.mustache:1:1: warning: the pages drawn with index.mustache have no text: is the template "
                + "written for another generator? brief's templates are Mustache, with data such as "
                + "{{site.title}} (see docs/themes.md in brief's repository)")
        XCTAssertEqual(
            SiteWarning.pagesWithoutMain(path: "Templates/base.mustache", templates: ["a", "b", "c"]).diagnostic
                .description,
            "Templates/base.mustache:1:1: warning: the pages drawn with a.mustache, b.mustache and c.mustache "
                + "have no <main> element, which the skip link and screen readers go to; the built-in layout has one")
    }

    func testTheSettingsReaderReportsEveryProblemAtItsValue() {
        let yaml = """
            title: Daily
            language: english
            base_url: example.org
            timezone: Mars/Olympus
            colour: blue
            ignore:
              - "/(/"
            """
        var diagnostics = Diagnostics()
        let config = SiteConfig.parse(yaml, path: "brief.yml", into: &diagnostics)
        XCTAssertEqual(config.title, "Daily", "the good settings are kept")
        XCTAssertEqual(config.language, "en", "a bad setting keeps its default")
        XCTAssertEqual(
            diagnostics.all,
            [
                SiteError.invalidLanguage(path: "brief.yml", line: 2, column: 11, tag: "english").diagnostic,
                SiteError.invalidBaseURL(path: "brief.yml", line: 3, column: 11).diagnostic,
                SiteError.unknownTimeZone(path: "brief.yml", line: 4, column: 11, name: "Mars/Olympus").diagnostic,
                SiteWarning.unknownSetting(path: "brief.yml", line: 5, column: 1, key: "colour").diagnostic,
                SiteError.invalidIgnorePattern(
                    path: "brief.yml", line: 7, column: 5, reason: "/(/ is not a valid regular expression"
                ).diagnostic,
            ])
    }

    func testThemeFilesThatCannotBeReadAreErrorsAtTheirPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("SiteErrorTests-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x7B, 0x7B, 0xFF]).write(to: folder.appendingPathComponent("page.mustache"))
        try Data("{{site.title}}".utf8).write(to: folder.appendingPathComponent("story.mustache"))
        var diagnostics = Diagnostics()
        let found = Theme.templates(in: folder, displayPrefix: "Templates", into: &diagnostics)
        XCTAssertEqual(found.templates.map(\.name), ["story"])
        XCTAssertEqual(diagnostics.all, [SiteError.templateNotUTF8(path: "Templates/page.mustache").diagnostic])
    }
}
