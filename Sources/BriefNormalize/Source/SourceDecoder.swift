import BriefModel
import Foundation

/// Turns a file's bytes into a `SourceText`, or explains why it cannot be used.
///
/// Scraped folders hold all sorts of files; a source that is empty, binary, not UTF-8
/// or too large must never crash the build or end up on the site as garbage.
public enum SourceDecoder {
    /// What became of the bytes: a source to normalize, a file to skip with a warning, or an error.
    public enum Outcome: Sendable {
        case source(SourceText)
        /// Not used, with a warning (empty or binary).
        case skipped(Diagnostic)
        /// Not usable and the user must fix it.
        case failed(Diagnostic)
    }

    /// The default largest source accepted, in bytes.
    public static let defaultSizeLimit = 16 * 1024 * 1024

    /// Decodes UTF-8 (dropping a BOM), after checking size and that the bytes are text; never throws or traps.
    public static func decode(_ bytes: [UInt8], path: String, sizeLimit: Int = defaultSizeLimit) -> Outcome {
        if bytes.count > sizeLimit {
            return .failed(sizeError(path: path, size: bytes.count, limit: sizeLimit))
        }
        if let kind = binaryKind(bytes) {
            return .skipped(.warning(path, "skipped: \(kind), not a text source"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = (firstInvalidUTF8(body) ?? 0) + (bytes.count - body.count)
            let (line, column) = lineAndColumn(bytes, offset: offset)
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            return .failed(
                .error(
                    path, line: line, column: column,
                    "invalid UTF-8 (byte 0x\(byte) at byte offset \(offset)); save the file as UTF-8"))
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            return .skipped(
                .warning(path, body.isEmpty ? "skipped: the file is empty" : "skipped: the file holds only white space")
            )
        }
        return .source(SourceText(path: path, text: text))
    }

    /// The error for a source over the size limit (checked before reading it, to keep memory bounded).
    package static func sizeError(path: String, size: Int, limit: Int) -> Diagnostic {
        .error(
            path,
            "source is \(formatBytes(size)), larger than the limit of \(formatBytes(limit)); split it or raise max_source_size in brief.yml"
        )
    }

    /// Names what the bytes look like when they are clearly not text.
    static func binaryKind(_ bytes: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("a PNG image", [0x89, 0x50, 0x4E, 0x47]),
            ("a JPEG image", [0xFF, 0xD8, 0xFF]),
            ("a GIF image", Array("GIF8".utf8)),
            ("a PDF document", Array("%PDF".utf8)),
            ("a ZIP archive (or an Office document)", [0x50, 0x4B, 0x03, 0x04]),
            ("a gzip archive", [0x1F, 0x8B]),
        ]
        for (name, magic) in signatures where bytes.starts(with: magic) { return name }
        if bytes.withUnsafeBufferPointer({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            return "a binary file (it contains NUL bytes)"
        }
        let sample = bytes.prefix(8192)
        var controls = 0
        for b in sample where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        if sample.count >= 32 && controls * 10 > sample.count { return "a binary file (mostly control bytes)" }
        return nil
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i - bytes.startIndex
            }
            if end - i < length { return i - bytes.startIndex }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if c < lo || c > hi { return i - bytes.startIndex }
            }
            i += length
        }
        return nil
    }

    static func lineAndColumn(_ bytes: [UInt8], offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    static func formatBytes(_ n: Int) -> String {
        if n >= 1024 * 1024 { return String(format: "%.1f MB", Double(n) / 1_048_576) }
        if n >= 1024 { return String(format: "%.1f KB", Double(n) / 1024) }
        return "\(n) bytes"
    }
}
