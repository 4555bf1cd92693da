/// Escapes text for XML and JSON output written by hand, which is much faster than
/// building documents for 50,000 pages and keeps the output byte-for-byte stable.
package enum Escaping {
    /// Text for XML content and attributes; characters XML 1.0 forbids are dropped.
    package static func xml(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0xEF
            })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A JSON string literal, quotes included.
    package static func json(_ text: String) -> String {
        var out: [UInt8] = []
        appendJSON(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `"name":"value",`
    package static func appendJSONField(_ name: String, _ value: String, to out: inout [UInt8]) {
        appendJSON(name, to: &out)
        out.append(UInt8(ascii: ":"))
        appendJSON(value, to: &out)
        out.append(UInt8(ascii: ","))
    }

    /// Appends one JSON string literal made of the texts joined by `separator`.
    package static func appendJSON(_ texts: [String], separator: String, to out: inout [UInt8]) {
        out.append(0x22)
        for (i, text) in texts.enumerated() {
            if i > 0 { appendJSONContent(separator, to: &out) }
            appendJSONContent(text, to: &out)
        }
        out.append(0x22)
    }

    /// Appends a JSON string literal, quotes included.
    package static func appendJSON(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        appendJSONContent(text, to: &out)
        out.append(0x22)
    }

    /// Appends the text escaped for inside a JSON string literal; runs of plain bytes are copied at once.
    private static func appendJSONContent(_ text: String, to out: inout [UInt8]) {
        text.withBytes { bytes in
            var plain = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x3C || b == 0xE2 else {
                    i += 1
                    continue
                }
                var escape: [UInt8]
                var length = 1
                switch b {
                case 0x22: escape = [0x5C, 0x22]
                case 0x5C: escape = [0x5C, 0x5C]
                case 0x0A: escape = [0x5C, 0x6E]
                case 0x0D: escape = [0x5C, 0x72]
                case 0x09: escape = [0x5C, 0x74]
                // \u003c keeps "</script>" harmless inside a script
                case 0x3C: escape = [0x5C, 0x75, 0x30, 0x30, 0x33, 0x63]
                case 0xE2:
                    // U+2028 and U+2029 end lines in JavaScript; other characters starting with E2 stay as they are.
                    guard i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                    escape = [0x5C, 0x75, 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? 0x38 : 0x39]
                    length = 3
                default:
                    escape = [0x5C, 0x75, 0x30, 0x30, hex(b >> 4), hex(b & 0xF)]
                }
                out.append(contentsOf: bytes[plain..<i])
                out.append(contentsOf: escape)
                i += length
                plain = i
            }
            out.append(contentsOf: bytes[plain..<bytes.count])
        }
    }

    private static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10
    }
}
