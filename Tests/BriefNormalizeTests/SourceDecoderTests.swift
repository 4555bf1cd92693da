import BriefModel
import XCTest

@testable import BriefNormalize

final class SourceDecoderTests: XCTestCase {
    private func decode(_ bytes: [UInt8], limit: Int = SourceDecoder.defaultSizeLimit) -> SourceDecoder.Outcome {
        SourceDecoder.decode(bytes, path: "Content/x.txt", sizeLimit: limit)
    }

    func testPlainTextAndBOM() {
        guard case .source(let source) = decode([0xEF, 0xBB, 0xBF] + Array("Hello\r\nworld".utf8)) else {
            return XCTFail()
        }
        XCTAssertEqual(source.text, "Hello\r\nworld")
        XCTAssertEqual(source.format, .plainText)
    }

    func testEmptyAndWhitespaceAreSkippedWithAWarning() {
        for bytes in [[], Array("  \n\t\r\n ".utf8)] {
            guard case .skipped(let warning) = decode(bytes) else { return XCTFail() }
            XCTAssertEqual(warning.severity, .warning)
            XCTAssertEqual(warning.file, "Content/x.txt")
        }
    }

    func testBinaryIsSkipped() {
        guard case .skipped(let png) = decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) else {
            return XCTFail()
        }
        XCTAssertTrue(png.message.contains("PNG"), png.message)
        guard case .skipped(let nul) = decode(Array("text\0more".utf8)) else { return XCTFail() }
        XCTAssertTrue(nul.message.contains("NUL"), nul.message)
    }

    func testInvalidUTF8NamesLineColumnAndOffset() {
        let bytes = Array("line one\nline two \u{e9}t\u{e9}\nab".utf8) + [0xFF] + Array("cd".utf8)
        guard case .failed(let error) = decode(bytes) else { return XCTFail() }
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 3)
        XCTAssertTrue(error.message.contains("byte offset \(bytes.count - 3)"), error.message)
        XCTAssertTrue(error.message.contains("0xFF"), error.message)
    }

    func testTruncatedMultibyteSequenceIsInvalid() {
        guard case .failed = decode(Array("caf".utf8) + [0xC3]) else { return XCTFail() }
        guard case .failed = decode([0xED, 0xA0, 0x80]) else { return XCTFail("surrogates are not UTF-8") }
    }

    func testSizeLimit() {
        guard case .failed(let error) = decode(Array(repeating: UInt8(ascii: "a"), count: 2048), limit: 1024) else {
            return XCTFail()
        }
        XCTAssertTrue(error.message.contains("larger than the limit"), error.message)
    }
}
