import BriefTemplate
import XCTest

/// Every error names the file, the 1-based line and character column of the offending tag, and says what is wrong.
final class ErrorTests: XCTestCase {
    // MARK: Parse errors

    func testUnclosedSection() {
        assertParseError(
            "Hello\n{{#x}}\nbody\n", .unclosedSection, line: 2, column: 1,
            "section \"x\" opened at 2:1 is never closed")
    }

    func testUnclosedInnerSectionIsReported() {
        assertParseError(
            "{{#a}}\n  {{^b}}\n{{/b}}", .unclosedSection, line: 1, column: 1,
            "section \"a\" opened at 1:1 is never closed")
    }

    func testUnclosedParentAndBlock() {
        assertParseError(
            "{{<layout}}\n  {{$content}}x{{/content}}\n", .unclosedSection, line: 1, column: 1,
            "parent \"layout\" opened at 1:1 is never closed")
        assertParseError(
            "a {{$content}}x", .unclosedSection, line: 1, column: 3,
            "block \"content\" opened at 1:3 is never closed")
    }

    func testMismatchedClose() {
        let source = """
            <ul>
              <li>start</li>
            {{#companies}}
              <li>{{name}}</li>
            {{/company}}
            </ul>
            """
        assertParseError(
            source, .mismatchedClose, line: 5, column: 1,
            "section \"companies\" opened at 3:1 is closed by \"company\"")
    }

    func testMismatchedCloseOfNestedDottedSection() {
        assertParseError(
            "{{#a.b}}\n  {{#c}}{{/a.b}}", .mismatchedClose, line: 2, column: 9,
            "section \"c\" opened at 2:3 is closed by \"a.b\"")
    }

    func testCloseWithoutOpen() {
        assertParseError("a\n  {{/x}}\n", .unexpectedClose, line: 2, column: 3, "closing tag \"x\" has no opening tag")
        assertParseError(
            "{{#a}}{{/a}}{{/a}}", .unexpectedClose, line: 1, column: 13, "closing tag \"a\" has no opening tag")
    }

    func testUnclosedTag() {
        assertParseError(
            "Hi {{name", .unclosedTag, line: 1, column: 4, "tag opened with \"{{\" is never closed with \"}}\"")
        assertParseError(
            "Hi {{{name}}", .unclosedTag, line: 1, column: 4, "tag opened with \"{{\" is never closed with \"}}\"")
        assertParseError(
            "{{=<% %>=}}\nline\n <%name", .unclosedTag, line: 3, column: 2,
            "tag opened with \"<%\" is never closed with \"%>\"")
    }

    func testBadDelimiters() {
        let tooFew =
            "set-delimiter tag \"{{=<% =}}\" needs two delimiters separated by whitespace, without whitespace or \"=\" inside them"
        assertParseError("{{=<% =}}", .badDelimiters, line: 1, column: 1, tooFew)
        assertParseError(
            "x\n{{= =}}", .badDelimiters, line: 2, column: 1,
            "set-delimiter tag \"{{= =}}\" needs two delimiters separated by whitespace, without whitespace or \"=\" inside them"
        )
        assertParseError(
            "{{=< % %>=}}", .badDelimiters, line: 1, column: 1,
            "set-delimiter tag \"{{=< % %>=}}\" needs two delimiters separated by whitespace, without whitespace or \"=\" inside them"
        )
        assertParseError(
            "{{=a= b=}}", .badDelimiters, line: 1, column: 1,
            "set-delimiter tag \"{{=a= b=}}\" needs two delimiters separated by whitespace, without whitespace or \"=\" inside them"
        )
        assertParseError("{{=<% %>}}", .badDelimiters, line: 1, column: 1, "set-delimiter tag must end with \"=}}\"")
    }

    func testValidDelimitersStillWork() throws {
        XCTAssertEqual(
            try Template(name: "t", source: "{{=<%\t%>=}}<% x %>|<%{x}%>").render(["x": "<a>"]), "&lt;a&gt;|<a>")
    }

