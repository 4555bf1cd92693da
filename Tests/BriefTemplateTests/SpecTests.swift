import BriefTemplate
import Foundation
import XCTest

/// Runs the official Mustache spec (github.com/mustache/spec) JSON files against BriefTemplate.
///
/// The files live outside the package in `../shared/conformance/mustache-spec` (or `$MUSTACHE_SPEC_DIR`);
/// when they are absent the tests skip instead of failing.
final class SpecTests: XCTestCase {
    struct SpecFile: Decodable {
        let tests: [SpecCase]
    }

    struct SpecCase: Decodable {
        let name: String
        let desc: String
        let data: TemplateValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    func testComments() throws { try run("comments.json", expectedCount: 12) }
    func testDelimiters() throws { try run("delimiters.json", expectedCount: 14) }
    func testInterpolation() throws { try run("interpolation.json", expectedCount: 42) }
    func testInverted() throws { try run("inverted.json", expectedCount: 22) }
    func testPartials() throws { try run("partials.json", expectedCount: 12) }
    func testSections() throws { try run("sections.json", expectedCount: 34) }
    func testInheritance() throws { try run("~inheritance.json", expectedCount: 27) }
    func testDynamicNames() throws { try run("~dynamic-names.json", expectedCount: 21) }

    // MARK: Running

    private func run(_ file: String, expectedCount: Int) throws {
        let directory = try Self.specDirectory()
        let url = directory.appendingPathComponent(file)
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        XCTAssertEqual(spec.tests.count, expectedCount, "\(file): unexpected number of cases")
        var passed = 0
        for test in spec.tests {
            let got: String
            do {
                got = try render(test)
            } catch {
                XCTFail(report(file, test, got: "threw \(error)"))
                continue
            }
            if got == test.expected {
                passed += 1
            } else {
                XCTFail(report(file, test, got: got))
            }
        }
        print("\(file): \(passed)/\(spec.tests.count) spec cases passed")
    }

    private func render(_ test: SpecCase) throws -> String {
        let rootName = "__spec_root__"
        var templates = [try Template(name: rootName, source: test.template)]
        for (name, source) in (test.partials ?? [:]).sorted(by: { $0.key < $1.key }) {
            templates.append(try Template(name: name, source: source))
        }
        return try TemplateLibrary(templates).render(rootName, test.data)
    }

    private func report(_ file: String, _ test: SpecCase, got: String) -> String {
        let data = (try? JSONEncoder().encode(test.data)).map { String(decoding: $0, as: UTF8.self) } ?? "\(test.data)"
        var lines = [
            "\(file) — \(test.name): \(test.desc)",
            "template: \(test.template.debugDescription)",
            "data:     \(data)",
        ]
        if let partials = test.partials { lines.append("partials: \(partials.debugDescription)") }
        lines.append("expected: \(test.expected.debugDescription)")
        lines.append("got:      \(got.debugDescription)")
        return lines.joined(separator: "\n")
    }

    /// `$MUSTACHE_SPEC_DIR`, else `<package root>/../shared/conformance/mustache-spec`.
    static func specDirectory(filePath: String = #filePath) throws -> URL {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["MUSTACHE_SPEC_DIR"], !override.isEmpty {
            guard fileManager.fileExists(atPath: override) else {
                throw XCTSkip("MUSTACHE_SPEC_DIR=\(override) does not exist; skipping Mustache spec tests")
            }
            return URL(fileURLWithPath: override)
        }
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let spec = directory.deletingLastPathComponent()
                    .appendingPathComponent("shared/conformance/mustache-spec")
                guard fileManager.fileExists(atPath: spec.path) else {
                    throw XCTSkip(
                        "Mustache spec not found at \(spec.path) (set MUSTACHE_SPEC_DIR); skipping spec tests")
                }
                return spec
            }
            directory = directory.deletingLastPathComponent()
        }
        throw XCTSkip("package root not found above \(filePath); skipping Mustache spec tests")
    }
}
