import BriefModel
import BriefNormalize
import Foundation

/// Paths and helpers shared by the normalizer tests.
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

    static let sampleHeadings = [
        "Elon Musk's Supercomputer Freaks Out AI Rivals",
        "Tesla Energy Sets New Record",
        "Faster, Better, Cheaper Supercharger Installations",
        "Xiaomi CEO Pays Homage to Elon Musk",
    ]

    /// Normalizes inline text as a plain-text source.
    static func normalize(_ text: String, path: String = "Content/test.txt") -> Document {
        Normalizer.normalize(SourceText(path: path, text: text))
    }
}
