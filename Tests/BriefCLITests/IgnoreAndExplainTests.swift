import Foundation
import XCTest

/// brief.yml's `ignore:` (a site's own chrome, removed before normalizing) and `brief normalize
/// --explain` (why each line was kept or left out), through the built binary.
final class IgnoreAndExplainTests: XCTestCase {
    static let source = """
        Harbor Robots Set a Record
        Dockside robots moved more containers than ever in the third quarter, the port authority said.
        Get the Harborwire app for daily freight news
        The robots now handle a third of the night shift at the two largest terminals.
        [00:01:02] Crane operators said the change went smoothly.
        Share this article: Twitter Facebook LinkedIn

        """

    func testIgnorePatternsRemoveLinesInBuildsAndSayHowMany() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write(Self.source, "Content/harbor.txt", in: folder)
        try E2E.write("ignore:\n  - Harborwire app\n  - /^\\[[0-9:]+\\] Crane operators/\n", "brief.yml", in: folder)
        let build = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = E2E.read(folder.appendingPathComponent("Site"), "briefings/harbor-robots-set-a-record/index.html")
        XCTAssertTrue(page.contains("a third of the night shift"), page)
        XCTAssertFalse(page.contains("Harborwire app"), page)
        XCTAssertFalse(page.contains("Crane operators"), page)

        let normalize = try BriefRunner.run(["normalize", "Content/harbor.txt"], in: folder)
        XCTAssertEqual(normalize.status, 0, normalize.stderr)
        XCTAssertFalse(normalize.stdout.contains("Harborwire app"))
        XCTAssertTrue(
            normalize.stderr.contains(
                "Content/harbor.txt: brief.yml's ignore pattern \"Harborwire app\" removed 1 line"),
            normalize.stderr)
        XCTAssertTrue(
            normalize.stderr.contains("\"/^\\[[0-9:]+\\] Crane operators/\" removed 1 line"), normalize.stderr)

        // Changing the patterns processes the cached source again.
        try E2E.write("ignore:\n  - Harborwire app\n", "brief.yml", in: folder)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let again = E2E.read(folder.appendingPathComponent("Site"), "briefings/harbor-robots-set-a-record/index.html")
        XCTAssertTrue(again.contains("Crane operators said the change went smoothly."), again)
    }

    func testAnInvalidPatternIsAnErrorWithItsPlace() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write(Self.source, "Content/harbor.txt", in: folder)
        try E2E.write("title: Freight\nignore:\n  - /(unclosed/\n", "brief.yml", in: folder)
        let build = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(
            build.stderr.contains("brief.yml:3:5: error: \"ignore\": /(unclosed/ is not a valid regular expression"),
            build.stderr)
    }

    func testExplainSaysWhatEachLineWas() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write(Self.source, "Content/harbor.txt", in: folder)
        try E2E.write("ignore: [Harborwire app]\n", "brief.yml", in: folder)
        let result = try BriefRunner.run(["normalize", "--explain", "Content/harbor.txt"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).prefix(3).joined(separator: " ")
        }
        XCTAssertEqual(result.stdout.split(separator: "\n").first, "Content/harbor.txt:")
        XCTAssertTrue(lines.contains("1 title Harbor"), result.stdout)
        XCTAssertTrue(lines.contains("2 text Dockside"), result.stdout)
        XCTAssertTrue(lines.contains("3 ignored (brief.yml:"), result.stdout)
        let timed = result.stdout.split(separator: "\n").first { $0.contains("[00:01:02] Crane operators") } ?? ""
        XCTAssertTrue(timed.contains(" 5  text (time code taken off) "), result.stdout)
        XCTAssertTrue(lines.contains("6 chrome (share)"), result.stdout)

        let json = try BriefRunner.run(["normalize", "--json", "--explain", "Content/harbor.txt"], in: folder)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let explained = try XCTUnwrap(object["lines"] as? [[String: Any]])
        XCTAssertEqual(explained.first { $0["line"] as? Int == 6 }?["what"] as? String, "chrome (share)")
        XCTAssertEqual((object["ignored"] as? [[String: Any]])?.first?["lines"] as? Int, 1)
    }
}
