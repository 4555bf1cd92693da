import BriefBuiltIn
import BriefModel
import XCTest

@testable import BriefCompanies

final class GazetteerTests: XCTestCase {
    func testBuiltInGazetteerIsLargeAndClean() throws {
        let text = try XCTUnwrap(EmbeddedFiles.files["data/Gazetteer.yml"])
        let parsed = try GazetteerFile.parse(text, path: "Gazetteer.yml")
        XCTAssertEqual(parsed.diagnostics, [], "the built-in file must parse without a complaint")
        let gazetteer = Gazetteer.builtIn
        XCTAssertGreaterThanOrEqual(gazetteer.companies.count, 500)
        XCTAssertEqual(Set(gazetteer.companies.map(\.slug)).count, gazetteer.companies.count)
        for company in gazetteer.companies {
            XCTAssertTrue(Slug.isValid(company.slug), company.slug)
            XCTAssertNotNil(company.description, company.name)
            XCTAssertTrue(company.website?.hasPrefix("https://") == true, company.name)
        }
        for name in [
            "Tesla", "xAI", "Xiaomi", "Nvidia", "Microsoft", "Meta", "Google", "Amazon", "BYD", "NIO", "XPeng",
            "Li Auto",
        ] {
            XCTAssertNotNil(gazetteer.companies.first { $0.spellings.contains(name) }, name)
        }
        XCTAssertTrue(gazetteer.companies.first { $0.name == "Apple" }?.ambiguous == true)
        XCTAssertTrue(gazetteer.neverPhrases.contains("The Information"))
    }

    func testSiteFileAddsExtendsOverridesAndSuppresses() throws {
        let yaml = """
            companies:
              - name: Acme Robotics
                aliases: [Acme]
                description: Maker of warehouse robots.
                website: https://acme.example
              - name: Tesla
                aliases: [Tesla Semi Unit]
                description: Our own description of Tesla.
              - name: Microsoft
                rename: Microsoft Corporation
            suppress: [Amazon]
            never: [Gigafactory Texas]
            """
        let parsed = try GazetteerFile.parse(yaml, path: "Content/companies.yml", extending: .builtIn)
        XCTAssertEqual(parsed.diagnostics, [])
        let gazetteer = Gazetteer.builtIn.applying(parsed.changes)
        let acme = try XCTUnwrap(gazetteer.company(slug: "acme-robotics"))
        XCTAssertEqual(acme.aliases, ["Acme"])
        XCTAssertEqual(gazetteer.company(slug: "tesla")?.description, "Our own description of Tesla.")
        XCTAssertNil(gazetteer.company(slug: "amazon"))
        XCTAssertEqual(gazetteer.company(slug: "microsoft")?.name, "Microsoft Corporation")

        let tagger = CompanyTagger(gazetteer: gazetteer)
        let names = tagger.tag(
            heading: "", paragraphs: ["Acme and the Tesla Semi Unit met Microsoft and Amazon at Gigafactory Texas."]
        ).map(\.name)
        XCTAssertEqual(names, ["Acme Robotics", "Tesla", "Microsoft Corporation"])
    }

    func testBadEntriesGetDiagnosticsWithLines() throws {
        let yaml = """
            companies:
              - slug: nameless
              - name: Acme
                slug: acme
              - name: Acme Two
                slug: acme
              - name: Copycat
                aliases: [Tesla]
              - name: Bad Slug
                slug: "../etc"
            colour: blue
            """
        let parsed = try GazetteerFile.parse(yaml, path: "Content/companies.yml", extending: .builtIn)
        let lines = parsed.diagnostics.map { "\($0.line):\($0.severity.rawValue)" }
        XCTAssertEqual(lines, ["2:error", "5:error", "7:error", "9:error", "11:warning"], "\(parsed.diagnostics)")
        XCTAssertTrue(parsed.diagnostics[0].message.contains("no name"))
        XCTAssertTrue(parsed.diagnostics[1].message.contains("duplicate slug \"acme\""))
        XCTAssertTrue(parsed.diagnostics[2].message.contains("\"Tesla\" is claimed by both"))
        XCTAssertEqual(parsed.changes.companies.map(\.name), ["Acme"])

        XCTAssertThrowsError(try GazetteerFile.parse("companies: [unclosed", path: "Content/companies.yml")) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.file, "Content/companies.yml")
            XCTAssertTrue(diagnostic?.message.hasPrefix("invalid YAML") == true, "\(String(describing: diagnostic))")
        }
    }
}
