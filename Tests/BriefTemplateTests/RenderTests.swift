import BriefTemplate
import Foundation
import XCTest

/// Behaviour the Mustache spec leaves open or does not exercise, as brief relies on it.
final class RenderTests: XCTestCase {
    // MARK: Dependencies

    func testDependenciesFollowPartialsAndParentsThrough() throws {
        let library = try makeLibrary([
            "story": "{{<layout}}{{$content}}{{#items}}{{>card}}{{/items}}{{/content}}{{/layout}}",
            "layout": "<main>{{$content}}{{/content}}</main>{{>footer}}",
            "partials/card": "<b>{{name}}</b>{{>date}}",
            "partials/date": "{{date}}",
            "partials/footer": "<footer></footer>",
            "company": "<h1>{{name}}</h1>",
            "dynamic": "{{<layout}}{{$content}}{{>*kind}}{{/content}}{{/layout}}",
        ])
        XCTAssertEqual(
            library.dependencies(of: "story").map { Set($0.map(\.name)) },
            ["story", "layout", "partials/card", "partials/date", "partials/footer"])
        XCTAssertEqual(library.dependencies(of: "company").map { $0.map(\.name) }, ["company"])
        XCTAssertNil(library.dependencies(of: "dynamic"), "a partial picked by the data could be any template")
        XCTAssertNil(library.dependencies(of: "missing"))
    }

    // MARK: Inheritance and partials together

    func testPartialInsideParentBlock() throws {
        let library = try makeLibrary([
            "story": "{{<layout}}{{$content}}{{#items}}{{>card}}{{/items}}{{/content}}{{/layout}}",
            "layout": "<main>{{$content}}default{{/content}}</main>",
            "partials/card": "<b>{{name}}</b>",
        ])
        XCTAssertEqual(
            try library.render("story", ["items": [["name": "A"], ["name": "B & C"]]]),
            "<main><b>A</b><b>B &amp; C</b></main>")
    }

    func testLayoutWithIndentedBlocksAndStandalonePartial() throws {
        let library = try makeLibrary([
            "layout": """
            <html>
              <head>
                <title>{{$title}}Site{{/title}}</title>
              </head>
              <body>
                {{$content}}
                <p>nothing</p>
                {{/content}}
              </body>
            </html>

            """,
            "page": """
            {{<layout}}
            {{$title}}{{name}}{{/title}}
            {{$content}}
            <h1>{{name}}</h1>
            <ul>
              {{#items}}
              {{>item}}
              {{/items}}
            </ul>
            {{/content}}
            {{/layout}}

            """,
            "partials/item": "<li>\n  {{.}}\n</li>\n",
        ])
        let expected = """
            <html>
              <head>
                <title>Home</title>
              </head>
              <body>
                <h1>Home</h1>
                <ul>
                  <li>
                    1
                  </li>
                  <li>
                    2
                  </li>
                </ul>
              </body>
            </html>

            """
        XCTAssertEqual(try library.render("page", ["name": "Home", "items": [1, 2]]), expected)
        XCTAssertEqual(
            try library.render("layout", [:]),
            expected
                .replacingOccurrences(of: "Home</title>", with: "Site</title>")
                .replacingOccurrences(
                    of:
                        "    <h1>Home</h1>\n    <ul>\n      <li>\n        1\n      </li>\n      <li>\n        2\n      </li>\n    </ul>\n",
                    with: "    <p>nothing</p>\n"))
    }

    func testBlocksPassThroughPartialsOfTheParent() throws {
        let library = try makeLibrary([
            "page": "{{<layout}}{{$footer}}custom{{/footer}}{{/layout}}",
            "layout": "[{{>footer}}]",
            "partials/footer": "<{{$footer}}default{{/footer}}>",
        ])
        XCTAssertEqual(try library.render("page", [:]), "[<custom>]")
        XCTAssertEqual(try library.render("layout", [:]), "[<default>]")
    }

    func testPartialLookup() throws {
        let library = try makeLibrary([
            "page": "{{>card}}|{{>partials/card}}|{{>other}}", "partials/card": "C", "other": "O",
            "partials/other": "X",
        ])
        XCTAssertEqual(try library.render("page", [:]), "C|C|O")
        XCTAssertEqual(try library.render("page", [:], options: RenderOptions(partialLookup: .exactName)), "|C|O")
        XCTAssertEqual(library.resolve("card")?.name, "partials/card")
        XCTAssertNil(library.resolve("card", lookup: .exactName))
        XCTAssertEqual(library.template(named: "other")?.path, "Templates/other.mustache")
    }

    func testDynamicPartialAndDynamicParent() throws {
        let library = try makeLibrary([
            "page": "{{#blocks}}{{>*kind}}{{/blocks}}|{{<*layout}}{{$x}}X{{/x}}{{/*layout}}",
            "partials/text": "t:{{body}};",
            "partials/image": "i:{{src}};",
            "wide": "<{{$x}}{{/x}}>",
        ])
        let data: TemplateValue = [
            "layout": "wide",
            "blocks": [["kind": "text", "body": "hi"], ["kind": "image", "src": "a.png"], ["kind": "video"]],
        ]
        XCTAssertEqual(try library.render("page", data), "t:hi;i:a.png;|<X>")
    }

