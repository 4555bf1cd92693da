import BriefModel
import Foundation

/// The sample source the project ships, for the site tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let sampleFile = "Content/tesla-unmatched-speed-of-innovation.txt"

    /// The sample source the project ships.
    static var sample: SourceText {
        let url = packageRoot.appendingPathComponent(sampleFile)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return SourceText(path: sampleFile, text: text)
    }
}
