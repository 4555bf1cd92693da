import BriefModel
import XCTest

@testable import BriefOutput

/// Each error of the writer, as the command line prints it.
final class OutputErrorTests: XCTestCase {
    func testEachErrorPointsAtTheOutputFolderWithItsReason() {
        let cases: [(OutputError, String)] = [
            (
                .unreadableOutput(path: "Site", reason: "Denied"),
                "Site:1:1: error: cannot read the output folder: Denied"
            ),
            (
                .notAFolder(path: "Site"),
                "Site:1:1: error: the output path exists and is not a folder; refusing to replace it"
            ),
            (
                .unwritableOutput(path: "Site", reason: "Denied"),
                "Site:1:1: error: cannot write into the output folder: Denied"
            ),
            (
                .unwritableParent(path: "out", reason: "Denied"),
                "out:1:1: error: cannot write next to the output folder: Denied"
            ),
            (.locked(path: "Site"), "Site:1:1: error: another brief build is writing this folder right now"),
            (
                .unfinishedUpdate(path: "Site/a.html", action: "cannot move the file", reason: "Busy"),
                "Site/a.html:1:1: error: cannot finish the update a killed or failed build left: cannot move the file: Busy"
            ),
            (.unstageable(path: "out", reason: "Full"), "out:1:1: error: cannot create the staging folder: Full"),
            (.outsideOutput(path: "../x"), "../x:1:1: error: refusing to write outside the output folder"),
            (
                .fileFailure(path: "Site/a.html", action: "cannot write the file", reason: "Full"),
                "Site/a.html:1:1: error: cannot write the file: Full"
            ),
            (.unmovable(path: "Site", reason: "Busy"), "Site:1:1: error: cannot move the new site into place: Busy"),
            (
                .irreplaceable(path: "Site", reason: "Busy", aside: nil),
                "Site:1:1: error: cannot replace the output folder: Busy"
            ),
            (
                .irreplaceable(path: "Site", reason: "Busy", aside: ".Site.brief-trash/1"),
                "Site:1:1: error: cannot replace the output folder: Busy; the previous site is in .Site.brief-trash/1"
            ),
        ]
        for (error, text) in cases {
            XCTAssertEqual(error.diagnostic.description, text)
            XCTAssertEqual(DiagnosticError(error).diagnostics, [error.diagnostic])
        }
    }

    func testAFolderNotMadeByBriefIsNamedWithoutAPosition() {
        XCTAssertEqual(
            OutputError.notBriefsFolder(path: "Site").diagnostic.description,
            "Site: error: this folder was not made by brief (it has no .brief-site file), so brief will not replace it; "
                + "choose another --output or empty the folder")
    }

    func testTheWriterRefusesAFolderItDidNotMake() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("keep"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SiteWriter(output: folder)) { error in
            XCTAssertEqual(
                (error as? DiagnosticError)?.diagnostics.first?.message.hasPrefix("this folder was not made by brief"),
                true)
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.line, 0, "printed without a position")
        }
    }
}
