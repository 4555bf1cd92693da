import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefCore

/// The load steps stop with the error that says what is missing, after the warnings met on the way.
final class ContentLoaderTests: XCTestCase {
    private func load(_ folder: URL) -> [Diagnostic] {
        do {
            _ = try ContentLoader.load(BuildOptions(root: folder))
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func write(_ text: String, to path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testALowercaseContentFolderIsNamed() throws {
        let folder = Fixtures.temporaryFolder(self)
        try write("Hello\nSome text for a story.\n", to: "content/a.txt", in: folder)
        XCTAssertEqual(load(folder), [BuildError.noContentFolder(folder: "Content", lowercaseFound: true).diagnostic])
    }

    func testNoSourcesComesAfterTheIgnoredFiles() throws {
        let folder = Fixtures.temporaryFolder(self)
        try write("not a source", to: "Content/notes.pdf", in: folder)
        XCTAssertEqual(
            load(folder),
            [
                BuildWarning.ignoredFile(path: "Content/notes.pdf").diagnostic,
                BuildError.noSources(folder: "Content").diagnostic,
            ])
    }

    func testTwoSettingsFilesStopTheLoad() throws {
        let folder = Fixtures.temporaryFolder(self)
        try write(
            "Tesla Sets a Record\nTesla delivered more cars than ever, the company said.\n", to: "Content/a.txt",
            in: folder)
        try write("title: One\n", to: "brief.yml", in: folder)
        try write("title: Two\n", to: "brief.yaml", in: folder)
        XCTAssertEqual(load(folder), [BuildError.twoSettingsFiles(path: "brief.yaml").diagnostic])
    }

    func testASiteLoadsWithItsWarnings() throws {
        let folder = Fixtures.temporaryFolder(self)
        try write(
            "Tesla Sets a Record\nTesla delivered more cars than ever, the company said.\n", to: "Content/a.txt",
            in: folder)
        try write("x", to: "Content/b.pdf", in: folder)
        let content = try ContentLoader.load(BuildOptions(root: folder))
        XCTAssertEqual(content.sources.count, 1)
        XCTAssertEqual(content.diagnostics.first, BuildWarning.ignoredFile(path: "Content/b.pdf").diagnostic)
    }
}