    func testLaterTemplateWithSameNameWins() throws {
        let library = TemplateLibrary([
            try Template(name: "a", source: "1"), try Template(name: "b", source: "{{>a}}"),
            try Template(name: "a", source: "2"),
        ])
        XCTAssertEqual(try library.render("b", [:]), "2")
        XCTAssertEqual(library.templates.map(\.name), ["a", "b"])
    }

    func testTemplateRenderConvenience() throws {
        let template = try Template(name: "t", source: "{{#a}}{{b}}{{/a}}")
        XCTAssertEqual(try template.render(["a": ["b": 1.5]]), "1.5")
        XCTAssertEqual(template.path, "t")
        XCTAssertEqual(template.source, "{{#a}}{{b}}{{/a}}")
    }

    // MARK: Names and sections

    func testNestedSectionsWithDottedNames() throws {
        let template = try Template(
            name: "t",
            source: "{{#site.author}}{{name}} <{{site.email}}>{{#links.home}} {{url}}{{/links.home}}{{/site.author}}")
        let data: TemplateValue = [
            "site": ["email": "e@x", "author": ["name": "Ann", "links": ["home": ["url": "/ann"]]]]
        ]
        XCTAssertEqual(try template.render(data), "Ann <e@x> /ann")
    }

    func testDottedNameDoesNotFallBackOnceFirstPartIsFound() throws {
        let template = try Template(name: "t", source: "{{#page}}[{{site.title}}]{{/page}}")
        XCTAssertEqual(try template.render(["site": ["title": "S"], "page": ["site": [:]]]), "[]")
        XCTAssertEqual(try template.render(["site": ["title": "S"], "page": ["other": 1]]), "[S]")
    }

    func testTruthiness() throws {
        let template = try Template(name: "t", source: "{{#v}}Y{{/v}}{{^v}}N{{/v}}")
        let cases: [(TemplateValue, String)] = [
            (nil, "N"), (false, "N"), ("", "N"), ([], "N"),
            (true, "Y"), (0, "Y"), ("0", "Y"), ([:], "Y"), ([0], "Y"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try template.render(["v": value]), expected, "\(value)")
        }
    }

    func testListOfListsAndImplicitIterator() throws {
        let template = try Template(name: "t", source: "{{#rows}}[{{#.}}{{.}},{{/.}}]{{/rows}}")
        XCTAssertEqual(try template.render(["rows": [[1, 2], ["a"], []]]), "[1,2,][a,][]")
    }

    func testBlockScopeSeesTheParentsContext() throws {
        let library = try makeLibrary([
            "page": "{{<list}}{{$item}}<{{name}}>{{/item}}{{/list}}", "list": "{{#items}}{{$item}}{{/item}}{{/items}}",
        ])
        XCTAssertEqual(try library.render("page", ["items": [["name": "a"], ["name": "b"]]]), "<a><b>")
    }

    // MARK: Values

    func testNumberFormatting() throws {
        let template = try Template(name: "t", source: "{{n}}")
        let cases: [(TemplateValue, String)] = [
            (1.0, "1"), (1.5, "1.5"), (85, "85"), (-3, "-3"), (0.1, "0.1"), (-0.0, "0"),
            (1e20, "1e+20"), (.number(9_007_199_254_740_991), "9007199254740991"), (2.5e-7, "2.5e-07"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try template.render(["n": value]), expected)
        }
        XCTAssertEqual(TemplateValue.format(number: 1234.5), "1234.5")
    }

