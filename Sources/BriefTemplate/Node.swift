/// One piece of a parsed template.
///
/// Standalone-line whitespace is already removed at parse time, and line starts are recorded
/// (`lineStart`, and the segments of `Text`) so one tree renders correctly at any indentation
/// as a partial or block, without reparsing. Payloads are final classes so visiting a node
/// costs one reference count, not one per field.
enum Node: Sendable {
    case text(Text)
    /// The start of a source line that begins with a tag rather than text.
    case lineStart
    case variable(Variable)
    case section(Section)
    case partial(Partial)
    case parent(Parent)
    case block(Block)
}

extension Node {
    /// Literal text, with its pieces pre-split where indentation goes.
    final class Text: Sendable {
        let string: String
        /// Lets the output buffer batch this text as bytes.
        let isASCII: Bool
        /// The UTF-8 of `string` when it is ASCII (copied without re-encoding), else empty.
        let bytes: [UInt8]
        /// Where `segments` start in `bytes`, plus `bytes.count`, when ASCII.
        let segmentEnds: [Int]
        /// `string` cut after each inner newline that starts a non-empty line; the renderer puts
        /// the current indentation between consecutive segments. Empty when there is no such newline.
        let segments: [String]

        init(_ bytes: [UInt8]) {
            string = String(decoding: bytes, as: UTF8.self)
            isASCII = bytes.allSatisfy { $0 < 0x80 }
            self.bytes = isASCII ? bytes : []
            var segments: [String] = []
            var start = 0
            let count = bytes.count
            for index in 0..<count where bytes[index] == 0x0A {
                let next = index + 1
                guard next < count, bytes[next] != 0x0A else { continue }
                if bytes[next] == 0x0D, next + 1 < count, bytes[next + 1] == 0x0A { continue }
                segments.append(String(decoding: bytes[start..<next], as: UTF8.self))
                start = next
            }
            if !segments.isEmpty { segments.append(String(decoding: bytes[start..<count], as: UTF8.self)) }
            self.segments = segments
            var ends: [Int] = []
            if isASCII {
                var end = 0
                for segment in segments {
                    end += segment.utf8.count
                    ends.append(end)
                }
            }
            self.segmentEnds = ends
        }
    }

    /// A dotted name split once at parse time. A class, so passing it around costs one reference.
    final class Name: Sendable {
        let raw: String
        /// The first component, looked up through the context stack; empty for the implicit iterator `.`.
        let first: String
        /// Later components, looked up only inside what `first` found.
        let rest: [String]
        let isImplicit: Bool

        init(_ raw: String) {
            self.raw = raw
            isImplicit = raw == "."
            let components =
                isImplicit ? [] : raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            first = components.first ?? ""
            rest = Array(components.dropFirst())
        }
    }

    /// A partial or parent name: fixed, or read from the data (`{{>*name}}`).
    enum Target: Sendable {
        case named(String)
        case dynamic(Name)

        var display: String {
            switch self {
            case .named(let name): name
            case .dynamic(let name): "*" + name.raw
            }
        }
    }

    final class Variable: Sendable {
        let name: Name
        let escaped: Bool
        let offset: Int

        init(name: Name, escaped: Bool, offset: Int) {
            self.name = name
            self.escaped = escaped
            self.offset = offset
        }
    }

    final class Section: Sendable {
        let name: Name
        let inverted: Bool
        let body: [Node]
        let offset: Int

        init(name: Name, inverted: Bool, body: [Node], offset: Int) {
            self.name = name
            self.inverted = inverted
            self.body = body
            self.offset = offset
        }
    }

    final class Partial: Sendable {
        let target: Target
        /// Indentation of a standalone tag; nil when the tag shares its line with other content.
        let indent: String?
        let offset: Int

        init(target: Target, indent: String?, offset: Int) {
            self.target = target
            self.indent = indent
            self.offset = offset
        }
    }

    final class Parent: Sendable {
        let target: Target
        let indent: String?
        /// The blocks given inside the tag, which replace the parent's blocks of the same name.
        let arguments: [String: BlockBody]
        let offset: Int

        init(target: Target, indent: String?, arguments: [String: BlockBody], offset: Int) {
            self.target = target
            self.indent = indent
            self.arguments = arguments
            self.offset = offset
        }
    }

    final class Block: Sendable {
        let name: String
        /// Default content.
        let body: [Node]
        /// Indentation added to every line the block expands to.
        let indent: String
        /// The block sits mid-line: its first line continues the current output line.
        let inline: Bool
        let offset: Int

        init(name: String, body: [Node], indent: String, inline: Bool, offset: Int) {
            self.name = name
            self.body = body
            self.indent = indent
            self.inline = inline
            self.offset = offset
        }
    }

    /// Block content together with the template it was written in, for error locations.
    struct BlockBody: Sendable {
        let nodes: [Node]
        let origin: TemplateSource
    }
}
