import BriefBuiltIn
import BriefModel
import XCTest

@testable import BriefCompanies

final class GazetteerTests: XCTestCase {
    func testBuiltInGazetteerIsLargeAndClean() throws {
        let text = try XCTUnwrap(EmbeddedFiles.files["data/Gazetteer.yml"])
        var diagnostics = Diagnostics()
        _ = try GazetteerFile.parse(text, path: "Gazetteer.yml", into: &diagnostics)
        XCTAssertEqual(diagnostics.all, [], "the built-in file must parse without a complaint")
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
        var diagnostics = Diagnostics()
        let changes = try GazetteerFile.parse(
            yaml, path: "Content/companies.yml", extending: .builtIn, into: &diagnostics)
        XCTAssertEqual(diagnostics.all, [])
        let gazetteer = Gazetteer.builtIn.applying(changes)
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
        var diagnostics = Diagnostics()
        let changes = try GazetteerFile.parse(
            yaml, path: "Content/companies.yml", extending: .builtIn, into: &diagnostics)
        let path = "Content/companies.yml"
        XCTAssertEqual(
            diagnostics.all,
            [
                GazetteerError.unnamedEntry(path: path, line: 2, column: 5).diagnostic,
                GazetteerError.duplicateSlug(path: path, line: 5, column: 5, slug: "acme", firstLine: 3).diagnostic,
                GazetteerError.spellingClaimedTwice(
                    path: path, line: 7, column: 5, spelling: "Tesla", owner: "Tesla", name: "Copycat"
                ).diagnostic,
                GazetteerError.invalidSlug(path: path, line: 9, column: 5, slug: "../etc").diagnostic,
                GazetteerWarning.unknownKey(path: path, line: 11, column: 1, key: "colour").diagnostic,
            ])
        XCTAssertEqual(changes.companies.map(\.name), ["Acme"])

        diagnostics = Diagnostics()
        XCTAssertThrowsError(
            try GazetteerFile.parse("companies: [unclosed", path: "Content/companies.yml", into: &diagnostics)
        ) { error in
            let diagnostic = (error as? DiagnosticError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.file, "Content/companies.yml")
            XCTAssertTrue(diagnostic?.message.hasPrefix("invalid YAML") == true, "\(String(describing: diagnostic))")
        }
    }

    func testAFileThatCannotBeReadThrowsWithWhatWasFoundBefore() {
        let yaml = """
            colour: blue
            companies: Acme
            """
        var diagnostics = Diagnostics()
        XCTAssertThrowsError(try GazetteerFile.parse(yaml, path: "companies.yml", into: &diagnostics)) { error in
            XCTAssertEqual(
                (error as? DiagnosticError)?.diagnostics,
                [
                    GazetteerWarning.unknownKey(path: "companies.yml", line: 1, column: 1, key: "colour").diagnostic,
                    GazetteerError.companiesNotAList(path: "companies.yml", line: 2, column: 12).diagnostic,
                ])
        }
    }

    func testEachProblemIsWordedAtItsPlace() {
        let cases: [(DiagnosticConvertible, String)] = [
            (
                GazetteerError.companiesNotAList(path: "c.yml", line: 1, column: 12),
                "c.yml:1:12: error: \"companies\" must be a list of entries"
            ),
            (
                GazetteerError.unnamedEntry(path: "c.yml", line: 2, column: 5),
                "c.yml:2:5: error: company entry has no name; entry left out"
            ),
            (
                GazetteerError.invalidSlug(path: "c.yml", line: 3, column: 5, slug: "A B"),
                "c.yml:3:5: error: slug \"A B\" may only hold a-z, 0-9 and single hyphens; entry left out"
            ),
            (
                GazetteerError.duplicateSlug(path: "c.yml", line: 4, column: 5, slug: "acme", firstLine: 2),
                "c.yml:4:5: error: duplicate slug \"acme\" (first used at line 2); entry left out"
            ),
            (
                GazetteerError.spellingClaimedTwice(
                    path: "c.yml", line: 5, column: 5, spelling: "Tesla", owner: "Tesla", name: "Copycat"),
                "c.yml:5:5: error: \"Tesla\" is claimed by both \"Tesla\" and \"Copycat\"; entry left out"
            ),
            (
                GazetteerWarning.unknownKey(path: "c.yml", line: 6, column: 1, key: "colour"),
                "c.yml:6:1: warning: unknown key \"colour\"; expected companies, suppress or never"
            ),
            (
                GazetteerWarning.unknownEntryKey(path: "c.yml", line: 7, column: 5, key: "colour"),
                "c.yml:7:5: warning: unknown key \"colour\" in a company entry; known keys: aliases, ambiguous, "
                    + "description, name, rename, sector, slug, ticker, website"
            ),
        ]
        for (problem, printed) in cases { XCTAssertEqual(problem.diagnostic.description, printed) }
    }
}