    func testJSONNumbersRenderLikeTheSpecWants() throws {
        let data = try TemplateValue(json: Data(#"{"a": 1.0, "b": 1.5, "c": 85, "d": 1.210}"#.utf8))
        XCTAssertEqual(try Template(name: "t", source: "{{a}} {{b}} {{c}} {{d}}").render(data), "1 1.5 85 1.21")
    }

    func testOtherValuesRender() throws {
        let template = try Template(name: "t", source: "{{t}}|{{f}}|{{n}}|{{l}}|{{d}}|{{missing}}")
        XCTAssertEqual(
            try template.render(["t": true, "f": false, "n": nil, "l": [1, 2], "d": ["a": 1]]), "true|false||||")
    }

    func testHTMLEscaping() throws {
        let template = try Template(name: "t", source: "{{v}}|{{{v}}}|{{&v}}")
        XCTAssertEqual(
            try template.render(["v": #"<a href="x">Tom & 'Jerry'</a>"#]),
            #"&lt;a href=&quot;x&quot;&gt;Tom &amp; 'Jerry'&lt;/a&gt;|<a href="x">Tom & 'Jerry'</a>|<a href="x">Tom & 'Jerry'</a>"#
        )
        XCTAssertEqual(
            try template.render(["v": "Ünïcødé & «quotes» — “fine” 👍🏽 <"]).split(separator: "|").first,
            "Ünïcødé &amp; «quotes» — “fine” 👍🏽 &lt;")
        let long = String(repeating: "Grüße & Küsse ", count: 100)
        XCTAssertEqual(
            try template.render(["v": .string(long)]),
            long.replacingOccurrences(of: "&", with: "&amp;") + "|" + long + "|" + long)
    }

    // MARK: Text, unicode, whitespace

    func testUnicodeAroundTags() throws {
        let template = try Template(
            name: "t", source: "Grüße, {{name}}! 👋🏽 — {{{html}}} «{{#list}}{{.}}·{{/list}}»\n日本語{{!c}}テキスト")
        XCTAssertEqual(
            try template.render(["name": "Zoë", "html": "<é>", "list": ["α", "β"]]),
            "Grüße, Zoë! 👋🏽 — <é> «α·β·»\n日本語テキスト")
    }

    func testStandalonePartialIndentationWithUnicodeAndEmptyLines() throws {
        let library = try makeLibrary(["page": "<div>\n\t  {{>p}}\n</div>", "p": "«a»\n\nb {{x}}\n"])
        XCTAssertEqual(try library.render("page", ["x": "1\n2"]), "<div>\n\t  «a»\n\n\t  b 1\n2\n</div>")
    }

    func testCRLFLineEndings() throws {
        let template = try Template(
            name: "t", source: "<ul>\r\n  {{#items}}\r\n  <li>{{.}}</li>\r\n  {{/items}}\r\n</ul>\r\n")
        XCTAssertEqual(try template.render(["items": [1, 2]]), "<ul>\r\n  <li>1</li>\r\n  <li>2</li>\r\n</ul>\r\n")
    }

    func testEmptyTemplateAndPlainText() throws {
        XCTAssertEqual(try Template(name: "t", source: "").render([:]), "")
        XCTAssertEqual(try Template(name: "t", source: "{ } {{! x }} }} {").render([:]), "{ }  }} {")
    }

    func testNonDictionaryRoot() throws {
        XCTAssertEqual(try Template(name: "t", source: "{{.}}|{{#.}}<{{.}}>{{/.}}").render(["a", "b"]), "|<a><b>")
        XCTAssertEqual(try Template(name: "t", source: "{{.}}!").render("hi"), "hi!")
    }

    // MARK: Concurrency and stack use

    func testConcurrentRendersMatchSerialRender() throws {
        let expected = try TemplateBenchmark.renderStoryPage()
        XCTAssertGreaterThan(expected.utf8.count, 5000)
        XCTAssertTrue(
            expected.contains("<a href=\"https://brief.example/companies/umbrella/\">Umbrella &amp; Sons</a>"))
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<50 where (try? TemplateBenchmark.renderStoryPage()) != expected {
                mismatches.increment()
            }
        }
        XCTAssertEqual(mismatches.value, 0)
    }

    /// Release builds need about 250 KB of stack for the deepest render allowed, so a 512 KB
    /// secondary thread is safe; unoptimized builds use several times more per level.
    func testDeepRecursionOnSmallThreadStackThrowsInsteadOfCrashing() throws {
        let library = try makeLibrary([
            "node": "{{#child}}{{#a}}{{#b}}{{>node}}{{/b}}{{/a}}{{/child}}",
            "deep": String(repeating: "{{#a}}", count: 100) + "{{>deep}}" + String(repeating: "{{/a}}", count: 100),
        ])
        var chain: TemplateValue = ["child": nil]
        for _ in 0..<300 { chain = ["child": chain, "a": true, "b": true] }
        let data = chain
        let results = Results()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            results.set(0, Self.kind(of: { try library.render("node", data) }))
            results.set(1, Self.kind(of: { try library.render("deep", ["a": true]) }))
            done.signal()
        }
        #if DEBUG
            thread.stackSize = 4 * 1024 * 1024
        #else
            thread.stackSize = 512 * 1024
        #endif
        thread.start()
        done.wait()
        XCTAssertEqual(results.values, [.recursionTooDeep, .recursionTooDeep])
    }

    func testBenchmarkRuns() {
        let result = TemplateBenchmark.storyPage(iterations: 20)
        XCTAssertEqual(result.pages, 20)
        XCTAssertGreaterThan(result.seconds, 0)
    }

    // MARK: Helpers

    private static func kind(of render: () throws -> String) -> TemplateError.Kind? {
        do {
            _ = try render()
            return nil
        } catch let error as TemplateError {
            return error.kind
        } catch {
            return nil
        }
    }

    private func makeLibrary(_ sources: [String: String]) throws -> TemplateLibrary {
        TemplateLibrary(
            try sources.sorted(by: { $0.key < $1.key }).map {
                try Template(name: $0.key, path: "Templates/\($0.key).mustache", source: $0.value)
            })
    }
}

private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var kinds: [Int: TemplateError.Kind?] = [:]
    func set(_ index: Int, _ kind: TemplateError.Kind?) { lock.withLock { kinds[index] = kind } }
    var values: [TemplateError.Kind?] { lock.withLock { kinds.sorted(by: { $0.key < $1.key }).map(\.value) } }
}
