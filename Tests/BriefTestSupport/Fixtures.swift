// BriefTestSupport: what the test targets share — the package's root, the sample source, temporary
// folders. Used by tests only; depends on BriefModel (for `SourceText`) and XCTest.

import BriefModel
import Foundation
import XCTest

/// Files the tests read or write, found the same way in every test target.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The sample source the project ships, relative to the package root.
    public static let sampleFile = "Content/tesla-unmatched-speed-of-innovation.txt"

    /// The sample source the project ships.
    public static var sample: SourceText {
        let url = packageRoot.appendingPathComponent(sampleFile)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return SourceText(path: sampleFile, text: text)
    }

    /// A fresh temporary folder, removed when the test ends.
    public static func temporaryFolder(_ test: XCTestCase) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("brief-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