    func testEmptyTagName() {
        for source in [
            "{{}}", "{{ }}", "{{#}}", "{{^ }}", "{{/}}", "{{> }}", "{{>*}}", "{{<}}", "{{$}}", "{{&}}", "{{{ }}}",
        ] {
            assertParseError(source, .emptyTagName, line: 1, column: 1, "tag \"\(source)\" has no name")
        }
        assertParseError("ab\ncd {{#}}", .emptyTagName, line: 2, column: 4, "tag \"{{#}}\" has no name")
    }

    func testNestingTooDeep() {
        let source = String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)
        assertParseError(
            source, .nestingTooDeep, line: 1, column: 601,
            "sections, parents and blocks are nested more than 100 levels deep")
        XCTAssertNoThrow(
            try Template(
                name: "t", source: String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)))
    }

    // MARK: Positions

    func testColumnsCountCharactersNotBytes() {
        // "héllo wörld " is 12 characters but 14 bytes.
        assertParseError(
            "héllo wörld {{#x}}", .unclosedSection, line: 1, column: 13, "section \"x\" opened at 1:13 is never closed")
        // A family emoji is one character of 18 bytes; "\r\n" ends a line.
        assertParseError(
            "line one\r\n👩‍👩‍👧 {{/x}}", .unexpectedClose, line: 2, column: 3, "closing tag \"x\" has no opening tag")
    }

    func testDescriptionIsCompilerStyle() {
        do {
            _ = try Template(name: "story", path: "Templates/story.mustache", source: "a\n\n{{#x}}")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(
                error.description, "Templates/story.mustache:3:1: error: section \"x\" opened at 3:1 is never closed")
            XCTAssertEqual(error.path, "Templates/story.mustache")
        }
    }

    func testPathDefaultsToName() {
        do {
            _ = try Template(name: "partials/card", source: "{{/x}}")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.path, "partials/card")
        }
    }

    // MARK: Missing partials

    func testMissingPartialRendersEmptyByDefault() throws {
        let library = try makeLibrary(["page": "[{{>card}}]"])
        XCTAssertEqual(try library.render("page", [:]), "[]")
    }

    func testMissingPartialIsErrorWhenAsked() throws {
        let library = try makeLibrary(["page": "<main>\n  {{#items}}\n    {{> card }}\n  {{/items}}\n</main>"])
        let error = assertRenderError(library, "page", ["items": [1]], RenderOptions(missingPartialIsError: true))
        XCTAssertEqual(error?.kind, .missingPartial)
        XCTAssertEqual(error?.path, "Templates/page.mustache")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 5)
        XCTAssertEqual(error?.message, "partial \"card\" not found (looked for \"card\" and \"partials/card\")")
    }

    func testMissingParentIsErrorWhenAsked() throws {
        let library = try makeLibrary(["page": "x {{<layout}}{{$a}}1{{/a}}{{/layout}}"])
        XCTAssertEqual(try library.render("page", [:]), "x ")
        let error = assertRenderError(
            library, "page", [:], RenderOptions(missingPartialIsError: true, partialLookup: .exactName))
        XCTAssertEqual(error?.kind, .missingPartial)
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.message, "parent \"layout\" not found")
    }

    func testMissingDynamicPartialIsErrorWhenAsked() throws {
        let library = try makeLibrary(["page": "{{>*kind}}"])
        XCTAssertEqual(try library.render("page", ["kind": "video"]), "")
        let error = assertRenderError(library, "page", ["kind": "video"], RenderOptions(missingPartialIsError: true))
        XCTAssertEqual(error?.message, "partial \"video\" not found (looked for \"video\" and \"partials/video\")")
        XCTAssertEqual(error?.column, 1)
    }

    func testMissingReferences() throws {
        let library = try makeLibrary([
            "story": "{{<layout}}\n{{$content}}\n  {{>card}}\n  {{>byline}}\n{{/content}}\n{{/layout}}",
            "layout": "<main>{{$content}}{{/content}}</main>\n{{#x}}\n   {{>footer}}{{/x}}\n{{>*dynamic}}",
            "partials/card": "card",
        ])
        let errors = library.missingReferences()
        XCTAssertEqual(
            errors.map(\.description),
            [
                "Templates/layout.mustache:3:4: error: partial \"footer\" not found (looked for \"footer\" and \"partials/footer\")",
                "Templates/story.mustache:4:3: error: partial \"byline\" not found (looked for \"byline\" and \"partials/byline\")",
            ])
        XCTAssertEqual(errors.map(\.kind), [.missingPartial, .missingPartial])
        XCTAssertEqual(
            library.missingReferences(lookup: .exactName).count, 3, "card is only found through the partials/ folder")
    }

    func testMissingReferencesNamesMissingParent() throws {
        let library = try makeLibrary(["story": "\n  {{<layout}}{{/layout}}"])
        XCTAssertEqual(
            library.missingReferences().map(\.description),
            [
                "Templates/story.mustache:2:3: error: parent \"layout\" not found (looked for \"layout\" and \"partials/layout\")"
            ])
    }

    func testMissingTemplate() throws {
        let library = try makeLibrary(["page": "x"])
        XCTAssertThrowsError(try library.render("nope", [:])) { error in
            XCTAssertEqual((error as? TemplateError)?.kind, .missingTemplate)
            XCTAssertEqual((error as? TemplateError)?.message, "template \"nope\" not found")
        }
    }

    // MARK: Recursion

    func testPartialRecursion() throws {
        let library = try makeLibrary(["self": "x\n  {{>self}}"])
        let error = assertRenderError(library, "self", [:])
        XCTAssertEqual(error?.kind, .recursionTooDeep)
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.message, "partial \"self\" expands more than 100 levels deep (does it include itself?)")
    }

    func testMutualPartialRecursion() throws {
        let library = try makeLibrary(["a": "{{>b}}", "b": "{{#x}}{{>a}}{{/x}}"])
        let error = assertRenderError(library, "a", ["x": true])
        XCTAssertEqual(error?.kind, .recursionTooDeep)
        XCTAssertEqual(error?.path, "Templates/a.mustache")
        XCTAssertEqual(error?.column, 1)
    }

    func testParentRecursion() throws {
        let library = try makeLibrary(["self": "{{<self}}{{$a}}x{{/a}}{{/self}}"])
        let error = assertRenderError(library, "self", [:])
        XCTAssertEqual(error?.kind, .recursionTooDeep)
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 1)
        XCTAssertEqual(error?.message, "parent \"self\" expands more than 100 levels deep (does it include itself?)")
    }

    func testBlockThatExpandsItselfIsRecursion() throws {
        let library = try makeLibrary(["page": "{{<p}}{{$a}}<{{$a}}{{/a}}>{{/a}}{{/p}}", "p": "{{$a}}{{/a}}"])
        XCTAssertEqual(assertRenderError(library, "page", [:])?.kind, .recursionTooDeep)
    }

    func testDataDrivenRecursionWithinLimitRenders() throws {
        let library = try makeLibrary(["node": "{{name}}{{#child}}({{>node}}){{/child}}"])
        XCTAssertEqual(
            try library.render("node", chain(depth: 50)),
            (0..<50).map { "n\($0)" }.joined(separator: "(") + String(repeating: ")", count: 49))
        XCTAssertEqual(assertRenderError(library, "node", chain(depth: 150))?.kind, .recursionTooDeep)
    }

    func testRunawayOutputIsAnError() throws {
        // Twenty sections nested over a ten-item list would render 10^20 lines (of more than 16 bytes
        // each, so that the output, not the count of expansions, reaches its limit first).
        let line = "<li>one line of the runaway list</li>\n"
        let source = String(repeating: "{{#items}}", count: 20) + line + String(repeating: "{{/items}}", count: 20)
        let library = try makeLibrary(["page": source])
        var options = RenderOptions()
        options.maxOutputBytes = 1 << 20
        let error = assertRenderError(library, "page", ["items": .list(Array(repeating: 1, count: 10))], options)
        XCTAssertEqual(error?.kind, .outputTooLarge)
        XCTAssertEqual(error?.line, 1)
    }

    /// Partials d0…d29, each including the next one twice: 2^30 copies of the leaf.
    private func doublingPartials(leaf: String) throws -> TemplateLibrary {
        var sources = ["page": "<main>\n{{>d0}}</main>", "d29": leaf]
        for level in 0..<29 { sources["d\(level)"] = "{{>d\(level + 1)}}{{>d\(level + 1)}}" }
        return try makeLibrary(sources)
    }

    func testPartialsThatMultiplyTheOutputAreAnError() throws {
        // Without a list in sight: the output doubles with every level of partials.
        let library = try doublingPartials(leaf: "<p>the leaf of the tree, with some words</p>\n")
        let error = assertRenderError(library, "page", [:])
        XCTAssertEqual(error?.kind, .outputTooLarge)
        XCTAssertEqual(error?.path, "Templates/d28.mustache")
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 9)
        XCTAssertEqual(error?.message, "partial \"d29\" makes the output larger than 16 MB")
        // The limit is settable; just under it renders.
        var small = RenderOptions()
        small.maxOutputBytes = 20_000
        XCTAssertEqual(
            assertRenderError(library, "page", [:], small)?.message,
            "partial \"d29\" makes the output larger than 20000 bytes")
        let within = try makeLibrary([
            "page": "{{>d0}}", "d0": "{{>d1}}{{>d1}}",
            "d1": String(repeating: "x", count: 9_000),
        ])
        XCTAssertEqual(try within.render("page", [:], options: small).count, 18_000)
    }

    func testPartialsThatMultiplyTheWorkAreAnError() throws {
        // Nothing is written, but 2^30 expansions would take minutes.
        let library = try doublingPartials(leaf: "")
        let started = Date()
        let error = assertRenderError(library, "page", [:])
        XCTAssertEqual(error?.kind, .tooManyExpansions)
        XCTAssertEqual(error?.message.hasPrefix("partial \""), true, error?.message ?? "")
        let expected = "makes one render expand partials, blocks and list items more than 1048576 times"
        XCTAssertEqual(error?.message.hasSuffix(expected), true, error?.message ?? "")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        // The same for a list of empty items.
        let list = try makeLibrary(["page": "{{#items}}{{#items}}{{#items}}{{/items}}{{/items}}{{/items}}"])
        let items = TemplateValue.list(Array(repeating: 1, count: 200))
        XCTAssertEqual(assertRenderError(list, "page", ["items": items])?.kind, .tooManyExpansions)
    }

    // MARK: Strict mode

    func testStrictMissingVariable() throws {
        let library = try makeLibrary(["page": "Hello\n  {{user.name}}!"])
        XCTAssertEqual(try library.render("page", ["user": [:]]), "Hello\n  !")
        let error = assertRenderError(library, "page", ["user": [:]], RenderOptions(strict: true))
        XCTAssertEqual(error?.kind, .missingVariable)
        XCTAssertEqual(error?.path, "Templates/page.mustache")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 3)
        XCTAssertEqual(error?.message, "variable \"user.name\" not found")
        XCTAssertEqual(error?.description, "Templates/page.mustache:2:3: error: variable \"user.name\" not found")
    }

    func testStrictAllowsSectionsOnMissingValues() throws {
        // `{{#x}}` is how a template tests for an optional value, so strict mode leaves sections alone.
        let library = try makeLibrary(["page": "é {{#items}}x{{/items}}", "inv": "{{^items}}none{{/items}}"])
        XCTAssertEqual(try library.render("page", [:], options: RenderOptions(strict: true)), "é ")
        XCTAssertEqual(try library.render("inv", [:], options: RenderOptions(strict: true)), "none")
        XCTAssertEqual(try library.render("inv", ["items": []], options: RenderOptions(strict: true)), "none")
    }

    func testStrictAcceptsPresentNullAndImplicitIterator() throws {
        let library = try makeLibrary(["page": "[{{subtitle}}]{{#list}}{{.}}{{/list}}"])
        XCTAssertEqual(
            try library.render("page", ["subtitle": nil, "list": [1, 2]], options: RenderOptions(strict: true)), "[]12")
    }

    func testStrictErrorInsideBlockOverrideNamesTheChildTemplate() throws {
        let library = try makeLibrary([
            "story": "{{<layout}}\n{{$content}}\n  <p>{{missing}}</p>\n{{/content}}\n{{/layout}}",
            "layout": "<main>\n  {{$content}}{{/content}}\n</main>",
        ])
        let error = assertRenderError(library, "story", [:], RenderOptions(strict: true))
        XCTAssertEqual(error?.path, "Templates/story.mustache")
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 6)
    }

    func testStrictErrorInsidePartialNamesThePartial() throws {
        let library = try makeLibrary([
            "page": "{{#items}}{{>card}}{{/items}}", "partials/card": "\n\t<b>{{title}}</b>",
        ])
        let error = assertRenderError(library, "page", ["items": [["name": "x"]]], RenderOptions(strict: true))
        XCTAssertEqual(error?.path, "Templates/partials/card.mustache")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 5)
    }

    func testStrictMissingDynamicName() throws {
        let library = try makeLibrary(["page": "{{>*kind}}"])
        let error = assertRenderError(library, "page", [:], RenderOptions(strict: true))
        XCTAssertEqual(error?.message, "dynamic name \"kind\" not found")
    }

    // MARK: Helpers

    private func assertParseError(
        _ source: String, _ kind: TemplateError.Kind, line: Int, column: Int, _ message: String,
        file: StaticString = #filePath, sourceLine: UInt = #line
    ) {
        do {
            _ = try Template(name: "t", path: "t.mustache", source: source)
            XCTFail("expected \(kind) for \(source.debugDescription)", file: file, line: sourceLine)
        } catch {
            XCTAssertEqual(error.kind, kind, source.debugDescription, file: file, line: sourceLine)
            XCTAssertEqual(error.path, "t.mustache", file: file, line: sourceLine)
            XCTAssertEqual(error.line, line, "line for \(source.debugDescription)", file: file, line: sourceLine)
            XCTAssertEqual(error.column, column, "column for \(source.debugDescription)", file: file, line: sourceLine)
            XCTAssertEqual(error.message, message, file: file, line: sourceLine)
        }
    }

    @discardableResult
    private func assertRenderError(
        _ library: TemplateLibrary, _ name: String, _ data: TemplateValue, _ options: RenderOptions = .init(),
        file: StaticString = #filePath, line: UInt = #line
    ) -> TemplateError? {
        do {
            let output = try library.render(name, data, options: options)
            XCTFail("expected an error, got \(output.prefix(80).debugDescription)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func makeLibrary(_ sources: [String: String]) throws -> TemplateLibrary {
        TemplateLibrary(
            try sources.sorted(by: { $0.key < $1.key }).map {
                try Template(name: $0.key, path: "Templates/\($0.key).mustache", source: $0.value)
            })
    }

    private func chain(depth: Int) -> TemplateValue {
        // The leaf's explicit null stops `child` from resolving to an outer frame's child.
        var node: TemplateValue = ["name": "n\(depth - 1)", "child": nil]
        for level in stride(from: depth - 2, through: 0, by: -1) {
            node = ["name": .string("n\(level)"), "child": node]
        }
        return node
    }
}
