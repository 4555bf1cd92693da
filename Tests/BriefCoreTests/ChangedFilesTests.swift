import BriefTestSupport
import XCTest

@testable import BriefCore

/// A build reports the site files it wrote or deleted, so that `brief serve` can tell open pages.
final class ChangedFilesTests: XCTestCase {
    private let twoStories = """
        ## Tesla Opens a Factory

        Tesla said on Monday that it opened a factory in Texas, which will build batteries for its cars.

        ## Nvidia Ships a Chip

        Nvidia said on Tuesday that it shipped a new chip to Microsoft, which will use it in its data centres.

        """

    private func build(_ options: BuildOptions) throws -> BuildReport {
        try SiteBuilder.build(options)
    }

    /// The site's files, as paths inside it; the hidden marker is not one of them.
    private func siteFiles(_ folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            return !isFolder.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }
    }

    func testABuildTellsTheFilesItWroteAndDeleted() throws {
        let folder = Fixtures.temporaryFolder(self)
        let source = folder.appendingPathComponent("Content/2024-03-01-test.md")
        try FileManager.default.createDirectory(
            at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
        try twoStories.write(to: source, atomically: true, encoding: .utf8)
        let options = BuildOptions(root: folder)

        let first = try build(options)
        let files = try siteFiles(options.output)
        XCTAssertEqual(Set(first.changedFiles), Set(files), "a first build writes every file")
        XCTAssertTrue(files.contains("stories/tesla-opens-a-factory/index.html"))

        XCTAssertEqual(try build(options).changedFiles, [], "nothing changed, nothing written")

        try twoStories.replacingOccurrences(of: "in Texas", with: "in New Mexico").write(
            to: source, atomically: true, encoding: .utf8)
        let edited = Set(try build(options).changedFiles)
        XCTAssertTrue(edited.contains("stories/tesla-opens-a-factory/index.html"), "\(edited)")
        XCTAssertFalse(edited.contains("stories/nvidia-ships-a-chip/index.html"), "\(edited)")
        XCTAssertFalse(edited.contains("assets/style.css"))

        let oneStory = twoStories.components(separatedBy: "## Nvidia")[0]
        try oneStory.write(to: source, atomically: true, encoding: .utf8)
        let removed = Set(try build(options).changedFiles)
        XCTAssertTrue(
            removed.contains("stories/nvidia-ships-a-chip/index.html"), "a deleted page is a change: \(removed)")
        let deleted = options.output.appendingPathComponent("stories/nvidia-ships-a-chip")
        XCTAssertFalse(FileManager.default.fileExists(atPath: deleted.path))
    }
}
