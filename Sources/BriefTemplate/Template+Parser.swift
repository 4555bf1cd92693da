/// Parsing entry point: tokenize, then build the node tree.
enum TemplateParser {
    static func parse(_ origin: TemplateSource) throws(TemplateError) -> [Node] {
        let bytes = Array(origin.text.utf8)
        let tokens = try Tokenizer.tokenize(bytes, origin: origin)
        var builder = TreeBuilder(bytes: bytes, tokens: tokens, origin: origin)
        return try builder.build()
    }
}

/// A cursor over template bytes. A value type, so looking ahead is just copying it.
struct Scanner {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position >= bytes.count }
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    func hasPrefix(_ pattern: [UInt8]) -> Bool { Scanner.matches(bytes, pattern, at: position) }

    mutating func skip(_ count: Int) { position = min(bytes.count, position + max(count, 0)) }

    /// Reads bytes while `predicate` holds.
    @discardableResult
    mutating func read(while predicate: (UInt8) -> Bool) -> Range<Int> {
        let start = position
        while position < bytes.count, predicate(bytes[position]) { position += 1 }
        return start..<position
    }

    /// Reads up to the next `pattern` and steps over it; returns nil and stays put when there is none.
    mutating func read(until pattern: [UInt8]) -> Range<Int>? {
        guard let first = pattern.first else { return nil }
        let last = bytes.count - pattern.count
        var index = position
        while index <= last {
            if bytes[index] == first, Scanner.matches(bytes, pattern, at: index) {
                let range = position..<index
                position = index + pattern.count
                return range
            }
            index += 1
        }
        return nil
    }

    static func matches(_ bytes: [UInt8], _ pattern: [UInt8], at index: Int) -> Bool {
        guard index >= 0, !pattern.isEmpty, pattern.count <= bytes.count - index else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}

/// A tag as read from the source, before it is placed in the tree.
struct Tag {
    enum Sigil { case variable, unescaped, section, inverted, close, partial, parent, block, comment, setDelimiters }

    let sigil: Sigil
    /// Trimmed name; for dynamic partials and parents, without the `*`.
    let name: String
    let dynamic: Bool
    /// UTF-8 offset of the opening delimiter.
    let offset: Int

    /// Tags that print nothing where they stand, so a line holding only them (and whitespace) is standalone.
    var mayStandAlone: Bool { sigil != .variable && sigil != .unescaped }
}

/// The source cut into text runs, newlines and tags. Lines are the unit of the standalone rules,
/// so text never spans a newline.
struct Token {
    enum Kind {
        case text
        case newline
        case tag(Tag)
    }

    let kind: Kind
    let range: Range<Int>

    var isNewline: Bool { if case .newline = kind { true } else { false } }
}

enum Tokenizer {
    static func tokenize(_ bytes: [UInt8], origin: TemplateSource) throws(TemplateError) -> [Token] {
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        var scanner = Scanner(bytes)
        var tokens: [Token] = []
        var textStart = 0

        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(Token(kind: .text, range: textStart..<end)) }
        }

        while let byte = scanner.current {
            if byte == 0x0A {
                var end = scanner.position
                if end > textStart, bytes[end - 1] == 0x0D { end -= 1 }
                flushText(upTo: end)
                scanner.skip(1)
                tokens.append(Token(kind: .newline, range: end..<scanner.position))
                textStart = scanner.position
            } else if scanner.hasPrefix(open) {
                flushText(upTo: scanner.position)
                tokens.append(try readTag(&scanner, open: &open, close: &close, origin: origin))
                textStart = scanner.position
            } else {
                let opener = open.first ?? 0x7B
                scanner.skip(1)
                scanner.read(while: { $0 != 0x0A && $0 != opener })
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    private static func readTag(
        _ scanner: inout Scanner, open: inout [UInt8], close: inout [UInt8], origin: TemplateSource
    ) throws(TemplateError) -> Token {
        let bytes = scanner.bytes
        let start = scanner.position
        scanner.skip(open.count)
        func unclosed() -> TemplateError {
            origin.error(
                .unclosedTag, at: start, "tag opened with \"\(string(open))\" is never closed with \"\(string(close))\""
            )
        }

        func token(_ sigil: Tag.Sigil, _ name: String, dynamic: Bool = false) -> Token {
            Token(
                kind: .tag(Tag(sigil: sigil, name: name, dynamic: dynamic, offset: start)),
                range: start..<scanner.position)
        }
        func tagText() -> String { excerpt(bytes[start..<scanner.position]) }

        switch scanner.current {
        case 0x7B:  // {{{name}}}
            scanner.skip(1)
            guard let content = scanner.read(until: [0x7D] + close) else { throw unclosed() }
            let name = trimmed(bytes, content)
            guard !name.isEmpty else {
                throw origin.error(.emptyTagName, at: start, "tag \"\(tagText())\" has no name")
            }
            return token(.unescaped, string(name))

        case 0x3D:  // {{=<% %>=}}
            scanner.skip(1)
            var probe = scanner
            guard let content = scanner.read(until: [0x3D] + close) else {
                if probe.read(until: close) != nil {
                    throw origin.error(
                        .badDelimiters, at: start, "set-delimiter tag must end with \"=\(string(close))\"")
                }
                throw unclosed()
            }
            let parts = trimmed(bytes, content).split(whereSeparator: isWhitespace)
            guard parts.count == 2, !parts.contains(where: { $0.contains(0x3D) }) else {
                throw origin.error(
                    .badDelimiters, at: start,
                    "set-delimiter tag \"\(tagText())\" needs two delimiters separated by whitespace, without whitespace or \"=\" inside them"
                )
            }
            open = Array(parts[0])
            close = Array(parts[1])
            return token(.setDelimiters, "")

        default:
            guard let content = scanner.read(until: close) else { throw unclosed() }
            let sigil: Tag.Sigil
            switch content.isEmpty ? nil : bytes[content.lowerBound] {
            case 0x21: return token(.comment, "")  // !
            case 0x23: sigil = .section  // #
            case 0x5E: sigil = .inverted  // ^
            case 0x2F: sigil = .close  // /
            case 0x3E: sigil = .partial  // >
            case 0x3C: sigil = .parent  // <
            case 0x24: sigil = .block  // $
            case 0x26: sigil = .unescaped  // &
            default: sigil = .variable
            }
            var name = trimmed(bytes, sigil == .variable ? content : content.dropFirst())
            var dynamic = false
            if sigil == .partial || sigil == .parent, name.first == 0x2A {  // *
                dynamic = true
                name = trimmed(name.dropFirst())
            }
            guard !name.isEmpty else {
                throw origin.error(.emptyTagName, at: start, "tag \"\(tagText())\" has no name")
            }
            return token(sigil, string(name), dynamic: dynamic)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> ArraySlice<UInt8> {
        trimmed(bytes[range])
    }

    private static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }

    private static func string<S: Sequence<UInt8>>(_ bytes: S) -> String {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    /// A tag's text for messages, shortened so a runaway tag does not flood the log.
    private static func excerpt(_ bytes: ArraySlice<UInt8>) -> String {
        let text = string(bytes)
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
