import BriefModel
import BriefNormalize
import BriefTestSupport
import Foundation

/// What the normalizer tests add to the shared fixtures.
extension Fixtures {
    /// The headings of the sample, in order.
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
