/// Reads JSON text (RFC 8259, UTF-8) into a `TemplateValue`, and says where the first problem is:
/// a theme author's data file deserves a line and column, which Foundation's decoder does not give.
struct JSONReader {
    /// Deeper nesting is refused rather than read with ever deeper recursion.
    static let maxDepth = 512

    private let bytes: [UInt8]
    private var offset = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func read(_ bytes: [UInt8]) throws(TemplateValue.JSONError) -> TemplateValue {
        var reader = JSONReader(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.offset = 3 }
        reader.skipSpace()
        let value = try reader.value()
        reader.skipSpace()
        guard reader.offset == bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private mutating func value() throws(TemplateValue.JSONError) -> TemplateValue {
        guard offset < bytes.count else { throw error("the data ends where a value was expected") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try list()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("expected a value: an object, a list, a string, a number, true, false or null")
        }
    }

    private mutating func object() throws(TemplateValue.JSONError) -> TemplateValue {
        try enter()
        var values: [String: TemplateValue] = [:]
        if skip(UInt8(ascii: "}")) { return leave(.dictionary(values)) }
        repeat {
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                throw error("expected a key in double quotes")
            }
            let key = try string()
            skipSpace()
            guard skip(UInt8(ascii: ":")) else { throw error("expected ':' after the key") }
            skipSpace()
            values[key] = try value()
        } while try separator(closing: UInt8(ascii: "}"))
        return leave(.dictionary(values))
    }

    private mutating func list() throws(TemplateValue.JSONError) -> TemplateValue {
        try enter()
        var values: [TemplateValue] = []
        if skip(UInt8(ascii: "]")) { return leave(.list(values)) }
        repeat {
            skipSpace()
            values.append(try value())
        } while try separator(closing: UInt8(ascii: "]"))
        return leave(.list(values))
    }

    /// Steps over the opening bracket, and the space after it.
    private mutating func enter() throws(TemplateValue.JSONError) {
        guard depth < Self.maxDepth else { throw error("the data is nested more than \(Self.maxDepth) levels deep") }
        depth += 1
        offset += 1
        skipSpace()
    }

    private mutating func leave(_ value: TemplateValue) -> TemplateValue {
        depth -= 1
        return value
    }

    /// After an entry: true at a comma (another entry follows), false at the closing bracket.
    private mutating func separator(closing: UInt8) throws(TemplateValue.JSONError) -> Bool {
        skipSpace()
        if skip(UInt8(ascii: ",")) { return true }
        if skip(closing) { return false }
        throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
    }

    private mutating func literal(
        _ word: String,
        _ value: TemplateValue
    ) throws(TemplateValue.JSONError) -> TemplateValue {
        guard bytes[offset...].starts(with: word.utf8) else {
            throw error("expected a value: an object, a list, a string, a number, true, false or null")
        }
        offset += word.utf8.count
        return value
    }

    private mutating func number() throws(TemplateValue.JSONError) -> Double {
        let start = offset
        _ = skip(UInt8(ascii: "-"))
        if !skip(UInt8(ascii: "0")) {
            guard digits() > 0 else { throw error("expected a digit") }
        }
        if skip(UInt8(ascii: ".")) {
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if skip(UInt8(ascii: "e")) || skip(UInt8(ascii: "E")) {
            if !skip(UInt8(ascii: "+")) { _ = skip(UInt8(ascii: "-")) }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        guard let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)), value.isFinite else {
            throw error("the number is too large", at: start)
        }
        return value
    }

    private mutating func digits() -> Int {
        let start = offset
        while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
        return offset - start
    }

    private mutating func string() throws(TemplateValue.JSONError) -> String {
        let start = offset
        offset += 1
        var text: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let string = String(validating: text, as: UTF8.self) else {
                    throw error("the string is not valid UTF-8", at: start)
                }
                return string
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case ..<0x20:
                throw error("a control character in a string must be written as an escape such as \\n")
            default:
                text.append(byte)
                offset += 1
            }
        }
        throw error("the string is not closed", at: start)
    }

    private mutating func escape(into text: inout [UInt8]) throws(TemplateValue.JSONError) {
        let start = offset
        offset += 1
        guard offset < bytes.count else { throw error("the data ends inside an escape", at: start) }
        // \" \\ \/ \b \f \n \r \t
        let simple: [UInt8: UInt8] = [
            0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D,
            0x74: 0x09,
        ]
        if let byte = simple[bytes[offset]] {
            text.append(byte)
            offset += 1
            return
        }
        guard bytes[offset] == UInt8(ascii: "u") else { throw error("unknown escape", at: start) }
        var code = try hex4(at: start)
        if (0xD800...0xDBFF).contains(code) {
            guard bytes[offset...].starts(with: [0x5C, 0x75]) else { throw error("a lone surrogate escape", at: start) }
            offset += 1
            let low = try hex4(at: start)
            guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate escape", at: start) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("a lone surrogate escape", at: start) }
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// The four hex digits after a `u`, which `offset` is at.
    private mutating func hex4(at start: Int) throws(TemplateValue.JSONError) -> UInt32 {
        offset += 1
        guard offset + 4 <= bytes.count else { throw error("expected four hex digits after \\u", at: start) }
        var code: UInt32 = 0
        for byte in bytes[offset..<(offset + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw error("expected four hex digits after \\u", at: start)
            }
            code = code << 4 | UInt32(digit)
        }
        offset += 4
        return code
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    private mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
    }

    /// An error at `position` (by default where reading stopped), with its line and column counted in characters.
    private func error(_ message: String, at position: Int? = nil) -> TemplateValue.JSONError {
        let end = min(position ?? offset, bytes.count)
        let lineStart = bytes[..<end].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = 1 + bytes[..<lineStart].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        let column = 1 + bytes[lineStart..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return TemplateValue.JSONError(line: line, column: column, message: message)
    }
}
