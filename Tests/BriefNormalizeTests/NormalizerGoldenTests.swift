import BriefModel
import BriefTestSupport
import XCTest

@testable import BriefNormalize

/// Source fixture → expected Markdown (and expected warnings), for varied real-looking sources.
///
/// Each `Fixtures/normalize/NAME.txt|md` has a `NAME.expected.md` beside it, and a
/// `NAME.expected.diagnostics` when normalizing it should report something. Run with
/// `BRIEF_RECORD_GOLDEN=1` to rewrite the expected files after a deliberate change, then review the diff.
final class NormalizerGoldenTests: XCTestCase {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/BriefNormalizeTests/Fixtures/normalize")

    func testEveryFixtureMatchesItsGoldenMarkdown() throws {
        let record = ProcessInfo.processInfo.environment["BRIEF_RECORD_GOLDEN"] == "1"
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) && !$0.contains(".expected.") }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 15)
        for name in names {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            var skipped = Diagnostics()
            guard let source = try? SourceDecoder.decode([UInt8](data), path: name, into: &skipped) else {
                XCTFail("\(name) did not decode")
                continue
            }
            let document = Normalizer.normalize(source)
            let base = Self.folder.appendingPathComponent((name as NSString).deletingPathExtension)
            let markdownURL = base.appendingPathExtension("expected.md")
            let diagnosticsURL = base.appendingPathExtension("expected.diagnostics")
            let diagnostics = document.diagnostics.map(\.description).joined(separator: "\n")
            if record {
                try document.markdown.write(to: markdownURL, atomically: true, encoding: .utf8)
                if diagnostics.isEmpty {
                    try? FileManager.default.removeItem(at: diagnosticsURL)
                } else {
                    try (diagnostics + "\n").write(to: diagnosticsURL, atomically: true, encoding: .utf8)
                }
                continue
            }
            let expected =
                (try? String(contentsOf: markdownURL, encoding: .utf8)) ?? "(no \(markdownURL.lastPathComponent))"
            XCTAssertEqual(
                document.markdown, expected,
                "\(name): normalized Markdown differs from \(markdownURL.lastPathComponent)")
            let expectedDiagnostics =
                (try? String(contentsOf: diagnosticsURL, encoding: .utf8))?
                .trimmingCharacters(in: .newlines) ?? ""
            XCTAssertEqual(diagnostics, expectedDiagnostics, "\(name): diagnostics differ")
        }
    }
}
