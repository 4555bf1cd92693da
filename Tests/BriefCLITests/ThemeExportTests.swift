import Foundation
import XCTest

/// `brief theme export` writes the built-in theme to start a custom one from, never over a file that exists.
final class ThemeExportTests: XCTestCase {
    func testTheExportedThemeIsTheBuiltInOne() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build", "--output", "Plain"], in: folder).status, 0)
        let export = try BriefRunner.run(["theme", "export"], in: folder)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("created Templates/layout.mustache\n"), export.stdout)
        XCTAssertTrue(export.stdout.contains("created Templates/partials/story-card.mustache\n"), export.stdout)

        // Every file of the repository's theme, byte for byte …
        let theme = BriefRunner.packageRoot.appendingPathComponent("Templates")
        let exported = folder.appendingPathComponent("Templates")
        XCTAssertEqual(BriefRunner.files(in: exported), BriefRunner.files(in: theme))
        for path in BriefRunner.files(in: theme) {
            XCTAssertEqual(
                try Data(contentsOf: exported.appendingPathComponent(path)),
                try Data(contentsOf: theme.appendingPathComponent(path)), path)
        }
        // … so that a site built with it is the site built without it.
        XCTAssertEqual(try BriefRunner.run(["build", "--output", "Themed"], in: folder).status, 0)
        let plain = E2E.snapshot(folder.appendingPathComponent("Plain"))
        XCTAssertGreaterThan(plain.count, 10)
        E2E.assertSameFiles(E2E.snapshot(folder.appendingPathComponent("Themed")), plain, "the exported theme")
    }

    func testAFileThatExistsIsKept() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write("<p>My own layout</p>\n", "my-theme/layout.mustache", in: folder)
        let export = try BriefRunner.run(["theme", "export", "my-theme"], in: folder)
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("kept my-theme/layout.mustache (it exists)\n"), export.stdout)
        XCTAssertTrue(export.stdout.contains("created my-theme/story.mustache\n"), export.stdout)
        XCTAssertEqual(
            BriefRunner.read(folder.appendingPathComponent("my-theme/layout.mustache")), "<p>My own layout</p>\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Templates").path))

        let again = try BriefRunner.run(["theme", "export", "my-theme"], in: folder)
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.stdout.contains("created"), "nothing left to write: \(again.stdout)")
    }

    func testAFolderThatCannotBeWrittenIsAnError() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write("not a folder\n", "Templates", in: folder)
        let export = try BriefRunner.run(["theme", "export"], in: folder)
        XCTAssertEqual(export.status, 1)
        XCTAssertTrue(export.stderr.contains("error: cannot write the file"), export.stderr)
    }
}
