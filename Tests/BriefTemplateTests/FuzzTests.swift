import BriefTemplate
import Foundation
import XCTest

/// Random and mutated templates must parse or throw `TemplateError`, and render or throw it:
/// never crash, hang or produce positions outside the source.
final class FuzzTests: XCTestCase {
    /// SplitMix64, so every run feeds the same inputs.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let fragments = [
        "{{", "}}", "{{{", "}}}", "{", "}", "{{#a}}", "{{/a}}", "{{#b.c}}", "{{/b.c}}", "{{^a}}", "{{^list}}",
        "{{/list}}",
        "{{#list}}", "{{.}}", "{{a}}", "{{&a}}", "{{{a}}}", "{{b.c}}", "{{! comment }}", "{{!", "{{>p}}", "{{> q }}",
        "{{>*a}}", "{{<p}}", "{{/p}}", "{{<*name}}", "{{/*name}}", "{{$blk}}", "{{/blk}}", "{{$x}}", "{{/x}}",
        "{{=<% %>=}}", "<%", "%>", "<%={{ }}=%>", "{{=| |=}}", "|", "=", "*", "#", "/", ">", "<", "$", "^", "&", "!",
        "\n", "\r\n", "\r", "  ", "\t", "text", "é", "👍🏽", "—", "\u{0}", ".", "..", "{{ }}", "{{#}}", "{{/}}",
    ]

    private static let partialSources = [
        "p": "<p>{{a}}\n  {{$blk}}default{{/blk}}\n</p>\n",
        "q": "{{#list}}\n  {{>p}}\n{{/list}}",
        "partials/r": "{{<p}}{{$blk}}{{.}}{{/blk}}{{/p}}",
        "loop": "{{>loop}}",
        "name": "{{$x}}X{{/x}}",
    ]

    private static let data: [TemplateValue] = [
        [:],
        ["a": "A<&>", "b": ["c": true], "list": [1, "two", ["a": "inner"]], "name": "name"],
        ["a": ["a": ["a": "deep"]], "list": [], "x": nil, "blk": 3.5],
        "root", [1, 2],
    ]

    func testRandomFragmentTemplates() {
        var generator = Generator(state: 0xB1EF)
        for _ in 0..<2_500 {
            let count = Int.random(in: 0...40, using: &generator)
            var source = ""
            for _ in 0..<count { source += Self.fragments.randomElement(using: &generator) ?? "" }
            exercise(source, using: &generator)
        }
    }

    func testRandomBytesDecodedLossily() {
        var generator = Generator(state: 0x5EED)
        let alphabet: [UInt8] =
            Array("{}#^/!>=<$&*. \n\r\tab".utf8) + [0xC3, 0xA9, 0xF0, 0x9F, 0x91, 0x8D, 0xFF, 0x80, 0x00]
        for _ in 0..<1_500 {
            let count = Int.random(in: 0...120, using: &generator)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                bytes.append(
                    Bool.random(using: &generator)
                        ? alphabet.randomElement(using: &generator) ?? 0
                        : UInt8.random(in: 0...255, using: &generator))
            }
            exercise(String(decoding: bytes, as: UTF8.self), using: &generator)
        }
    }

    func testMutatedSpecTemplates() throws {
        var generator = Generator(state: 0xC0FFEE)
        let seeds =
            Self.partialSources.values.sorted() + [
                "Hello {{name}}\n{{#items}}\n  - {{.}}\n{{/items}}\n{{^items}}none{{/items}}",
                "{{<layout}}\n{{$title}}T{{/title}}\n{{$content}}\n  {{>card}}\n{{/content}}\n{{/layout}}\n",
                "{{=<% %>=}}<%#a%>[<%{b.c}%>]<%/a%><%={{ }}=%>{{x}}",
                "|\r\n{{>*dynamic}}\r\n|  {{! c }}\n",
            ]
        for _ in 0..<1_500 {
            var scalars = Array((seeds.randomElement(using: &generator) ?? "").unicodeScalars)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0...scalars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    let insert = Self.fragments.randomElement(using: &generator) ?? ""
                    scalars.insert(contentsOf: insert.unicodeScalars, at: position)
                case 1 where position < scalars.count:
                    scalars.remove(at: position)
                default:
                    if position < scalars.count {
                        scalars[position] = "{}#/\n=".unicodeScalars.randomElement(using: &generator) ?? "{"
                    }
                }
            }
            var source = ""
            source.unicodeScalars.append(contentsOf: scalars)
            exercise(source, using: &generator)
        }
    }

    func testHugeTemplates() throws {
        let row = "<tr><td>{{name}}</td><td>{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}</td></tr>\n"
        let big = String(repeating: row, count: 20_000)
        let template = try Template(name: "big", source: "{{#rows}}\n" + big + "{{/rows}}\n")
        let output = try template.render(["rows": [["name": "a", "flag": true]]])
        XCTAssertEqual(output.utf8.count, 20_000 * "<tr><td>a</td><td>yes</td></tr>\n".utf8.count)

        let unbalanced = String(repeating: "{{#a}}{{{b}}", count: 50_000)
        XCTAssertThrowsError(try Template(name: "u", source: unbalanced))
        // Runs of braces parse as triple mustaches with odd names; they must not throw or crawl.
        let braces = String(repeating: "{{{{}}}}{", count: 50_000)
        let rendered = try Template(name: "b", source: braces).render(["{": "x"])
        XCTAssertGreaterThan(rendered.utf8.count, 50_000)
        let text = String(repeating: "}} plain {text} ", count: 50_000)
        XCTAssertEqual(try Template(name: "t", source: text).render([:]), text)
    }

    // MARK: Helpers

    private func exercise(_ source: String, using generator: inout Generator) {
        let template: Template
        do {
            template = try Template(name: "fuzz", source: source)
        } catch {
            checkPosition(error, in: source)
            return
        }
        var templates = [template]
        for (name, partial) in Self.partialSources.sorted(by: { $0.key < $1.key }) {
            if let parsed = try? Template(name: name, source: partial) { templates.append(parsed) }
        }
        let library = TemplateLibrary(templates)
        _ = library.missingReferences()
        let data = Self.data.randomElement(using: &generator) ?? [:]
        for options in [RenderOptions(), RenderOptions(strict: true, missingPartialIsError: true)] {
            do {
                _ = try library.render("fuzz", data, options: options)
            } catch {
                XCTAssertGreaterThanOrEqual(error.line, 1, source.debugDescription)
                XCTAssertGreaterThanOrEqual(error.column, 1, source.debugDescription)
            }
        }
    }

    private func checkPosition(_ error: TemplateError, in source: String) {
        let lines = Array(source.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        XCTAssertTrue((1...lines.count).contains(error.line), "line \(error.line) outside \(source.debugDescription)")
        if (1...lines.count).contains(error.line) {
            let characters = String(decoding: lines[error.line - 1], as: UTF8.self).count
            XCTAssertTrue(
                (1...characters + 1).contains(error.column), "column \(error.column) outside \(source.debugDescription)"
            )
        }
        XCTAssertFalse(error.message.isEmpty)
    }
}
