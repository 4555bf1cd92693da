import BriefFileSystem
import BriefModel
import XCTest

@testable import BriefCore

/// Each error and warning BriefCore words, as the command line prints it: where, and what to do.
final class BuildErrorTests: XCTestCase {
    func testErrorsAboutAFolderHaveNoPosition() {
        XCTAssertEqual(
            BuildError.noSiteFolder(path: "/no/site").diagnostic.description,
            "/no/site: error: no such folder: the site folder (--root) must exist and hold Content/")
        XCTAssertEqual(
            BuildError.noContentFolder(folder: "Content", lowercaseFound: false).diagnostic.description,
            "Content/: error: no Content/ folder here: put your source texts (.txt or .md) into Content/, "
                + "or run `brief init` to start a new site")
        XCTAssertEqual(
            BuildError.noContentFolder(folder: "Content", lowercaseFound: true).diagnostic.description,
            "Content/: error: no Content/ folder here, but a content/ folder: brief reads Content/, with a capital C; "
                + "rename it (mv content Content)")
        XCTAssertEqual(
            BuildError.noSources(folder: "site/Content").diagnostic.description,
            "site/Content/: error: no sources: add .txt or .md files (scraped articles, transcripts, notes), "
                + "or run `brief init` for a sample")
    }

    func testNothingToPublishCountsTheSources() {
        XCTAssertEqual(
            BuildError.nothingToPublish(folder: "Content", sources: 1).diagnostic.description,
            "Content/: error: no stories to publish: the source has any text left; see the warnings above")
        XCTAssertEqual(
            BuildError.nothingToPublish(folder: "Content", sources: 3).diagnostic.message,
            "no stories to publish: none of the 3 sources has any text left; see the warnings above")
    }

    func testErrorsAboutAFilePointAtItsStart() {
        let cases: [(BuildError, String)] = [
            (
                .unreadableFile(path: "Content/a.txt", reason: "Permission denied"),
                "cannot read the file: Permission denied"
            ),
            (
                .unreadableFolder(path: "Content", reason: "Permission denied"),
                "cannot read the folder: Permission denied"
            ),
            (.notUTF8(path: "brief.yml", name: "brief.yml"), "brief.yml is not valid UTF-8"),
            (.notUTF8(path: "t.html", name: nil), "the file is not valid UTF-8"),
            (
                .twoSettingsFiles(path: "brief.yaml"),
                "both brief.yml and brief.yaml are here; brief reads brief.yml: remove one"
            ),
            (.fileExists(path: "x/brief.yml"), "the file exists already; brief init overwrites nothing"),
            (.unwritableFile(path: "x/brief.yml", reason: "No space"), "cannot write the file: No space"),
            (
                .fileFailure(path: ".brief-cache/state", action: "cannot remove the file", reason: "Busy"),
                "cannot remove the file: Busy"
            ),
        ]
        for (error, message) in cases {
            let diagnostic = error.diagnostic
            XCTAssertEqual(diagnostic.severity, .error)
            XCTAssertEqual(diagnostic.line, 1, "\(error)")
            XCTAssertEqual(diagnostic.column, 1, "\(error)")
            XCTAssertEqual(diagnostic.message, message)
        }
        XCTAssertEqual(
            BuildError.unreadableFile(path: "Content/a.txt", reason: "Permission denied").diagnostic.description,
            "Content/a.txt:1:1: error: cannot read the file: Permission denied")
    }

    func testInvalidJSONCarriesItsLineAndColumn() {
        let error = BuildError.invalidJSON(path: "data.json", line: 3, column: 7, message: "expected a value")
        XCTAssertEqual(error.diagnostic.description, "data.json:3:7: error: invalid JSON: expected a value")
    }

    func testTheOutputFolderMustStayOutOfWhatBriefReads() {
        var options = BuildOptions(root: URL(fileURLWithPath: "/site"))
        options.output = URL(fileURLWithPath: "/site/Content/out")
        XCTAssertThrowsError(try options.checkOutput()) { error in
            XCTAssertEqual(error as? BuildError, .outputInsideInput(path: "Content/out", folder: "Content/"))
        }
        options.output = URL(fileURLWithPath: "/")
        XCTAssertThrowsError(try options.checkOutput()) { error in
            XCTAssertEqual(error as? BuildError, .outputHoldsInput(path: "/", folder: "Content/"))
            XCTAssertEqual(
                (error as? BuildError)?.diagnostic.description,
                "/: error: the output folder holds Content/, which brief only reads; "
                    + "choose another folder (the default is Site/)")
        }
        options.output = URL(fileURLWithPath: "/site/Site")
        XCTAssertNoThrow(try options.checkOutput())
    }

    func testWarnings() {
        XCTAssertEqual(
            BuildWarning.ignoredFile(path: "Content/x.pdf").diagnostic.description,
            "Content/x.pdf:1:1: warning: ignored: brief reads .txt and .md sources only")
        XCTAssertEqual(
            BuildWarning.skippedLink(path: "Content/a.txt", target: "/etc/passwd").diagnostic.message,
            "skipped: a symbolic link to /etc/passwd, outside the site folder; "
                + "set follow_symlinks: true in brief.yml to read such links")
        XCTAssertEqual(
            BuildWarning.untaggedCompanies(path: "Content/a.md", line: 3, names: ["Acme"]).diagnostic.description,
            "Content/a.md:3:1: warning: companies: lists \"Acme\", but no story of this source names it, so it tags none"
        )
        XCTAssertEqual(
            BuildWarning.untaggedCompanies(path: "Content/a.md", line: 3, names: ["Acme", "Zeta"]).diagnostic.message,
            "companies: lists \"Acme\", \"Zeta\", but no story of this source names them, so they tag none")
        XCTAssertTrue(
            BuildWarning.baseURLNotSet(settingsFile: "brief.yml", name: "brief.yml").diagnostic.description
                .hasPrefix("brief.yml:1:1: warning: base_url is not set: "))
        XCTAssertTrue(
            BuildWarning.baseURLNotSet(settingsFile: nil, name: "brief.yml").diagnostic.description
                .hasSuffix(
                    "create brief.yml with a line such as `base_url: https://example.org/news/`, or pass --base-url"))
    }
}
