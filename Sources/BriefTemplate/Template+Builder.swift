/// Turns tokens into the node tree, line by line, applying the standalone-line rules.
///
/// A line that holds only whitespace and tags which print nothing where they stand (sections,
/// comments, partials, parents, blocks, delimiter changes) is "standalone": its whitespace and
/// newline vanish. A standalone partial or parent keeps the removed whitespace as indentation
/// for every line it expands to. Blocks follow the inheritance spec's reindentation rules: a
/// block whose opening tag is standalone has its content's own indentation (that of its first
/// line) removed here and added back, relative to the block's surroundings, where it expands.
struct TreeBuilder {
    /// Deeper nesting than this is rejected: no real template needs it, and it bounds recursion.
    static let maxNesting = 100

    private struct Scope {
        enum Kind {
            case root
            case section(inverted: Bool)
            case parent(indent: [UInt8]?)
            case block(indent: [UInt8], inline: Bool)
        }

        let kind: Kind
        let tag: Tag?
        /// Indentation stripped from the start of each line inside this scope.
        let dedent: [UInt8]
        var nodes: [Node] = []
        var text: [UInt8] = []
        var lineStartPending = false
        var arguments: [String: Node.BlockBody] = [:]

        init(kind: Kind, tag: Tag?, dedent: [UInt8]) {
            self.kind = kind
            self.tag = tag
            self.dedent = dedent
        }

        var isParent: Bool { if case .parent = kind { true } else { false } }

        /// Marks the start of a surviving source line. Inside a parent tag only blocks count,
        /// so text and line starts there are dropped.
        mutating func lineStart() {
            if !isParent { lineStartPending = true }
        }

        mutating func append<C: Collection<UInt8>>(text bytes: C) {
            guard !isParent, !bytes.isEmpty else { return }
            if lineStartPending {
                // A line start right after a newline inside the same text run stays implicit.
                if text.last != 0x0A {
                    flushText()
                    nodes.append(.lineStart)
                }
                lineStartPending = false
            }
            text.append(contentsOf: bytes)
        }

        mutating func append(_ node: Node, origin: TemplateSource) {
            if isParent {
                if case .block(let block) = node {
                    arguments[block.name] = Node.BlockBody(nodes: block.body, origin: origin)
                }
                return
            }
            flushText()
            if lineStartPending {
                nodes.append(.lineStart)
                lineStartPending = false
            }
            nodes.append(node)
        }

        mutating func finishNodes() -> [Node] {
            flushText()
            if lineStartPending { nodes.append(.lineStart) }
            return nodes
        }

        private mutating func flushText() {
            if !text.isEmpty {
                nodes.append(.text(Node.Text(text)))
                text = []
            }
        }
    }

    let bytes: [UInt8]
    let tokens: [Token]
    let origin: TemplateSource
    private var scopes: [Scope]

    init(bytes: [UInt8], tokens: [Token], origin: TemplateSource) {
        self.bytes = bytes
        self.tokens = tokens
        self.origin = origin
        self.scopes = [Scope(kind: .root, tag: nil, dedent: [])]
    }

