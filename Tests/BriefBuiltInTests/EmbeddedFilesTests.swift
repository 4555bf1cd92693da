import BriefTestSupport
import Foundation
import XCTest

@testable import BriefBuiltIn

/// The files built into the binary are the repository's files, byte for byte.
final class EmbeddedFilesTests: XCTestCase {
    private func file(_ path: String) throws -> String {
        try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    func testThemeGazetteerAndSampleAreEmbedded() throws {
        XCTAssertEqual(EmbeddedFiles.files["theme/layout.mustache"], try file("Templates/layout.mustache"))
        XCTAssertEqual(
            EmbeddedFiles.files["theme/partials/story-card.mustache"],
            try file("Templates/partials/story-card.mustache"))
        XCTAssertEqual(EmbeddedFiles.files["theme/assets/style.css"], try file("Templates/assets/style.css"))
        XCTAssertEqual(EmbeddedFiles.files["data/Gazetteer.yml"], try file("Sources/BriefBuiltIn/Gazetteer.yml"))
        let sample = "tesla-unmatched-speed-of-innovation.txt"
        XCTAssertEqual(EmbeddedFiles.files["sample/" + sample], try file("Content/" + sample))
    }

    func testEveryThemeFileIsEmbedded() throws {
        let templates = Fixtures.packageRoot.appendingPathComponent("Templates")
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: templates.path))
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = templates.appendingPathComponent(relative).path
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            if !isFolder.boolValue && !hidden { files.append(relative) }
        }
        let theme = EmbeddedFiles.files.keys.filter { $0.hasPrefix("theme/") }
        let embedded = theme.map { String($0.dropFirst("theme/".count)) }
        XCTAssertEqual(Set(embedded), Set(files))
        XCTAssertGreaterThan(files.count, 10)
    }
}
