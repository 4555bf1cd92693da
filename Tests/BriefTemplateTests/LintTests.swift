import BriefTemplate
import XCTest

/// Tags that parse but are mistakes: `{{` left open before the end of its line or a `<`/`>` of the markup.
final class LintTests: XCTestCase {
    private func warnings(_ source: String) throws -> [String] {
        try Template(name: "t", path: "Templates/t.mustache", source: source).unclosedTagWarnings.map(\.description)
    }

    func testATagLeftOpenBeforeMarkupIsFoundWhereItStarts() throws {
        let source = "<main>\n  <h1>{{title</h1>\n<p>{{summary}}</p>\n</main>\n"
        XCTAssertEqual(
            try warnings(source),
            [
                "Templates/t.mustache:2:7: error: unclosed tag: \"{{title\" has no \"}}\" before \"<\"; "
                    + "it takes in the text up to the next \"}}\""
            ])
        let endOfLine = try Template(name: "t", source: "é {{name\n}}").unclosedTagWarnings
        XCTAssertEqual(endOfLine.map { "\($0.line):\($0.column)" }, ["1:3"])
        XCTAssertTrue(endOfLine[0].message.contains("before the end of the line"), endOfLine[0].message)
    }

    func testWellFormedTagsAreNotFlagged() throws {
        let source = """
            {{<layout}}{{$main}}<h1>{{ title }}</h1>{{{html}}}{{> partials/date}}{{&raw}}{{#list}}{{.}}{{/list}}
            {{^none}}-{{/none}}{{! a comment
            that spans <lines> }}{{/main}}{{/layout}}
            """
        XCTAssertEqual(try warnings(source), [])
        XCTAssertEqual(try warnings("{{=<% %>=}}<h1><%title%></h1>{{x"), [], "other delimiters are not checked")
    }
}
