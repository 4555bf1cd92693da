import BriefModel
import Foundation

/// Turns a file's bytes into a `SourceText`, or explains why it cannot be used.
///
/// Scraped folders hold all sorts of files; a source that is empty, binary, not UTF-8
/// or too large must never crash the build or end up on the site as garbage.
public enum SourceDecoder {
    /// The default largest source accepted, in bytes.
    public static let defaultSizeLimit = 16 * 1024 * 1024

    /// Decodes UTF-8 (dropping a BOM), after checking size and that the bytes are text; never traps.
    /// - Returns: the source, or nil for a file that is no source (empty, white space only, binary), with a
    ///   `DecodeWarning` recorded in `diagnostics`.
    /// - Throws: the `DecodeError` the user must fix (too large, not UTF-8); nothing is recorded before it.
    public static func decode(
        _ bytes: [UInt8], path: String, sizeLimit: Int = defaultSizeLimit, into diagnostics: inout Diagnostics
    ) throws(DiagnosticError) -> SourceText? {
        if bytes.count > sizeLimit {
            throw DiagnosticError(DecodeError.tooLarge(path: path, size: bytes.count, limit: sizeLimit))
        }
        if let kind = binaryKind(bytes) {
            diagnostics.add(DecodeWarning.binary(path: path, kind: kind))
            return nil
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = (firstInvalidUTF8(body) ?? 0) + (bytes.count - body.count)
            let (line, column) = lineAndColumn(bytes, offset: offset)
            throw DiagnosticError(
                DecodeError.invalidUTF8(path: path, line: line, column: column, byte: bytes[offset], offset: offset))
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            diagnostics.add(body.isEmpty ? DecodeWarning.empty(path: path) : DecodeWarning.whiteSpaceOnly(path: path))
            return nil
        }
        return SourceText(path: path, text: text)
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

/// Why a file's bytes cannot be a source, which the user must fix: each case carries the file's path as the
/// user should see it (and the line and column, where there is one); `diagnostic` gives the printed text.
public enum DecodeError: Error, DiagnosticConvertible, Equatable {
    /// The file holds `size` bytes, more than `max_source_size` (`limit`); checked before reading it, to keep
    /// memory bounded, and again on the bytes.
    case tooLarge(path: String, size: Int, limit: Int)
    /// The file is not UTF-8: `byte`, at `offset` from the file's start, begins no valid sequence.
    case invalidUTF8(path: String, line: Int, column: Int, byte: UInt8, offset: Int)

    /// The error as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .tooLarge(let path, let size, let limit):
            .error(
                path,
                "source is \(SourceDecoder.formatBytes(size)), larger than the limit of "
                    + "\(SourceDecoder.formatBytes(limit)); split it or raise max_source_size in brief.yml")
        case .invalidUTF8(let path, let line, let column, let byte, let offset):
            .error(
                path, line: line, column: column,
                "invalid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset)); "
                    + "save the file as UTF-8")
        }
    }
}

/// Why a file of `Content/` is passed over: it is no source, and the rest of the build goes on. Each case
/// carries the file's path as the user should see it.
public enum DecodeWarning: DiagnosticConvertible, Equatable {
    /// The bytes are `kind` ("a PNG image"), not text.
    case binary(path: String, kind: String)
    /// The file has no bytes (or only a BOM).
    case empty(path: String)
    /// The file holds only white space.
    case whiteSpaceOnly(path: String)

    /// The warning as the command line prints it.
    public var diagnostic: Diagnostic {
        switch self {
        case .binary(let path, let kind): .warning(path, "skipped: \(kind), not a text source")
        case .empty(let path): .warning(path, "skipped: the file is empty")
        case .whiteSpaceOnly(let path): .warning(path, "skipped: the file holds only white space")
        }
    }
}
