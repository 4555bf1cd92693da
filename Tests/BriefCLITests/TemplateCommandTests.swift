import Foundation
import XCTest

/// Theme authors' view: `brief template render`, and template problems during `brief build`.
final class TemplateCommandTests: XCTestCase {
    func testRenderPrintsExactlyTheResult() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write(
            "{{<frame}}{{$body}}Hi {{name}}, {{#items}}{{> item}}{{/items}}{{/body}}{{/frame}}", "page.mustache",
            in: folder)
        try E2E.write("<main>{{$body}}{{/body}}</main>", "frame.mustache", in: folder)
        try E2E.write("[{{.}}]", "partials/item.mustache", in: folder)
        try E2E.write(#"{"name": "A & B", "items": [1, 2.5]}"#, "data.json", in: folder)
        let result = try BriefRunner.run(["template", "render", "page.mustache", "--data", "data.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "<main>Hi A &amp; B, [1][2.5]</main>")
        XCTAssertEqual(result.stderr, "")
    }

    func testRenderWarnsAboutATagLeftOpenInTheTemplateOrAPartialItUses() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write("<h1>{{title</h1>}}\n{{> card}}", "page.mustache", in: folder)
        try E2E.write("<p>{{name</p>}}", "partials/card.mustache", in: folder)
        try E2E.write("<p>{{oops</p>}}", "partials/unused.mustache", in: folder)
        try E2E.write(#"{"name": "N"}"#, "data.json", in: folder)
        let result = try BriefRunner.run(["template", "render", "page.mustache", "--data", "data.json"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("page.mustache:1:5: warning: unclosed tag"), result.stderr)
        XCTAssertTrue(result.stderr.contains("card.mustache:1:4: warning: unclosed tag"), result.stderr)
        XCTAssertFalse(result.stderr.contains("unused"), "a template the render does not use is not its business")
        XCTAssertFalse(result.stdout.contains("warning"), "the output stays exactly the result")
    }

    func testRenderErrorsNameTheTemplatePosition() throws {
        let folder = BriefRunner.temporaryFolder(self)
        try E2E.write("line one\n  {{#companies}}\n{{name}}\n{{/company}}\n", "broken.mustache", in: folder)
        try E2E.write("{}", "data.json", in: folder)
        let broken = try BriefRunner.run(["template", "render", "broken.mustache", "--data", "data.json"], in: folder)
        XCTAssertEqual(broken.status, 1)
        XCTAssertEqual(broken.stdout, "")
        XCTAssertTrue(
            broken.stderr.contains(
                "broken.mustache:4:1: error: section \"companies\" opened at 2:3 is closed by \"company\""),
            broken.stderr)

        try E2E.write("{{> nowhere}}", "missing.mustache", in: folder)
        let missing = try BriefRunner.run(
            ["template", "render", "missing.mustache", "--data", "data.json"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("missing.mustache:1:1: error:"), missing.stderr)

        try E2E.write("{{unknown}}", "strict.mustache", in: folder)
        let strict = try BriefRunner.run(
            ["template", "render", "strict.mustache", "--data", "data.json", "--strict"], in: folder)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(
            strict.stderr.contains("strict.mustache:1:1: error:") && strict.stderr.contains("unknown"), strict.stderr)

        XCTAssertEqual(try BriefRunner.run(["template", "render", "strict.mustache"], in: folder).status, 64)
        try E2E.write("{not json", "bad.json", in: folder)
        let badJSON = try BriefRunner.run(["template", "render", "strict.mustache", "--data", "bad.json"], in: folder)
        XCTAssertEqual(badJSON.status, 1)
        XCTAssertTrue(
            badJSON.stderr.contains("bad.json:1:2: error: invalid JSON: expected a key in double quotes"),
            badJSON.stderr)
    }

    func testBuildStopsOnTemplateErrorsAndKeepsThePreviousSite() throws {
        let folder = try BriefRunner.sampleSite(self)
        XCTAssertEqual(try BriefRunner.run(["build"], in: folder).status, 0)
        let index = folder.appendingPathComponent("Site/index.html")
        let before = BriefRunner.read(index)

        let cases: [(file: String, text: String, expected: String)] = [
            (
                "story.mustache", "{{<layout}}{{$main}}\n{{#companies}}\n{{/company}}{{/main}}{{/layout}}",
                "Templates/story.mustache:3:1: error: section \"companies\" opened at 2:1 is closed by \"company\""
            ),
            (
                "story.mustache", "{{<layout}}{{$main}}{{> no-such-partial}}{{/main}}{{/layout}}",
                "Templates/story.mustache:1:21: error: partial \"no-such-partial\""
            ),
            ("partials/loop.mustache", "{{> loop}}", "Templates/partials/loop.mustache:1:1: error:"),
        ]
        for (file, text, expected) in cases {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("Templates"))
            try E2E.write(text, "Templates/\(file)", in: folder)
            if file.contains("loop") {
                try E2E.write(
                    "{{<layout}}{{$main}}{{> loop}}{{/main}}{{/layout}}", "Templates/story.mustache", in: folder)
            }
            let result = try BriefRunner.run(["build"], in: folder)
            XCTAssertEqual(result.status, 1, file)
            XCTAssertTrue(result.stderr.contains(expected), "expected \(expected) in:\n\(result.stderr)")
            XCTAssertEqual(BriefRunner.read(index), before, "Site/ must be left as it was")
        }
    }

    func testStrictBuildReportsMissingVariables() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write(
            "{{<layout}}{{$main}}<h1>{{heading}}</h1>\n<p>{{subtitle}}</p>{{/main}}{{/layout}}",
            "Templates/story.mustache", in: folder)
        let relaxed = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(relaxed.status, 0, relaxed.stderr)
        let strict = try BriefRunner.run(["build", "--strict"], in: folder)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(
            strict.stderr.contains("Templates/story.mustache:2:4: error:") && strict.stderr.contains("subtitle"),
            strict.stderr)
    }

    /// Template mistakes that parse — a tag left open, a misspelt file name, a template written for another
    /// generator — are warnings at their place, errors with `--strict`.
    func testTemplateMistakesThatParseAreWarningsAndErrorsUnderStrict() throws {
        let folder = try BriefRunner.sampleSite(self)
        try E2E.write(
            "{{<layout}}{{$main}}\n<h1>{{heading</h1>\n{{{html}}}{{/main}}{{/layout}}\n", "Templates/story.mustache",
            in: folder)
        try E2E.write("{{<layout}}{{$main}}{{heading}}{{/main}}{{/layout}}", "Templates/stroy.mustache", in: folder)
        try E2E.write("<html><body>{{ .Title }}</body></html>\n", "Templates/briefing.mustache", in: folder)
        try E2E.write(
            "{{<layout}}{{$main}}<div>{{title}}</div>{{/main}}{{/layout}}", "Templates/briefings.mustache",
            in: folder)
        let result = try BriefRunner.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = [
            "Templates/story.mustache:2:5: warning: unclosed tag: \"{{heading\" has no \"}}\" before \"<\"",
            "Templates/stroy.mustache:1:1: warning: brief does not use a template named \"stroy\"; "
                + "did you mean story.mustache?",
            "Templates/briefing.mustache:1:1: warning: the pages drawn with briefing.mustache have no text",
        ]
        for line in expected { XCTAssertTrue(result.stderr.contains(line), "\(line)\n\(result.stderr)") }
        XCTAssertFalse(
            result.stderr.contains("briefings.mustache:"),
            "a page with text and <main> is fine:\n\(result.stderr)")

        let strict = try BriefRunner.run(["build", "--strict"], in: folder)
        XCTAssertEqual(strict.status, 1)
        for line in expected {
            let error = line.replacingOccurrences(of: ": warning: ", with: ": error: ")
            XCTAssertTrue(strict.stderr.contains(error), "\(error)\n\(strict.stderr)")
        }

        // The built-in theme's files, copied as they are, raise none of these.
        let copy = try BriefRunner.sampleSite(self)
        for name in ["layout", "story", "partials/date", "index"] {
            let text = BriefRunner.read(BriefRunner.packageRoot.appendingPathComponent("Templates/\(name).mustache"))
            try E2E.write(text, "Templates/\(name).mustache", in: copy)
        }
        let clean = try BriefRunner.run(["build", "--strict"], in: copy)
        XCTAssertEqual(clean.status, 0, clean.stderr)
        XCTAssertFalse(clean.stderr.contains("Templates/"), clean.stderr)
    }
}
