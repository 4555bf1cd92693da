import BriefModel
import XCTest

@testable import BriefNormalize

final class SourceDecoderTests: XCTestCase {
    /// The source decoded from `bytes`, or nil, and what was recorded or thrown.
    private func decode(_ bytes: [UInt8], limit: Int = SourceDecoder.defaultSizeLimit) -> (
        source: SourceText?, diagnostics: [Diagnostic]
    ) {
        var diagnostics = Diagnostics()
        do {
            let source = try SourceDecoder.decode(bytes, path: "Content/x.txt", sizeLimit: limit, into: &diagnostics)
            return (source, diagnostics.all)
        } catch {
            XCTAssertTrue(diagnostics.isEmpty, "nothing is recorded before the decoder throws")
            return (nil, error.diagnostics)
        }
    }

    func testPlainTextAndBOM() throws {
        let decoded = decode([0xEF, 0xBB, 0xBF] + Array("Hello\r\nworld".utf8))
        let source = try XCTUnwrap(decoded.source)
        XCTAssertEqual(source.text, "Hello\r\nworld")
        XCTAssertEqual(source.format, .plainText)
        XCTAssertEqual(decoded.diagnostics, [])
    }

    func testEmptyAndWhitespaceAreSkippedWithAWarning() {
        for (bytes, warning) in [
            ([], DecodeWarning.empty(path: "Content/x.txt")), ([0xEF, 0xBB, 0xBF], .empty(path: "Content/x.txt")),
            (Array("  \n\t\r\n ".utf8), .whiteSpaceOnly(path: "Content/x.txt")),
        ] {
            let decoded = decode(bytes)
            XCTAssertNil(decoded.source)
            XCTAssertEqual(decoded.diagnostics, [warning.diagnostic])
        }
    }

    func testBinaryIsSkipped() {
        let png = decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])
        XCTAssertNil(png.source)
        XCTAssertEqual(png.diagnostics, [DecodeWarning.binary(path: "Content/x.txt", kind: "a PNG image").diagnostic])
        let nul = decode(Array("text\0more".utf8))
        XCTAssertEqual(
            nul.diagnostics,
            [DecodeWarning.binary(path: "Content/x.txt", kind: "a binary file (it contains NUL bytes)").diagnostic])
    }

    func testInvalidUTF8NamesLineColumnAndOffset() {
        let bytes = Array("line one\nline two \u{e9}t\u{e9}\nab".utf8) + [0xFF] + Array("cd".utf8)
        XCTAssertEqual(
            decode(bytes).diagnostics,
            [
                DecodeError.invalidUTF8(path: "Content/x.txt", line: 3, column: 3, byte: 0xFF, offset: bytes.count - 3)
                    .diagnostic
            ])
    }

    func testTruncatedMultibyteSequenceIsInvalid() {
        XCTAssertEqual(decode(Array("caf".utf8) + [0xC3]).diagnostics.map(\.severity), [.error])
        XCTAssertEqual(decode([0xED, 0xA0, 0x80]).diagnostics.map(\.severity), [.error], "surrogates are not UTF-8")
    }

    func testSizeLimit() {
        XCTAssertEqual(
            decode(Array(repeating: UInt8(ascii: "a"), count: 2048), limit: 1024).diagnostics,
            [DecodeError.tooLarge(path: "Content/x.txt", size: 2048, limit: 1024).diagnostic])
    }

    func testEachProblemIsWordedAtItsPlace() {
        let cases: [(DiagnosticConvertible, String)] = [
            (
                DecodeError.tooLarge(path: "Content/x.txt", size: 20 * 1024 * 1024, limit: 16 * 1024 * 1024),
                "Content/x.txt:1:1: error: source is 20.0 MB, larger than the limit of 16.0 MB; "
                    + "split it or raise max_source_size in brief.yml"
            ),
            (
                DecodeError.tooLarge(path: "Content/x.txt", size: 2048, limit: 1000),
                "Content/x.txt:1:1: error: source is 2.0 KB, larger than the limit of 1000 bytes; "
                    + "split it or raise max_source_size in brief.yml"
            ),
            (
                DecodeError.invalidUTF8(path: "Content/x.txt", line: 3, column: 4, byte: 0xC3, offset: 21),
                "Content/x.txt:3:4: error: invalid UTF-8 (byte 0xC3 at byte offset 21); save the file as UTF-8"
            ),
            (
                DecodeWarning.binary(path: "Content/x.txt", kind: "a PDF document"),
                "Content/x.txt:1:1: warning: skipped: a PDF document, not a text source"
            ),
            (DecodeWarning.empty(path: "Content/x.txt"), "Content/x.txt:1:1: warning: skipped: the file is empty"),
            (
                DecodeWarning.whiteSpaceOnly(path: "Content/x.txt"),
                "Content/x.txt:1:1: warning: skipped: the file holds only white space"
            ),
        ]
        for (problem, printed) in cases { XCTAssertEqual(problem.diagnostic.description, printed) }
    }
}
