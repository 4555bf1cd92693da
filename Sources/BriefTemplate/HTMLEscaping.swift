/// HTML escaping for `{{name}}`, with a scan-only fast path because most values need no escaping.
///
/// Escapes `& < > "` as the Mustache spec requires; apostrophes pass through.
enum HTMLEscaping {
    /// Appends `string`, escaped, to `out`.
    static func append(_ string: String, to out: inout RenderOutput) {
        let handled: Void? = string.utf8.withContiguousStorageIfAvailable { append($0, of: string, to: &out) }
        if handled == nil {
            var copy = string
            copy.withUTF8 { append($0, of: string, to: &out) }
        }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, of string: String, to out: inout RenderOutput) {
        var high: UInt8 = 0
        var special = false
        for byte in bytes {
            high |= byte
            if isSpecial(byte) { special = true }
        }
        switch (special, high < 0x80) {
        case (false, true):
            out.appendASCII(bytes)
        case (false, false):
            out.appendNonASCII(string)
        case (true, true):
            appendEscaped(bytes) { out.appendASCII($0) }
        case (true, false):
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            appendEscaped(bytes) { escaped.append(contentsOf: $0) }
            out.appendNonASCII(String(decoding: escaped, as: UTF8.self))
        }
    }

    private static func appendEscaped(
        _ bytes: UnsafeBufferPointer<UInt8>, _ write: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        for index in 0..<bytes.count where isSpecial(bytes[index]) {
            if start < index { write(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            replacement(for: bytes[index]).withUnsafeBufferPointer { write($0) }
            start = index + 1
        }
        if start < bytes.count { write(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
    }

    /// All four special bytes are below 0x3F, so letters are rejected with one comparison.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x3F && (byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22)
    }

    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let quot: [UInt8] = Array("&quot;".utf8)

    private static func replacement(for byte: UInt8) -> [UInt8] {
        switch byte {
        case 0x26: amp
        case 0x3C: lt
        case 0x3E: gt
        default: quot
        }
    }
}
