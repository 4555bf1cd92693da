import Foundation
import Yams

/// Reads YAML files (front matter, `brief.yml`, `companies.yml`, the gazetteer) into nodes
/// that keep their position, so every complaint can name the file, line and column.
package struct YAMLReader {
    /// The path shown in diagnostics.
    package var path: String
    /// The file line of the YAML text's first line, for YAML cut out of a larger file.
    package var firstLine: Int = 1

    /// A reader for the file at `path`, whose YAML starts on the file's line `firstLine`.
    package init(path: String, firstLine: Int = 1) {
        self.path = path
        self.firstLine = firstLine
    }

    /// The document's root node, nil for an empty document.
    package func compose(_ text: String) throws(DiagnosticError) -> Node? {
        do {
            // The basic resolver leaves every scalar untyped: Yams's default one runs up to seven regular
            // expressions on each (a third of a build's start-up went there); `bool` and `int` read the text.
            return try Yams.compose(yaml: text, .basic)
        } catch {
            throw DiagnosticError(diagnostic(for: error, in: text))
        }
    }

    /// The error diagnostic for a failure of Yams, at its position; a duplicate key is placed at its
    /// second use in `text`.
    package func diagnostic(for error: Error, in text: String = "") -> Diagnostic {
        // Yams throws nothing else; should it, its own words are the best there are.
        guard let yaml = error as? YamlError else { return .error(path, line: firstLine, "\(error)") }
        return problem(yaml, in: text).diagnostic
    }

    /// A failure of Yams as brief words it.
    private func problem(_ yaml: YamlError, in text: String) -> YAMLError {
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var detail = problem
            if let context { detail += " (\(context.text) at line \(context.mark.line + firstLine - 1))" }
            return .invalid(path: path, line: mark.line + firstLine - 1, column: mark.column, detail: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let (line, column) = Self.secondOccurrence(of: duplicates.first ?? "", in: text, from: context.mark)
            return .duplicateKeys(path: path, line: line + firstLine - 1, column: column, keys: duplicates)
        case .reader(let problem, _, _, _):
            return .invalid(path: path, line: firstLine, column: 1, detail: problem)
        default:
            return .invalid(path: path, line: firstLine, column: 1, detail: "\(yaml)")
        }
    }

    /// Where a key appears the second time at the indentation of its first appearance, from
    /// `mark` on (Yams reports only where the mapping starts).
    package static func secondOccurrence(of key: String, in text: String, from mark: Mark) -> (line: Int, column: Int) {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= mark.line {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            let bare = rest.hasPrefix("- ") ? rest.dropFirst(2) : rest
            let name = bare.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                in: CharacterSet(charactersIn: "\"'"))
            guard name == key, bare.dropFirst(bare.prefix { $0 != ":" }.count).hasPrefix(":") else { continue }
            seen += 1
            if seen == 2 { return (index + 1, indent + (rest.count - bare.count) + 1) }
        }
        return (mark.line, mark.column)
    }

    /// An error about `node`, at its position.
    package func error(_ node: Node, _ message: String) -> Diagnostic {
        .error(path, line: line(of: node), column: column(of: node), message)
    }

    /// The file line of `node`, counting from the file's first line rather than the YAML's.
    package func line(of node: Node) -> Int {
        (node.mark?.line ?? 1) + firstLine - 1
    }

    /// The column of `node`, 1-based.
    package func column(of node: Node) -> Int {
        node.mark?.column ?? 1
    }

    /// The key-value pairs of a mapping, or an error naming what was expected.
    package func mapping(_ node: Node, _ what: String) throws(DiagnosticError) -> [(
        key: String, keyNode: Node, value: Node
    )] {
        guard let mapping = node.mapping else {
            throw DiagnosticError(
                YAMLError.notAMapping(path: path, line: line(of: node), column: column(of: node), what: what))
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw DiagnosticError(
                    YAMLError.keyNotText(path: path, line: line(of: key), column: column(of: key), what: what))
            }
            pairs.append((name, key, value))
        }
        return pairs
    }

    /// The text of a scalar value, or an error naming `key` when it is not text (a list, a mapping, null).
    package func string(_ node: Node, _ key: String) throws(DiagnosticError) -> String {
        guard let scalar = node.scalar, node.null == nil else {
            throw DiagnosticError(
                YAMLError.notText(path: path, line: line(of: node), column: column(of: node), key: key))
        }
        return scalar.string
    }

    /// Like `string`, but null (`key:` with nothing after it, or `~`) gives nil instead of an error.
    package func optionalString(_ node: Node, _ key: String) throws(DiagnosticError) -> String? {
        if node.null != nil { return nil }
        return try string(node, key)
    }

    /// An unquoted `true`, `yes`, `on`, `false`, `no` or `off` (any case), or an error naming `key`.
    package func bool(_ node: Node, _ key: String) throws(DiagnosticError) -> Bool {
        guard let value = Self.plain(node).flatMap({ Self.booleans[$0.lowercased()] }) else {
            throw DiagnosticError(
                YAMLError.notTrueOrFalse(path: path, line: line(of: node), column: column(of: node), key: key))
        }
        return value
    }

    /// A whole number within `range`, or an error naming `key` and the range.
    package func int(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws(DiagnosticError) -> Int {
        guard let value = Self.plain(node).flatMap({ Int($0.hasPrefix("+") ? String($0.dropFirst()) : $0) }) else {
            throw DiagnosticError(
                YAMLError.notAWholeNumber(path: path, line: line(of: node), column: column(of: node), key: key))
        }
        guard range.contains(value) else {
            throw DiagnosticError(
                YAMLError.outOfRange(path: path, line: line(of: node), column: column(of: node), key: key, range: range)
            )
        }
        return value
    }

    /// YAML's words for true and false (`"true"` in quotes is text).
    private static let booleans = ["true": true, "yes": true, "on": true, "false": false, "no": false, "off": false]

    /// The text of an unquoted scalar, the only kind that can be a number or a truth value.
    private static func plain(_ node: Node) -> String? {
        guard let scalar = node.scalar, scalar.style == .plain else { return nil }
        return scalar.string
    }

    /// A list of texts; a single text is accepted as a list of one.
    package func strings(_ node: Node, _ key: String) throws(DiagnosticError) -> [String] {
        if node.null != nil { return [] }
        if node.scalar != nil { return [try string(node, key)] }
        guard let sequence = node.sequence else {
            throw DiagnosticError(
                YAMLError.notAListOfTexts(path: path, line: line(of: node), column: column(of: node), key: key))
        }
        var result: [String] = []
        for item in sequence { result.append(try string(item, key)) }
        return result
    }
}