    mutating func build() throws(TemplateError) -> [Node] {
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count, !tokens[lineEnd].isNewline { lineEnd += 1 }
            try processLine(lineStart..<lineEnd)
            lineStart = lineEnd + 1
        }
        if scopes.count > 1, let open = scopes.last?.tag {
            let (line, column) = origin.location(of: open.offset)
            throw origin.error(
                .unclosedSection, at: open.offset,
                "\(word(for: open)) \"\(display(open))\" opened at \(line):\(column) is never closed")
        }
        return scopes[0].finishNodes()
    }

    // MARK: Lines

    /// `line` excludes the newline token, which (if any) sits at `line.upperBound`.
    private mutating func processLine(_ line: Range<Int>) throws(TemplateError) {
        let newline: Token? = line.upperBound < tokens.count ? tokens[line.upperBound] : nil
        let dedent = top.dedent
        if isStandalone(line) {
            var indent: [UInt8] = []
            if let first = line.first, case .text = tokens[first].kind {
                indent = Array(bytes[tokens[first].range])
            }
            indent = TreeBuilder.dropCommonPrefix(indent, dedent)
            for index in line {
                if case .tag(let tag) = tokens[index].kind {
                    try handle(tag, standalone: true, indent: indent, nextLine: line.upperBound + 1)
                }
            }
            return
        }
        if !line.isEmpty { modifyTop { $0.lineStart() } }
        var leadingWhitespace: [UInt8]? = []
        for index in line {
            let token = tokens[index]
            switch token.kind {
            case .text:
                var slice = bytes[token.range]
                if index == line.lowerBound {
                    slice = slice.dropFirst(TreeBuilder.commonPrefixLength(slice, dedent))
                }
                if leadingWhitespace != nil {
                    leadingWhitespace = slice.allSatisfy(TreeBuilder.isIndentation) ? Array(slice) : nil
                }
                modifyTop { $0.append(text: slice) }
            case .tag(let tag):
                try handle(
                    tag, standalone: false, indent: leadingWhitespace ?? [], inlineColumn: leadingWhitespace != nil,
                    nextLine: nil)
                leadingWhitespace = nil
            case .newline:
                break
            }
        }
        if let newline {
            let slice = bytes[newline.range]
            modifyTop { $0.append(text: slice) }
        }
    }

    /// Only whitespace and tags that print nothing in place, at most one of them a partial or
    /// parent (whose indentation the line's whitespace becomes). A block that expands in place
    /// and also closes on this line is content, like a variable, so its line is not standalone.
    private func isStandalone(_ line: Range<Int>) -> Bool {
        var tags = 0
        var references = 0
        var open: [(isParent: Bool, expands: Bool)] = []
        let outerIsParent = top.isParent
        for index in line {
            switch tokens[index].kind {
            case .text:
                if !bytes[tokens[index].range].allSatisfy(TreeBuilder.isIndentation) { return false }
            case .newline:
                break
            case .tag(let tag):
                guard tag.mayStandAlone else { return false }
                tags += 1
                switch tag.sigil {
                case .partial:
                    references += 1
                case .parent:
                    references += 1
                    open.append((true, false))
                case .section, .inverted:
                    open.append((false, false))
                case .block:
                    open.append((false, !(open.last?.isParent ?? outerIsParent)))
                case .close:
                    if let closed = open.popLast(), closed.expands { return false }
                default:
                    break
                }
            }
        }
        return tags > 0 && references <= 1
    }

    // MARK: Tags

    private mutating func handle(
        _ tag: Tag, standalone: Bool, indent: [UInt8], inlineColumn: Bool = false, nextLine: Int?
    ) throws(TemplateError) {
        switch tag.sigil {
        case .comment, .setDelimiters:
            break
        case .variable, .unescaped:
            appendNode(
                .variable(Node.Variable(name: Node.Name(tag.name), escaped: tag.sigil == .variable, offset: tag.offset))
            )
        case .partial:
            appendNode(
                .partial(
                    Node.Partial(target: target(tag), indent: standalone ? string(indent) : nil, offset: tag.offset)))
        case .section, .inverted:
            try push(Scope(kind: .section(inverted: tag.sigil == .inverted), tag: tag, dedent: top.dedent))
        case .parent:
            try push(Scope(kind: .parent(indent: standalone ? indent : nil), tag: tag, dedent: top.dedent))
        case .block:
            if standalone {
                // The content's own indentation is that of its first line.
                let own = nextLine.map(leadingIndentation(ofLineAt:)) ?? []
                let relative = TreeBuilder.dropCommonPrefix(own, top.dedent)
                try push(Scope(kind: .block(indent: relative, inline: false), tag: tag, dedent: own))
            } else {
                try push(
                    Scope(kind: .block(indent: inlineColumn ? indent : [], inline: true), tag: tag, dedent: top.dedent))
            }
        case .close:
            try close(tag)
        }
    }

    private mutating func push(_ scope: Scope) throws(TemplateError) {
        guard scopes.count <= TreeBuilder.maxNesting else {
            throw origin.error(
                .nestingTooDeep, at: scope.tag?.offset ?? 0,
                "sections, parents and blocks are nested more than \(TreeBuilder.maxNesting) levels deep")
        }
        scopes.append(scope)
    }

    private mutating func close(_ tag: Tag) throws(TemplateError) {
        guard scopes.count > 1, var scope = scopes.popLast(), let open = scope.tag else {
            throw origin.error(.unexpectedClose, at: tag.offset, "closing tag \"\(tag.name)\" has no opening tag")
        }
        guard closes(tag, open) else {
            let (line, column) = origin.location(of: open.offset)
            throw origin.error(
                .mismatchedClose, at: tag.offset,
                "\(word(for: open)) \"\(display(open))\" opened at \(line):\(column) is closed by \"\(tag.name)\"")
        }
        let body = scope.finishNodes()
        let node: Node
        switch scope.kind {
        case .root:
            return
        case .section(let inverted):
            node = .section(
                Node.Section(name: Node.Name(open.name), inverted: inverted, body: body, offset: open.offset))
        case .parent(let indent):
            node = .parent(
                Node.Parent(
                    target: target(open), indent: indent.map(string), arguments: scope.arguments, offset: open.offset))
        case .block(let indent, let inline):
            node = .block(
                Node.Block(name: open.name, body: body, indent: string(indent), inline: inline, offset: open.offset))
        }
        appendNode(node)
    }

    /// A dynamic parent `{{<*name}}` may be closed by `{{/name}}` or `{{/*name}}`.
    private func closes(_ close: Tag, _ open: Tag) -> Bool {
        if close.name == open.name { return true }
        guard open.dynamic, close.name.first == "*" else { return false }
        return close.name.dropFirst().drop(while: { $0 == " " || $0 == "\t" }) == open.name
    }

    // MARK: Helpers

    private var top: Scope { scopes[scopes.count - 1] }

    private mutating func modifyTop(_ body: (inout Scope) -> Void) {
        body(&scopes[scopes.count - 1])
    }

    private mutating func appendNode(_ node: Node) {
        let origin = self.origin
        modifyTop { $0.append(node, origin: origin) }
    }

    private func target(_ tag: Tag) -> Node.Target {
        tag.dynamic ? .dynamic(Node.Name(tag.name)) : .named(tag.name)
    }

    private func word(for tag: Tag) -> String {
        switch tag.sigil {
        case .parent: "parent"
        case .block: "block"
        default: "section"
        }
    }

    private func display(_ tag: Tag) -> String { tag.dynamic ? "*" + tag.name : tag.name }

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Leading spaces and tabs of the line starting at token `index`.
    private func leadingIndentation(ofLineAt index: Int) -> [UInt8] {
        guard index < tokens.count, case .text = tokens[index].kind else { return [] }
        return Array(bytes[tokens[index].range].prefix(while: TreeBuilder.isIndentation))
    }

    static func isIndentation(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    static func commonPrefixLength<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Int {
        var count = 0
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            count += 1
        }
        return count
    }

    static func dropCommonPrefix(_ bytes: [UInt8], _ prefix: [UInt8]) -> [UInt8] {
        Array(bytes.dropFirst(commonPrefixLength(bytes, prefix)))
    }
}
